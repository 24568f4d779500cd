/**
 * The one abort error, from the reasoning core to the worker boundary: a call was interrupted (a newer request
 * won, `interrupt()` was called, the caller's signal fired, or a long job was stopped). Its fixed `name` lets a
 * caller branch on `err.name`, and the worker boundary rebuilds it as this class (runtime/errorTransfer).
 */
export class AbortError extends Error {
  override name = 'AbortError';
  constructor(message = 'The operation was aborted: a newer request or an explicit interrupt cancelled it.') {
    super(message);
  }
}

/** By name, so that an AbortError from another JS context (or a DOMException 'AbortError') counts too. */
export const isAbortError = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';

/** Throws an AbortError if the signal has fired (its reason when that is one): call it between stages of a long job. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    throw reason instanceof AbortError ? reason : new AbortError();
  }
}
