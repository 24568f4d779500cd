import { IDENTITY, invertRigid, multiply } from '../geometry/se3';
import type { CameraToWorld, Intrinsics, Mat4 } from '../geometry/types';
import type { DepthImage, RgbImage } from '../perception/types';
import type { Sequence } from '../sequence/openSequence';
import type { OdometryOptions, OdometryStep } from './odometry';
import { Odometry } from './odometry';

/** A frame as a sequence hands it out (SequenceFrame): `rawDepth` is there when depth was registered. */
export interface SequenceOdometryFrame {
  readonly rgb: RgbImage;
  readonly depth?: DepthImage;
  readonly rawDepth?: DepthImage;
}

/**
 * Odometry set up from what a sequence folder (or a frame) says about its cameras: the one way every
 * caller tracks — the CLI's `odometry` and `build --pose odometry`, and the app pipeline's per-frame step
 * (FrameStep: the worker, the web component, the live sources). Where depth comes
 * from a second camera (depth_to_color.json), it tracks on the depth camera's own pixels (depth as
 * recorded, the depth intrinsics) and resamples the colour image with the colour camera's intrinsics:
 * registration leaves holes and doubled edges in the depth that cost accuracy (7-Scenes: 3.9 cm ATE
 * on registered depth, 3.5 cm this way). Poses come back as the colour camera's, like trajectory.log's and
 * the registered depth's, with the first colour camera at `initialPose`.
 */
export class SequenceOdometry {
  readonly odometry: Odometry;
  /** Depth camera → colour camera, and its inverse; undefined when depth is the colour camera's. */
  private readonly depthToColour: Mat4 | undefined;
  private readonly colourToDepth: Mat4 | undefined;

  constructor(
    /** The colour camera (intrinsics, image size) and the depth camera beside it, if any. */
    seq: Pick<Sequence, 'intrinsics' | 'depthToColor' | 'width' | 'height'>,
    options: Partial<OdometryOptions> = {},
  ) {
    const reg = seq.depthToColor;
    const depthK: Intrinsics | undefined = reg?.depthIntrinsics;
    // Tracking on raw depth needs it on the colour image's grid size (the resampling is per pixel).
    if (!reg || !depthK || depthK.width !== seq.width || depthK.height !== seq.height) {
      this.odometry = new Odometry(seq.intrinsics, options);
      return;
    }
    this.depthToColour = reg.transform.slice();
    this.colourToDepth = invertRigid(this.depthToColour);
    this.odometry = new Odometry(depthK, {
      colourIntrinsics: seq.intrinsics,
      ...options,
      // Depth camera pose = colour camera pose · (depth → colour).
      initialPose: multiply(options.initialPose ?? IDENTITY, this.depthToColour),
    });
  }

  /** Whether it tracks on the depth camera's own pixels (depth_to_color.json with same-size depth). */
  get onRawDepth(): boolean {
    return this.depthToColour !== undefined;
  }

  get last(): OdometryStep | undefined {
    return this.odometry.last;
  }

  /** Adds the next frame (it must have depth); returns the colour camera's camera-to-world pose. */
  push(frame: SequenceOdometryFrame): CameraToWorld {
    const depth = this.depthToColour ? frame.rawDepth : frame.depth;
    if (!depth) throw new Error('odometry needs depth for every frame');
    const pose = this.odometry.push({ rgb: frame.rgb, depth });
    return this.colourToDepth ? (multiply(pose, this.colourToDepth) as unknown as CameraToWorld) : pose;
  }
}
