import type { SceneGroundTruth } from '../../../src/core/synthetic/groundTruth';

/**
 * A small hand-checkable room for the question generator and the task registry: single objects (relations,
 * routes), two chairs (a count above one), a 6 × 5 m floor.
 */
const o = (
  id: string,
  label: string,
  x: number,
  y: number,
  first: number,
  size: [number, number, number] = [0.5, 0.5, 0.8],
) => ({
  id,
  label,
  center: [x, y, size[2] / 2] as [number, number, number],
  size,
  yaw: 0.3 * Number(id.slice(1)),
  firstSeenFrame: first,
  support: 'floor',
});

export const SMALL_ROOM: SceneGroundTruth = {
  seed: 1,
  up: [0, 0, 1],
  room: { width: 6, depth: 5, height: 2.6, origin: [0, 0, 0] },
  frameCount: 100,
  objects: [
    o('o0', 'couch', 1, 4.4, 0, [2, 0.9, 0.8]),
    o('o1', 'tv', 5.5, 2.5, 10, [1.2, 0.1, 0.7]),
    o('o2', 'bed', 4.5, 0.8, 20, [1.6, 2, 0.5]),
    o('o3', 'refrigerator', 0.4, 0.4, 30, [0.7, 0.7, 1.8]),
    o('o4', 'toilet', 3, 4.5, 40, [0.4, 0.7, 0.75]),
    o('o5', 'sink', 2, 0.3, 50, [0.6, 0.5, 0.85]),
    o('o6', 'potted plant', 3, 2.5, 60, [0.4, 0.4, 1]),
    o('o7', 'chair', 1.5, 2, 70),
    o('o8', 'chair', 2.2, 3.2, 75),
    o('o9', 'oven', 5.6, 4.5, 85, [0.6, 0.6, 0.9]),
  ],
};
