import type { Detection } from '../perception/types';
import { iou } from '../perception/yoloxDecode';
import { labelsCompatible } from './labelCompatibility';

/** A detection, with the same frame's other labels for (nearly) the same box. */
export interface GroupedDetection {
  readonly det: Detection;
  readonly also: { label: string; score: number }[];
}

/**
 * Detections of compatible labels on nearly the same box in one frame are one object seen once (YOLOX calls
 * the ICL armchair "bed" and "chair" with the same box): the best-scoring one is lifted, the others vote.
 */
export function groupDetections(dets: readonly Detection[]): GroupedDetection[] {
  const groups: GroupedDetection[] = [];
  for (const det of [...dets].sort((a, b) => b.score - a.score)) {
    const g = groups.find((x) => labelsCompatible(x.det.label, det.label) && iou(x.det.box, det.box) >= 0.7);
    if (g && g.det.label !== det.label && !g.also.some((a) => a.label === det.label))
      g.also.push({ label: det.label, score: det.score });
    else if (!g) groups.push({ det, also: [] });
  }
  return groups;
}
