import type { CameraToWorld, Vec3 } from '../geometry/types';

/**
 * The mosaic: the product's central data. A sparse 3D map of object instances, the keyframe
 * trajectory and a coarse occupancy grid. World frame in metres; `up` says which axis is up.
 * The file form (ARCHITECTURE.md "Mosaic file") is this object serialised as JSON.
 */
export const MOSAIC_SCHEMA_VERSION = 1;

export interface LabelVote {
  readonly label: string;
  /** Sum of detector scores that voted for this label. */
  readonly weight: number;
  readonly count: number;
}

export interface Observation {
  readonly frame: number;
  /** The 2D box in that frame, pixels [x0, y0, x1, y1]. */
  readonly box: readonly [number, number, number, number];
  readonly score: number;
  readonly label: string;
}

export interface MosaicObject {
  readonly id: string;
  /** The winning label of `labels`. */
  label: string;
  /** Label distribution: a detector may call one armchair "bed" in most frames and "chair" in some. */
  labels: LabelVote[];
  /** Centre of the oriented box, world frame, metres. */
  center: [number, number, number];
  /**
   * Extent along the box's own axes, metres: [along e1, along e2, along up] of `floorFrame(up)` before yaw
   * (mosaic/floorFrame.ts), so `size[2]` is the height in any world; for a z-up world, x, y, z.
   */
  size: [number, number, number];
  /** Rotation about `up` from e1 towards e2, radians. */
  yaw: number;
  confidence: number;
  firstSeenFrame: number;
  /** Capture time of the first-seen frame, seconds from the start of the sequence. */
  firstSeenTime: number;
  lastSeenFrame: number;
  /** Number of observations (always) … */
  observations: number;
  /** … and the most recent ones (bounded, so cost never grows with the number of frames). */
  recentObservations?: Observation[];
}

export interface Keyframe {
  readonly frame: number;
  readonly time: number;
  readonly pose: CameraToWorld;
}

/**
 * Sparse 2D grid on the floor plane: cell key "i,j" → state, where i = ⌊a / cellSize⌋, j = ⌊b / cellSize⌋ and
 * (a, b) are floor coordinates along e1, e2 of `floorFrame(up)` (mosaic/floorFrame.ts; for a z-up world: x, y).
 */
export interface OccupancyGrid {
  readonly cellSize: number;
  /** Cells seen as floor/free space. */
  free: string[];
  /** Cells containing an object or wall. */
  occupied: string[];
  /** Height of the floor along `up` (metres), when depth showed it. */
  floorHeight?: number;
  /** Oriented rectangle around everything seen on the floor plane (floor coordinates); area in m². */
  room?: RoomEstimate;
}

export interface RoomEstimate {
  readonly center: [number, number];
  readonly size: [number, number];
  /** Radians about up, from e1. */
  readonly yaw: number;
  readonly area: number;
}

export interface Mosaic {
  schemaVersion: number;
  /** World up vector (unit). */
  up: Vec3;
  objects: MosaicObject[];
  trajectory: Keyframe[];
  occupancy?: OccupancyGrid;
  /** Free-form provenance: where frames, poses, depth and detections came from. */
  source?: Record<string, string>;
}
