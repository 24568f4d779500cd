/**
 * The fault-injection part of the Playwright test API (`window.__spatialMosaicTest.faults`): each method runs
 * one fault against the real browser pieces (worker, IndexedDB, Cache API) and returns plain data.
 */
import type { Remote } from 'comlink';
import { transferFrame, type WorkerClient } from '../../src/runtime/clients';
import { SYNTHETIC_UP, syntheticFrame } from './syntheticFrame';
import { openSceneLibrary } from '../../src/storage/openSceneLibrary';
import { makeKeyframe, makeObject } from '../../test/storage/storeFixtures';
import { SceneStore, type SceneMeta } from '../../src/storage/SceneStore';
import { idbKvStore } from '../../src/storage/kv';
import { sceneKeys } from '../../src/storage/keys';
import { webSceneLock } from '../../src/storage/webSceneLock';
import { PerceptionSupervisor } from '../../src/runtime/supervisor/PerceptionSupervisor';
import { createPerceptionUnderTest } from './clients';
import type { PerceptionUnderTestApi } from './perceptionUnderTest';
import type { ReasonerUnderTestApi } from './reasonerUnderTest';

export interface FaultError {
  readonly name: string;
  readonly message: string;
}

export type FrameOutcome =
  | { readonly frame: number; readonly sceneId?: string; readonly dropped: boolean }
  | { readonly frame: number; readonly error: FaultError };

export interface FaultTestApi {
  /** Fuses synthetic frames through a supervised worker that is killed during frame `crashAt`. */
  crashMidScene(opts: { frames: number; crashAt: number; heartbeatMs: number }): Promise<{
    sceneId: string;
    restarts: number;
    notices: string[];
    outcomes: FrameOutcome[];
  }>;
  /** Appends keyframes while IDBObjectStore.put throws QuotaExceededError for keyframe records ≥ failFrom. */
  quotaMidScene(opts: { keyframes: number; failFrom: number }): Promise<{
    sceneId: string;
    errors: FaultError[];
  }>;
  /**
   * Creates a scene with `committed` keyframes, then starts one more append and holds it after its delta record
   * is written and before the meta commits it (SceneStore's beforeCommit hook). Resolves once it is held there:
   * closing the tab now interrupts a real write between its two steps.
   */
  pauseMidWrite(
    name: string,
    committed: number,
  ): Promise<{ sceneId: string; objectIds: string[]; pausedAt: number }>;
  /** The raw storage keys of a scene (to see an interrupted write's orphan record). */
  storedKeys(sceneId: string): Promise<string[]>;
  /** Appends `count` keyframes tagged `tab` to an existing scene, renaming it halfway. */
  appendMany(sceneId: string, tab: number, count: number, rename: string): Promise<FaultError | null>;
  createScene(name: string): Promise<SceneMeta>;
  /**
   * The app's own supervised workers (the ones the UI uses): sets how soon a silent worker counts as dead.
   * The app's default is long (a model run may hold a worker for seconds); a test shortens it.
   */
  appHeartbeat(ms: number): void;
  /**
   * Through the app's perception client: opens a scene, fuses `before` synthetic frames, kills the worker during
   * the next one, then fuses `after` more, and closes the scene.
   */
  appPerceptionCrash(opts: { before: number; after: number }): Promise<{
    sceneId: string;
    outcomes: FrameOutcome[];
  }>;
  /** Arms the app's reasoner worker to die during its next question (after its first trace steps). */
  armReasonerCrash(): Promise<void>;
  /** Loads one model file through the verified loader; an error comes back as data, plus the cache's keys. */
  loadModel(modelsBaseUrl: string): Promise<{ bytes?: number; error?: FaultError; cached: string[] }>;
}

const asError = (e: unknown): FaultError => ({
  name: String((e as Error)?.name),
  message: String((e as Error)?.message),
});

const delta = (frame: number, tag: string, objects = 1) => ({
  keyframe: makeKeyframe(frame),
  upserts: Array.from({ length: objects }, (_, i) =>
    makeObject(`${tag}-${frame}${i ? `-${i}` : ''}`, 'chair', frame * 0.1, frame),
  ),
});

/** The app's worker clients (test API); supervised ones carry their supervisor. */
export interface AppWorkers {
  readonly perception: () => WorkerClient<PerceptionUnderTestApi>;
  readonly reasoner: () => WorkerClient<ReasonerUnderTestApi>;
}

const supervisorOf = (client: WorkerClient<unknown>): { heartbeatMs: number } => {
  const sup = (client as { supervisor?: { heartbeatMs: number } }).supervisor;
  if (!sup) throw new Error("faults: this worker client has no supervisor (use the app shell's clients).");
  return sup;
};

export function faultTestApi(app?: AppWorkers): FaultTestApi {
  const appWorkers = (): AppWorkers => {
    if (!app) throw new Error("faults: no app workers were given (installTestApi passes the app shell's).");
    return app;
  };
  return {
    appHeartbeat(ms) {
      const { perception, reasoner } = appWorkers();
      supervisorOf(perception()).heartbeatMs = ms;
      supervisorOf(reasoner()).heartbeatMs = ms;
    },

    async appPerceptionCrash({ before, after }) {
      const api = appWorkers().perception().api;
      await api.reset();
      const scene = await api.openScene({ name: 'app crash test', up: [...SYNTHETIC_UP] });
      const outcomes: FrameOutcome[] = [];
      const total = before + 1 + after;
      for (let n = 0; n < total; n++) {
        if (n === before) await api.selfTest({ kind: 'crash-next-frame' });
        try {
          const r = await api.processFrame(transferFrame(syntheticFrame(n)));
          outcomes.push({ frame: n, dropped: r.dropped, ...(!r.dropped ? { sceneId: r.sceneId } : {}) });
        } catch (e) {
          outcomes.push({ frame: n, error: asError(e) });
        }
      }
      await api.closeScene();
      return { sceneId: scene.id, outcomes };
    },

    async armReasonerCrash() {
      await appWorkers().reasoner().api.selfTest({ kind: 'crash-next-ask' });
    },

    async crashMidScene({ frames, crashAt, heartbeatMs }) {
      const sup = new PerceptionSupervisor({ create: createPerceptionUnderTest, heartbeatMs });
      try {
        const scene = await sup.openScene({ name: 'crash test', up: SYNTHETIC_UP });
        const outcomes: FrameOutcome[] = [];
        for (let n = 0; n < frames; n++) {
          if (n === crashAt)
            await sup.call<unknown>((api) =>
              (api as Remote<PerceptionUnderTestApi>).selfTest({ kind: 'crash-next-frame' }),
            );
          try {
            const r = await sup.processFrame(syntheticFrame(n));
            outcomes.push({ frame: n, dropped: r.dropped, ...(!r.dropped ? { sceneId: r.sceneId } : {}) });
          } catch (e) {
            outcomes.push({ frame: n, error: asError(e) });
          }
        }
        await sup.closeScene();
        return { sceneId: scene.id, restarts: sup.restarts, notices: [...sup.notices], outcomes };
      } finally {
        sup.terminate();
      }
    },

    async quotaMidScene({ keyframes, failFrom }) {
      const proto = IDBObjectStore.prototype;
      const put = proto.put;
      proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        const m = typeof key === 'string' ? /:kf:(\d+)$/.exec(key) : null;
        if (m && Number(m[1]) >= failFrom)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.call(this, value, key);
      };
      try {
        const store = await openSceneLibrary();
        const meta = await store.create({ name: 'quota test', up: [0, -1, 0] });
        const errors: FaultError[] = [];
        for (let n = 0; n < keyframes; n++) {
          await store.appendKeyframe(meta.id, delta(n, 'q')).catch((e) => errors.push(asError(e)));
        }
        return { sceneId: meta.id, errors };
      } finally {
        proto.put = put;
      }
    },

    async pauseMidWrite(name, committed) {
      const library = await openSceneLibrary(); // migrated, and the scene's first keyframes committed normally
      const meta = await library.create({ name, up: [0, -1, 0] });
      for (let n = 0; n < committed; n++) await library.appendKeyframe(meta.id, delta(n, 'w'));
      const { objects } = (await library.load(meta.id)).mosaic;
      let held: (n: number) => void = () => undefined;
      const paused = new Promise<number>((res) => (held = res));
      const lock = webSceneLock();
      const hooked = new SceneStore(idbKvStore(), {
        ...(lock ? { lock } : {}),
        // Never returns: the write stays between its delta record and its commit until the tab is closed.
        beforeCommit: (_id, n) => {
          held(n);
          return new Promise<never>(() => undefined);
        },
      });
      void hooked.appendKeyframe(meta.id, delta(committed, 'w'));
      return { sceneId: meta.id, objectIds: objects.map((o) => o.id).sort(), pausedAt: await paused };
    },

    async storedKeys(sceneId) {
      return (await idbKvStore().keys()).filter((k) => k.startsWith(sceneKeys.prefix(sceneId))).sort();
    },

    async createScene(name) {
      return (await openSceneLibrary()).create({ name, up: [0, -1, 0] });
    },

    async appendMany(sceneId, tab, count, rename) {
      const store = await openSceneLibrary();
      try {
        for (let n = 0; n < count; n++) {
          await store.appendKeyframe(sceneId, delta(tab * 1000 + n, `t${tab}`));
          if (n === count >> 1) await store.rename(sceneId, rename);
        }
        return null;
      } catch (e) {
        return asError(e);
      }
    },

    async loadModel(modelsBaseUrl) {
      const { ModelLoader, MODEL_CACHE_NAME } = await import('../../src/engines/models/modelLoader');
      const { defaultManifest } = await import('../../src/engines/models/defaultManifest');
      const loader = new ModelLoader({ manifest: defaultManifest, modelsBaseUrl });
      const cachedKeys = async () => (await (await caches.open(MODEL_CACHE_NAME)).keys()).map((r) => r.url);
      try {
        const bytes = (await loader.loadFile('yolox-nano', 'yolox_nano.onnx')).byteLength;
        return { bytes, cached: await cachedKeys() };
      } catch (e) {
        return { error: asError(e), cached: await cachedKeys() };
      }
    },
  };
}
