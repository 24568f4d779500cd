import type { Vec3 } from '../geometry/types';
import type { Mosaic, MosaicObject } from '../mosaic/types';
import { boxDistance } from './boxDistance';
import {
  boxCorners,
  boxFrom,
  dot,
  extentAlong,
  toPlane,
  worldFrame,
  type OrientedBox,
  type WorldFrame,
} from './orientedBox';
import { minAreaRectArea } from './planeGeometry';

/** Exact spatial quantities over the mosaic: the tools whose results answer (or inform) each task. */

/**
 * A label that is not any object's top vote still names an object whose label distribution gives it this share:
 * a detector that calls one armchair "bed" 72% and "chair" 28% of the time has shown a chair.
 */
export const SECONDARY_LABEL_SHARE = 0.25;

// Mosaics from outside (a worker caller, another tool's file) may carry objects with no label votes.
const votesOf = (o: MosaicObject) => o.labels ?? [];

const share = (o: MosaicObject, label: string): number => {
  const total = votesOf(o).reduce((s, v) => s + v.weight, 0);
  const w = votesOf(o).find((v) => v.label === label)?.weight ?? 0;
  return total > 0 ? w / total : 0;
};

/** Objects whose top label is `label`; when there are none, those with a real share of it in their votes. */
export const objectsLabelled = (m: Mosaic, label: string): MosaicObject[] => {
  const top = m.objects.filter((o) => o.label === label);
  return top.length ? top : m.objects.filter((o) => share(o, label) >= SECONDARY_LABEL_SHARE);
};

/** Labels the mosaic can answer about: every top label, and secondary labels with a real share. */
export function knownLabels(m: Mosaic): Set<string> {
  const known = new Set(m.objects.map((o) => o.label));
  for (const o of m.objects)
    for (const v of votesOf(o)) if (share(o, v.label) >= SECONDARY_LABEL_SHARE) known.add(v.label);
  return known;
}

export const countLabel = (m: Mosaic, label: string): number => objectsLabelled(m, label).length;

export const boxOf = (m: Mosaic, o: MosaicObject): OrientedBox => boxFrom(o.center, o.size, o.yaw, m.up);

/** Closest-point distance between two objects, metres. */
export const objectDistance = (m: Mosaic, a: MosaicObject, b: MosaicObject): number =>
  boxDistance(boxOf(m, a), boxOf(m, b));

/** Smallest closest-point distance between any instance of label a and any of label b (VSI: "measure to the closest"). */
export function labelDistance(m: Mosaic, a: string, b: string): number {
  let best = Infinity;
  for (const oa of objectsLabelled(m, a))
    for (const ob of objectsLabelled(m, b)) if (oa !== ob) best = Math.min(best, objectDistance(m, oa, ob));
  return best;
}

/** Length of the longest dimension (length, width or height), metres. */
export const longestDimension = (o: MosaicObject): number => Math.max(o.size[0], o.size[1], o.size[2]);

/** Choices ranked by their closest-point distance to the anchor (nearest first). */
export function rankByDistance(
  m: Mosaic,
  anchor: string,
  choices: string[],
): { label: string; distance: number }[] {
  return choices
    .map((label) => ({ label, distance: labelDistance(m, anchor, label) }))
    .sort((x, y) => x.distance - y.distance);
}

export interface RoomArea {
  readonly area: number;
  readonly method: 'room estimate' | 'occupancy' | 'extent';
}

/**
 * Floor area, m². From fusion's room rectangle when there is one, else the occupancy grid (free ∪ occupied
 * cells on the floor plane);
 * otherwise the minimum-area rectangle around every object footprint and camera position — a lower bound
 * of the room, since both lie inside it.
 */
export function roomArea(m: Mosaic): RoomArea {
  const occ = m.occupancy;
  if (occ?.room && occ.room.area > 0) return { area: occ.room.area, method: 'room estimate' };
  if (occ && occ.free.length + occ.occupied.length > 0) {
    const cells = new Set([...occ.free, ...occ.occupied]);
    return { area: cells.size * occ.cellSize * occ.cellSize, method: 'occupancy' };
  }
  const f = worldFrame(m.up);
  const pts: [number, number][] = [];
  for (const o of m.objects) for (const c of boxCorners(boxOf(m, o))) pts.push(toPlane(f, c));
  for (const k of m.trajectory) pts.push(toPlane(f, [k.pose[3], k.pose[7], k.pose[11]]));
  return { area: minAreaRectArea(pts), method: 'extent' };
}

/** Labels sorted by the first frame any of their instances was seen (unseen labels last, in asked order). */
export function appearanceOrder(m: Mosaic, labels: string[]): { label: string; firstSeenFrame: number }[] {
  return labels
    .map((label) => ({
      label,
      firstSeenFrame: Math.min(...objectsLabelled(m, label).map((o) => o.firstSeenFrame), Infinity),
    }))
    .sort((a, b) => a.firstSeenFrame - b.firstSeenFrame);
}

/** Vertical extent [bottom, top] of an object, metres along up. */
export function verticalExtent(
  m: Mosaic,
  o: MosaicObject,
  f: WorldFrame = worldFrame(m.up),
): [number, number] {
  return extentAlong(boxOf(m, o), f.up);
}

export interface Dimensions {
  /** Vertical extent, metres. */
  readonly height: number;
  /** Long horizontal side, metres. */
  readonly length: number;
  /** Short horizontal side, metres. */
  readonly width: number;
}

/**
 * Height = the box's extent along up; length and width = its two horizontal sides, long then short (the box
 * turns about up, so two of its axes lie in the floor plane).
 */
export function dimensions(m: Mosaic, o: MosaicObject): Dimensions {
  const b = boxOf(m, o);
  const f = worldFrame(m.up);
  const [lo, hi] = extentAlong(b, f.up);
  const vertical = [0, 1, 2].reduce((best, i) =>
    Math.abs(dot(b.axes[i], f.up)) > Math.abs(dot(b.axes[best], f.up)) ? i : best,
  );
  const sides = [0, 1, 2].filter((i) => i !== vertical).map((i) => o.size[i]);
  return { height: hi - lo, length: Math.max(...sides), width: Math.min(...sides) };
}

/** One measure of an object (metres, m² or m³). */
export function measureOf(
  m: Mosaic,
  o: MosaicObject,
  measure: 'height' | 'length' | 'width' | 'longest' | 'area' | 'volume',
): number {
  if (measure === 'longest') return longestDimension(o);
  if (measure === 'volume') return o.size[0] * o.size[1] * o.size[2];
  const d = dimensions(m, o);
  return measure === 'area' ? d.length * d.width : d[measure];
}

/** Closest distance from a point (the user's position) to an object's box, metres. */
export const pointDistance = (m: Mosaic, p: Vec3, o: MosaicObject): number =>
  boxDistance(boxFrom(p, [0, 0, 0], 0, m.up), boxOf(m, o));
