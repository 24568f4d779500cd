/** The runtime's public API for the app shell: worker clients, their typed APIs and the boundary helpers. */
export {
  createPerceptionClient,
  createReasonerClient,
  callWithSignal,
  transferFrame,
  newRequestId,
  WorkerStartError,
  type WorkerClient,
} from './clients';
export type * from './PerceptionApi';
export type * from './ReasonerApi';
export type { ProgressEvent, ProgressCallback } from './progress';
export { AbortError, InvalidRequestError, isAbortError } from './errors';
