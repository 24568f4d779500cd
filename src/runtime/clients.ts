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

export function createPerceptionClient(): WorkerClient<PerceptionApi> {
  // The literal `new Worker(new URL(...), {type: 'module'})` form is what Vite detects and bundles.
  const worker = new Worker(new URL('../../workers/perception.worker.ts', import.meta.url), {
    type: 'module',
    name: 'perception',
  });
  return wrapWorker<PerceptionApi>(worker, 'perception');
}

export function createReasonerClient(): WorkerClient<ReasonerApi> {
  const worker = new Worker(new URL('../../workers/reasoner.worker.ts', import.meta.url), {
    type: 'module',
    name: 'reasoner',
  });
  return wrapWorker<ReasonerApi>(worker, 'reasoner');
}
