/**
 * Ground truth of a generated scene (`groundtruth.json` beside the sequence folder's image/ and depth/).
 * Questions are generated from this, never from the mosaic, so evaluation is honest.
 */
export interface GroundTruthObject {
  readonly id: string;
  readonly label: string;
  /** Centre of the oriented box, world frame, metres. */
  readonly center: [number, number, number];
  /** Extent along the box's own axes, metres. */
  readonly size: [number, number, number];
  /** Rotation about the world up axis, radians. */
  readonly yaw: number;
  /** First frame where the object is visible (projected and unoccluded enough to be detected). */
  readonly firstSeenFrame: number;
  /** 'floor' | 'table' | 'wall' — how the object is placed. */
  readonly support: string;
}

export interface SceneGroundTruth {
  readonly seed: number;
  /** World up vector (unit). */
  readonly up: [number, number, number];
  /** The room: an axis-aligned box on the floor; floor area = width × depth. */
  readonly room: {
    readonly width: number;
    readonly depth: number;
    readonly height: number;
    readonly origin: [number, number, number];
  };
  readonly objects: GroundTruthObject[];
  readonly frameCount: number;
}
