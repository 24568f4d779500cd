/**
 * Depth Anything V2 through Transformers.js' depth-estimation pipeline: relative (inverse) depth at the input
 * resolution, or metric where the model's config says so (the metric fine-tunes).
 */
import type { DepthEstimationPipeline } from '@huggingface/transformers';
import type { RgbImage } from '../../core/perception/types';
import type { BackendChoice } from '../../core/backend/decideBackend';
import type { ModelProgressCallback } from '../models/progress';
import { loadWithFallback, type BackendOptions } from '../transformers/backendChoice';
import { abortError } from '../transformers/errors';
import { TransformersEngine } from '../transformers/transformersEngine';
import { loadTransformersModel } from '../transformers/loadTransformersModel';
import type { ModelSourceOptions } from '../transformers/modelSource';
import { toRawImage } from '../transformers/rawImage';
import { DEPTH_ANYTHING_V2_SMALL } from '../transformers/modelIds';
import type { DepthEstimator, DepthScale, EstimatedDepth } from './types';

export interface DepthAnythingOptions extends BackendOptions {
  readonly source: ModelSourceOptions;
  readonly modelId?: string;
}

interface Loaded {
  readonly pipe: DepthEstimationPipeline;
  readonly lib: typeof import('@huggingface/transformers');
  readonly scale: DepthScale;
  readonly choice: BackendChoice;
}

export class DepthAnythingEstimator extends TransformersEngine<Loaded> implements DepthEstimator {
  constructor(private readonly opts: DepthAnythingOptions) {
    super(opts.modelId ?? DEPTH_ANYTHING_V2_SMALL, (l) => l.pipe.dispose());
  }

  protected doLoad(progress?: ModelProgressCallback): Promise<Loaded> {
    return loadTransformersModel(
      this.modelId,
      this.opts.source,
      'depth model',
      progress,
      async (lib, progress_callback) => {
        const { value: pipe, choice } = await loadWithFallback('depth', this.modelId, this.opts, (c) =>
          lib.pipeline('depth-estimation', this.modelId, {
            device: c.device,
            dtype: c.dtype,
            progress_callback,
          }),
        );
        const config = pipe.model.config as { depth_estimation_type?: string };
        const scale: DepthScale = config.depth_estimation_type === 'metric' ? 'metric' : 'relative-disparity';
        return { pipe, choice, scale };
      },
    );
  }

  async estimate(image: RgbImage, opts: { signal?: AbortSignal } = {}): Promise<EstimatedDepth> {
    if (opts.signal?.aborted) throw abortError('depth estimation');
    const loaded = await this.model.load(undefined);
    const raw = toRawImage(loaded.lib.RawImage, image, `${this.modelId} estimate()`);
    const out = (await loaded.pipe(raw)) as { predicted_depth: { dims: number[]; data: Float32Array } };
    // ORT cannot be stopped mid-run; a stale result is dropped here instead.
    if (opts.signal?.aborted) throw abortError('depth estimation');
    const [height, width] = out.predicted_depth.dims;
    return { width, height, data: Float32Array.from(out.predicted_depth.data), scale: loaded.scale };
  }

}
