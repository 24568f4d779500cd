import type { CameraToWorld } from '../../../src/core/geometry/types';
import { MOSAIC_SCHEMA_VERSION, type Mosaic, type MosaicObject } from '../../../src/core/mosaic/types';

/**
 * A small hand-built living room (z up) for tests, with every expected answer computable by hand.
 * The camera stands at the origin, 1.5 m up, looking along +y (OpenCV axes: x right, y down, z forward).
 */
export function obj(
  id: string,
  label: string,
  center: [number, number, number],
  size: [number, number, number],
  firstSeenFrame: number,
  extra: Partial<MosaicObject> = {},
): MosaicObject {
  return {
    id,
    label,
    labels: [{ label, weight: 1, count: 3 }],
    center,
    size,
    yaw: 0,
    confidence: 0.9,
    firstSeenFrame,
    firstSeenTime: firstSeenFrame / 10,
    lastSeenFrame: firstSeenFrame + 5,
    observations: 3,
    ...extra,
  };
}

export const LOOK_PLUS_Y = [1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 1.5, 0, 0, 0, 1] as unknown as CameraToWorld;

/** Standing at (1, 1) looking along −x (west): north (+y) is to my right. */
export const AT_1_1_LOOK_MINUS_X = [
  0, 0, -1, 1, 1, 0, 0, 1, 0, -1, 0, 1.5, 0, 0, 0, 1,
] as unknown as CameraToWorld;

export function testScene(lastPose: CameraToWorld = LOOK_PLUS_Y): Mosaic {
  return {
    schemaVersion: MOSAIC_SCHEMA_VERSION,
    up: [0, 0, 1],
    objects: [
      obj('o1', 'couch', [0, 3, 0.4], [2, 0.9, 0.8], 45, { lastSeenFrame: 50 }),
      obj('o2', 'tv', [0, -1, 1.2], [1.2, 0.08, 0.7], 80),
      obj('o3', 'chair', [2, 0, 0.45], [0.5, 0.5, 0.9], 10),
      obj('o4', 'chair', [-2, 0, 0.45], [0.5, 0.5, 0.9], 12),
      obj('o5', 'potted plant', [-1, 3, 0.5], [0.4, 0.4, 1.0], 30),
      obj('o6', 'dining table', [2, 2, 0.37], [1.2, 0.8, 0.74], 20),
      obj('o7', 'cup', [2, 2, 0.79], [0.08, 0.08, 0.1], 22),
    ],
    trajectory: [
      {
        frame: 0,
        time: 0,
        pose: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] as unknown as CameraToWorld,
      },
      { frame: 99, time: 9.9, pose: lastPose },
    ],
  };
}
