import { select } from './select';

/**
 * The yawed box of a point set in floor coordinates: yaw about up searched over 2° steps in [0°, 90°),
 * height from the trimmed height range. Trimming (1% each side on big sets) keeps a few stray points from
 * inflating the box. Criteria for the yaw:
 * - 'area' (filled point sets, such as the room's cells): the smallest trimmed footprint.
 * - 'closeness' (surface points of an object): the points lie closest to the box's edges (the closeness
 *   criterion of L-shape fitting). An object seen from two faces is an L, whose smallest rectangle is
 *   diagonal (a triangle's hull); the faces themselves lie on the true box's edges.
 */
export type YawCriterion = 'area' | 'closeness';

/** Distances to the nearest edge under this are noise (voxel means of 5 cm voxels). */
const CLOSE_EPS = 0.01;
/**
 * A box in floor coordinates [a, b, h] (geometry/floorFrame), yawed about up: what fusion fits to an object's
 * points before it becomes a mosaic object (centre taken to the world with `fromFloor`). Not the world-frame
 * `OrientedBox` of core/geometry (axes and half extents), which reasoning builds from a mosaic object.
 */
export interface FloorBox {
  /** Centre in floor coordinates [a, b, h]. */
  readonly center: [number, number, number];
  /** [along the yawed e1, along the yawed e2, height]. */
  readonly size: [number, number, number];
  /** Radians in [0, π/2). */
  readonly yaw: number;
}

/** The values of rank `trim` from each end (as sorting would give), in O(n): min/max, or two selections. */
function trimmedRange(values: Float64Array, trim: number): [number, number] {
  if (trim === 0) {
    let lo = Infinity,
      hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return [lo, hi];
  }
  const s = Float64Array.from(values);
  return [select(s, trim), select(s, s.length - 1 - trim)];
}

export function fitFloorBox(pts: Float64Array, stepDeg = 2, criterion: YawCriterion = 'area'): FloorBox {
  const n = pts.length / 3;
  const trim = n >= 100 ? Math.floor(n * 0.01) : 0;
  const hs = new Float64Array(n);
  for (let i = 0; i < n; i++) hs[i] = pts[i * 3 + 2];
  const [h0, h1] = trimmedRange(hs, trim);
  const u = new Float64Array(n);
  const w = new Float64Array(n);
  let best = { cost: Infinity, yaw: 0, u0: 0, u1: 0, w0: 0, w1: 0 };
  for (let deg = 0; deg < 90; deg += stepDeg) {
    const yaw = (deg * Math.PI) / 180;
    const c = Math.cos(yaw),
      s = Math.sin(yaw);
    for (let i = 0; i < n; i++) {
      const a = pts[i * 3],
        b = pts[i * 3 + 1];
      u[i] = c * a + s * b;
      w[i] = -s * a + c * b;
    }
    const [u0, u1] = trimmedRange(u, trim);
    const [w0, w1] = trimmedRange(w, trim);
    let cost = (u1 - u0) * (w1 - w0);
    if (criterion === 'closeness') {
      let close = 0;
      for (let i = 0; i < n; i++) {
        const d = Math.min(u[i] - u0, u1 - u[i], w[i] - w0, w1 - w[i]);
        close += 1 / Math.max(d, CLOSE_EPS);
      }
      cost = -close;
    }
    if (cost < best.cost - 1e-9 * Math.abs(cost)) best = { cost, yaw, u0, u1, w0, w1 };
  }
  const c = Math.cos(best.yaw),
    s = Math.sin(best.yaw);
  const um = (best.u0 + best.u1) / 2,
    wm = (best.w0 + best.w1) / 2;
  return {
    center: [c * um - s * wm, s * um + c * wm, (h0 + h1) / 2],
    size: [best.u1 - best.u0, best.w1 - best.w0, h1 - h0],
    yaw: best.yaw,
  };
}
