import type { Intrinsics } from '../geometry/types';
import type { Detection } from '../perception/types';
import { planarBounds } from './associate';
import { labelsCompatible } from './labelCompatibility';
import type { LiftedDetection } from './liftDetection';
import type { ObjectInstance } from './objectInstance';
import { sizePrior } from './sizePriors';

/**
 * Whether a lifted detection that matched no instance may start one. Not a thin strip cut by the image border
 * or a lift cut by a depth edge (unless it shows much of an object of its class), and not one whose surface is
 * that of an instance another detection of the frame updated (a plant half-hidden behind another, whose box
 * holds mostly the front plant): that detection explains it. `owners` are the instances this frame's
 * detections updated or started so far.
 */
export function mayStartObject(
  l: LiftedDetection,
  intrinsics: Pick<Intrinsics, 'width' | 'height'>,
  owners: readonly (ObjectInstance | undefined)[],
): boolean {
  if ((borderSliver(l.detection, intrinsics) || l.depthCut) && !muchOfItsClass(l)) return false;
  return !owners.some(
    (o) => o !== undefined && labelsCompatible(o.label, l.detection.label) && onSurface(l.points, o),
  );
}

/**
 * A box cut by the image border to a thin strip: it may update an object, but its lift is too unreliable to
 * start one, unless the lift shows much of an object of its class (see muchOfItsClass).
 */
function borderSliver(d: Detection, k: { width: number; height: number }): boolean {
  const [x0, y0, x1, y1] = d.box;
  const cut = x0 <= 1 || y0 <= 1 || x1 >= k.width - 1 || y1 >= k.height - 1;
  return cut && (x1 - x0 < 0.04 * k.width || y1 - y0 < 0.04 * k.height);
}

/**
 * Whether a lift spans a good part of an object of its class (its longest horizontal side 40% of the class's
 * or more): a cup cut in half by the image border still shows most of a cup; a 10-pixel strip of a couch
 * shows 5% of one.
 */
function muchOfItsClass(l: LiftedDetection): boolean {
  const prior = sizePrior(l.detection.label);
  if (!prior) return false;
  const [a0, b0, a1, b1] = planarBounds(l.points);
  return Math.max(a1 - a0, b1 - b0) >= 0.4 * prior[0];
}

/**
 * Whether most of an observation's points lie in an instance's occupied voxels (not its dilated footprint:
 * two cups side by side share few voxels).
 */
export function onSurface(points: Float64Array, inst: ObjectInstance): boolean {
  let hit = 0;
  for (let i = 0; i < points.length; i += 3)
    if (inst.hasVoxelAt(points[i], points[i + 1], points[i + 2])) hit++;
  return points.length > 0 && hit >= 0.6 * (points.length / 3);
}
