/**
 * Browser benchmarks in the system Chromium, driven by Playwright against a production build:
 * YOLOX-Nano and the (tiny) depth model on wasm in workers, IndexedDB keyframe/scene writes and reads through
 * SceneStore, and memory. The build is the app's own Vite config plus one extra page (bench.html) into
 * bench-out/browser-dist, so the app's dist/ and bundle are untouched.
 *   npx tsx scripts/bench/browser/runBrowserBench.ts [--quick] [--reuse-build]
 * Writes bench-out/browser.json.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { detectionStream } from '../../../test/core/fusion/detectionStream';
import type { CapabilityReport } from '../../../src/engines/backend/detectCapabilities';
import { DEPTH_ANYTHING_V2_SMALL } from '../../../src/engines/transformers/modelIds';
import { MosaicBuilderFuser } from '../../../src/runtime/MosaicBuilderFuser';
import { summarize, type LabelSummary, type TimingSummary } from '../detectorTiming';
import { collectGarbage, cpuMsSince, describeMachine, type MachineInfo } from '../machine';
import { generateTinyModels } from '../../tiny-models/generate';
import type { Mosaic } from '../../../src/core/mosaic/types';
import { BrowserBenchError, buildApp, launchChromium, previewBuild, repoRoot } from './appHarness';
import type { KeyframeStorageRun, SpatialMosaicBenchApi, WholeSceneRun } from './benchPage';

const OUT_DIR = path.join(repoRoot, 'bench-out', 'browser-dist');
const SEQUENCE = path.resolve(repoRoot, '../shared/data/icl-livingroom');
const BENCH_PAGE = 'scripts/bench/browser/bench.html';

export interface BrowserBenchOptions {
  readonly quick?: boolean;
  /** Skip `vite build` when a bench build is already in bench-out/browser-dist. */
  readonly reuseBuild?: boolean;
  readonly outDir?: string | null;
  readonly log?: (line: string) => void;
}

export interface BrowserModelResult {
  readonly kind: 'detector' | 'depth';
  readonly model: string;
  readonly device: string;
  readonly dtype?: string;
  readonly frames: number;
  readonly inputSize: string;
  readonly loadMs: number;
  readonly timing: TimingSummary;
  /** Renderer-process CPU time (page + workers, all threads) over the timed frames, per frame; null if unreadable. */
  readonly cpuMsPerFrame: number | null;
  readonly labels?: LabelSummary[];
  readonly notices: string[];
  readonly crossOriginIsolated: boolean;
  /**
   * Resident memory (Linux /proc VmRSS) of Chromium's renderer processes before the model's worker starts and with
   * the model loaded (right after the timed frames): the difference is the worker, its runtime and the model.
   */
  readonly rendererRssBeforeBytes: number | null;
  readonly rendererRssLoadedBytes: number | null;
}

export interface BrowserKeyframeResult extends Omit<KeyframeStorageRun, 'appendMs'> {
  readonly append: TimingSummary;
  /** Node: heap retained by the fuser (MosaicBuilder + last-reported objects) at the end of the recording. */
  readonly nodeFuserHeapBytes: number;
  /** Node: CPU ms per keyframe of MosaicBuilderFuser.fuse (fusion + toMosaic + delta), last frames of the recording. */
  readonly nodeFuseCpuMsPerKeyframe: number;
}

export interface BrowserBenchResult {
  readonly machine: MachineInfo;
  readonly capabilities: CapabilityReport;
  /** Why WebGPU was or was not timed. */
  readonly webgpu: { readonly timed: boolean; readonly reason: string };
  readonly models: BrowserModelResult[];
  /** Per-keyframe writes of recorded fuser deltas, then the incremental load. */
  readonly keyframes: BrowserKeyframeResult[];
  /** Whole-scene save/load and the heap a loaded scene holds, vs the number of objects. */
  readonly scenes: WholeSceneRun[];
  readonly seconds: number;
}

/** Fuses a synthetic detection stream and records what SceneStore would be given: each keyframe's delta, the mosaic. */
async function recordScene(
  objects: number,
  frames: number,
  dir: string,
): Promise<{ file: string; nodeHeap: number; fuseCpuMs: number }> {
  collectGarbage();
  const heap0 = process.memoryUsage().heapUsed;
  const fuser = new MosaicBuilderFuser();
  const stream = detectionStream({ objects, seed: objects });
  const deltas = [];
  // CPU time of the whole per-keyframe step the perception worker runs (fuse, toMosaic, diff) over the last frames.
  const tail = Math.max(1, Math.min(50, Math.floor(frames / 4)));
  let c0 = process.cpuUsage();
  for (let f = 0; f < frames; f++) {
    if (f === frames - tail) c0 = process.cpuUsage();
    deltas.push(fuser.fuse(stream.next().value!));
  }
  const fuseCpuMs = cpuMsSince(c0) / tail;
  const mosaic = fuser.mosaic();
  const file = `scene-${objects}x${frames}.json`;
  await writeFile(path.join(dir, file), JSON.stringify({ objects, frames, deltas, mosaic }));
  // The recorded deltas are not fuser state: drop them before measuring what the fuser retains.
  deltas.length = 0;
  collectGarbage();
  const nodeHeap = process.memoryUsage().heapUsed - heap0;
  void fuser.mosaic(); // keep the fuser alive until after the measurement
  return { file, nodeHeap, fuseCpuMs };
}

/**
 * A mosaic of `n` objects made by tiling a fused one side by side (new ids, shifted 100 m per copy): real object
 * records at sizes the stream would need hours to reach.
 */
export function tileMosaic(m: Mosaic, n: number): Mosaic {
  const k = m.objects.length;
  if (k === 0) throw new BrowserBenchError('browser bench: the recorded mosaic has no objects to tile');
  const objects = Array.from({ length: n }, (_, i) => {
    const o = m.objects[i % k];
    const copy = Math.floor(i / k);
    return {
      ...o,
      id: copy ? `${o.id}-t${copy}` : o.id,
      center: [o.center[0] + 100 * copy, o.center[1], o.center[2]] as [number, number, number],
    };
  });
  return { ...m, objects };
}

export async function runBrowserBench(opts: BrowserBenchOptions = {}): Promise<BrowserBenchResult> {
  const t0 = Date.now();
  const log = opts.log ?? ((l: string) => console.error(l));
  if (!existsSync(path.join(SEQUENCE, 'image')))
    throw new BrowserBenchError(
      `browser bench: ${SEQUENCE} not found; the detector timing needs the ICL frames`,
    );
  if (!(opts.reuseBuild && existsSync(path.join(OUT_DIR, BENCH_PAGE))))
    await buildApp({ outDir: OUT_DIR, extraPages: { bench: BENCH_PAGE }, bench: 'browser bench', log });

  // Served beside the build: the tiny depth model, ICL frames, recorded scenes (all git-ignored).
  const tiny = path.join(repoRoot, 'fixtures', 'models');
  generateTinyModels(tiny, [DEPTH_ANYTHING_V2_SMALL]);
  await cp(
    path.join(tiny, DEPTH_ANYTHING_V2_SMALL),
    path.join(OUT_DIR, 'bench-models', DEPTH_ANYTHING_V2_SMALL),
    { recursive: true },
  );
  const names = (await readdir(path.join(SEQUENCE, 'image'))).filter((n) => /\.jpe?g$/i.test(n)).sort();
  const picked = names.filter((_, i) => i % (opts.quick ? 10 : 2) === 0);
  await mkdir(path.join(OUT_DIR, 'bench-frames'), { recursive: true });
  for (const n of picked) await cp(path.join(SEQUENCE, 'image', n), path.join(OUT_DIR, 'bench-frames', n));
  const frameUrls = picked.map((n) => `/bench-frames/${n}`);
  const dataDir = path.join(OUT_DIR, 'bench-data');
  await mkdir(dataDir, { recursive: true });
  // Recording runs the worker's real per-keyframe step, whose toMosaic() grows with the stream: keep them short.
  const sizes: [number, number][] = opts.quick
    ? [
        [50, 150],
        [300, 200],
      ]
    : [
        [50, 300],
        [300, 400],
        [500, 500],
      ];
  const recordings = [];
  for (const [o, f] of sizes) {
    log(`recording a fused scene: ${o} objects, ${f} keyframes`);
    recordings.push(await recordScene(o, f, dataDir));
  }
  const largest = JSON.parse(
    await readFile(path.join(dataDir, recordings[recordings.length - 1].file), 'utf8'),
  ) as { mosaic: Mosaic };
  const sceneFiles: string[] = [];
  for (const n of opts.quick ? [100, 1000, 3000] : [100, 1000, 3000, 10000]) {
    const file = `mosaic-${n}.json`;
    await writeFile(path.join(dataDir, file), JSON.stringify(tileMosaic(largest.mosaic, n)));
    sceneFiles.push(file);
  }

  const server = await previewBuild(OUT_DIR);
  let browser: Browser | undefined;
  try {
    // Precise heap counters and window.gc() for the scene-memory figures.
    browser = await launchChromium('browser bench', [
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ]);
    const cdp = await browser.newBrowserCDPSession();
    /** CPU seconds and resident bytes of the renderer processes (page and workers), from CDP and /proc. */
    const rendererSample = async (): Promise<{ cpuS: number; rssBytes: number | null } | null> => {
      try {
        const info = (await cdp.send('SystemInfo.getProcessInfo')) as {
          processInfo: { type: string; id: number; cpuTime: number }[];
        };
        const renderers = info.processInfo.filter((p) => p.type === 'renderer');
        let rss: number | null = 0;
        for (const p of renderers) {
          const status = await readFile(`/proc/${p.id}/status`, 'utf8').catch(() => '');
          const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
          rss = kb && rss !== null ? rss + Number(kb) * 1024 : null;
        }
        return { cpuS: renderers.reduce((t, p) => t + p.cpuTime, 0), rssBytes: rss };
      } catch {
        return null;
      }
    };
    const marks = new Map<string, Awaited<ReturnType<typeof rendererSample>>>();
    // Each model gets a fresh browser context (its own renderer process), so its memory baseline is clean.
    const openPage = async (): Promise<Page> => {
      const context = await browser!.newContext();
      const page = await context.newPage();
      page.on('console', (m) => m.type() === 'error' && log(`  [page] ${m.text()}`));
      page.on('response', (r) => r.status() >= 400 && log(`  [page] ${r.status()} ${r.url()}`));
      await page.exposeFunction(
        '__benchMark',
        async (label: string) => void marks.set(label, await rendererSample()),
      );
      await page.goto(`${server.url}/${BENCH_PAGE}`);
      await page.waitForFunction(() => !!window.__spatialMosaicBench);
      return page;
    };
    let page = await openPage();
    const capabilities = await page.evaluate(() => window.__spatialMosaicBench!.capabilities());
    const realGpu = capabilities.caps.webgpu && !capabilities.caps.fallbackAdapter;
    const webgpu = {
      timed: realGpu,
      reason: realGpu
        ? `WebGPU adapter ${capabilities.adapter?.vendor ?? ''} ${capabilities.adapter?.architecture ?? ''}`.trim()
        : capabilities.caps.webgpu
          ? 'only a software (fallback, SwiftShader) WebGPU adapter: timings would measure the CPU emulation, not a GPU; not timed'
          : `no WebGPU adapter (${capabilities.adapterProblem ?? 'none offered'}); not timed`,
    };
    const models: BrowserModelResult[] = [];
    const preferences = realGpu ? (['wasm', 'webgpu'] as const) : (['wasm'] as const);
    for (const kind of ['detector', 'depth'] as const) {
      for (const pref of preferences) {
        log(`browser ${kind} on ${pref}: ${frameUrls.length} frames`);
        await page.context().close();
        page = await openPage();
        marks.clear();
        const base = await rendererSample();
        const run = await page.evaluate(([k, urls, p]) => window.__spatialMosaicBench!.model(k, urls, p), [
          kind,
          frameUrls,
          pref,
        ] as const);
        const s = marks.get(`${kind}:start`);
        const e = marks.get(`${kind}:end`);
        models.push({
          kind,
          model: run.model,
          device: run.device,
          ...(run.dtype ? { dtype: run.dtype } : {}),
          frames: run.perFrameMs.length,
          inputSize: run.inputSize,
          loadMs: run.loadMs,
          timing: summarize(run.perFrameMs),
          cpuMsPerFrame: s && e ? ((e.cpuS - s.cpuS) * 1000) / run.perFrameMs.length : null,
          ...(run.labels ? { labels: run.labels } : {}),
          notices: run.notices,
          crossOriginIsolated: run.crossOriginIsolated,
          rendererRssBeforeBytes: base?.rssBytes ?? null,
          rendererRssLoadedBytes: e?.rssBytes ?? null,
        });
      }
    }
    await page.context().close();
    page = await openPage();
    const keyframes: BrowserKeyframeResult[] = [];
    for (const r of recordings) {
      log(`browser IndexedDB keyframes: ${r.file}`);
      const { appendMs, ...rest } = await page.evaluate(
        (url) => window.__spatialMosaicBench!.keyframes(url),
        `/bench-data/${r.file}`,
      );
      keyframes.push({
        ...rest,
        append: summarize(appendMs),
        nodeFuserHeapBytes: r.nodeHeap,
        nodeFuseCpuMsPerKeyframe: r.fuseCpuMs,
      });
    }
    const scenes: WholeSceneRun[] = [];
    for (const file of sceneFiles) {
      log(`browser IndexedDB whole scene: ${file}`);
      scenes.push(
        await page.evaluate((url) => window.__spatialMosaicBench!.wholeScene(url), `/bench-data/${file}`),
      );
    }
    const result: BrowserBenchResult = {
      machine: describeMachine({ chromium: browser.version() }),
      capabilities,
      webgpu,
      models,
      keyframes,
      scenes,
      seconds: (Date.now() - t0) / 1000,
    };
    if (opts.outDir !== null) {
      const out = opts.outDir ?? path.join(repoRoot, 'bench-out');
      await mkdir(out, { recursive: true });
      await writeFile(path.join(out, 'browser.json'), JSON.stringify(result, null, 2) + '\n');
    }
    return result;
  } finally {
    await browser?.close();
    await server.close();
  }
}

// Keeps the type import used by consumers that only read the JSON.
export type { SpatialMosaicBenchApi };

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  runBrowserBench({ quick: args.includes('--quick'), reuseBuild: args.includes('--reuse-build') })
    .then((r) =>
      console.log(
        JSON.stringify(
          { models: r.models.map((m) => [m.kind, m.device, m.timing.medianMs]), webgpu: r.webgpu },
          null,
          2,
        ),
      ),
    )
    .catch((e: Error) => {
      console.error(`bench browser: ${e.message}`);
      process.exitCode = 1;
    });
}
