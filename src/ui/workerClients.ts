import { proxy, type Remote } from 'comlink';
import { createPerceptionClient, createReasonerClient, type WorkerClient } from '../runtime/clients';
import type { PerceptionApi } from '../runtime/PerceptionApi';
import type { ReasonerApi } from '../runtime/ReasonerApi';
import type { BackendPreference } from '../core/backend/decideBackend';
import { loadSettings, modelsBaseFromUrl } from './settings';
import { emitModelProgress } from './useModelProgress';

/**
 * One perception and one reasoner worker per page, started on first use (not at boot: a person who only
 * looks at a saved scene never pays for them). A worker that fails to start is forgotten, so a retry starts
 * a fresh one. The same clients back the app and the Playwright test API.
 */
class LazyClient<T> implements WorkerClient<T> {
  private client?: WorkerClient<T>;
  private started?: Promise<void>;

  constructor(
    private readonly create: () => WorkerClient<T>,
    /** Runs once on each fresh worker before anyone else uses it (e.g. tell it the backend setting). */
    private readonly setUp: (api: Remote<T>) => Promise<void> = async () => {},
  ) {}

  get api(): Remote<T> {
    return (this.client ??= this.create()).api;
  }

  ready(timeoutMs?: number): Promise<void> {
    const client = (this.client ??= this.create());
    this.started ??= client
      .ready(timeoutMs)
      .then(() => this.setUp(client.api))
      .catch((e: unknown) => {
        this.terminate();
        throw e;
      });
    return this.started;
  }

  terminate(): void {
    this.client?.terminate();
    this.client = undefined;
    this.started = undefined;
  }
}

/** The backend the person chose (settings, or ?backend= for this page load); read when a worker starts. */
let backendOverride: BackendPreference | undefined;
const chosenBackend = (): BackendPreference =>
  backendOverride ??
  (typeof window === 'undefined'
    ? 'auto'
    : loadSettings(window.localStorage, window.location.search).backend);

/** `?models=` (a same-origin path, e.g. the e2e build's /e2e-fixtures/models/) for this page load. */
const modelsBase = typeof window === 'undefined' ? undefined : modelsBaseFromUrl(window.location.search);

// Each fresh perception worker also reports its model downloads to the progress bars (useModelProgress).
export const perceptionClient: WorkerClient<PerceptionApi> = new LazyClient(
  createPerceptionClient,
  async (api) => {
    await api.configure({ backend: chosenBackend(), ...(modelsBase ? { modelsBaseUrl: modelsBase } : {}) });
    await api.watchModels(proxy(emitModelProgress));
  },
);
export const reasonerClient: WorkerClient<ReasonerApi> = new LazyClient(createReasonerClient, (api) =>
  api.configure({ backend: chosenBackend() }),
);

/** Applies a changed backend setting to the running workers (new workers read it when they start). */
export async function applyBackend(backend: BackendPreference): Promise<void> {
  backendOverride = backend;
  await Promise.all([
    perceptionClient.ready().then(() => perceptionClient.api.configure({ backend })),
    reasonerClient.ready().then(() => reasonerClient.api.configure({ backend })),
  ]);
}

export async function perceptionApi(): Promise<Remote<PerceptionApi>> {
  await perceptionClient.ready();
  return perceptionClient.api;
}

export async function reasonerApi(): Promise<Remote<ReasonerApi>> {
  await reasonerClient.ready();
  return reasonerClient.api;
}
