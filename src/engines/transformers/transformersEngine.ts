import type { BackendChoice } from '../../core/backend/decideBackend';
import type { ModelProgressCallback } from '../models/progress';
import { LazyResource } from '../lazyResource';

/**
 * What every Transformers.js engine (depth, open-vocabulary detector, VLM) shares: a model id, a model that is
 * loaded once on first use and can be disposed any time, and the backend the load ended up on.
 */
export abstract class TransformersEngine<Loaded extends { readonly choice: BackendChoice }> {
  protected readonly model: LazyResource<Loaded, ModelProgressCallback | undefined>;

  protected constructor(
    readonly modelId: string,
    release: (loaded: Loaded) => Promise<unknown>,
  ) {
    this.model = new LazyResource((progress) => this.doLoad(progress), release);
  }

  /** The device/dtype that the load ended up with, or null when not loaded. */
  get backend(): BackendChoice | null {
    return this.model.current?.choice ?? null;
  }

  async load(progress?: ModelProgressCallback): Promise<void> {
    await this.model.load(progress);
  }

  dispose(): Promise<void> {
    return this.model.dispose();
  }

  protected abstract doLoad(progress?: ModelProgressCallback): Promise<Loaded>;
}
