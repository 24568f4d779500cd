import { transferHandlers, type TransferHandler } from 'comlink';
import { AbortError, InvalidRequestError } from './errors';
import {
  CorruptSceneError,
  MosaicFileError,
  SceneNotFoundError,
  StorageFullError,
  StorageVersionError,
} from '../storage/errors';

/**
 * Comlink's default 'throw' handler rebuilds every error as a plain `Error`, so `instanceof` checks and
 * extra fields (`code`, `userFacing`, …) are lost. This handler sends `{name, message, stack, ...fields}` and
 * rebuilds a registered class by name on the receiving side. Both sides must install it: the worker via
 * `exposeService`, the page via the client factories.
 */
type ErrorClass = new (message?: string) => Error;

const registry = new Map<string, ErrorClass>([
  ['AbortError', AbortError],
  ['InvalidRequestError', InvalidRequestError],
  ['StorageFullError', StorageFullError],
  ['SceneNotFoundError', SceneNotFoundError],
  ['CorruptSceneError', CorruptSceneError],
  ['StorageVersionError', StorageVersionError],
  ['MosaicFileError', MosaicFileError],
]);

/** Lets other layers (storage, engines) have their errors rebuilt with their own class after a crossing. */
export function registerTransferableError(name: string, cls: ErrorClass): void {
  registry.set(name, cls);
}

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  /** Own enumerable, structured-cloneable fields such as `code` or `userFacing`. */
  readonly fields: Record<string, unknown>;
}

type Thrown = { value: unknown };
type WireThrown = { isError: true; value: SerializedError } | { isError: false; value: unknown };

const isErrorLike = (v: unknown): v is { name: string; message: string; stack?: string } =>
  v instanceof Error ||
  (typeof v === 'object' &&
    v !== null &&
    typeof (v as { name?: unknown }).name === 'string' &&
    typeof (v as { message?: unknown }).message === 'string');

export function serializeError(err: { name: string; message: string; stack?: string }): SerializedError {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(err)) {
    if (k === 'name' || k === 'message' || k === 'stack') continue;
    // Only plain data survives postMessage; functions, DOM objects etc. are dropped rather than failing the reply.
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v;
  }
  return { name: err.name, message: err.message, stack: err.stack, fields };
}

export function deserializeError(s: SerializedError): Error {
  const cls = registry.get(s.name);
  const err = cls ? new cls(s.message) : new Error(s.message);
  // The message passed to the constructor may have been replaced by a default; force the sent one.
  Object.assign(err, s.fields, { message: s.message });
  // `name` is an own field on our classes and a prototype field on Error; set it either way.
  Object.defineProperty(err, 'name', {
    value: s.name,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  if (s.stack) err.stack = s.stack;
  return err;
}

function serializeThrown({ value }: Thrown): [WireThrown, Transferable[]] {
  if (isErrorLike(value)) return [{ isError: true, value: serializeError(value) }, []];
  return [{ isError: false, value }, []];
}

function deserializeThrown(wire: WireThrown): never {
  if (wire.isError) throw deserializeError(wire.value);
  throw wire.value;
}

let installed = false;
/** Idempotent. Call once per JS context (page and each worker) before the first call crosses. */
export function installErrorTransfer(): void {
  if (installed) return;
  const original = transferHandlers.get('throw');
  if (!original)
    throw new Error(
      'comlink has no "throw" transfer handler: the comlink version changed, check errorTransfer.ts',
    );
  transferHandlers.set('throw', {
    // Keep comlink's own test for "this is a thrown value", only replace the wire form.
    canHandle: original.canHandle,
    serialize: serializeThrown as TransferHandler<unknown, unknown>['serialize'],
    deserialize: deserializeThrown as TransferHandler<unknown, unknown>['deserialize'],
  });
  installed = true;
}
