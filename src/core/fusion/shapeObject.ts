import { OBJECT_CLASSES } from '../catalog/objectClass';
import { fromFloor, type FloorFrame } from '../mosaic/floorFrame';
import type { MosaicObject } from '../mosaic/types';
import { fitFloorBox } from './fitFloorBox';
import { footprintKey, VOXEL, type Bounds, type ObjectInstance } from './objectInstance';
import { fitsPrior, sizePrior } from './sizePriors';
import { completeToWall, dropWallPoints } from './wallCompletion';
import { verifyLabel } from './labelVerification';

/**
 * An instance → the mosaic object shown for it: a box fitted to its surface (hidden back completed to the wall
 * behind it, base to the floor or the table it stands on), its label votes and sightings, rounded to 0.1 mm.
 * Also the floor cells a floor-standing object covers (for the occupancy grid) and the box's floor-frame extent.
 */
export interface ObjectShape {
  readonly obj: MosaicObject;
  /** Occupancy cells under the object when it stands on the floor (else empty). */
  readonly blocked: string[];
  /** The box's floor-frame axis-aligned extent (for telling fragments of it). */
  readonly extent: Bounds;
}

/** The occupancy grid's cells as the shaper reads them (an OccupancyAccumulator). */
export interface FloorCells {
  readonly cellSize: number;
  cellKey(a: number, b: number): string;
  /** Whether the cell holding floor point (a, b) was seen as floor. */
  floorSeen(a: number, b: number): boolean;
}

export interface ShapeContext {
  readonly frame: FloorFrame;
  /** The floor height objects are snapped to (undefined while unknown). */
  readonly floorHeight: number | undefined;
  /** Objects whose bottom is this close to the floor stand on it. */
  readonly floorSnap: number;
  readonly cells: FloorCells;
}

/** Furniture that stands on the floor: its hidden part below a table in front of it is completed (catalogue). */
const FLOOR_STANDING = new Set(OBJECT_CLASSES.filter((c) => c.standsOnFloor).map((c) => c.key));

export function shapeObject(inst: ObjectInstance, ctx: ShapeContext): ObjectShape {
  const blocked: string[] = [];
  const floorH = ctx.floorHeight;
  const minWallVotes = Math.max(2, Math.ceil(0.2 * inst.observations));
  const pts = completeToWall(
    inst.label,
    dropWallPoints(coreVoxels(inst), inst.walls, minWallVotes),
    inst.walls,
    Math.min(2, inst.observations),
    (a, b) => ctx.cells.floorSeen(a, b),
  );
  const box = fitFloorBox(pts, 2, 'closeness');
  const [a, b] = box.center;
  let h = box.center[2];
  let height = box.size[2];
  const bottom = h - height / 2;
  const prior = sizePrior(inst.label);
  const standing =
    floorH !== undefined &&
    FLOOR_STANDING.has(inst.label) &&
    prior !== undefined &&
    bottom > floorH &&
    h + height / 2 - floorH <= prior[2] * 1.15;
  if (floorH !== undefined && ((bottom - floorH < ctx.floorSnap && bottom > floorH - 0.1) || standing)) {
    // The base of floor-standing furniture is usually hidden: complete it down to the floor.
    const top = h + height / 2;
    height = top - floorH;
    h = floorH + height / 2;
    cellsUnder(ctx.cells, a, b, box.size, box.yaw, blocked);
  } else if (inst.support !== undefined && bottom - inst.support < 0.05 && bottom > inst.support - 0.02) {
    // Likewise on a table: the slice just above the table top went with the table when lifting.
    const top = h + height / 2;
    height = top - inst.support;
    h = inst.support + height / 2;
  }
  const votes = [...inst.votes.entries()]
    .map(([label, v]) => ({ label, weight: round(v.weight), count: v.count }))
    .sort((x, y) => y.weight - x.weight || (x.label < y.label ? -1 : 1));
  const obj: MosaicObject = {
    id: inst.id,
    label: verifyLabel(inst, [box.size[0], box.size[1], height]).label,
    labels: votes,
    center: fromFloor(ctx.frame, a, b, h).map(round) as [number, number, number],
    size: [round(box.size[0]), round(box.size[1]), round(height)],
    yaw: round(box.yaw),
    confidence: round((1 - Math.exp(-inst.observations / 3)) * (inst.scoreSum / inst.observations)),
    firstSeenFrame: inst.firstSeenFrame,
    firstSeenTime: inst.firstSeenTime,
    lastSeenFrame: inst.lastSeenFrame,
    observations: inst.observations,
    recentObservations: [...inst.recent],
  };
  const c = Math.abs(Math.cos(box.yaw)),
    sn = Math.abs(Math.sin(box.yaw));
  const ea = (c * box.size[0] + sn * box.size[1]) / 2,
    eb = (sn * box.size[0] + c * box.size[1]) / 2;
  const extent: Bounds = { lo: [a - ea, b - eb, h - height / 2], hi: [a + ea, b + eb, h + height / 2] };
  return { obj, blocked, extent };
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

/** A box that spans this share of its class's bounds shows much of an object (as mayStartObject's). */
const PART_OF_CLASS = 0.4;

/**
 * Whether an object is seen only in part, so not sized yet: every view of it was cut (its box at the image
 * border, or the depth's view ending inside it) and its box as shaped (base completed to the floor or table)
 * is small for its class: its longest horizontal side and its height both under PART_OF_CLASS of the
 * class's bounds. Partial views only shrink an object: shown, the strip of a chair at the image edge would
 * be a 26 cm chair. Its instance stays tracked and shows once a view sees it whole or its views add up to a
 * box its class can have.
 */
export function seenInPartOnly(inst: ObjectInstance, size: readonly [number, number, number]): boolean {
  if (inst.wholeViews > 0) return false;
  const p = sizePrior(inst.label);
  return (
    p !== undefined && Math.max(size[0], size[1]) < PART_OF_CLASS * p[0] && size[2] < PART_OF_CLASS * p[2]
  );
}

/** The occupancy cells under a yawed floor rectangle (sampled at half-cell steps). */
function cellsUnder(
  cells: FloorCells,
  a: number,
  b: number,
  size: readonly number[],
  yaw: number,
  out: string[],
): void {
  const cs = cells.cellSize;
  const c = Math.cos(yaw),
    s = Math.sin(yaw);
  for (let u = -size[0] / 2; u <= size[0] / 2 + 1e-9; u += cs / 2)
    for (let w = -size[1] / 2; w <= size[1] / 2 + 1e-9; w += cs / 2)
      out.push(cells.cellKey(a + c * u - s * w, b + s * u + c * w));
}

/**
 * An object's voxel means; for a hand-sized thing (a cup, a book: at most 30 cm long), only the voxels that hold a real share of its samples.
 * Its views each see part of it, a few pixels off where colour and depth disagree: a voxel that one view's
 * stray samples reached would widen a 9 cm mug's box by 5 cm. Only for a box too big for the class.
 */
function coreVoxels(inst: ObjectInstance): Float64Array {
  const { pts, counts } = inst.voxelMeans();
  const prior = sizePrior(inst.label);
  if (!prior || prior[0] > 0.3 || counts.length < 4) return pts;
  // Only when all of them make a box the class cannot have (a 29 cm mug).
  const lo = [Infinity, Infinity, Infinity],
    hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < pts.length; i++) {
    lo[i % 3] = Math.min(lo[i % 3], pts[i]);
    hi[i % 3] = Math.max(hi[i % 3], pts[i]);
  }
  if (fitsPrior([inst.label], [hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]])) return pts;
  // Whole columns of the footprint (all heights of a cell), so the thing's top and base stay.
  const column = (i: number): number =>
    footprintKey(Math.floor(pts[i * 3] / VOXEL), Math.floor(pts[i * 3 + 1] / VOXEL));
  const inColumn = new Map<number, number>();
  counts.forEach((c, i) => inColumn.set(column(i), (inColumn.get(column(i)) ?? 0) + c));
  const max = Math.max(...inColumn.values());
  const keep: number[] = [];
  counts.forEach((_, i) => {
    if (inColumn.get(column(i))! >= 0.1 * max) keep.push(i);
  });
  if (keep.length < 2 || keep.length === counts.length) return pts;
  const out = new Float64Array(keep.length * 3);
  keep.forEach((i, j) => out.set(pts.subarray(i * 3, i * 3 + 3), j * 3));
  return out;
}
