/** OWLv2 through Transformers.js' zero-shot-object-detection pipeline. */
import type { ZeroShotObjectDetectionPipeline } from '@huggingface/transformers';
import type { BackendChoice } from '../../core/backend/decideBackend';
import type { Detection, RgbImage } from '../../core/perception/types';
import type { ModelProgressCallback } from '../models/progress';
import { loadWithFallback, type BackendOptions } from '../transformers/backendChoice';
import { abortError, EngineInputError } from '../transformers/errors';
import { TransformersEngine } from '../transformers/transformersEngine';
import { loadTransformersModel } from '../transformers/loadTransformersModel';
import { OWLV2_BASE } from '../transformers/modelIds';
import type { ModelSourceOptions } from '../transformers/modelSource';
import { toRawImage } from '../transformers/rawImage';
import type { OpenVocabularyDetector, OpenVocabularyOptions } from './types';

export interface Owlv2Options extends BackendOptions {
  readonly source: ModelSourceOptions;
  readonly modelId?: string;
}

interface Loaded {
  readonly pipe: ZeroShotObjectDetectionPipeline;
  readonly lib: typeof import('@huggingface/transformers');
  readonly choice: BackendChoice;
}

interface RawDetection {
  score: number;
  label: string;
  box: { xmin: number; ymin: number; xmax: number; ymax: number };
}

export class Owlv2Detector extends TransformersEngine<Loaded> implements OpenVocabularyDetector {
  constructor(private readonly opts: Owlv2Options) {
    super(opts.modelId ?? OWLV2_BASE, (l) => l.pipe.dispose());
  }

  protected doLoad(progress?: ModelProgressCallback): Promise<Loaded> {
    return loadTransformersModel(
      this.modelId,
      this.opts.source,
      'open-vocabulary detector',
      progress,
      async (lib, progress_callback) => {
        const { value: pipe, choice } = await loadWithFallback(
          'open-vocab-detector',
          this.modelId,
          this.opts,
          (c) =>
            lib.pipeline('zero-shot-object-detection', this.modelId, {
              device: c.device,
              dtype: c.dtype,
              progress_callback,
            }),
        );
        return { pipe, choice };
      },
    );
  }

  async detect(
    image: RgbImage,
    labels: readonly string[],
    opts: OpenVocabularyOptions = {},
  ): Promise<Detection[]> {
    if (opts.signal?.aborted) throw abortError('open-vocabulary detection');
    const clean = [...new Set(labels.map((l) => l.trim()).filter((l) => l.length > 0))];
    if (clean.length === 0) {
      throw new EngineInputError(
        `${this.modelId} detect(): no labels given; pass the object names to look for`,
      );
    }
    const loaded = await this.model.load(undefined);
    const raw = toRawImage(loaded.lib.RawImage, image, `${this.modelId} detect()`);
    const found = (await loaded.pipe(raw, clean, {
      threshold: opts.threshold ?? 0.1,
      ...(opts.topK !== undefined ? { top_k: opts.topK } : {}),
    })) as unknown as RawDetection[];
    if (opts.signal?.aborted) throw abortError('open-vocabulary detection');
    const clamp = (v: number, hi: number): number => Math.min(Math.max(v, 0), hi);
    return found.map((d) => ({
      label: d.label,
      score: d.score,
      box: [
        clamp(d.box.xmin, image.width),
        clamp(d.box.ymin, image.height),
        clamp(d.box.xmax, image.width),
        clamp(d.box.ymax, image.height),
      ] as const,
    }));
  }

}
