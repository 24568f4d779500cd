/**
 * Download progress, a union tagged by `status` (as Transformers.js reports it). Per file:
 * `initiate` → `progress`* → `done`, with `loaded` never decreasing and `progress` (0–100) never going
 * backwards and reaching 100 at `done`. Per model, `ready` after all its files, or `error`.
 */
export type ModelSource = 'cache' | 'local' | 'hub';

interface FileEvent {
  readonly model: string;
  readonly file: string;
  /** Bytes received so far. */
  readonly loaded: number;
  /** Expected bytes: the manifest size, else Content-Length, else 0 (unknown). */
  readonly total: number;
  /** Percent, 0–100; stays below 100 until `done`. */
  readonly progress: number;
}

export type ModelProgress =
  | (FileEvent & { readonly status: 'initiate'; readonly source: ModelSource })
  | (FileEvent & { readonly status: 'progress' })
  | (FileEvent & { readonly status: 'done'; readonly source: ModelSource })
  | {
      readonly status: 'ready';
      readonly model: string;
      /** Empty: `ready` is about the whole model. */
      readonly file: '';
      readonly files: readonly string[];
      readonly loaded: number;
      readonly total: number;
      readonly progress: 100;
    }
  | {
      readonly status: 'error';
      readonly model: string;
      readonly file: string;
      readonly loaded: number;
      readonly total: number;
      readonly progress: number;
      /** `{name, message}` of the error, so that it survives a worker boundary. */
      readonly error: { readonly name: string; readonly message: string };
    };

export type ModelProgressCallback = (event: ModelProgress) => void;

/** Percent below 100 while a file is in flight; 100 is reserved for `done`. */
export function percent(loaded: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(99.9, (loaded / total) * 100);
}
