/**
 * Benchmark worker: times one model per worker (as the app runs one heavy model per worker), on frames it fetches
 * and decodes itself so that no pixels cross the page boundary during timing. Exposed with comlink.
 */
import { expose } from 'comlink';
import type { BackendPreference } from '../../../src/core/backend/decideBackend';
import { decodeJpeg } from '../../../src/core/image/jpeg';
import type { RgbImage } from '../../../src/core/perception/types';
import { detectCapabilities } from '../../../src/engines/backend/detectCapabilities';
import { DepthAnythingEstimator } from '../../../src/engines/depth/depthAnythingEstimator';
import { YoloxWebDetector } from '../../../src/engines/detector/yoloxWeb';
import { defaultManifest } from '../../../src/engines/models/defaultManifest';
import { ModelLoader } from '../../../src/engines/models/modelLoader';
import { BUNDLED_ORT_WASM_PATHS } from '../../../src/engines/transformers/browserWasmPaths';
import { summarizeLabels, timeDetector, type LabelSummary } from '../detectorTiming';

export interface ModelRun {
  readonly model: string;
  /** What the engine actually ran on (after any fallback). */
  readonly device: string;
  readonly dtype?: string;
  readonly loadMs: number;
  readonly perFrameMs: number[];
  readonly inputSize: string;
  readonly labels?: LabelSummary[];
  readonly notices: string[];
  readonly crossOriginIsolated: boolean;
  readonly hardwareConcurrency: number;
}

async function loadFrames(urls: readonly string[]): Promise<RgbImage[]> {
  return Promise.all(
    urls.map(async (u) => decodeJpeg(new Uint8Array(await (await fetch(u)).arrayBuffer()), u)),
  );
}

const context = () => ({
  crossOriginIsolated: self.crossOriginIsolated,
  hardwareConcurrency: navigator.hardwareConcurrency,
});

/** Called (through a comlink proxy) right before and after the timed frames, so the host can read CPU counters. */
export type PhaseMark = (phase: 'start' | 'end') => Promise<void>;

const WARMUP = 3;

const api = {
  async detector(frameUrls: string[], preference: BackendPreference, mark?: PhaseMark): Promise<ModelRun> {
    const frames = await loadFrames(frameUrls);
    const { caps } = await detectCapabilities();
    const notices: string[] = [];
    const detector = new YoloxWebDetector({
      // No Cache API: every run loads the model from public/models/ the same way.
      loader: new ModelLoader({ manifest: defaultManifest, modelsBaseUrl: '/models', cache: null }),
      capabilities: caps,
      preference,
      onNotice: (n) => notices.push(n.reason),
    });
    try {
      const t0 = performance.now();
      await detector.load();
      const loadMs = performance.now() - t0;
      for (let i = 0; i < WARMUP; i++) await detector.detect(frames[i % frames.length]);
      await mark?.('start');
      // Already loaded and warm: timeDetector's own load is a no-op here.
      const t = await timeDetector(detector, frames, { warmup: 0 });
      await mark?.('end');
      return {
        model: detector.name,
        device: detector.device ?? '?',
        loadMs,
        perFrameMs: t.perFrameMs,
        inputSize: `${frames[0].width}×${frames[0].height} → 416×416`,
        labels: summarizeLabels(t.detections),
        notices,
        ...context(),
      };
    } finally {
      await detector.dispose();
    }
  },

  async depth(
    frameUrls: string[],
    preference: BackendPreference,
    modelsBase: string,
    mark?: PhaseMark,
  ): Promise<ModelRun> {
    const frames = await loadFrames(frameUrls);
    const { caps } = await detectCapabilities();
    const notices: string[] = [];
    const depth = new DepthAnythingEstimator({
      source: { localModelPath: modelsBase, allowRemoteModels: false, wasmPaths: BUNDLED_ORT_WASM_PATHS },
      capabilities: caps,
      preference,
      onNotice: (m: string) => notices.push(m),
    });
    try {
      let t = performance.now();
      await depth.load();
      const loadMs = performance.now() - t;
      for (let i = 0; i < WARMUP; i++) await depth.estimate(frames[i % frames.length]);
      const perFrameMs: number[] = [];
      let out = '';
      await mark?.('start');
      for (const f of frames) {
        t = performance.now();
        const d = await depth.estimate(f);
        perFrameMs.push(performance.now() - t);
        out = `${d.width}×${d.height}`;
      }
      await mark?.('end');
      return {
        model: `${depth.modelId} (tiny generated weights)`,
        device: depth.backend?.device ?? '?',
        dtype: depth.backend?.dtype,
        loadMs,
        perFrameMs,
        inputSize: `${frames[0].width}×${frames[0].height} → out ${out}`,
        notices,
        ...context(),
      };
    } finally {
      await depth.dispose();
    }
  },
};

export type ModelBenchWorkerApi = typeof api;

expose(api);
