import { boxCorners, dot, extentAlong, cross, norm, sub, type OrientedBox, type V3 } from './orientedBox';
import type { Vec3 } from '../geometry/types';

/**
 * Exact closest-point distance between two oriented boxes ("measuring from the closest point of each object").
 * Boxes are convex polytopes: if they overlap (separating-axis test, 15 axes) the distance is 0; otherwise the
 * minimum is attained between a vertex and the other box, or between two edges — so the minimum over
 * 16 vertex-to-box and 144 edge-to-edge distances is exact, with no sampling.
 */
export function pointBoxDistance(p: Vec3, b: OrientedBox): number {
  const d = sub(p, b.center);
  let s = 0;
  for (let i = 0; i < 3; i++) {
    const q = dot(d, b.axes[i]);
    const excess = Math.abs(q) - b.half[i];
    if (excess > 0) s += excess * excess;
  }
  return Math.sqrt(s);
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Distance between segments p1q1 and p2q2 (Ericson, Real-Time Collision Detection §5.1.9). */
export function segmentDistance(p1: Vec3, q1: Vec3, p2: Vec3, q2: Vec3): number {
  const d1 = sub(q1, p1);
  const d2 = sub(q2, p2);
  const r = sub(p1, p2);
  const a = dot(d1, d1);
  const e = dot(d2, d2);
  const f = dot(d2, r);
  let s: number;
  let t: number;
  if (a <= 1e-18 && e <= 1e-18) return norm(r);
  if (a <= 1e-18) {
    s = 0;
    t = clamp01(f / e);
  } else {
    const c = dot(d1, r);
    if (e <= 1e-18) {
      t = 0;
      s = clamp01(-c / a);
    } else {
      const b = dot(d1, d2);
      const denom = a * e - b * b;
      s = denom > 1e-18 ? clamp01((b * f - c * e) / denom) : 0;
      t = (b * s + f) / e;
      if (t < 0) {
        t = 0;
        s = clamp01(-c / a);
      } else if (t > 1) {
        t = 1;
        s = clamp01((b - c) / a);
      }
    }
  }
  const c1: V3 = [p1[0] + d1[0] * s, p1[1] + d1[1] * s, p1[2] + d1[2] * s];
  const c2: V3 = [p2[0] + d2[0] * t, p2[1] + d2[1] * t, p2[2] + d2[2] * t];
  return norm(sub(c1, c2));
}

/** Separating-axis test: true when the boxes touch or overlap. */
export function boxesOverlap(a: OrientedBox, b: OrientedBox): boolean {
  const axes: V3[] = [...a.axes, ...b.axes];
  for (const u of a.axes)
    for (const v of b.axes) {
      const c = cross(u, v);
      const l = norm(c);
      if (l > 1e-9) axes.push([c[0] / l, c[1] / l, c[2] / l]);
    }
  for (const ax of axes) {
    const [a0, a1] = extentAlong(a, ax);
    const [b0, b1] = extentAlong(b, ax);
    if (a1 < b0 - 1e-12 || b1 < a0 - 1e-12) return false;
  }
  return true;
}

/** Corner index pairs forming the 12 edges of boxCorners' ordering (index bits: x·4 + y·2 + z). */
const EDGES: ReadonlyArray<readonly [number, number]> = (() => {
  const e: [number, number][] = [];
  for (let i = 0; i < 8; i++) for (const bit of [1, 2, 4]) if (!(i & bit)) e.push([i, i | bit]);
  return e;
})();

export function boxDistance(a: OrientedBox, b: OrientedBox): number {
  if (boxesOverlap(a, b)) return 0;
  const ca = boxCorners(a);
  const cb = boxCorners(b);
  let best = Infinity;
  for (const p of ca) best = Math.min(best, pointBoxDistance(p, b));
  for (const p of cb) best = Math.min(best, pointBoxDistance(p, a));
  for (const [i, j] of EDGES)
    for (const [k, l] of EDGES) best = Math.min(best, segmentDistance(ca[i], ca[j], cb[k], cb[l]));
  return best;
}
