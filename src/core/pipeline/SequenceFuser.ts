import type { KeyframeInput } from '../fusion/MosaicBuilder';
import type { CameraToWorld } from '../geometry/types';
import type { SequenceFrame } from '../sequence/openSequence';
import { FrameStep, keyframeOf, type FrameEngines } from './FrameStep';
import { fileDetections, type DetectFrame, type FrameSequence, type PipelineFrame } from './frames';
import { fuseFrames, type FuseFramesOptions, type FuseFramesResult } from './fuseFrames';

/** Where keyframes go: the MosaicBuilder (or anything that fuses one keyframe at a time). */
export interface KeyframeFuser {
  addKeyframe(input: KeyframeInput): unknown;
}

export interface SequenceFuserOptions {
  /** Detections per frame: a detector (closed-set or open-vocabulary); default the sequence's detections.json. */
  readonly detect?: DetectFrame;
  /**
   * A detector engine for the frame step instead (when neither `detect` nor detections.json gives a frame its
   * detections); a failing one is said once through `onNotice` and frames go on undetected, as in the worker.
   */
  readonly engines?: Pick<FrameEngines, 'detector'>;
  readonly onNotice?: (message: string) => void;
  /** Camera-to-world per frame index (our odometry's); default the sequence's trajectory.log. */
  readonly poses?: readonly (CameraToWorld | undefined)[];
  /** Capture time of a frame in seconds (default index / fps). */
  readonly time?: (index: number) => number;
  /** Frame rate for first-seen times when `time` is not given (default 30). */
  readonly fps?: number;
}

/**
 * Perceive-and-fuse in this thread, for a sequence that carries depth (the CLI, the reasoner's perceiver, the
 * benches): a frame with a pose and depth goes through the same per-frame step as the worker's (FrameStep) and is
 * fused as a keyframe; one without is passed by before any detector runs (frames may come in any order here, so
 * the step's odometry never runs: poses come with the sequence or from a pass over every frame before).
 */
export class SequenceFuser {
  private readonly detect?: DetectFrame;
  private readonly poses?: readonly (CameraToWorld | undefined)[];
  private readonly time: (index: number) => number;
  private readonly step: FrameStep;
  /** Keyframes fused so far. */
  fused = 0;

  constructor(
    readonly seq: FrameSequence,
    private readonly fuser: KeyframeFuser,
    opts: SequenceFuserOptions = {},
  ) {
    this.detect = opts.detect ?? (opts.engines?.detector ? undefined : fileDetections(seq));
    this.poses = opts.poses ?? seq.poses;
    const fps = opts.fps ?? 30;
    this.time = opts.time ?? ((i) => i / fps);
    this.step = new FrameStep(opts.engines, opts.onNotice ? { onNotice: opts.onNotice } : {});
  }

  /** Whether frame `index` has a pose to be placed with. */
  placeable(index: number): boolean {
    return this.poses?.[index] !== undefined;
  }

  /** Perceives one read frame and fuses it; false when it cannot be placed (no pose, depth or detections). */
  async perceive(read: SequenceFrame, signal?: AbortSignal, prompts?: readonly string[]): Promise<boolean> {
    const pose = this.poses?.[read.index];
    if (!pose || !read.depth) return false;
    const frame: PipelineFrame = {
      frame: read.index,
      time: this.time(read.index),
      rgb: read.rgb,
      depth: read.depth,
      pose,
      intrinsics: this.seq.intrinsics,
      ...(this.detect ? { detections: await this.detect(read, signal, prompts) } : {}),
    };
    const keyframe = keyframeOf(frame, await this.step.perceive(frame, signal ? { signal } : {}));
    if (!keyframe) return false;
    this.fuser.addKeyframe(keyframe);
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
