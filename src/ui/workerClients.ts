import type { Remote } from 'comlink';
import { createPerceptionClient, createReasonerClient, type WorkerClient } from '../runtime/clients';
import type { PerceptionApi } from '../runtime/PerceptionApi';
import type { ReasonerApi } from '../runtime/ReasonerApi';

/**
 * One perception and one reasoner worker per page, started on first use (not at boot: a person who only
 * looks at a saved scene never pays for them). A worker that fails to start is forgotten, so a retry starts
 * a fresh one. The same clients back the app and the Playwright test API.
 */
class LazyClient<T> implements WorkerClient<T> {
  private client?: WorkerClient<T>;
  private started?: Promise<void>;

  constructor(private readonly create: () => WorkerClient<T>) {}

  get api(): Remote<T> {
    return (this.client ??= this.create()).api;
  }

  ready(timeoutMs?: number): Promise<void> {
    const client = (this.client ??= this.create());
    this.started ??= client.ready(timeoutMs).catch((e: unknown) => {
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

export const perceptionClient: WorkerClient<PerceptionApi> = new LazyClient(createPerceptionClient);
export const reasonerClient: WorkerClient<ReasonerApi> = new LazyClient(createReasonerClient);

export async function perceptionApi(): Promise<Remote<PerceptionApi>> {
  await perceptionClient.ready();
  return perceptionClient.api;
}

export async function reasonerApi(): Promise<Remote<ReasonerApi>> {
  await reasonerClient.ready();
  return reasonerClient.api;
}
