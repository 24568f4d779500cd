import type { ModelProgressCallback } from '../models/progress';
import { ModelLoadError } from './errors';
import { importTransformers, type ModelSourceOptions } from './modelSource';
import { ProgressAdapter } from './progressAdapter';

export type TransformersLib = typeof import('@huggingface/transformers');

/**
 * The load scaffolding every Transformers.js engine shares: import the library with the model source's
 * settings, report per-file progress as our tagged events (ending in `ready`, or `error`), and turn any
 * failure into a ModelLoadError that names the model and what it is (`what`: "depth model", "VLM", …).
 */
export async function loadTransformersModel<T>(
  modelId: string,
  source: ModelSourceOptions,
  what: string,
  progress: ModelProgressCallback | undefined,
  load: (lib: TransformersLib, progressCallback: ProgressAdapter['callback']) => Promise<T>,
): Promise<T & { readonly lib: TransformersLib }> {
  const lib = await importTransformers(source);
  const adapter = new ProgressAdapter(modelId, source.allowRemoteModels ? 'hub' : 'local', progress);
  try {
    const loaded = await load(lib, adapter.callback);
    adapter.ready();
    return { ...loaded, lib };
  } catch (err) {
    adapter.error(err);
    throw new ModelLoadError(
      `${modelId}: ${what} failed to load (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}
