import { Scene } from 'three';
import { asCameraToWorld } from '../core/geometry/types';
import type { Mosaic } from '../core/mosaic/types';
import { floorFrame } from './worldFrame';
import { buildFloorLayer } from './floorLayer';
import { buildObjectBatch } from './objectBoxes';
import { buildFrustum, buildSeenAtMarkers, buildTrajectoryLine } from './trajectoryLayer';

const pose = asCameraToWorld([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);

/** A tiny mosaic that uses every kind of drawable the view has (boxes, grid, cells, room outline, path, markers). */
const SAMPLE: Mosaic = {
  schemaVersion: 1,
  up: [0, 0, 1],
  objects: [
    {
      id: 'warmup',
      label: 'chair',
      labels: [{ label: 'chair', weight: 1, count: 1 }],
      center: [0, 0, 0.4],
      size: [0.5, 0.5, 0.8],
      yaw: 0,
      confidence: 1,
      firstSeenFrame: 0,
      firstSeenTime: 0,
      lastSeenFrame: 1,
      observations: 1,
    },
  ],
  trajectory: [
    { frame: 0, time: 0, pose },
    { frame: 1, time: 0.1, pose },
  ],
  occupancy: {
    cellSize: 0.25,
    free: ['0,0'],
    occupied: ['1,1'],
    floorHeight: 0,
    room: { center: [0, 0], size: [2, 2], yaw: 0, area: 4 },
  },
};

/**
 * A scene, never shown, holding one of each material the view uses. Compiling it ahead (and keeping it alive)
 * means the shader programs exist before the first mosaic arrives and are never dropped between updates:
 * on a software GPU each compile blocked the page for 100–600 ms.
 */
export function buildWarmupScene(): Scene {
  const scene = new Scene();
  const boxes = buildObjectBatch(SAMPLE.objects, floorFrame(SAMPLE.up));
  scene.add(
    boxes.group,
    buildFloorLayer(SAMPLE),
    buildTrajectoryLine(SAMPLE.trajectory),
    buildFrustum(pose),
    buildSeenAtMarkers(SAMPLE.trajectory, new Set([0])),
  );
  return scene;
}
