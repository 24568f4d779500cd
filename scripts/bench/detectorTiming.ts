/**
 * Environment-free detector timing (no Node or DOM imports), shared by the Node benchmark
 * (scripts/bench/detector.ts, onnxruntime-node) and the browser harness (YoloxWebDetector on wasm/WebGPU):
 * both feed decoded frames to an ObjectDetector and summarise the same way.
 */
import type { Detection, RgbImage } from '../../src/core/perception/types';
import type { ObjectDetector } from '../../src/engines/detector/types';

export interface TimingSummary {
  readonly count: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
}

/** How often and how strongly each label was found over the frames. */
export interface LabelSummary {
  readonly label: string;
  readonly frames: number;
  readonly minScore: number;
  readonly maxScore: number;
}

export interface DetectorTiming {
  /** `detect()` wall time per frame: letterbox + inference + decode/NMS. */
  readonly perFrameMs: number[];
  readonly detections: Detection[][];
  readonly loadMs: number;
}

export function percentile(xs: readonly number[], p: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
}

export function summarize(ms: readonly number[]): TimingSummary {
  return {
    count: ms.length,
    medianMs: percentile(ms, 0.5),
    p90Ms: percentile(ms, 0.9),
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
  };
}

/** Per label, the frames where it is found at least once, and its score range. */
export function summarizeLabels(perFrame: readonly (readonly Detection[])[]): LabelSummary[] {
  const byLabel = new Map<string, { frames: number; min: number; max: number }>();
  for (const dets of perFrame) {
    for (const label of new Set(dets.map((d) => d.label))) {
      const scores = dets.filter((d) => d.label === label).map((d) => d.score);
      const s = byLabel.get(label) ?? { frames: 0, min: Infinity, max: -Infinity };
      byLabel.set(label, {
        frames: s.frames + 1,
        min: Math.min(s.min, ...scores),
        max: Math.max(s.max, ...scores),
      });
    }
  }
  return [...byLabel.entries()]
    .map(([label, s]) => ({ label, frames: s.frames, minScore: s.min, maxScore: s.max }))
    .sort((a, b) => b.frames - a.frames || a.label.localeCompare(b.label));
}

/** Load (timed), warm up, then time `detect` on every frame, one after another. */
export async function timeDetector(
  detector: ObjectDetector,
  frames: readonly RgbImage[],
  opts: { warmup?: number; scoreThreshold?: number; now?: () => number } = {},
): Promise<DetectorTiming> {
  const now = opts.now ?? (() => performance.now());
  const t0 = now();
  await detector.load();
  const loadMs = now() - t0;
  for (let i = 0; i < (opts.warmup ?? 3) && frames.length > 0; i++)
    await detector.detect(frames[i % frames.length]);
  const perFrameMs: number[] = [];
  const detections: Detection[][] = [];
  for (const frame of frames) {
    const t = now();
    detections.push(await detector.detect(frame, { scoreThreshold: opts.scoreThreshold ?? 0.3 }));
    perFrameMs.push(now() - t);
  }
  return { perFrameMs, detections, loadMs };
}
