import type { KeyframeInput } from '../fusion/MosaicBuilder';
import type { CameraToWorld } from '../geometry/types';
import type { SequenceFrame } from '../sequence/openSequence';
import { fileDetections, type DetectFrame, type FrameSequence } from './frames';
import { fuseFrames, type FuseFramesOptions, type FuseFramesResult } from './fuseFrames';

/** Where keyframes go: the MosaicBuilder (or anything that fuses one keyframe at a time). */
export interface KeyframeFuser {
  addKeyframe(input: KeyframeInput): unknown;
}

export interface SequenceFuserOptions {
  /** Detections per frame: a detector (closed-set or open-vocabulary); default the sequence's detections.json. */
  readonly detect?: DetectFrame;
  /** Camera-to-world per frame index (our odometry's); default the sequence's trajectory.log. */
  readonly poses?: readonly (CameraToWorld | undefined)[];
  /** Capture time of a frame in seconds (default index / fps). */
  readonly time?: (index: number) => number;
  /** Frame rate for first-seen times when `time` is not given (default 30). */
  readonly fps?: number;
}

/**
 * Perceive-and-fuse in this thread, for a sequence that carries depth (the CLI, the reasoner's perceiver, the
 * benches): a frame with a pose and depth is detected and fused as a keyframe; one without is passed by
 * before any detector runs. The worker does the same per frame with its own engines (PerceptionService).
 */
export class SequenceFuser {
  private readonly detect: DetectFrame;
  private readonly poses?: readonly (CameraToWorld | undefined)[];
  private readonly time: (index: number) => number;
  /** Keyframes fused so far. */
  fused = 0;

  constructor(
    readonly seq: FrameSequence,
    private readonly fuser: KeyframeFuser,
    opts: SequenceFuserOptions = {},
  ) {
    this.detect = opts.detect ?? fileDetections(seq);
    this.poses = opts.poses ?? seq.poses;
    const fps = opts.fps ?? 30;
    this.time = opts.time ?? ((i) => i / fps);
  }

  /** Whether frame `index` has a pose to be placed with. */
  placeable(index: number): boolean {
    return this.poses?.[index] !== undefined;
  }

  /** Perceives one read frame and fuses it; false when it cannot be placed (no pose or no depth). */
  async perceive(frame: SequenceFrame, signal?: AbortSignal, prompts?: readonly string[]): Promise<boolean> {
    const pose = this.poses?.[frame.index];
    if (!pose || !frame.depth) return false;
    const detections = await this.detect(frame, signal, prompts);
    this.fuser.addKeyframe({
      frame: frame.index,
      time: this.time(frame.index),
      pose,
      intrinsics: this.seq.intrinsics,
      depth: frame.depth,
      detections,
    });
    this.fused++;
    return true;
  }

  /** Reads, perceives and fuses these frames in order (see fuseFrames for skipping, progress and stopping). */
  fuse(
    frames: readonly number[],
    opts: Omit<FuseFramesOptions<boolean>, 'frames'> & { readonly prompts?: readonly string[] } = {},
  ): Promise<FuseFramesResult> {
    return fuseFrames(this.seq, (f) => this.perceive(f, opts.signal, opts.prompts), { ...opts, frames });
  }
}
