/**
 * YOLOX-Nano benchmark on the real ICL living-room frames in Node (onnxruntime-node, CPU):
 * time per frame of `detect()` (letterbox + inference + decode/NMS) and what it finds.
 *   npx tsx scripts/bench/detector.ts [--quick] [--threads N] [--models <dir>] [--seq <folder>]
 * Prints a markdown table and writes bench-out/detector.json and bench-out/detector.md.
 */
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeJpeg } from '../../src/core/image/jpeg';
import type { RgbImage } from '../../src/core/perception/types';
import { YoloxNodeDetector } from '../../src/engines/detector/yoloxNode';
import { summarize, summarizeLabels, timeDetector } from './detectorTiming';
import type { LabelSummary, TimingSummary } from './detectorTiming';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_SEQUENCE = path.resolve(repoRoot, '../shared/data/icl-livingroom');
export const DEFAULT_MODELS = path.resolve(repoRoot, '../shared/models');

export interface DetectorBenchOptions {
  readonly sequence?: string;
  readonly modelsDir?: string;
  /** Every 5th frame only (43 frames). */
  readonly quick?: boolean;
  /** onnxruntime intra-op threads; default: its own choice (all cores). */
  readonly threads?: number;
  readonly scoreThreshold?: number;
  readonly outDir?: string | null;
  readonly log?: (line: string) => void;
}

export interface DetectorBenchResult {
  readonly detector: string;
  readonly backend: 'onnxruntime-node cpu';
  readonly sequence: string;
  readonly frames: number;
  readonly threads: number | 'default';
  readonly scoreThreshold: number;
  readonly loadMs: number;
  /** Wall time of detect() per frame. */
  readonly timing: TimingSummary;
  /** Process CPU time per frame (all threads): steadier than wall time on a shared machine. */
  readonly meanCpuMs: number;
  readonly labels: LabelSummary[];
  /** Top detection per frame, `frame label score`. */
  readonly topPerFrame: string[];
  readonly machine: string;
  readonly node: string;
  readonly date: string;
}

export async function runDetectorBench(opts: DetectorBenchOptions = {}): Promise<DetectorBenchResult> {
  const seq = opts.sequence ?? DEFAULT_SEQUENCE;
  const log = opts.log ?? (() => {});
  const names = (await readdir(path.join(seq, 'image'))).filter((n) => /\.jpe?g$/i.test(n)).sort();
  const chosen = opts.quick ? names.filter((_, i) => i % 5 === 0) : names;
  const frames: RgbImage[] = [];
  for (const name of chosen) {
    frames.push(decodeJpeg(new Uint8Array(await readFile(path.join(seq, 'image', name))), name));
  }
  log(`decoded ${frames.length} frames from ${seq}`);
  const detector = new YoloxNodeDetector({
    modelsDir: opts.modelsDir ?? DEFAULT_MODELS,
    ...(opts.threads ? { threads: opts.threads } : {}),
  });
  const scoreThreshold = opts.scoreThreshold ?? 0.3;
  const cpu0 = process.cpuUsage();
  const timing = await timeDetector(detector, frames, { scoreThreshold });
  const cpu = process.cpuUsage(cpu0);
  await detector.dispose();
  // CPU time includes the load and the 3 warm-up frames; spread over the timed frames it slightly overstates.
  const meanCpuMs = (cpu.user + cpu.system) / 1000 / (frames.length + 3);
  const result: DetectorBenchResult = {
    detector: detector.name,
    backend: 'onnxruntime-node cpu',
    sequence: path.relative(repoRoot, seq),
    frames: frames.length,
    threads: opts.threads ?? 'default',
    scoreThreshold,
    loadMs: timing.loadMs,
    timing: summarize(timing.perFrameMs),
    meanCpuMs,
    labels: summarizeLabels(timing.detections),
    topPerFrame: timing.detections.map((d, i) =>
      d[0] ? `${chosen[i]} ${d[0].label} ${d[0].score.toFixed(2)}` : `${chosen[i]} -`,
    ),
    machine: `${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), ${os.hostname()}`,
    node: process.version,
    date: new Date().toISOString(),
  };
  if (opts.outDir !== null) {
    const out = opts.outDir ?? path.join(repoRoot, 'bench-out');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'detector.json'), JSON.stringify(result, null, 2) + '\n');
    await writeFile(path.join(out, 'detector.md'), formatDetectorBench(result));
  }
  return result;
}

export function formatDetectorBench(r: DetectorBenchResult): string {
  const f = (x: number, d = 1) => x.toFixed(d);
  const t = r.timing;
  return [
    `## YOLOX-Nano, ${r.backend}, ${r.frames} frames of ${r.sequence} (threads: ${r.threads})`,
    '',
    '| frames | load ms | median ms/frame | p90 ms/frame | min | max | CPU ms/frame | machine | node |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${r.frames} | ${f(r.loadMs)} | ${f(t.medianMs)} | ${f(t.p90Ms)} | ${f(t.minMs)} | ${f(t.maxMs)} | ${f(r.meanCpuMs)} | ${r.machine} | ${r.node} |`,
    '',
    `Labels found at score ≥ ${r.scoreThreshold}:`,
    '',
    '| label | frames | scores |',
    '| --- | --- | --- |',
    ...r.labels.map(
      (l) => `| ${l.label} | ${l.frames} / ${r.frames} | ${f(l.minScore, 2)}–${f(l.maxScore, 2)} |`,
    ),
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const threads = value('--threads');
  runDetectorBench({
    quick: args.includes('--quick'),
    ...(threads ? { threads: Number(threads) } : {}),
    ...(value('--models') ? { modelsDir: value('--models') } : {}),
    ...(value('--seq') ? { sequence: value('--seq') } : {}),
    log: (l) => console.error(l),
  })
    .then((r) => console.log(formatDetectorBench(r)))
    .catch((e: Error) => {
      console.error(`bench detector: ${e.message}`);
      process.exitCode = 1;
    });
}
