import { objectClass } from '../catalog/objectClass';
import type { WallLine } from './backgroundWalls';
import { sizePrior } from './sizePriors';

/**
 * Amodal completion against a wall. Furniture that stands against walls (a fridge) may show only its front;
 * its back and the strip between it and the wall are never seen. When a wall was found behind an object in
 * its views, only a face of it was seen, the gap fits the class, and the floor in that gap was never seen
 * free, the footprint is extended back to the wall, as the hidden base is completed down to the floor.
 */
export interface WallVote extends WallLine {
  count: number;
}

/** Whether a class usually stands (or hangs) against a wall (the catalogue's). */
const againstWall = (label: string): boolean => objectClass(label)?.againstWall ?? false;

/**
 * How far behind an object's points its completion may look at the floor (metres), or undefined for classes
 * never completed: a floor cell further away cannot change its completed box.
 */
export function completionReach(label: string): number | undefined {
  const prior = sizePrior(label);
  return againstWall(label) && prior ? prior[1] * 1.15 : undefined;
}

/** Adds a wall seen behind an object to its votes (same plane: normals within ~10°, offsets within 5 cm). */
export function voteWall(votes: WallVote[], w: WallLine): void {
  for (const v of votes) {
    const dot = v.na * w.na + v.nb * w.nb;
    const d = dot < 0 ? -w.d : w.d;
    if (Math.abs(dot) > 0.985 && Math.abs(v.d - d) < 0.05) {
      v.count++;
      return;
    }
  }
  if (votes.length < 6) votes.push({ ...w, count: 1 });
}

/**
 * Floor points (a, b, h) extended to the wall behind them, or the input when no completion applies.
 * `floorSeen` says whether a floor cell was observed free.
 */
export function completeToWall(
  label: string,
  pts: Float64Array,
  votes: readonly WallVote[],
  minCount: number,
  floorSeen: (a: number, b: number) => boolean,
): Float64Array {
  const prior = sizePrior(label);
  if (!againstWall(label) || !prior || pts.length < 9) return pts;
  const n = pts.length / 3;
  const maxDepth = prior[1] * 1.15;
  for (const w of [...votes].sort((x, y) => y.count - x.count)) {
    if (w.count < minCount) break;
    const s = new Float64Array(n);
    for (let i = 0; i < n; i++) s[i] = w.na * pts[i * 3] + w.nb * pts[i * 3 + 1] - w.d;
    const sorted = Float64Array.from(s).sort();
    const side = sorted[n >> 1] < 0 ? -1 : 1; // the object is on this side of the wall
    const near = side > 0 ? sorted[0] : -sorted[n - 1]; // gap from the wall to the nearest point
    const far = side > 0 ? sorted[n - 1] : -sorted[0];
    // Only a face seen (under a quarter of the depth the completion would give): an object whose sides were
    // seen shows its own depth, and its gap to the wall is real (an armchair a little in front of the wall).
    if (near < 0.02 || far > maxDepth || far - near > 0.25 * far) continue;
    // The gap must be unobserved: sample it behind the object's points.
    let seen = 0,
      tried = 0;
    const step = Math.max(1, Math.floor(n / 40));
    for (let i = 0; i < n; i += step)
      for (const t of [0.3, 0.7]) {
        const back = Math.abs(s[i]) * t;
        tried++;
        if (floorSeen(pts[i * 3] - side * back * w.na, pts[i * 3 + 1] - side * back * w.nb)) seen++;
      }
    if (seen > 0.35 * tried) continue;
    const out = new Float64Array(pts.length * 2);
    out.set(pts);
    for (let i = 0; i < n; i++) {
      out[pts.length + i * 3] = pts[i * 3] - s[i] * w.na;
      out[pts.length + i * 3 + 1] = pts[i * 3 + 1] - s[i] * w.nb;
      out[pts.length + i * 3 + 2] = pts[i * 3 + 2];
    }
    return out;
  }
  return pts;
}

/**
 * Drops the points that lie on a wall found behind the object in several of its views. In a view where the
 * wall was not found (too far, too little of it in the ring), its pixels next to the object join the object's
 * 3D component: a strip of wall above a couch's back or beside a fridge. The votes of the other views say
 * where that wall is. A vote counts when it was seen in at least `minCount` views; it is applied only when
 * the object stands on one side of it and only a minority of the points lie on it (a plane through much of
 * the object, such as the wall behind a TV a few centimetres in front of it under noisy depth, is left alone).
 */
export function dropWallPoints(
  pts: Float64Array,
  votes: readonly WallVote[],
  minCount: number,
): Float64Array {
  const n = pts.length / 3;
  if (n < 8) return pts;
  let keep: Uint8Array | undefined;
  for (const w of votes) {
    if (w.count < minCount) continue;
    const tol = Math.max(w.tol, 0.02);
    const s = new Float64Array(n);
    for (let i = 0; i < n; i++) s[i] = w.na * pts[i * 3] + w.nb * pts[i * 3 + 1] - w.d;
    const side = Float64Array.from(s).sort()[n >> 1] < 0 ? -1 : 1;
    let on = 0;
    for (let i = 0; i < n; i++) if (side * s[i] < tol) on++;
    if (on === 0 || on > 0.3 * n) continue;
    keep ??= new Uint8Array(n).fill(1);
    for (let i = 0; i < n; i++) if (side * s[i] < tol) keep[i] = 0;
  }
  if (!keep) return pts;
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(pts[i * 3], pts[i * 3 + 1], pts[i * 3 + 2]);
  return out.length >= 9 ? Float64Array.from(out) : pts;
}
