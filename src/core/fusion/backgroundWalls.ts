/**
 * Walls behind a detection. A box around a couch or a TV also holds the wall it stands against, and at a
 * 1–2 cm gap the wall's pixels join the object's 3D component, so the box grows along the wall. A wall is
 * a large vertical plane: it continues outside the box, while the object's own faces end at the box edge
 * (the box bounds the object). So we fit vertical planes (lines in floor coordinates) to a ring of depth
 * samples just outside the box, keep those that span a real height on at least two sides of the ring,
 * and the caller drops the box's samples that lie on them.
 */
export interface WallLine {
  /** Unit normal in floor coordinates (a, b) and offset: the wall is n·(a, b) = d. */
  readonly na: number;
  readonly nb: number;
  readonly d: number;
  /** Samples within this distance (metres) are on the wall. */
  readonly tol: number;
}

export interface RingSample {
  readonly a: number;
  readonly b: number;
  readonly h: number;
  /** Depth along the optical axis (metres), for the noise-aware tolerance. */
  readonly z: number;
  /** 0 above the box, 1 right, 2 below, 3 left. */
  readonly side: number;
}

/** Axial depth noise of a consumer RGB-D camera (the generator's model): σ(z) = 1.2 mm + 1.9 mm·(z − 0.4)². */
export const depthSigma = (z: number): number => 0.0012 + 0.0019 * (z - 0.4) ** 2;

const MIN_INLIERS = 12;
/** A sample's distance bound to a plane through it: three sigmas of its depth noise, at least 2 cm. */
const tolAt = (z: number): number => Math.max(0.02, 3 * depthSigma(z));
const MIN_SPAN_H = 0.15;

/**
 * Up to `maxWalls` vertical planes through the ring samples, strongest first; `inner` holds the (a, b) of
 * the inner box's samples. Deterministic: candidate pairs come from a fixed stride pattern, not a random
 * generator.
 */
export function fitWalls(ring: readonly RingSample[], inner: Float64Array, maxWalls = 2): WallLine[] {
  const walls: WallLine[] = [];
  let rest = ring.slice();
  for (let w = 0; w < maxWalls && rest.length >= MIN_INLIERS; w++) {
    const n = rest.length;
    let best: { line: WallLine; inliers: number; cost: number } | undefined;
    const tries = Math.min(60, n * 2);
    for (let t = 0; t < tries; t++) {
      const i = (t * 7919) % n;
      const p = rest[i];
      // The pair comes from one side of the ring: a line through two sides' samples may join two walls
      // across a corner (the wall beside a fridge and the one behind it), which no single wall does.
      let q: RingSample | undefined;
      for (let k = 0, j = (i + 1 + ((t * 104729 + (n >> 1)) % (n - 1))) % n; k < n; k++, j = (j + 1) % n) {
        const c = rest[j];
        if (j !== i && c.side === p.side && Math.hypot(c.a - p.a, c.b - p.b) >= 0.1) {
          q = c;
          break;
        }
      }
      if (!q) continue; // no partner far enough to define a direction
      const da = q.a - p.a,
        db = q.b - p.b;
      const len = Math.hypot(da, db);
      const line = { na: -db / len, nb: da / len, d: 0, tol: 0 };
      line.d = line.na * p.a + line.nb * p.b;
      const tol = Math.max(0.02, 3 * depthSigma(Math.max(p.z, q.z)));
      // MSAC: each sample costs its squared residual, capped at its own noise bound (far samples are
      // noisier); a loose line through a corner's two walls gathers many samples but pays for each.
      let inliers = 0,
        cost = 0;
      for (const s of rest) {
        const r = Math.abs(line.na * s.a + line.nb * s.b - line.d);
        const ts = tolAt(s.z);
        if (r < ts) {
          inliers++;
          cost += (r / ts) ** 2;
        } else cost += 1;
      }
      if (!best || cost < best.cost) best = { line: { ...line, tol }, inliers, cost };
    }
    if (!best || best.inliers < MIN_INLIERS) break;
    // Refine: a total-least-squares line through the inliers, and a tolerance from their residual spread (MAD),
    // so clean depth gets a tight wall and noisy depth a wider one, never wider than the noise model's bound.
    let line: WallLine = best.line;
    for (let iter = 0; iter < 3; iter++) line = refit(rest, line, best.line.tol);
    const on = rest.filter((s) => Math.abs(line.na * s.a + line.nb * s.b - line.d) < line.tol);
    const sides = new Set(on.map((s) => s.side));
    let h0 = Infinity,
      h1 = -Infinity;
    for (const s of on) {
      if (s.h < h0) h0 = s.h;
      if (s.h > h1) h1 = s.h;
    }
    // A wall shows on two sides of the box (or fills the ring's top) and rises; a floor strip or an object's
    // side face seen past a tight box does neither.
    if (on.length < Math.max(MIN_INLIERS, 0.15 * ring.length) || h1 - h0 < MIN_SPAN_H || sides.size < 2)
      break;
    // A plane through most of the inner box is the object's own face (the box was drawn tight), not a wall.
    let innerOn = 0;
    for (let k = 0; k < inner.length; k += 2)
      if (Math.abs(line.na * inner[k] + line.nb * inner[k + 1] - line.d) < line.tol) innerOn++;
    if (innerOn > 0.5 * (inner.length / 2)) break;
    walls.push(line);
    const onSet = new Set(on);
    rest = rest.filter((s) => !onSet.has(s));
  }
  return walls;
}

function refit(pts: readonly RingSample[], l: WallLine, maxTol: number): WallLine {
  let n = 0,
    ma = 0,
    mb = 0;
  for (const s of pts)
    if (Math.abs(l.na * s.a + l.nb * s.b - l.d) < l.tol) {
      n++;
      ma += s.a;
      mb += s.b;
    }
  if (n < 3) return l;
  ma /= n;
  mb /= n;
  let saa = 0,
    sab = 0,
    sbb = 0;
  for (const s of pts)
    if (Math.abs(l.na * s.a + l.nb * s.b - l.d) < l.tol) {
      saa += (s.a - ma) ** 2;
      sab += (s.a - ma) * (s.b - mb);
      sbb += (s.b - mb) ** 2;
    }
  // The normal is the direction of least spread (smallest eigenvector of the 2×2 scatter).
  const theta = 0.5 * Math.atan2(2 * sab, saa - sbb); // direction of most spread
  const na = -Math.sin(theta),
    nb = Math.cos(theta);
  const d = na * ma + nb * mb;
  const dev: number[] = [];
  for (const s of pts) {
    const r = Math.abs(na * s.a + nb * s.b - d);
    if (r < l.tol) dev.push(r);
  }
  dev.sort((x, y) => x - y);
  const tol = Math.min(maxTol, Math.max(0.015, 3 * 1.4826 * dev[dev.length >> 1]));
  return { na, nb, d, tol };
}

export function onWall(walls: readonly WallLine[], a: number, b: number): boolean {
  for (const w of walls) if (Math.abs(w.na * a + w.nb * b - w.d) < w.tol) return true;
  return false;
}
