import { MOSAIC_SCHEMA_VERSION, type Mosaic, type MosaicObject } from '../mosaic/types';
import type { GroundTruthObject, SceneGroundTruth } from '../synthetic/groundTruth';

/**
 * Ground-truth objects in the mosaic's shape, so the exact geometry tools compute both the true answers
 * (question generation) and, on the oracle-perception baseline, the predictions.
 */
export function groundTruthObject(o: GroundTruthObject): MosaicObject {
  return {
    id: o.id,
    label: o.label,
    labels: [{ label: o.label, weight: 1, count: 1 }],
    center: [...o.center],
    size: [...o.size],
    yaw: o.yaw,
    confidence: 1,
    firstSeenFrame: o.firstSeenFrame,
    firstSeenTime: 0,
    lastSeenFrame: o.firstSeenFrame,
    observations: 1,
  };
}

export function groundTruthMosaic(gt: SceneGroundTruth): Mosaic {
  return {
    schemaVersion: MOSAIC_SCHEMA_VERSION,
    up: gt.up,
    objects: gt.objects.map(groundTruthObject),
    trajectory: [],
  };
}
