/**
 * Odometry benchmark on real RGB-D sequences: runs our RGB-D odometry over every frame, compares with the
 * folder's trajectory.log (ATE after a rigid alignment) and times each frame. Without --seq it runs the ICL
 * living room (rendered) and 7-Scenes redkitchen (real Kinect, every 10th frame, colour not registered to
 * depth: run on a copy in bench-out/ with the depth_to_color.json that gives the colour camera's intrinsics).
 *   npx tsx scripts/bench/odometry.ts [--quick] [--seq <folder>]
 * Prints markdown tables and writes bench-out/odometry.json (the ICL run, read by run-all) and
 * bench-out/odometry.md; with several sequences also bench-out/odometry-<name>.json.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeFileSource } from '../../src/cli/nodeFileSource';
import type { Intrinsics, Mat4 } from '../../src/core/geometry/types';
import { absoluteTrajectoryError, relativePoseError } from '../../src/core/odometry/ate';
import type { OdometryOptions } from '../../src/core/odometry/odometry';
import { SequenceOdometry } from '../../src/core/odometry/sequenceOdometry';
import { openSequence } from '../../src/core/sequence/openSequence';
import { calibratedSevenScenesFolder, SEVEN_SCENES_DIR } from './sevenScenes';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_SEQUENCE = path.resolve(repoRoot, '../shared/data/icl-livingroom');
/** A sequence the benchmark runs; `prepare` makes the folder it reads (a copy with a file added). */
export interface BenchSequence {
  readonly dir: string;
  readonly colourIntrinsics?: Intrinsics;
  readonly prepare?: (dir: string) => string;
}

/** The sequences the benchmark runs by default, with what each needs beyond its folder. */
export const BENCH_SEQUENCES: readonly BenchSequence[] = [
  { dir: DEFAULT_SEQUENCE },
  { dir: SEVEN_SCENES_DIR, prepare: (dir) => calibratedSevenScenesFolder(undefined, dir) },
];

export interface OdometryBenchOptions {
  readonly sequence?: string;
  /** Only the first 60 frames. */
  readonly quick?: boolean;
  readonly maxFrames?: number;
  readonly odometry?: Partial<OdometryOptions>;
  /** The colour camera's own intrinsics, for sequences whose colour is not registered to depth. */
  readonly colourIntrinsics?: Intrinsics;
  readonly outDir?: string | null;
  /** Base name of the files written to outDir (default "odometry"). */
  readonly outName?: string;
  readonly log?: (line: string) => void;
}

export interface OdometryBenchResult {
  readonly sequence: string;
  readonly frames: number;
  /** Whether colour was resampled with its own intrinsics (colour not registered to depth: the flag or the folder's depth_to_color.json). */
  readonly colourIntrinsics: boolean;
  readonly keyframes: number;
  readonly lostFrames: number;
  readonly ateRmseCm: number;
  readonly ateMaxCm: number;
  readonly rpeTranslationMmPerFrame: number;
  readonly rpeRotationDegPerFrame: number;
  /** Odometry only (pyramid + alignment), per frame. */
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly maxMs: number;
  /** CPU time of the odometry per frame (less sensitive than wall time to other processes on a shared machine). */
  readonly medianCpuMs: number;
  readonly p90CpuMs: number;
  /** 1-minute load average when the run ended: wall times above are only comparable at similar load. */
  readonly loadAverage: number;
  /** Reading and decoding JPEG + depth PNG, per frame (not part of the odometry times). */
  readonly medianDecodeMs: number;
  readonly machine: string;
  readonly node: string;
  readonly date: string;
}

const percentile = (xs: number[], p: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
};

export async function runOdometryBench(opts: OdometryBenchOptions = {}): Promise<OdometryBenchResult> {
  const dir = opts.sequence ?? DEFAULT_SEQUENCE;
  const log = opts.log ?? (() => {});
  const seq = await openSequence(await openNodeFileSource(dir));
  if (!seq.hasDepth) throw new Error(`${dir}: odometry needs depth/`);
  if (!seq.poses) throw new Error(`${dir}: the benchmark needs trajectory.log as the reference`);
  const n = Math.min(seq.frameCount, opts.maxFrames ?? Infinity, opts.quick ? 60 : Infinity);
  const odo = new SequenceOdometry(seq, {
    ...(opts.colourIntrinsics ? { colourIntrinsics: opts.colourIntrinsics } : {}),
    ...opts.odometry,
  });
  const poses: Mat4[] = [];
  const times: number[] = [];
  const decodeTimes: number[] = [];
  const cpuTimes: number[] = [];
  let keyframes = 0;
  let lost = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const frame = await seq.readFrame(i);
    const t1 = performance.now();
    if (!frame.depth) throw new Error(`frame ${frame.id} has no depth`);
    const c1 = process.cpuUsage();
    poses.push(odo.push(frame));
    const t2 = performance.now();
    const c2 = process.cpuUsage(c1);
    if (i > 0) cpuTimes.push((c2.user + c2.system) / 1000);
    decodeTimes.push(t1 - t0);
    if (i > 0) times.push(t2 - t1); // the first frame only builds a keyframe
    if (odo.last?.keyframe) keyframes++;
    if (!odo.last?.tracked) lost++;
    if (i % 20 === 0) log(`frame ${i}/${n}: ${(t2 - t1).toFixed(0)} ms`);
  }
  const reference = seq.poses.slice(0, n);
  const ate = absoluteTrajectoryError(poses, reference);
  const rpe = relativePoseError(poses, reference, 1);
  const result: OdometryBenchResult = {
    sequence: path.relative(repoRoot, dir) || dir,
    frames: n,
    colourIntrinsics: opts.colourIntrinsics !== undefined || odo.onRawDepth,
    keyframes,
    lostFrames: lost,
    ateRmseCm: ate.rmse * 100,
    ateMaxCm: ate.max * 100,
    rpeTranslationMmPerFrame: rpe.translationRmse * 1000,
    rpeRotationDegPerFrame: (rpe.rotationRmse * 180) / Math.PI,
    medianMs: percentile(times, 0.5),
    p90Ms: percentile(times, 0.9),
    maxMs: Math.max(...times),
    medianCpuMs: percentile(cpuTimes, 0.5),
    p90CpuMs: percentile(cpuTimes, 0.9),
    loadAverage: os.loadavg()[0],
    medianDecodeMs: percentile(decodeTimes, 0.5),
    machine: `${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores)`,
    node: process.version,
    date: new Date().toISOString(),
  };
  if (opts.outDir !== null) {
    const out = opts.outDir ?? path.join(repoRoot, 'bench-out');
    await mkdir(out, { recursive: true });
    const name = opts.outName ?? 'odometry';
    await writeFile(path.join(out, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
    await writeFile(path.join(out, `${name}.md`), formatOdometryBench(result));
  }
  return result;
}

export function formatOdometryBench(r: OdometryBenchResult): string {
  const f = (x: number, d = 1) => x.toFixed(d);
  return [
    `### RGB-D odometry on ${r.sequence}${r.colourIntrinsics ? ' (colour resampled with its own intrinsics)' : ''}`,
    '',
    '| frames | keyframes | lost | ATE RMSE (cm) | ATE max (cm) | RPE (mm/frame, °/frame) | median ms/frame | p90 ms/frame | median / p90 CPU ms/frame | decode ms/frame | machine (load) | node |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    `| ${r.frames} | ${r.keyframes} | ${r.lostFrames} | ${f(r.ateRmseCm, 2)} | ${f(r.ateMaxCm, 2)} | ${f(r.rpeTranslationMmPerFrame, 2)}, ${f(r.rpeRotationDegPerFrame, 3)} | ${f(r.medianMs)} | ${f(r.p90Ms)} | ${f(r.medianCpuMs)} / ${f(r.p90CpuMs)} | ${f(r.medianDecodeMs)} | ${r.machine} (load ${f(r.loadAverage, 1)}) | ${r.node} |`,
    '',
    'ms/frame: odometry only (pyramid + alignment), wall clock and CPU time of this process; decode = reading the JPEG and depth PNG (not included).',
    'ATE: RMSE of camera positions after a rigid (Horn) alignment to trajectory.log. RPE: frame-to-frame drift.',
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const seqArg = args.indexOf('--seq');
  const runs = seqArg >= 0 ? [{ dir: path.resolve(args[seqArg + 1]) }] : BENCH_SEQUENCES;
  for (const result of await runBenchSequences(runs, {
    quick: args.includes('--quick'),
    log: (l) => process.stderr.write(`${l}\n`),
  }))
    process.stdout.write(formatOdometryBench(result));
}

/**
 * Each sequence in turn (the first writes odometry.json, the others odometry-<folder>.json); a later sequence
 * whose folder is missing (no ../shared) is skipped.
 */
export async function runBenchSequences(
  runs: readonly BenchSequence[],
  opts: Pick<OdometryBenchOptions, 'quick' | 'outDir' | 'log'>,
): Promise<OdometryBenchResult[]> {
  const results: OdometryBenchResult[] = [];
  for (const [i, run] of runs.entries()) {
    if (i > 0 && !existsSync(run.dir)) continue;
    results.push(
      await runOdometryBench({
        ...opts,
        sequence: run.prepare ? run.prepare(run.dir) : run.dir,
        colourIntrinsics: run.colourIntrinsics,
        outName: i === 0 ? 'odometry' : `odometry-${path.basename(run.dir)}`,
      }),
    );
  }
  return results;
}
