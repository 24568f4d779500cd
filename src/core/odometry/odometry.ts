import { IDENTITY, invertRigid, multiply } from '../geometry/se3';
import { asCameraToWorld, type CameraToWorld, type Intrinsics, type Mat4 } from '../geometry/types';
import type { DepthImage, RgbImage } from '../perception/types';
import type { AlignOptions } from './alignRgbd';
import { alignRgbd } from './alignRgbd';
import { orthonormalize, rotationAngle, translationNorm } from './lie';
import type { PyramidLevel, PyramidOptions, TargetLevel } from './rgbdPyramid';
import { buildPyramid, prepareTarget } from './rgbdPyramid';

/** A frame odometry cannot use (mismatched sizes); the message says what to fix. */
export class OdometryInputError extends Error {
  override name = 'OdometryInputError';
}

export interface OdometryFrame {
  readonly rgb: RgbImage;
  readonly depth: DepthImage;
}

export interface OdometryOptions extends PyramidOptions, AlignOptions {
  /** A new keyframe is taken once the camera moves this far (metres) or turns this much (radians) from it… */
  readonly keyframeTranslation: number;
  readonly keyframeRotation: number;
  /** … or when fewer than this share of its valid pixels still finds a correspondence. */
  readonly keyframeMinInlierRatio: number;
  /** A solution that moves the camera more than this between consecutive frames is treated as a failure. */
  readonly maxStepTranslation: number;
  readonly maxStepRotation: number;
  /** Pose of the first frame (camera → world); identity by default. */
  readonly initialPose?: Mat4;
}

/**
 * Nominal intrinsics of a Kinect v1 colour camera at 640×480 (its depth camera is f ≈ 585 px): pass them as
 * `colourIntrinsics` for sequences whose colour is not registered to depth (e.g. Microsoft 7-Scenes).
 */
export const KINECT_V1_COLOUR_INTRINSICS: Intrinsics = {
  width: 640,
  height: 480,
  fx: 525,
  fy: 525,
  cx: 319.5,
  cy: 239.5,
};

export const DEFAULT_ODOMETRY_OPTIONS: OdometryOptions = {
  levels: 4,
  minDepth: 0.1,
  maxDepth: 6,
  // Many cheap iterations on the two coarsest levels converge from the large motions of real hand-held
  // sequences (7-Scenes at 3 fps needed them: 8 iterations at 80×60 left frames unconverged); the finer
  // levels (320×240, 640×480) lowered neither the ICL nor the 7-Scenes error but cost 2–4× the time.
  // Iterations stop early once converged.
  iterations: [0, 0, 20, 30],
  strides: [1, 1, 1, 1],
  sigmaGeometric: 0.01,
  sigmaPhotometric: 0.02,
  maxDistance: [0.03, 0.05, 0.1, 0.2],
  huber: 2,
  keyframeTranslation: 0.1,
  keyframeRotation: (10 * Math.PI) / 180,
  keyframeMinInlierRatio: 0.6,
  maxStepTranslation: 0.3,
  maxStepRotation: (30 * Math.PI) / 180,
};

export interface OdometryStep {
  readonly pose: CameraToWorld;
  readonly keyframe: boolean;
  readonly tracked: boolean;
  readonly inlierRatio: number;
}

interface Keyframe {
  readonly pose: number[];
  readonly levels: (TargetLevel | undefined)[];
}

/**
 * Incremental RGB-D odometry: each pushed frame is aligned to the current keyframe (not to the previous
 * frame) so error accumulates only when the keyframe changes. Cost per frame is bounded: one pyramid,
 * a fixed number of Gauss-Newton iterations, and on keyframe change one target preparation.
 */
export class Odometry {
  private readonly options: OdometryOptions;
  private keyframe: Keyframe | undefined;
  private previousPose: number[] | undefined;
  private velocity: number[] = IDENTITY.slice();
  private frames = 0;
  private lastStep: OdometryStep | undefined;

  constructor(
    private readonly intrinsics: Intrinsics,
    options: Partial<OdometryOptions> = {},
  ) {
    this.options = { ...DEFAULT_ODOMETRY_OPTIONS, ...options };
  }

  get frameCount(): number {
    return this.frames;
  }

  /** What happened to the most recent frame (tracked or lost, keyframe or not). */
  get last(): OdometryStep | undefined {
    return this.lastStep;
  }

  /** Adds the next frame; returns its camera-to-world pose. */
  push(frame: OdometryFrame): CameraToWorld {
    const { rgb, depth } = frame;
    if (depth.width !== rgb.width || depth.height !== rgb.height)
      throw new OdometryInputError(
        `odometry: depth is ${depth.width}×${depth.height} but colour is ${rgb.width}×${rgb.height}`,
      );
    const levels = buildPyramid(rgb, depth, this.intrinsics, this.options);
    this.frames++;
    if (!this.keyframe || !this.previousPose) {
      const pose = (this.options.initialPose ?? IDENTITY).slice();
      this.startKeyframe(levels, pose);
      return this.finish(pose, true, true, 1);
    }
    const kf = this.keyframe;
    const size = kf.levels.find((l) => l !== undefined);
    if (size && size.width !== levels[kf.levels.indexOf(size)].width)
      throw new OdometryInputError(
        `odometry: frame ${rgb.width}×${rgb.height} differs in size from earlier frames; call reset() first`,
      );
    // Constant-velocity guess, expressed relative to the keyframe.
    const initial = multiply(invertRigid(kf.pose), multiply(this.previousPose, this.velocity));
    let result = alignRgbd(levels, kf.levels, initial, this.options);
    if (!result.ok) {
      // Retry from "no motion since the last frame" before giving up on this frame.
      result = alignRgbd(levels, kf.levels, multiply(invertRigid(kf.pose), this.previousPose), this.options);
    }
    const o = this.options;
    let pose = orthonormalize(multiply(kf.pose, result.transform));
    const step = multiply(invertRigid(this.previousPose), pose);
    const tracked =
      result.ok && translationNorm(step) <= o.maxStepTranslation && rotationAngle(step) <= o.maxStepRotation;
    if (!tracked) {
      // Lost: hold the last pose, forget the velocity, and restart from this frame as the keyframe.
      pose = this.previousPose.slice();
      this.velocity = IDENTITY.slice();
      this.startKeyframe(levels, pose);
      return this.finish(pose, true, false, result.inlierRatio);
    }
    const relative = result.transform;
    const newKeyframe =
      translationNorm(relative) > o.keyframeTranslation ||
      rotationAngle(relative) > o.keyframeRotation ||
      result.inlierRatio < o.keyframeMinInlierRatio;
    if (newKeyframe) this.startKeyframe(levels, pose);
    return this.finish(pose, newKeyframe, true, result.inlierRatio);
  }

  reset(): void {
    this.keyframe = undefined;
    this.previousPose = undefined;
    this.velocity = IDENTITY.slice();
    this.frames = 0;
    this.lastStep = undefined;
  }

  private startKeyframe(levels: PyramidLevel[], pose: number[]): void {
    // Only levels that are iterated on need gradients and normals (level 0 is often skipped: 4× the pixels).
    const targets = levels.map((l, i) =>
      (this.options.iterations[i] ?? 0) > 0 ? prepareTarget(l) : undefined,
    );
    this.keyframe = { pose, levels: targets };
  }

  private finish(pose: number[], keyframe: boolean, tracked: boolean, inlierRatio: number): CameraToWorld {
    if (this.previousPose && tracked)
      this.velocity = orthonormalize(multiply(invertRigid(this.previousPose), pose));
    this.previousPose = pose;
    const p = asCameraToWorld(pose);
    this.lastStep = { pose: p, keyframe, tracked, inlierRatio };
    return p;
  }
}
