import type { SequenceFrame } from '../sequence/openSequence';
import { SkippedFrames } from '../sequence/skippedFrames';
import type { FrameSequence } from './frames';

/** Stopped on request between two frames; what was fused before stays fused. */
export class PipelineStoppedError extends Error {
  override name = 'AbortError';
  constructor(
    readonly done: number,
    readonly total: number,
  ) {
    super(`stopped after ${done} of ${total} keyframes`);
  }
}

export interface FrameProgress<R> {
  /** Frames handled so far (read or skipped), of how many will be. */
  readonly done: number;
  readonly total: number;
  readonly index: number;
  /** What the step returned; undefined when the frame could not be read or the step passed it by. */
  readonly result?: R;
}

export interface FuseFramesOptions<R> {
  /** Frame indices to perceive, in this order. */
  readonly frames: readonly number[];
  readonly signal?: AbortSignal;
  /** Stop at the first frame that cannot be read (default: skip it and count it in `skipped`). */
  readonly strict?: boolean;
  /** Where unreadable frames are counted; pass one to share it between passes over the same sequence. */
  readonly skipped?: SkippedFrames;
  /** Runs between two frames (a worker lets queued messages, such as an interrupt, in). */
  readonly between?: () => Promise<void>;
  /** The error a stop throws (default PipelineStoppedError). */
  readonly stopped?: (done: number, total: number) => Error;
  /** After each frame; awaited, so a caller may fetch the mosaic for the view here. */
  readonly onFrame?: (progress: FrameProgress<R>) => void | Promise<void>;
}

export interface FuseFramesResult {
  /** Frames read and handed to the step (whether or not it fused them). */
  readonly perceived: number;
  readonly skipped: SkippedFrames;
}

/**
 * The one loop from a sequence's frames to the mosaic, for the worker's build job, the CLI, the reasoner's
 * perceiver and the benches: reads each frame (an unreadable one is skipped and counted, never fatal unless
 * `strict`), hands it to `step` — which perceives and fuses it, in-thread or in a worker — reports progress, and
 * stops between frames when `signal` aborts.
 */
export async function fuseFrames<R>(
  seq: Pick<FrameSequence, 'readFrame' | 'frameIds'>,
  step: (frame: SequenceFrame) => Promise<R | undefined>,
  opts: FuseFramesOptions<R>,
): Promise<FuseFramesResult> {
  const skipped = opts.skipped ?? new SkippedFrames();
  const total = opts.frames.length;
  let perceived = 0;
  for (const [k, index] of opts.frames.entries()) {
    if (k > 0 && opts.between) await opts.between();
    if (opts.signal?.aborted) throw opts.stopped?.(k, total) ?? new PipelineStoppedError(k, total);
    const frame = await skipped.read(seq, index, opts.strict);
    let result: R | undefined;
    if (frame) {
      result = await step(frame);
      perceived++;
    }
    await opts.onFrame?.({ done: k + 1, total, index, ...(result !== undefined ? { result } : {}) });
  }
  return { perceived, skipped };
}
