/**
 * What the Node and the web YOLOX detectors share: lazy, once-only loading, serialised inference
 * (one ONNX session runs one call at a time), letterbox → run → decode, and dispose.
 */
import type { Detection, RgbImage } from '../../core/perception/types';
import {
  decodeYolox,
  letterbox,
  YOLOX_DEFAULT_SCORE_THRESHOLD,
  YOLOX_INPUT_SIZE,
} from '../../core/perception/yoloxDecode';
import { LazyResource } from '../lazyResource';
import type { ModelProgressCallback } from '../models/progress';
import type { DetectOptions, ObjectDetector } from './types';

/** An opened model: NCHW float32 in, raw [1, 3549, 85] out. */
export interface YoloxSession {
  run(input: Float32Array, dims: readonly number[]): Promise<Float32Array>;
  release(): Promise<void>;
}

export const YOLOX_MODEL_ID = 'yolox-nano';
export const YOLOX_MODEL_FILE = 'yolox_nano.onnx';

export abstract class YoloxDetectorBase implements ObjectDetector {
  abstract readonly name: string;
  private queue: Promise<unknown> = Promise.resolve();
  /** The one session, opened on first use; a failed open is forgotten so that it can be retried. */
  private readonly session = new LazyResource<YoloxSession, ModelProgressCallback | undefined>(
    (progress) => this.open(progress),
    async (session) => {
      await this.queue; // the frame in flight finishes on the session it started on
      await session.release();
    },
  );

  /** Read the model and open a session. Called once, by `load`. */
  protected abstract open(progress?: ModelProgressCallback): Promise<YoloxSession>;

  load(progress?: ModelProgressCallback): Promise<void> {
    return this.session.load(progress).then(() => undefined);
  }

  async detect(image: RgbImage, opts: DetectOptions = {}): Promise<Detection[]> {
    opts.signal?.throwIfAborted();
    const session = await this.session.load(undefined);
    const { tensor, scale } = letterbox(image, YOLOX_INPUT_SIZE, 'bgr');
    const run = this.queue.then(() => {
      opts.signal?.throwIfAborted(); // dropped while waiting for the previous frame
      return session.run(tensor, [1, 3, YOLOX_INPUT_SIZE, YOLOX_INPUT_SIZE]);
    });
    this.queue = run.catch(() => undefined);
    const output = await run;
    opts.signal?.throwIfAborted();
    return decodeYolox(output, {
      imageWidth: image.width,
      imageHeight: image.height,
      scale,
      scoreThreshold: opts.scoreThreshold ?? YOLOX_DEFAULT_SCORE_THRESHOLD,
    });
  }

  dispose(): Promise<void> {
    return this.session.dispose();
  }
}
