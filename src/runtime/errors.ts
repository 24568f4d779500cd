/**
 * Errors that cross the worker boundary. Each class has a fixed `name`, so a caller on the other side can
 * branch on `err.name` (and, through errorTransfer, on `instanceof`) instead of parsing messages.
 */

/** A call was interrupted (a newer request won, `interrupt()` was called, or the caller's signal fired). */
export class AbortError extends Error {
  override name = 'AbortError';
  constructor(message = 'The operation was aborted: a newer request or an explicit interrupt cancelled it.') {
    super(message);
  }
}

/** A service method got input it cannot use; the message says which field and what to send instead. */
export class InvalidRequestError extends Error {
  override name = 'InvalidRequestError';
}

export const isAbortError = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';

/** Throws an AbortError if the signal has fired: call it between stages of a long job. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    throw reason instanceof AbortError ? reason : new AbortError();
  }
}
