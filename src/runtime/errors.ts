/**
 * Errors that cross the worker boundary. Each class has a fixed `name`, so a caller on the other side can
 * branch on `err.name` (and, through errorTransfer, on `instanceof`) instead of parsing messages.
 */

export { AbortError, isAbortError, throwIfAborted } from '../core/abort';

/** A service method got input it cannot use; the message says which field and what to send instead. */
export class InvalidRequestError extends Error {
  override name = 'InvalidRequestError';
}
