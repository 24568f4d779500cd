/**
 * The bench's own box geometry, written apart from src/core/reasoning so that it can judge it. World frame: metres,
 * z up, right-handed (x, y on the floor). Every box stands upright: a footprint rectangle turned by `yaw` about z,
 * extruded from `cz − sz/2` to `cz + sz/2`.
 */
export interface BenchBox {
  readonly id: string;
  readonly label: string;
  /** Centre, metres. */
  readonly center: readonly [number, number, number];
  /** Extent along the box's own x and y (turned by yaw) and along z (height), metres. */
  readonly size: readonly [number, number, number];
  /** Turn of the box's own x axis from the world x axis, about z, radians. */
  readonly yaw: number;
  /** Frame of the sequence where the object was first visible (generated scenes only). */
  readonly firstSeenFrame?: number;
}

type P2 = readonly [number, number];

export const height = (b: BenchBox): number => b.size[2];
/** The long horizontal side. */
export const length = (b: BenchBox): number => Math.max(b.size[0], b.size[1]);
/** The short horizontal side. */
export const width = (b: BenchBox): number => Math.min(b.size[0], b.size[1]);
/** "How big": the longest of the three dimensions (VSI-Bench's object size). */
export const longest = (b: BenchBox): number => Math.max(...b.size);
export const volume = (b: BenchBox): number => b.size[0] * b.size[1] * b.size[2];
export const bottom = (b: BenchBox): number => b.center[2] - b.size[2] / 2;
export const top = (b: BenchBox): number => b.center[2] + b.size[2] / 2;

/** The four corners of the footprint, counter-clockwise. */
export function footprint(b: BenchBox): P2[] {
  const c = Math.cos(b.yaw);
  const s = Math.sin(b.yaw);
  const hx = b.size[0] / 2;
  const hy = b.size[1] / 2;
  return (
    [
      [-hx, -hy],
      [hx, -hy],
      [hx, hy],
      [-hx, hy],
    ] as const
  ).map(([x, y]): P2 => [b.center[0] + c * x - s * y, b.center[1] + s * x + c * y]);
}

function pointSegment(p: P2, a: P2, b: P2): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Separating-axis test of two convex polygons (here: rectangles). */
function polygonsOverlap(a: P2[], b: P2[]): boolean {
  for (const poly of [a, b])
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i];
      const q = poly[(i + 1) % poly.length];
      const n: P2 = [q[1] - p[1], p[0] - q[0]];
      const proj = (pts: P2[]) => pts.map((v) => v[0] * n[0] + v[1] * n[1]);
      const pa = proj(a);
      const pb = proj(b);
      if (Math.max(...pa) < Math.min(...pb) || Math.max(...pb) < Math.min(...pa)) return false;
    }
  return true;
}

/** Shortest distance between two footprints on the floor (0 when they overlap). */
export function footprintDistance(a: BenchBox, b: BenchBox): number {
  const pa = footprint(a);
  const pb = footprint(b);
  if (polygonsOverlap(pa, pb)) return 0;
  let best = Infinity;
  for (const [pts, poly] of [
    [pa, pb],
    [pb, pa],
  ] as const)
    for (const p of pts)
      for (let i = 0; i < poly.length; i++)
        best = Math.min(best, pointSegment(p, poly[i], poly[(i + 1) % 4]));
  return best;
}

/**
 * Distance between the closest points of two boxes, as VSI-Bench asks it ("measuring from the closest point of
 * each object"). For upright boxes (footprint × height interval) the squared distance splits into the floor part
 * and the vertical part, so this is exact: hypot(footprint gap, height-interval gap).
 */
export function boxDistance(a: BenchBox, b: BenchBox): number {
  const gapZ = Math.max(0, bottom(b) - top(a), bottom(a) - top(b));
  return Math.hypot(footprintDistance(a, b), gapZ);
}

export function centreDistance(a: BenchBox, b: BenchBox): number {
  return Math.hypot(a.center[0] - b.center[0], a.center[1] - b.center[1], a.center[2] - b.center[2]);
}

export interface Bearing {
  readonly side: 'left' | 'right';
  /** Angle between the facing direction and the direction to the target on the floor, degrees 0–180. */
  readonly angle: number;
}

/**
 * Standing at `at` (its centre) with the heading `heading` on the floor, which side is `target` on? The sign of
 * the cross product heading × (target − at) with z up: positive = counter-clockwise = left.
 */
export function bearingFrom(at: P2, heading: P2, target: P2): Bearing {
  const vx = target[0] - at[0];
  const vy = target[1] - at[1];
  const cross = heading[0] * vy - heading[1] * vx;
  const dot = heading[0] * vx + heading[1] * vy;
  return { side: cross > 0 ? 'left' : 'right', angle: (Math.atan2(Math.abs(cross), dot) * 180) / Math.PI };
}

const xy = (b: BenchBox): P2 => [b.center[0], b.center[1]];

/** Stand at `at`'s centre, face `facing`'s centre: where is `target`? */
export function sideOf(at: BenchBox, facing: BenchBox, target: BenchBox): Bearing {
  return bearingFrom(xy(at), [facing.center[0] - at.center[0], facing.center[1] - at.center[1]], xy(target));
}

/** Stand at `at`'s centre with `behind` at your back: where is `target`? */
export function sideWithBackTo(at: BenchBox, behind: BenchBox, target: BenchBox): Bearing {
  return bearingFrom(xy(at), [at.center[0] - behind.center[0], at.center[1] - behind.center[1]], xy(target));
}

export function floorDistance(a: BenchBox, b: BenchBox): number {
  return Math.hypot(a.center[0] - b.center[0], a.center[1] - b.center[1]);
}

/**
 * A VSI-Bench meta_info box (`centroid`, `axesLengths`, `normalizedAxes`: three unit axes, one per row, each row's
 * length in `axesLengths`) as an upright box: the row closest to z is the height; the first other row gives yaw.
 */
export function boxFromMetaInfo(
  id: string,
  label: string,
  m: { centroid: number[]; axesLengths: number[]; normalizedAxes: number[] },
): BenchBox {
  const rows = [0, 1, 2].map((i) => m.normalizedAxes.slice(3 * i, 3 * i + 3));
  let h = 0;
  for (let i = 1; i < 3; i++) if (Math.abs(rows[i][2]) > Math.abs(rows[h][2])) h = i;
  const [i1, i2] = [0, 1, 2].filter((i) => i !== h);
  return {
    id,
    label,
    center: [m.centroid[0], m.centroid[1], m.centroid[2]],
    size: [m.axesLengths[i1], m.axesLengths[i2], m.axesLengths[h]],
    yaw: Math.atan2(rows[i1][1], rows[i1][0]),
  };
}
