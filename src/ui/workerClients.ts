import type { Remote } from 'comlink';
import { createPerceptionClient, createReasonerClient, type WorkerClient } from '../runtime/clients';
import type { PerceptionApi } from '../runtime/PerceptionApi';
import type { ReasonerApi } from '../runtime/ReasonerApi';

/**
 * One perception and one reasoner worker per page, started on first use (not at boot: a person who only
 * looks at a saved scene never pays for them). A worker that fails to start is forgotten, so a retry starts
 * a fresh one.
 */
let perception: Promise<WorkerClient<PerceptionApi>> | undefined;
let reasoner: Promise<WorkerClient<ReasonerApi>> | undefined;

async function started<T>(client: WorkerClient<T>): Promise<WorkerClient<T>> {
  try {
    await client.ready();
    return client;
  } catch (e) {
    client.terminate();
    throw e;
  }
}

export function perceptionApi(): Promise<Remote<PerceptionApi>> {
  perception ??= started(createPerceptionClient());
  perception.catch(() => (perception = undefined));
  return perception.then((c) => c.api);
}

export function reasonerApi(): Promise<Remote<ReasonerApi>> {
  reasoner ??= started(createReasonerClient());
  reasoner.catch(() => (reasoner = undefined));
  return reasoner.then((c) => c.api);
}
