import { proxy } from 'comlink';
import type { BackendPreference } from '../../src/core/backend/decideBackend';
import type { Mosaic } from '../../src/core/mosaic/types';
import { detectCapabilities, type CapabilityReport } from '../../src/engines/backend/detectCapabilities';
import { openSceneLibrary } from '../../src/storage/openSceneLibrary';
import { requestPersistence, storageStatus, type StorageStatus } from '../../src/storage/quota';
import type { SceneMeta } from '../../src/storage/SceneStore';
import { callWithSignal, transferFrame, type WorkerClient } from '../../src/runtime/clients';
import { AbortError } from '../../src/runtime/errors';
import type { PerceptionCapabilities, ProcessFrameResult } from '../../src/runtime/PerceptionApi';
import type { ProgressEvent } from '../../src/runtime/progress';
import type { ReasonerAnswer, ReasonerEvent } from '../../src/runtime/ReasonerApi';
import { createPerceptionUnderTest, createReasonerUnderTest } from './clients';
import { SYNTHETIC_UP, syntheticFrame } from './syntheticFrame';
import type { PerceptionUnderTestApi, SelfTestResult } from './perceptionUnderTest';
import type { ReasonerUnderTestApi } from './reasonerUnderTest';
import { perceptionTestApi, type PerceptionTestApi } from './perceptionTestApi';
import { faultTestApi, type FaultTestApi } from './faultTestApi';
import { liveLoadApi, type LiveLoadApi, type LoadFeedFactory } from './liveLoad';

/**
 * The typed API Playwright drives (`window.__spatialMosaicTest`). Every method returns plain data (errors as
 * `{name, message}`) so that `page.evaluate` can carry it. The e2e entry (main.ts) mounts it with `installTestApi()`,
 * passing the app's own worker clients so the tests exercise the app's workers.
 */
export interface ErrorInfo {
  readonly name: string;
  readonly message: string;
  /** Whether the error was rebuilt with its own class on this side (not just a plain Error with a name). */
  readonly sameClass: boolean;
}

export interface FrameRun {
  readonly results: ProcessFrameResult[];
  /** byteLength of each frame's rgb buffer after the call: 0 means it was transferred, not copied. */
  readonly rgbBytesAfter: number[];
  readonly workerMosaic: Mosaic;
  readonly sceneId: string;
}

export interface SpatialMosaicTestApi {
  readonly version: 1;
  /** `?backend=` of this page load (default 'auto'). */
  readonly backend: BackendPreference;
  pageCapabilities(): Promise<CapabilityReport>;
  workerCapabilities(): Promise<{ perception: PerceptionCapabilities; reasoner: PerceptionCapabilities }>;
  ping(): Promise<{ perception: { pong: true; context: string }; reasoner: { pong: true; context: string } }>;
  progressRun(steps: number): Promise<{ result: SelfTestResult; events: ProgressEvent[] }>;
  /** Starts a long worker call, aborts its AbortSignal after `afterMs`, reports the rejection. */
  abortedRun(afterMs: number): Promise<{ error: ErrorInfo; elapsedMs: number; stillRunning: number }>;
  namedError(message: string): Promise<ErrorInfo>;
  workerStorageRoundTrip(sceneId: string, mosaic: Mosaic): Promise<SelfTestResult>;
  /** Sends synthetic frames (transferred), the first `burst` of them at once, into a new stored scene. */
  fuseFrames(sceneName: string, count: number, burst: number): Promise<FrameRun>;
  ask(
    mosaic: Mosaic,
    question: string,
  ): Promise<{ answer: ReasonerAnswer; events: ReasonerEvent['status'][] }>;
  /** Real engines in fresh workers: YOLOX on frames, engine checks, per-frame timings, the VLM in the reasoner. */
  readonly perception: PerceptionTestApi;
  /** Fault injection: worker crash, quota, interrupted writes, two tabs, truncated downloads (e2e/faults.spec.ts). */
  readonly faults: FaultTestApi;
  /** Thousands of camera frames through the app's LiveFeed and perception worker (e2e/load.spec.ts). */
  readonly load: LiveLoadApi;
  storage: {
    save(sceneId: string, name: string, mosaic: Mosaic): Promise<SceneMeta>;
    load(sceneId: string): Promise<{ meta: SceneMeta; mosaic: Mosaic } | { error: ErrorInfo }>;
    list(): Promise<SceneMeta[]>;
    remove(sceneId: string): Promise<void>;
    exportFile(sceneId: string): Promise<{ fileName: string; text: string }>;
    importFile(text: string, fileName: string): Promise<SceneMeta | { error: ErrorInfo }>;
    status(): Promise<StorageStatus & { persistGranted: boolean }>;
  };
}

declare global {
  interface Window {
    __spatialMosaicTest?: SpatialMosaicTestApi;
  }
}

const KNOWN_CLASSES: Record<string, unknown> = { AbortError };
const errorInfo = (e: unknown): ErrorInfo => {
  const err = e as Error;
  const cls = KNOWN_CLASSES[err?.name] as (new () => Error) | undefined;
  return {
    name: String(err?.name),
    message: String(err?.message),
    sameClass: cls ? err instanceof cls : err instanceof Error && err.constructor !== Error,
  };
};

export function installTestApi(
  opts: {
    perception?: WorkerClient<PerceptionUnderTestApi>;
    reasoner?: WorkerClient<ReasonerUnderTestApi>;
    /** The app's live pipeline (ui/sources/LiveFeed), for `load`; passed in so this layer does not import the UI. */
    liveFeed?: LoadFeedFactory;
  } = {},
  target: Window = window,
): SpatialMosaicTestApi {
  let perception = opts.perception;
  let reasoner = opts.reasoner;
  const pc = () => (perception ??= createPerceptionUnderTest());
  const rc = () => (reasoner ??= createReasonerUnderTest());
  const p = () => pc().api;
  const r = () => rc().api;
  const params = new URLSearchParams(target.location.search);
  const backend = (params.get('backend') ?? 'auto') as BackendPreference;
  // e2e builds serve the tiny model stand-ins apart from public/models/ (see scripts/prepare-e2e-models.ts).
  const modelsBase = params.get('models') ?? undefined;

  const api: SpatialMosaicTestApi = {
    version: 1,
    backend,
    pageCapabilities: () => detectCapabilities(),
    async workerCapabilities() {
      const [a, b] = await Promise.all([p().capabilities(backend), r().capabilities(backend)]);
      return { perception: a, reasoner: b };
    },
    async ping() {
      const [a, b] = await Promise.all([p().ping(), r().ping()]);
      return { perception: a, reasoner: b };
    },
    async progressRun(steps) {
      const events: ProgressEvent[] = [];
      const result = await p().selfTest(
        { kind: 'progress', steps },
        proxy((e: ProgressEvent) => void events.push(e)),
      );
      // Proxied callbacks are messages of their own: let the last ones land.
      await new Promise((res) => setTimeout(res, 50));
      return { result, events };
    },
    async abortedRun(afterMs) {
      const ctl = new AbortController();
      const t0 = performance.now();
      setTimeout(() => ctl.abort(), afterMs);
      const error = await callWithSignal<SelfTestResult>(
        ctl.signal,
        (id) => p().interrupt(id),
        (requestId) => p().selfTest({ kind: 'wait', ms: 30_000 }, undefined, { requestId }),
      ).then(
        () => ({ name: 'none', message: 'the call resolved instead of aborting', sameClass: false }),
        errorInfo,
      );
      const elapsedMs = performance.now() - t0;
      await new Promise((res) => setTimeout(res, 50));
      return { error, elapsedMs, stillRunning: await p().interrupt() };
    },
    namedError: (message) =>
      p()
        .selfTest({ kind: 'throw', message })
        .then(() => ({ name: 'none', message: 'no error was thrown', sameClass: false }), errorInfo),
    workerStorageRoundTrip: (sceneId, mosaic) => p().selfTest({ kind: 'storage', sceneId, mosaic }),
    async fuseFrames(sceneName, count, burst) {
      const meta = await p().openScene({ name: sceneName, up: SYNTHETIC_UP });
      const frames = Array.from({ length: count }, (_, i) => syntheticFrame(i));
      const results: ProcessFrameResult[] = [];
      // The burst goes out without waiting: the worker must drop what arrives while it is busy.
      results.push(
        ...(await Promise.all(frames.slice(0, burst).map((f) => p().processFrame(transferFrame(f))))),
      );
      for (const f of frames.slice(burst)) results.push(await p().processFrame(transferFrame(f)));
      const workerMosaic = await p().mosaic();
      await p().closeScene();
      return {
        results,
        rgbBytesAfter: frames.map((f) => f.rgb.data.byteLength),
        workerMosaic,
        sceneId: meta.id,
      };
    },
    async ask(mosaic, question) {
      const events: ReasonerEvent['status'][] = [];
      const answer = await r().ask(
        { mosaic, question },
        proxy((e: ReasonerEvent) => void events.push(e.status)),
      );
      await new Promise((res) => setTimeout(res, 50));
      return { answer, events };
    },
    perception: perceptionTestApi(backend, modelsBase),
    faults: faultTestApi({ perception: pc, reasoner: rc }),
    load: liveLoadApi(pc, opts.liveFeed),
    storage: {
      save: async (sceneId, name, mosaic) =>
        (await openSceneLibrary()).saveMosaic(mosaic, { name, id: sceneId }),
      load: async (sceneId) =>
        (await openSceneLibrary()).load(sceneId).catch((e: unknown) => ({ error: errorInfo(e) })),
      list: async () => (await openSceneLibrary()).list(),
      remove: async (sceneId) => (await openSceneLibrary()).delete(sceneId),
      exportFile: async (sceneId) => (await openSceneLibrary()).exportFile(sceneId),
      importFile: async (text, fileName) =>
        (await openSceneLibrary())
          .importFile(text, fileName)
          .catch((e: unknown) => ({ error: errorInfo(e) })),
      async status() {
        const persistGranted = await requestPersistence();
        return { ...(await storageStatus()), persistGranted };
      },
    },
  };
  target.__spatialMosaicTest = api;
  return api;
}
