import type { Mosaic } from '../../src/core/mosaic/types';
import type { SceneGroundTruth } from '../../src/core/synthetic/groundTruth';

/**
 * Scores a mosaic against a generated scene's ground truth: instances match one-to-one when the labels
 * agree and the centroids are within `maxDistance` (greedy, nearest pairs first). Duplicates are unmatched
 * mosaic objects whose label's nearest ground-truth object (within 2 × maxDistance) was already matched.
 */
export interface MosaicScore {
  readonly gtCount: number;
  readonly mosaicCount: number;
  readonly matched: number;
  readonly precision: number;
  readonly recall: number;
  readonly duplicates: number;
  /** Centroid errors of the matched pairs (metres). */
  readonly centroidErrors: number[];
  /** Labels whose mosaic count equals the ground-truth count, out of all labels in either. */
  readonly labelCountsExact: number;
  readonly labelCountsTotal: number;
}

export function evaluateMosaic(mosaic: Mosaic, gt: SceneGroundTruth, maxDistance = 0.5): MosaicScore {
  const pairs: { m: number; g: number; d: number }[] = [];
  mosaic.objects.forEach((o, m) => {
    gt.objects.forEach((t, g) => {
      if (o.label !== t.label) return;
      const d = Math.hypot(o.center[0] - t.center[0], o.center[1] - t.center[1], o.center[2] - t.center[2]);
      if (d <= 2 * maxDistance) pairs.push({ m, g, d });
    });
  });
  pairs.sort((a, b) => a.d - b.d);
  const mDone = new Set<number>();
  const gDone = new Set<number>();
  const errors: number[] = [];
  for (const p of pairs) {
    if (p.d > maxDistance || mDone.has(p.m) || gDone.has(p.g)) continue;
    mDone.add(p.m);
    gDone.add(p.g);
    errors.push(p.d);
  }
  let duplicates = 0;
  mosaic.objects.forEach((_, m) => {
    if (mDone.has(m)) return;
    const near = pairs.filter((p) => p.m === m).sort((a, b) => a.d - b.d)[0];
    if (near && gDone.has(near.g)) duplicates++;
  });
  const counts = new Map<string, [number, number]>();
  for (const o of mosaic.objects) (counts.get(o.label) ?? counts.set(o.label, [0, 0]).get(o.label)!)[0]++;
  for (const t of gt.objects) (counts.get(t.label) ?? counts.set(t.label, [0, 0]).get(t.label)!)[1]++;
  const exact = [...counts.values()].filter(([a, b]) => a === b).length;
  return {
    gtCount: gt.objects.length,
    mosaicCount: mosaic.objects.length,
    matched: errors.length,
    precision: mosaic.objects.length === 0 ? 1 : errors.length / mosaic.objects.length,
    recall: gt.objects.length === 0 ? 1 : errors.length / gt.objects.length,
    duplicates,
    centroidErrors: errors,
    labelCountsExact: exact,
    labelCountsTotal: counts.size,
  };
}
