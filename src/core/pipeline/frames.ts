import type { CameraToWorld, Intrinsics, Mat4 } from '../geometry/types';
import type { DepthImage, Detection, RgbImage } from '../perception/types';
import type { DepthToColor } from '../sequence/depthToColor';
import type { SequenceFrame } from '../sequence/openSequence';

/**
 * One frame on its way into the mosaic, whatever it came from (a sequence folder, a camera, WebXR, a generated
 * scene): pixels and intrinsics always; depth, pose and detections when the source brings them. The perception
 * worker's `PerceptionFrame` is this shape.
 */
export interface PipelineFrame {
  readonly frame: number;
  /** Seconds from the start of the sequence. */
  readonly time: number;
  readonly rgb: RgbImage;
  /** Depth on the colour image's pixels (registered to it where a second camera recorded it). */
  readonly depth?: DepthImage;
  /**
   * Where depth comes from a second camera (a sequence's depth_to_color.json): that depth as the depth camera
   * recorded it, on its own pixels, and the camera (`depthToColor.depthIntrinsics`, `transform`). Odometry tracks
   * on these pixels (registration leaves holes and doubled edges); lifts use `depth`.
   */
  readonly rawDepth?: DepthImage;
  readonly depthToColor?: DepthToColor;
  /** Camera-to-world, row-major 4×4, metres. Without it (and no odometry) the frame is perceived but not fused. */
  readonly pose?: Mat4;
  readonly intrinsics: Intrinsics;
  /** Given detections (a sequence's detections.json); without them a detector looks. */
  readonly detections?: readonly Detection[];
}

/**
 * What the pipeline reads frames from: a sequence folder (`openSequence`) or anything shaped like one (a
 * generated scene in memory). Poses and detections per frame index, when the source has them.
 */
export interface FrameSequence {
  readonly frameCount: number;
  /** Frame names ("00000"), for messages about frames that could not be read. */
  readonly frameIds: readonly string[];
  readonly intrinsics: Intrinsics;
  /** A second, depth camera beside the colour one (depth_to_color.json): its frames then carry `rawDepth`. */
  readonly depthToColor?: DepthToColor;
  readonly poses?: readonly CameraToWorld[];
  readonly detections?: readonly (readonly Detection[])[];
  readFrame(index: number): Promise<SequenceFrame>;
}

/**
 * Detections of one frame: from the sequence's detections.json, or from a detector run on the frame's pixels
 * (the caller adapts an engine — closed-set or open-vocabulary — to this; the core imports none).
 */
export type DetectFrame = (
  frame: SequenceFrame,
  signal?: AbortSignal,
  /** Names for an open-vocabulary detector to look for; closed-set detectors ignore them. */
  prompts?: readonly string[],
) => Promise<readonly Detection[]>;

/** detections.json as a DetectFrame. */
export const fileDetections =
  (seq: Pick<FrameSequence, 'detections'>): DetectFrame =>
  async (frame) =>
    seq.detections?.[frame.index] ?? [];

/**
 * Frame `index` of a sequence as a PipelineFrame: its pixels and depth (with the depth camera's own, for
 * odometry, when the sequence has a second camera), and its pose and detections when the sequence has them.
 */
export function sequenceFrame(
  seq: Pick<FrameSequence, 'intrinsics' | 'depthToColor' | 'poses' | 'detections'>,
  read: SequenceFrame,
  time: number,
): PipelineFrame {
  const i = read.index;
  return {
    frame: i,
    time,
    rgb: read.rgb,
    ...(read.depth ? { depth: read.depth } : {}),
    ...(read.rawDepth && seq.depthToColor ? { rawDepth: read.rawDepth, depthToColor: seq.depthToColor } : {}),
    ...(seq.poses ? { pose: seq.poses[i] } : {}),
    intrinsics: seq.intrinsics,
    ...(seq.detections ? { detections: seq.detections[i] ?? [] } : {}),
  };
}

/** `count` frame indices from 0, every `stride`th: 0, stride, 2·stride, … */
export function everyNth(count: number, stride: number): number[] {
  const step = Math.max(1, Math.floor(stride));
  const out: number[] = [];
  for (let i = 0; i < count; i += step) out.push(i);
  return out;
}
