/** Named errors of the Transformers.js engines; `{name, message}` crosses a worker boundary intact. */

export class ModelLoadError extends Error {
  override readonly name = 'ModelLoadError';
}

export class EngineNotLoadedError extends Error {
  override readonly name = 'EngineNotLoadedError';
}

export class UnsupportedDtypeError extends Error {
  override readonly name = 'UnsupportedDtypeError';
}

export class EngineInputError extends Error {
  override readonly name = 'EngineInputError';
}

/** The standard abort shape (`name === 'AbortError'`), also where DOMException is missing. */
export function abortError(what: string): Error {
  const err = new Error(`${what} was aborted`);
  err.name = 'AbortError';
  return err;
}
