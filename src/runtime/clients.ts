import type { PerceptionApi } from './PerceptionApi';
import type { ReasonerApi } from './ReasonerApi';
import { wrapWorker, type WorkerClient } from './workerClient';

// The client half without the app's worker scripts lives in workerClient.ts (the package's element and pool
// use it without bundling workers/*.worker.ts); it is re-exported here for the app.
export {
  wrapWorker,
  transferFrame,
  WorkerStartError,
  createStopFlag,
  newRequestId,
  callWithSignal,
  type WorkerClient,
} from './workerClient';

/** Starts the app's worker scripts; each call is a fresh worker. */
export interface WorkerScripts {
  perception(): Worker;
  reasoner(): Worker;
}

// The literal `new Worker(new URL(...), {type: 'module'})` form is what Vite detects and bundles.
let workerScripts: WorkerScripts = {
  perception: () =>
    new Worker(new URL('../../workers/perception.worker.ts', import.meta.url), {
      type: 'module',
      name: 'perception',
    }),
  reasoner: () =>
    new Worker(new URL('../../workers/reasoner.worker.ts', import.meta.url), {
      type: 'module',
      name: 'reasoner',
    }),
};

/**
 * Replaces the scripts the clients below start, for every worker started from now on. The e2e build's harness
 * (e2e/harness/) passes entries that wrap the same services with its test hooks; the app never calls it.
 */
export function setWorkerScripts(scripts: Partial<WorkerScripts>): void {
  workerScripts = { ...workerScripts, ...scripts };
}

export function createPerceptionClient(): WorkerClient<PerceptionApi> {
  return wrapWorker<PerceptionApi>(workerScripts.perception(), 'perception');
}

export function createReasonerClient(): WorkerClient<ReasonerApi> {
  return wrapWorker<ReasonerApi>(workerScripts.reasoner(), 'reasoner');
}
