import { proxy, type Remote } from 'comlink';
import { createPerceptionClient, createReasonerClient, type WorkerClient } from '../runtime/clients';
import type { PerceptionApi } from '../runtime/PerceptionApi';
import type { ReasonerApi, SceneFramePort } from '../runtime/ReasonerApi';
import type { BackendPreference } from '../core/backend/decideBackend';
import { PerceptionSupervisor } from '../runtime/supervisor/PerceptionSupervisor';
import { ReasonerSupervisor } from '../runtime/supervisor/ReasonerSupervisor';
import type { WorkerRestart } from '../runtime/supervisor/WorkerSupervisor';
import { loadSettings, modelsBaseFromUrl } from './settings';
import { emitModelProgress } from './useModelProgress';

/** The backend the person chose (settings, or ?backend= for this page load); read when a worker starts. */
let backendOverride: BackendPreference | undefined;
const chosenBackend = (): BackendPreference =>
  backendOverride ??
  (typeof window === 'undefined'
    ? 'auto'
    : loadSettings(window.localStorage, window.location.search).backend);

/** The Hub switch in settings; read when a worker starts, applied to running ones by applySettings. */
let downloadsOverride: boolean | undefined;
const allowDownloads = (): boolean =>
  downloadsOverride ??
  (typeof window === 'undefined'
    ? false
    : loadSettings(window.localStorage, window.location.search).allowDownloads);

/** `?models=` (a same-origin path, e.g. the e2e build's /e2e-fixtures/models/) for this page load. */
const modelsBase = typeof window === 'undefined' ? undefined : modelsBaseFromUrl(window.location.search);

/** Restarts of either worker, for the notice (WorkerNotice) and the tests; each listener gets those after it subscribes. */
const restartListeners = new Set<(r: WorkerRestart) => void>();
export function onWorkerRestart(listener: (r: WorkerRestart) => void): () => void {
  restartListeners.add(listener);
  return () => void restartListeners.delete(listener);
}
const announce = (r: WorkerRestart) => restartListeners.forEach((l) => l(r));

/**
 * One perception and one reasoner worker per page, started on first use (not at boot: a person who only looks at
 * a saved scene never pays for them), each under a watchdog (runtime/supervisor): a worker that crashes is
 * replaced, the perception one reopens its scene, and the call in flight fails with WorkerCrashedError. A worker
 * that fails to start is forgotten, so a retry starts a fresh one. The same clients back the app and the
 * Playwright test API. Heartbeats are generous: a model load (session creation, graph optimisation, shader
 * compilation) or a VLM step may hold a worker's thread for many seconds on a slow phone, and a false alarm would
 * restart the very load it interrupted. Crashes that throw are seen at once; only a silent death waits this long.
 * Each fresh perception worker also reports its model downloads to the progress bars (useModelProgress).
 */
export const perceptionClient: WorkerClient<PerceptionApi> = new PerceptionSupervisor({
  create: createPerceptionClient,
  heartbeatMs: 30_000,
  setUp: async (api) => {
    await api.configure({
      backend: chosenBackend(),
      allowNetwork: allowDownloads(),
      ...(modelsBase ? { modelsBaseUrl: modelsBase } : {}),
    });
    await api.watchModels(proxy(emitModelProgress));
  },
  onRestart: announce,
}).client();
export const reasonerClient: WorkerClient<ReasonerApi> = new ReasonerSupervisor({
  create: createReasonerClient,
  heartbeatMs: 60_000,
  setUp: (api) => api.configure({ backend: chosenBackend(), allowNetwork: allowDownloads() }),
  onRestart: announce,
}).client();

/** Applies changed backend and download settings to the running workers (new workers read them when they start). */
export async function applySettings(s: {
  backend: BackendPreference;
  allowDownloads: boolean;
}): Promise<void> {
  backendOverride = s.backend;
  downloadsOverride = s.allowDownloads;
  const config = { backend: s.backend, allowNetwork: s.allowDownloads };
  await Promise.all([
    perceptionClient.ready().then(() => perceptionClient.api.configure(config)),
    reasonerClient.ready().then(() => reasonerClient.api.configure(config)),
  ]);
}

/** Where the app's model folders are for this page load (`?models=`, else /models/). */
export const appModelsBase = (): string => modelsBase ?? '/models/';

/** Set once the page has used the perception worker: one never started holds no scene's frames. */
let perceptionUsed = false;

export async function perceptionApi(): Promise<Remote<PerceptionApi>> {
  perceptionUsed = true;
  await perceptionClient.ready();
  return perceptionClient.api;
}

/**
 * The reasoner's way to more frames of a stored scene: relayed to the perception worker (pass it with comlink's
 * `proxy`). Only frame numbers and counts cross; the fused objects reach the reasoner through storage.
 */
export const sceneFramePort: SceneFramePort = {
  perceiveSceneFrames: async (request, opts) =>
    perceptionUsed ? (await perceptionApi()).perceiveSceneFrames(request, opts) : null,
  interrupt: async (requestId) => (perceptionUsed ? (await perceptionApi()).interrupt(requestId) : 0),
};

export async function reasonerApi(): Promise<Remote<ReasonerApi>> {
  await reasonerClient.ready();
  return reasonerClient.api;
}
