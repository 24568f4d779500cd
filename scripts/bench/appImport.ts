/**
 * Import speed, app vs CLI, on the same frames and machine: the real ICL living room without detections.json and
 * trajectory.log (so YOLOX-Nano detects and our RGB-D odometry places every keyframe), every n-th frame a keyframe
 * by the app's own rule (at most 120 keyframes, evenly spaced).
 *   app: the production build (dist/) in the system Chromium, a folder picked in the scene library and built by the
 *        perception worker (decode + detect + odometry + fuse + persist), wall time per keyframe after a warm-up
 *        build loaded the model; under Automatic and under wasm. Driven through the UI only.
 *   CLI: `spatial-mosaic build --pose odometry --detector yolox --every n` (odometry on every frame, YOLOX and
 *        fusion on the keyframes): the whole command's wall time per keyframe, its own ms/keyframe (the keyframe
 *        loop only) and its CPU time.
 * Part of `npm run bench` (run-all: bench-out/all/appImport.json, the BENCHMARKS.md section from
 * plots/appImportSection.ts). On its own it writes bench-out/appImport.json and prints the section:
 *   npx tsx scripts/bench/appImport.ts [--quick] [--frames 211] [--reuse-build]
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp, BrowserBenchError, launchChromium, previewBuild, repoRoot } from './browser/appHarness';
import { cpuMsSince, describeMachine, type MachineInfo } from './machine';
import { appImportSection } from './plots/appImportSection';

const ICL = path.resolve(repoRoot, '../shared/data/icl-livingroom');
/** The production build, as `npx vite build` makes it. */
const DIST = path.join(repoRoot, 'dist');
/** The app builds a picked sequence with at most this many evenly spaced keyframes (src/ui/useSceneController.ts). */
const APP_MAX_KEYFRAMES = 120;
const QUICK_FRAMES = 40;
const WARM_UP_FRAMES = 4;

export type AppBackendSetting = 'auto' | 'wasm';

export interface AppImportRun {
  /** The backend the page was opened with: the app's Automatic, or wasm (`?backend=wasm`). */
  readonly setting: AppBackendSetting;
  /** What the app's header said it ran on after the build. */
  readonly backend: string;
  /** From the scene's name showing in the header to the end of the progress bar. */
  readonly totalMs: number;
  readonly msPerKeyframe: number;
}

export interface AppImportResult {
  readonly machine: MachineInfo;
  readonly sequence: string;
  readonly frames: number;
  /** Every `every`-th frame is a keyframe (the app's stride; the CLI is given the same). */
  readonly every: number;
  readonly keyframes: number;
  readonly cli: {
    /** What the CLI fused, from its own summary line. */
    readonly keyframes: number;
    /**
     * The CLI's own figure (its summary line): its keyframe loop of decoding, detection and fusion, after the
     * odometry pass over every frame and the model load, per keyframe.
     */
    readonly loopMsPerKeyframe: number;
    /** The whole command: model load, odometry on every frame, then decoding, detection and fusion of the keyframes, the write. */
    readonly wallMs: number;
    /** Node process CPU time (user + system, all threads, onnxruntime-node's included) per keyframe. */
    readonly cpuMsPerKeyframe: number;
  };
  readonly app: readonly AppImportRun[];
  readonly seconds: number;
}

export interface AppImportOptions {
  readonly quick?: boolean;
  /** Frames of ICL to import (default: all, or 40 with quick). */
  readonly frames?: number;
  /** Serve the dist/ already there instead of building it. */
  readonly reuseBuild?: boolean;
  /** Where appImport.json goes; null: nowhere. Default bench-out/. */
  readonly outDir?: string | null;
  readonly log?: (line: string) => void;
}

/** A copy of ICL's first `frames` frames with only image/, depth/ and intrinsics.json: everything is perceived. */
async function iclCopy(root: string, name: string, frames: readonly string[]): Promise<string> {
  const dir = path.join(root, name);
  for (const jpg of frames) {
    const n = path.basename(jpg, path.extname(jpg));
    await cp(path.join(ICL, 'image', jpg), path.join(dir, 'image', jpg));
    await cp(path.join(ICL, 'depth', `${n}.png`), path.join(dir, 'depth', `${n}.png`));
  }
  await cp(path.join(ICL, 'intrinsics.json'), path.join(dir, 'intrinsics.json'));
  return dir;
}

/** The CLI in this process (the TypeScript source, never a stale dist-lib), with its CPU time. */
async function runCli(folder: string, every: number): Promise<AppImportResult['cli']> {
  const { main } = await import('../../src/cli/main');
  const lines: string[] = [];
  const io = { out: (l: string) => void lines.push(l), err: (l: string) => void lines.push(l) };
  const out = path.join(path.dirname(folder), 'cli-mosaic.json');
  const argv = ['build', folder, '--out', out, '--pose', 'odometry', '--detector', 'yolox'];
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const code = await main([...argv, '--every', String(every), '--quiet'], io);
  const wallMs = performance.now() - t0;
  const cpuMs = cpuMsSince(c0);
  const summary = lines.find((l) => l.startsWith('build:')) ?? '';
  const keyframes = Number(/(\d+) keyframes?\b/.exec(summary)?.[1]);
  const loopMsPerKeyframe = Number(/(\d+) ms\/keyframe/.exec(summary)?.[1]);
  if (code !== 0 || !keyframes || Number.isNaN(loopMsPerKeyframe))
    throw new BrowserBenchError(`app-import bench: the CLI build failed: ${lines.join(' / ')}`);
  return { keyframes, loopMsPerKeyframe, wallMs, cpuMsPerKeyframe: cpuMs / keyframes };
}

/** One fresh Chromium (empty scene library): a warm-up build, then the timed one, through the UI. */
async function runApp(
  url: string,
  setting: AppBackendSetting,
  warm: string,
  folder: string,
  keyframes: number,
  log: (line: string) => void,
): Promise<{ run: AppImportRun; chromium: string }> {
  const browser = await launchChromium('app-import bench');
  try {
    const page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && log(`[page] ${m.text()}`));
    await page.goto(`${url}/${setting === 'auto' ? '' : `?backend=${setting}`}`);
    const build = async (dir: string): Promise<number> => {
      await page.getByRole('button', { name: 'Open scene library' }).click();
      await page.locator('input[webkitdirectory]').setInputFiles(dir);
      await page
        .getByTestId('scene-name')
        .filter({ hasText: path.basename(dir) })
        .waitFor();
      const t0 = Date.now();
      await page.getByRole('progressbar').first().waitFor({ state: 'detached', timeout: 900_000 });
      return Date.now() - t0;
    };
    await build(warm); // loads YOLOX-Nano and warms the worker
    const totalMs = await build(folder);
    const backend = (await page.getByTestId('backend').innerText()).trim();
    return {
      run: { setting, backend, totalMs, msPerKeyframe: totalMs / keyframes },
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
  }
}

export async function runAppImportBench(opts: AppImportOptions = {}): Promise<AppImportResult> {
  const t0 = Date.now();
  const log = opts.log ?? ((l: string) => console.error(l));
  if (!existsSync(path.join(ICL, 'image')))
    throw new BrowserBenchError(`app-import bench: ${ICL} not found; it imports the ICL living room`);
  const names = (await readdir(path.join(ICL, 'image'))).filter((n) => /\.jpe?g$/i.test(n)).sort();
  const frames = Math.min(names.length, opts.frames ?? (opts.quick ? QUICK_FRAMES : names.length));
  if (!(frames > WARM_UP_FRAMES))
    throw new BrowserBenchError(
      `app-import bench: ${frames} frames is too few; give more than ${WARM_UP_FRAMES}`,
    );
  const every = Math.ceil(frames / APP_MAX_KEYFRAMES);
  const keyframes = Math.ceil(frames / every);
  if (!(opts.reuseBuild && existsSync(path.join(DIST, 'index.html'))))
    await buildApp({ outDir: DIST, bench: 'app-import bench', log });

  const root = await mkdtemp(path.join(tmpdir(), 'bench-app-import-'));
  try {
    const folder = await iclCopy(root, 'icl-livingroom-bare', names.slice(0, frames));
    const warm = await iclCopy(root, 'icl-warm-up', names.slice(0, WARM_UP_FRAMES));
    log(`CLI build: ${frames} frames, every ${every}`);
    const cli = await runCli(folder, every);
    const server = await previewBuild(DIST);
    const app: AppImportRun[] = [];
    let chromium = '';
    try {
      for (const setting of ['auto', 'wasm'] as const) {
        log(`app build (${setting}): ${frames} frames, ${keyframes} keyframes`);
        const r = await runApp(server.url, setting, warm, folder, keyframes, log);
        app.push(r.run);
        chromium = r.chromium;
      }
    } finally {
      await server.close();
    }
    const result: AppImportResult = {
      machine: describeMachine({ chromium }),
      sequence: path.basename(ICL),
      frames,
      every,
      keyframes,
      cli,
      app,
      seconds: (Date.now() - t0) / 1000,
    };
    if (opts.outDir !== null) {
      const out = opts.outDir ?? path.join(repoRoot, 'bench-out');
      await mkdir(out, { recursive: true });
      await writeFile(path.join(out, 'appImport.json'), JSON.stringify(result, null, 2) + '\n');
    }
    return result;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      frames: { type: 'string' },
      'reuse-build': { type: 'boolean', default: false },
    },
  });
  runAppImportBench({
    quick: values.quick,
    ...(values.frames ? { frames: Number(values.frames) } : {}),
    reuseBuild: values['reuse-build'],
  })
    .then((r) => console.log(appImportSection(r, { quick: !!values.quick, benches: {} })))
    .catch((e: unknown) => {
      console.error(`app-import bench: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    });
}
