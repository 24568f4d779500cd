/**
 * Worker clients of the e2e build. `main.ts` makes the app start the harness's worker entries (workers/), which
 * serve the product APIs plus the test hooks; these helpers give the clients that extended type.
 */
import {
  createPerceptionClient,
  createReasonerClient,
  setWorkerScripts,
  type WorkerClient,
} from '../../src/runtime/clients';
import type { PerceptionApi } from '../../src/runtime/PerceptionApi';
import type { ReasonerApi } from '../../src/runtime/ReasonerApi';
import type { PerceptionUnderTestApi } from './perceptionUnderTest';
import type { ReasonerUnderTestApi } from './reasonerUnderTest';

/** Every worker the app (and the harness) starts from now on runs the harness's entry. */
export function useHarnessWorkers(): void {
  setWorkerScripts({
    perception: () =>
      new Worker(new URL('./workers/perception.worker.ts', import.meta.url), {
        type: 'module',
        name: 'perception',
      }),
    reasoner: () =>
      new Worker(new URL('./workers/reasoner.worker.ts', import.meta.url), {
        type: 'module',
        name: 'reasoner',
      }),
  });
}

/** A client started after `useHarnessWorkers()`: its worker serves the hooks too. */
export const perceptionUnderTest = (client: WorkerClient<PerceptionApi>) =>
  client as WorkerClient<PerceptionUnderTestApi>;
export const reasonerUnderTest = (client: WorkerClient<ReasonerApi>) =>
  client as WorkerClient<ReasonerUnderTestApi>;

export const createPerceptionUnderTest = () => perceptionUnderTest(createPerceptionClient());
export const createReasonerUnderTest = () => reasonerUnderTest(createReasonerClient());
