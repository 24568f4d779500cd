/**
 * The browser benchmark's page API (`window.__spatialMosaicBench`), driven by runBrowserBench.ts through Playwright.
 * It lives on its own page of the bench build (bench-out/browser-dist), beside the production app, so the app ships
 * nothing for benchmarks. Models run in workers (one per model, as in the app); storage runs through SceneStore.
 */
import { proxy, wrap } from 'comlink';
import type { BackendPreference } from '../../../src/core/backend/decideBackend';
import type { Mosaic } from '../../../src/core/mosaic/types';
import { detectCapabilities, type CapabilityReport } from '../../../src/engines/backend/detectCapabilities';
import { idbKvStore } from '../../../src/storage/kv';
import { openSceneLibrary } from '../../../src/storage/openSceneLibrary';
import type { KeyframeDelta } from '../../../src/storage/SceneStore';
import type { ModelBenchWorkerApi, ModelRun } from './modelWorker';

/** A recorded scene (written by the Node side): the keyframe deltas the fuser produced, and the final mosaic. */
export interface SceneRecording {
  readonly objects: number;
  readonly frames: number;
  readonly deltas: KeyframeDelta[];
  readonly mosaic: Mosaic;
}

export interface KeyframeStorageRun {
  readonly objects: number;
  readonly keyframes: number;
  readonly mosaicObjects: number;
  /** SceneStore.appendKeyframe per keyframe (includes the automatic compaction every 64 keyframes). */
  readonly appendMs: number[];
  /** SceneStore.load of the incrementally written scene (snapshot + replayed deltas). */
  readonly loadIncrementalMs: number;
}

export interface WholeSceneRun {
  readonly mosaicObjects: number;
  readonly keyframes: number;
  /** JSON size of the mosaic (what a whole-scene write stores). */
  readonly mosaicBytes: number;
  /** SceneStore.saveMosaic / load of the whole mosaic at once (import, CLI output, opening a saved scene); medians of 3. */
  readonly saveWholeMs: number;
  readonly loadWholeMs: number;
  /** JS heap retained by the loaded mosaic (page, after a forced GC, median); null without performance.memory. */
  readonly heapRetainedBytes: number | null;
}

export interface SpatialMosaicBenchApi {
  capabilities(): Promise<CapabilityReport>;
  model(kind: 'detector' | 'depth', frameUrls: string[], preference: BackendPreference): Promise<ModelRun>;
  keyframes(recordingUrl: string): Promise<KeyframeStorageRun>;
  wholeScene(mosaicUrl: string, repeats?: number): Promise<WholeSceneRun>;
}

declare global {
  interface Window {
    __spatialMosaicBench?: SpatialMosaicBenchApi;
  }
}

// Chromium's non-standard heap counter (exact with --enable-precise-memory-info).
const perf = performance as unknown as { memory?: { usedJSHeapSize: number } };
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function model(
  kind: 'detector' | 'depth',
  frameUrls: string[],
  preference: BackendPreference,
): Promise<ModelRun> {
  const worker = new Worker(new URL('./modelWorker.ts', import.meta.url), {
    type: 'module',
    name: `bench-${kind}`,
  });
  const remote = wrap<ModelBenchWorkerApi>(worker);
  try {
    // The host (Playwright) exposes __benchMark to read the renderer's CPU time around the timed frames.
    const host = (window as { __benchMark?: (phase: string) => Promise<void> }).__benchMark;
    // The worker waits for each answer; at 'end' its model is still loaded, so the host also reads memory then.
    const mark = proxy(async (phase: 'start' | 'end') => void (await host?.(`${kind}:${phase}`)));
    const run =
      kind === 'detector'
        ? await remote.detector(frameUrls, preference, mark)
        : await remote.depth(frameUrls, preference, '/bench-models/', mark);
    return run;
  } finally {
    worker.terminate();
  }
}

const openBenchStore = () => openSceneLibrary(idbKvStore('spatial-mosaic-bench'));

async function keyframes(recordingUrl: string): Promise<KeyframeStorageRun> {
  const rec = (await (await fetch(recordingUrl)).json()) as SceneRecording;
  const store = await openBenchStore();
  for (const old of await store.list()) await store.delete(old.id);
  const meta = await store.create({ name: `bench ${rec.objects}×${rec.frames}`, up: rec.mosaic.up });
  const appendMs: number[] = [];
  for (const d of rec.deltas) {
    const t = performance.now();
    await store.appendKeyframe(meta.id, d);
    appendMs.push(performance.now() - t);
  }
  const t = performance.now();
  const loaded = await store.load(meta.id);
  const loadIncrementalMs = performance.now() - t;
  await store.delete(meta.id);
  return {
    objects: rec.objects,
    keyframes: rec.deltas.length,
    mosaicObjects: loaded.mosaic.objects.length,
    appendMs,
    loadIncrementalMs,
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Round {
  readonly saveMs: number;
  readonly loadMs: number;
  readonly heap: number | null;
  readonly objects: number;
  readonly keyframes: number;
}

/** One save + load. Its own call, so that no earlier round's mosaic lingers in a suspended frame at `before`. */
async function saveAndLoad(
  store: Awaited<ReturnType<typeof openBenchStore>>,
  mosaic: Mosaic,
): Promise<Round> {
  let t = performance.now();
  const meta = await store.saveMosaic(mosaic, { name: 'bench whole scene' });
  const saveMs = performance.now() - t;
  gc();
  const before = perf.memory?.usedJSHeapSize;
  t = performance.now();
  const loaded = await store.load(meta.id);
  const loadMs = performance.now() - t;
  gc();
  const after = perf.memory?.usedJSHeapSize;
  const round = {
    saveMs,
    loadMs,
    heap: before !== undefined && after !== undefined ? after - before : null,
    objects: loaded.mosaic.objects.length,
    keyframes: loaded.mosaic.trajectory.length,
  };
  await store.delete(meta.id);
  return round;
}

/** Whole-scene save and load, `repeats` times (medians: the first IndexedDB write of a page is slow). */
async function wholeScene(mosaicUrl: string, repeats = 3): Promise<WholeSceneRun> {
  const text = await (await fetch(mosaicUrl)).text();
  const mosaic = JSON.parse(text) as Mosaic;
  const store = await openBenchStore();
  const rounds: Round[] = [];
  for (let i = 0; i < repeats; i++) rounds.push(await saveAndLoad(store, mosaic));
  const heaps = rounds.map((r) => r.heap).filter((h): h is number => h !== null);
  return {
    mosaicObjects: rounds[0].objects,
    keyframes: rounds[0].keyframes,
    mosaicBytes: new TextEncoder().encode(text).length,
    saveWholeMs: median(rounds.map((r) => r.saveMs)),
    loadWholeMs: median(rounds.map((r) => r.loadMs)),
    heapRetainedBytes: heaps.length ? median(heaps) : null,
  };
}

window.__spatialMosaicBench = { capabilities: () => detectCapabilities(), model, keyframes, wholeScene };
