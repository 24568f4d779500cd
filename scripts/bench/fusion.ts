/**
 * Fusion benchmark.
 * 1. Accuracy on generated scenes (clean and realistic noise): instance precision/recall (label + centroid
 *    within 0.5 m), centroid error median/p90, duplicates, exact object counts.
 * 2. Cost per keyframe vs frames and objects on cheap synthetic detection streams (no rendering): the whole
 *    per-keyframe step of the perception worker (MosaicBuilderFuser.fuse: fusion, the changed-object delta
 *    and the occupancy-cell delta), one run per object count with timing windows before each checkpoint.
 *   npx tsx scripts/bench/fusion.ts [--quick] [--out <dir>] [--jobs <n>]
 * Prints markdown tables and writes fusion.json and fusion.md to bench-out (or --out).
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectionStream } from '../../test/core/fusion/detectionStream';
import { evaluateMosaic } from './evaluateMosaic';
import { MosaicBuilder } from '../../src/core/fusion/MosaicBuilder';
import { generateScene } from '../../src/core/synthetic/generateScene';
import { MosaicBuilderFuser } from '../../src/runtime/MosaicBuilderFuser';
import { everyNth, SequenceFuser, type KeyframeFuser } from '../../src/core/pipeline';
import { syntheticSequence } from './syntheticSequence';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface FusionBenchOptions {
  /** 12 scenes, curves to 2,500 frames for 50 and 500 objects (full: 20 scenes, 10,000 frames for 50/300/500). */
  readonly quick?: boolean;
  readonly scenes?: number;
  readonly outDir?: string | null;
  /**
   * Scaling curves run at once, each in its own child process (default: min(2, cores); 1 runs them here in
   * turn). CPU ms / keyframe is per process, so unaffected; wall ms / keyframe then includes contention.
   */
  readonly jobs?: number;
  readonly log?: (line: string) => void;
}

export interface AccuracyRow {
  readonly noise: 'clean' | 'realistic';
  readonly scenes: number;
  readonly gtObjects: number;
  readonly mosaicObjects: number;
  readonly precision: number;
  readonly recall: number;
  readonly centroidMedianCm: number;
  readonly centroidP90Cm: number;
  readonly duplicatesPerScene: number;
  /** Scenes whose total object count equals the ground truth's. */
  readonly exactCountScenes: number;
  /** Share of (scene, label) pairs whose count is exact. */
  readonly labelCountAccuracy: number;
  readonly meanKeyframeMs: number;
}

export interface ScalingRow {
  readonly objects: number;
  readonly frames: number;
  /** Mean time of the fuser step per keyframe (fusion + object delta + occupancy delta) over the window of frames just before `frames` (wall clock). */
  readonly msPerKeyframe: number;
  /** The same in process CPU time (less disturbed by other processes on a shared machine). */
  readonly cpuMsPerKeyframe: number;
  readonly detectionsPerFrame: number;
  /** Occupancy cells changed per keyframe in the window (what the keyframe record stores). */
  readonly occupancyCellsChanged?: number;
  /** Cells in the occupancy grid at the checkpoint (what a whole-grid record would store). */
  readonly occupancyCells?: number;
  readonly mosaicObjects: number;
  /** Seconds since this curve's run started (the bench's own budget). */
  readonly elapsedS?: number;
}

export interface FusionBenchResult {
  readonly accuracy: AccuracyRow[];
  readonly scaling: ScalingRow[];
  readonly machine: string;
  readonly node: string;
  readonly date: string;
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

async function accuracy(
  noise: 'clean' | 'realistic',
  seeds: number[],
  log: (l: string) => void,
): Promise<AccuracyRow> {
  let gt = 0,
    mosaic = 0,
    matched = 0,
    dups = 0,
    exactScenes = 0,
    labelExact = 0,
    labelTotal = 0,
    ms = 0,
    kfs = 0;
  const errors: number[] = [];
  for (const seed of seeds) {
    const scene = generateScene({ seed, noise });
    const builder = new MosaicBuilder({ up: scene.groundTruth.up });
    const seq = syntheticSequence(scene);
    // Through the pipeline core like a sequence folder; only fusion itself is timed.
    const timed: KeyframeFuser = {
      addKeyframe: (input) => {
        const t0 = performance.now();
        builder.addKeyframe(input);
        ms += performance.now() - t0;
        kfs++;
      },
    };
    await new SequenceFuser(seq, timed, { time: seq.time }).fuse(everyNth(seq.frameCount, 1), { strict: true });
    const s = evaluateMosaic(builder.toMosaic(), scene.groundTruth);
    gt += s.gtCount;
    mosaic += s.mosaicCount;
    matched += s.matched;
    dups += s.duplicates;
    if (s.gtCount === s.mosaicCount) exactScenes++;
    labelExact += s.labelCountsExact;
    labelTotal += s.labelCountsTotal;
    errors.push(...s.centroidErrors);
    log(
      `  ${noise} seed ${seed}: gt ${s.gtCount}, mosaic ${s.mosaicCount}, matched ${s.matched}, duplicates ${s.duplicates}, median error ${(quantile(s.centroidErrors, 0.5) * 100).toFixed(1)} cm`,
    );
  }
  return {
    noise,
    scenes: seeds.length,
    gtObjects: gt,
    mosaicObjects: mosaic,
    precision: matched / mosaic,
    recall: matched / gt,
    centroidMedianCm: quantile(errors, 0.5) * 100,
    centroidP90Cm: quantile(errors, 0.9) * 100,
    duplicatesPerScene: dups / seeds.length,
    exactCountScenes: exactScenes,
    labelCountAccuracy: labelExact / labelTotal,
    meanKeyframeMs: ms / kfs,
  };
}

/** The timing window: the keyframes just before each checkpoint. */
const WINDOW = 200;

/**
 * One run per object count: every frame goes through MosaicBuilderFuser.fuse (what the perception worker
 * does per keyframe, occupancy delta included); the frames in the window before each checkpoint are timed.
 */
export function scaling(objects: number, checkpoints: number[], log: (l: string) => void): ScalingRow[] {
  const rows: ScalingRow[] = [];
  const fuser = new MosaicBuilderFuser();
  const stream = detectionStream({ objects, seed: objects });
  const start = performance.now();
  let times: number[] = [];
  let cpu = 0;
  let dets = 0;
  let cellsChanged = 0;
  const last = checkpoints[checkpoints.length - 1];
  let next = 0;
  for (let f = 1; f <= last; f++) {
    const input = stream.next().value!;
    const inWindow = f > checkpoints[next] - WINDOW;
    const t0 = performance.now();
    const c0 = inWindow ? process.cpuUsage() : undefined;
    const delta = fuser.fuse(input);
    const dt = performance.now() - t0;
    if (c0) {
      const dc = process.cpuUsage(c0);
      times.push(dt);
      cpu += (dc.user + dc.system) / 1000;
      dets += input.detections.length;
      const o = delta.occupancy;
      if (o)
        cellsChanged +=
          o.addFree.length + o.removeFree.length + o.addOccupied.length + o.removeOccupied.length;
    }
    if (f === checkpoints[next]) {
      next++;
      const mosaic = fuser.mosaic();
      const occ = mosaic.occupancy;
      const row: ScalingRow = {
        objects,
        frames: f,
        msPerKeyframe: times.reduce((a, b) => a + b, 0) / times.length,
        cpuMsPerKeyframe: cpu / times.length,
        detectionsPerFrame: dets / times.length,
        occupancyCellsChanged: cellsChanged / times.length,
        occupancyCells: occ ? occ.free.length + occ.occupied.length : 0,
        mosaicObjects: mosaic.objects.length,
        elapsedS: (performance.now() - start) / 1000,
      };
      rows.push(row);
      log(
        `  ${objects} objects, frame ${f}: ${row.msPerKeyframe.toFixed(2)} ms/keyframe (CPU ${row.cpuMsPerKeyframe.toFixed(2)} ms), ${row.detectionsPerFrame.toFixed(1)} detections/frame, ${row.occupancyCellsChanged!.toFixed(1)} of ${row.occupancyCells} cells changed/keyframe, ${row.mosaicObjects} in mosaic, ${row.elapsedS!.toFixed(0)} s`,
      );
      times = [];
      cpu = 0;
      dets = 0;
      cellsChanged = 0;
    }
  }
  return rows;
}

/** One scaling curve in a child process (this file with --curve), rows back as JSON on stdout. */
function scalingInChild(
  objects: number,
  checkpoints: number[],
  log: (l: string) => void,
): Promise<ScalingRow[]> {
  return new Promise((resolve, reject) => {
    const args = [
      fileURLToPath(import.meta.url),
      '--curve',
      String(objects),
      '--checkpoints',
      checkpoints.join(','),
    ];
    const child = spawn(process.execPath, [...process.execArgv, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    child.stderr.on('data', (d: Buffer) => {
      err += String(d);
      const lines = err.split('\n');
      err = lines.pop()!;
      for (const l of lines) if (l.startsWith('  ')) log(l);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as ScalingRow[])
        : reject(new Error(`scaling curve ${objects}: exit ${code}\n${err}`)),
    );
  });
}

async function pool<T>(tasks: (() => Promise<T>)[], jobs: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, worker));
  return results;
}

export async function runFusionBench(opts: FusionBenchOptions = {}): Promise<FusionBenchResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  // Sized so that the full bench stays within ~12 minutes and --quick within ~3 on a 2-core machine.
  const n = opts.scenes ?? (opts.quick ? 12 : 20);
  const seeds = Array.from({ length: n }, (_, i) => i + 1);
  const objectCounts = opts.quick ? [50, 500] : [50, 300, 500];
  const checkpoints = opts.quick
    ? [200, 500, 1000, 1500, 2000, 2500]
    : [200, 500, 1000, 2500, 5000, 7500, 10000];
  const jobs = opts.jobs ?? Math.min(2, os.cpus().length);
  // The curves start first (in child processes, the longest first); the accuracy runs here meanwhile.
  const curves =
    jobs > 1
      ? pool(
          [...objectCounts].reverse().map((o) => () => scalingInChild(o, checkpoints, log)),
          jobs,
        ).then((r) => r.reverse())
      : undefined;
  const acc = [await accuracy('clean', seeds, log), await accuracy('realistic', seeds, log)];
  const scale = curves ? (await curves).flat() : objectCounts.flatMap((o) => scaling(o, checkpoints, log));
  const result: FusionBenchResult = {
    accuracy: acc,
    scaling: scale,
    machine: `${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}`,
    node: process.version,
    date: new Date().toISOString(),
  };
  if (opts.outDir !== null) {
    const out = opts.outDir ?? path.join(repoRoot, 'bench-out');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'fusion.json'), JSON.stringify(result, null, 2));
    await writeFile(path.join(out, 'fusion.md'), formatFusionBench(result));
  }
  return result;
}

export function formatFusionBench(r: FusionBenchResult): string {
  const f = (x: number, d = 2): string => x.toFixed(d);
  const lines = [
    `## Fusion accuracy on generated scenes (${r.accuracy[0]?.scenes} scenes each)`,
    '',
    '| noise | GT objects | mosaic objects | precision | recall | centroid median (cm) | centroid p90 (cm) | duplicates / scene | exact-count scenes | per-label count accuracy | ms / keyframe |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.accuracy.map(
      (a) =>
        `| ${a.noise} | ${a.gtObjects} | ${a.mosaicObjects} | ${f(a.precision, 3)} | ${f(a.recall, 3)} | ${f(a.centroidMedianCm, 1)} | ${f(a.centroidP90Cm, 1)} | ${f(a.duplicatesPerScene)} | ${a.exactCountScenes}/${a.scenes} | ${f(a.labelCountAccuracy, 3)} | ${f(a.meanKeyframeMs, 1)} |`,
    ),
    '',
    '## Fusion cost per keyframe vs frames and objects (synthetic detection streams, 320×240 depth; MosaicBuilderFuser.fuse: fusion, the changed-object delta and the occupancy-cell delta)',
    '',
    '| objects in hall | frames so far | ms / keyframe (mean of the last 200) | CPU ms / keyframe | detections / frame | occupancy cells changed / keyframe | cells in grid | objects in mosaic |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.scaling.map(
      (s) =>
        `| ${s.objects} | ${s.frames} | ${f(s.msPerKeyframe)} | ${f(s.cpuMsPerKeyframe)} | ${f(s.detectionsPerFrame, 1)} | ${s.occupancyCellsChanged === undefined ? '' : f(s.occupancyCellsChanged, 1)} | ${s.occupancyCells ?? ''} | ${s.mosaicObjects} |`,
    ),
    '',
    'Growth of CPU ms / keyframe from the first to the last checkpoint:',
    '',
    ...[...new Set(r.scaling.map((s) => s.objects))].map((o) => {
      const rows = r.scaling.filter((s) => s.objects === o);
      const a = rows[0],
        b = rows[rows.length - 1];
      return `- ${o} objects: ${f(a.cpuMsPerKeyframe)} ms at frame ${a.frames} → ${f(b.cpuMsPerKeyframe)} ms at frame ${b.frames} (×${f(b.cpuMsPerKeyframe / a.cpuMsPerKeyframe)}; ${f(a.detectionsPerFrame, 1)} → ${f(b.detectionsPerFrame, 1)} detections/frame, ${a.occupancyCells ?? '?'} → ${b.occupancyCells ?? '?'} grid cells, ${b.mosaicObjects} objects in the mosaic)`;
    }),
    '',
    `${r.machine}, Node ${r.node}, ${r.date}`,
    '',
  ];
  return lines.join('\n');
}

const curveArg = process.argv.indexOf('--curve');
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && curveArg > 0) {
  const cps = process.argv[process.argv.indexOf('--checkpoints') + 1].split(',').map(Number);
  const rows = scaling(Number(process.argv[curveArg + 1]), cps, (l) => console.error(l));
  console.log(JSON.stringify(rows));
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const out = process.argv.indexOf('--out');
  const outDir = out > 0 ? process.argv[out + 1] : undefined;
  const j = process.argv.indexOf('--jobs');
  const jobs = j > 0 ? Number(process.argv[j + 1]) : undefined;
  runFusionBench({ quick, outDir, jobs, log: (l) => console.error(l) }).then((r) =>
    console.log(formatFusionBench(r)),
  );
}
