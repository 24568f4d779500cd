/**
 * Odometry benchmark on real RGB-D sequences: runs our RGB-D odometry over every frame, compares with the
 * folder's trajectory.log (ATE after a rigid alignment) and times each frame. Without --seq it runs the ICL
 * living room (rendered) and 7-Scenes redkitchen (real Kinect, every 10th frame, colour not registered to
 * depth: run on a copy in bench-out/ with the depth_to_color.json that gives the colour camera's intrinsics).
 * Each sequence is tracked twice: as the CLI does (`spatial-mosaic odometry`, SequenceOdometry) and as the app's
 * pipeline does (the per-frame FrameStep of the worker, the web component and the live sources: frames without
 * poses, one at a time); with --frame-step also 7-Scenes as shipped (no depth_to_color.json) through both.
 *   npx tsx scripts/bench/odometry.ts [--quick] [--seq <folder>] [--frame-step]
 * Prints markdown tables and writes bench-out/odometry.json (the ICL run, read by run-all) and
 * bench-out/odometry.md; with several sequences also bench-out/odometry-<name>.json, and the app pipeline's
 * runs as bench-out/odometry-framestep-<name>.json.
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
import { FrameStep } from '../../src/core/pipeline/FrameStep';
import { sequenceFrame } from '../../src/core/pipeline/frames';
import { openSequence, type Sequence } from '../../src/core/sequence/openSequence';
import { calibratedSevenScenesFolder, SEVEN_SCENES_DIR } from './sevenScenes';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_SEQUENCE = path.resolve(repoRoot, '../shared/data/icl-livingroom');
/** A sequence the benchmark runs; `prepare` makes the folder it reads (a copy with a file added). */
export interface BenchSequence {
  readonly dir: string;
  /** Names its output files (default the folder's name). */
  readonly name?: string;
  readonly colourIntrinsics?: Intrinsics;
  readonly prepare?: (dir: string) => string;
}

/** The sequences the benchmark runs by default, with what each needs beyond its folder. */
export const BENCH_SEQUENCES: readonly BenchSequence[] = [
  { dir: DEFAULT_SEQUENCE },
  { dir: SEVEN_SCENES_DIR, prepare: (dir) => calibratedSevenScenesFolder(undefined, dir) },
];

/** 7-Scenes as shipped: colour and depth unregistered, no depth_to_color.json (what a user's folder may be). */
export const SEVEN_SCENES_AS_SHIPPED: BenchSequence = { dir: SEVEN_SCENES_DIR, name: '7scenes-as-shipped' };

/**
 * Which code tracks: `sequence` is the CLI's (SequenceOdometry over the folder's frames); `frameStep` the app
 * pipeline's per-frame step (FrameStep.perceive on each frame as the worker gets it, without a pose).
 */
export type OdometryPath = 'sequence' | 'frameStep';

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
  /** Default `sequence` (the CLI's). */
  readonly path?: OdometryPath;
}

export interface OdometryBenchResult {
  readonly sequence: string;
  /** Which code tracked (absent in older results: the CLI's). */
  readonly path?: OdometryPath;
  readonly frames: number;
  /** Whether colour was resampled with its own intrinsics (colour not registered to depth: the flag or the folder's depth_to_color.json). */
  readonly colourIntrinsics: boolean;
  readonly keyframes: number;
  readonly lostFrames: number;
  readonly ateRmseCm: number;
  readonly ateMaxCm: number;
  readonly rpeTranslationMmPerFrame: number;
  readonly rpeRotationDegPerFrame: number;
  /** Odometry only (pyramid + alignment; for FrameStep its pose stage), per frame. */
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
  const track = opts.path === 'frameStep' ? frameStepTracker(seq) : sequenceTracker(seq, opts);
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
    const step = await track.push(frame);
    const c2 = process.cpuUsage(c1);
    poses.push(step.pose);
    if (i > 0) cpuTimes.push((c2.user + c2.system) / 1000);
    decodeTimes.push(t1 - t0);
    if (i > 0) times.push(step.ms); // the first frame only builds a keyframe
    if (step.keyframe) keyframes++;
    if (!step.tracked) lost++;
    if (i % 20 === 0) log(`frame ${i}/${n}: ${step.ms.toFixed(0)} ms`);
  }
  const reference = seq.poses.slice(0, n);
  const ate = absoluteTrajectoryError(poses, reference);
  const rpe = relativePoseError(poses, reference, 1);
  const result: OdometryBenchResult = {
    sequence: path.relative(repoRoot, dir) || dir,
    path: opts.path ?? 'sequence',
    frames: n,
    colourIntrinsics: opts.colourIntrinsics !== undefined || track.onRawDepth(),
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

interface TrackedFrame {
  readonly pose: Mat4;
  readonly ms: number;
  readonly keyframe: boolean;
  readonly tracked: boolean;
}

interface Tracker {
  push(frame: Awaited<ReturnType<Sequence['readFrame']>>): Promise<TrackedFrame>;
  /** Whether it tracked on the depth camera's own pixels. */
  onRawDepth(): boolean;
}

/** The CLI's way: SequenceOdometry over the folder's frames. */
function sequenceTracker(seq: Sequence, opts: OdometryBenchOptions): Tracker {
  const odo = new SequenceOdometry(seq, {
    ...(opts.colourIntrinsics ? { colourIntrinsics: opts.colourIntrinsics } : {}),
    ...opts.odometry,
  });
  return {
    push: async (frame) => {
      const t = performance.now();
      const pose = odo.push(frame);
      const ms = performance.now() - t;
      return { pose, ms, keyframe: odo.last?.keyframe ?? false, tracked: odo.last?.tracked ?? false };
    },
    onRawDepth: () => odo.onRawDepth,
  };
}

/** The app pipeline's way: each frame as the worker gets it (no pose, no detections), through FrameStep. */
function frameStepTracker(seq: Sequence): Tracker {
  const step = new FrameStep();
  const noPoses = { ...seq, poses: undefined, detections: undefined };
  let fps = 0;
  return {
    push: async (frame) => {
      const perceived = await step.perceive(sequenceFrame(noPoses, frame, fps++ / 30));
      if (!perceived.pose) throw new Error(`frame ${frame.id}: no pose from the app pipeline`);
      const pose = perceived.sources.pose;
      return {
        pose: perceived.pose,
        ms: perceived.timings.find((t) => t.stage === 'pose')?.ms ?? 0,
        keyframe: step.odometryStep?.keyframe ?? false,
        tracked: pose.source === 'odometry' && pose.tracked,
      };
    },
    onRawDepth: () => step.tracksOnRawDepth,
  };
}

export function formatOdometryBench(r: OdometryBenchResult): string {
  const f = (x: number, d = 1) => x.toFixed(d);
  const how = r.path === 'frameStep' ? 'app pipeline (FrameStep)' : 'CLI (SequenceOdometry)';
  return [
    `### RGB-D odometry on ${r.sequence}, ${how}${r.colourIntrinsics ? ' (colour resampled with its own intrinsics)' : ''}`,
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
  const runs =
    seqArg >= 0
      ? [{ dir: path.resolve(args[seqArg + 1]) }]
      : args.includes('--frame-step')
        ? [...BENCH_SEQUENCES, SEVEN_SCENES_AS_SHIPPED]
        : BENCH_SEQUENCES;
  const md: string[] = [];
  for (const result of await runBenchSequences(runs, {
    quick: args.includes('--quick'),
    log: (l) => process.stderr.write(`${l}\n`),
  })) {
    md.push(formatOdometryBench(result));
    process.stdout.write(md[md.length - 1]);
  }
  await writeFile(path.join(repoRoot, 'bench-out', 'odometry.md'), md.join('\n'));
}

/**
 * Each sequence in turn, through the CLI's odometry and the app pipeline's (the first sequence writes
 * odometry.json, the others odometry-<name>.json; the app pipeline's runs odometry-framestep-<name>.json); a later
 * sequence whose folder is missing (no ../shared) is skipped.
 */
export async function runBenchSequences(
  runs: readonly BenchSequence[],
  opts: Pick<OdometryBenchOptions, 'quick' | 'outDir' | 'log'>,
): Promise<OdometryBenchResult[]> {
  const results: OdometryBenchResult[] = [];
  for (const [i, run] of runs.entries()) {
    if (i > 0 && !existsSync(run.dir)) continue;
    const sequence = run.prepare ? run.prepare(run.dir) : run.dir;
    const name = run.name ?? path.basename(run.dir);
    for (const how of ['sequence', 'frameStep'] as const)
      results.push(
        await runOdometryBench({
          ...opts,
          sequence,
          path: how,
          // The app reads colour intrinsics from the folder only.
          ...(how === 'sequence' ? { colourIntrinsics: run.colourIntrinsics } : {}),
          outName:
            how === 'frameStep' ? `odometry-framestep-${name}` : i === 0 ? 'odometry' : `odometry-${name}`,
        }),
      );
  }
  return results;
}
