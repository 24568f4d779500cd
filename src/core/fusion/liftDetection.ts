import type { CameraToWorld, Intrinsics } from '../geometry/types';
import type { FloorFrame } from '../mosaic/floorFrame';
import type { DepthImage, Detection } from '../perception/types';
import { depthSigma, fitWalls, onWall, type RingSample, type WallLine } from './backgroundWalls';
import { select } from './select';
import { sizePrior } from './sizePriors';

/**
 * Lifts a 2D detection to 3D surface points (floor coordinates a, b, h) with depth and pose. A box also
 * holds background, the floor or table it stands on, and neighbours: we drop the support layer (the
 * lowest horizontal layer when the object rises above it), split the rest into 3D connected components
 * and keep the component that owns most of the box's inner part (the shrunk box: the object, not its
 * surroundings).
 */
export interface LiftedDetection {
  readonly detection: Detection;
  /** Interleaved floor coordinates (a, b, h) of the kept samples. */
  readonly points: Float64Array;
  /** Median depth of the kept cluster (metres), for weighting and diagnostics. */
  readonly depth: number;
  /** Height of the support surface removed under the object (a table top), when one was. */
  readonly support?: number;
  /** Walls found around the box (their samples were dropped). */
  readonly walls: readonly WallLine[];
  /** Part of the box lies where the depth image has no view (its lift may be a sliver of the object). */
  readonly depthCut?: boolean;
  /** The box reaches the image border: the object may go on beyond it. */
  readonly imageCut?: boolean;
}

export interface LiftOptions {
  /** Samples per box at most (a stride keeps cost bounded on big boxes). */
  readonly maxSamples?: number;
  /** Fraction trimmed from each side of the box for the "inner" part. */
  readonly shrink?: number;
  /** Depth readings beyond this are ignored (metres). */
  readonly maxDepth?: number;
  /** Floor height along up, when known: points within 3 cm of it are floor, not object. */
  readonly floorHeight?: number;
  /** Drop samples on walls found around the box (default true). */
  readonly removeWalls?: boolean;
  /**
   * Samples already explained by another object of the mosaic (floor coordinates): dropped before choosing
   * the component, so a sink seen behind a table is not lifted onto the table in front of it.
   */
  readonly explained?: (a: number, b: number, h: number) => boolean;
  /**
   * Depth pixels already explained by another detection of this frame (1 = claimed): skipped here, and
   * this detection's kept pixels are added. Lift small boxes first so a couch's box does not take the
   * suitcase in front of it, nor a table the cups on it.
   */
  readonly claimed?: Uint8Array;
}

export function liftDetection(
  det: Detection,
  depth: DepthImage,
  k: Intrinsics,
  pose: CameraToWorld,
  frame: FloorFrame,
  opts: LiftOptions = {},
): LiftedDetection | undefined {
  const maxSamples = opts.maxSamples ?? 900;
  const shrink = opts.shrink ?? 0.2;
  const maxDepth = opts.maxDepth ?? 10;
  // Detections are in the pixels the intrinsics describe; the depth image may be another size.
  const sx = depth.width / k.width;
  const sy = depth.height / k.height;
  const x0 = Math.max(0, Math.floor(det.box[0] * sx));
  const y0 = Math.max(0, Math.floor(det.box[1] * sy));
  const x1 = Math.min(depth.width, Math.ceil(det.box[2] * sx));
  const y1 = Math.min(depth.height, Math.ceil(det.box[3] * sy));
  if (x1 - x0 < 1 || y1 - y0 < 1) return undefined;
  const stride = Math.max(1, Math.floor(Math.sqrt(((x1 - x0) * (y1 - y0)) / maxSamples)));
  const ix0 = x0 + (x1 - x0) * shrink,
    ix1 = x1 - (x1 - x0) * shrink;
  const iy0 = y0 + (y1 - y0) * shrink,
    iy1 = y1 - (y1 - y0) * shrink;

  const zs: number[] = [];
  const us: number[] = [];
  const vs: number[] = [];
  const inner: boolean[] = [];
  const gw = Math.ceil((x1 - x0 - (stride >> 1)) / stride);
  const gh = Math.ceil((y1 - y0 - (stride >> 1)) / stride);
  const grid = new Int32Array(Math.max(0, gw * gh)).fill(-1);
  for (let v = y0 + (stride >> 1); v < y1; v += stride) {
    for (let u = x0 + (stride >> 1); u < x1; u += stride) {
      if (opts.claimed && opts.claimed[v * depth.width + u]) continue;
      const z = depth.data[v * depth.width + u];
      if (!(z > 0.05 && z < maxDepth)) continue;
      grid[Math.floor((v - y0) / stride) * gw + Math.floor((u - x0) / stride)] = zs.length;
      zs.push(z);
      us.push(u);
      vs.push(v);
      inner.push(u >= ix0 && u < ix1 && v >= iy0 && v < iy1);
    }
  }
  if (zs.length < 4) return undefined;

  // Camera → world → floor coordinates, folded into one 3×4 matrix per detection.
  const rows = [frame.e1, frame.e2, frame.up].map((e) => [
    e[0] * pose[0] + e[1] * pose[4] + e[2] * pose[8],
    e[0] * pose[1] + e[1] * pose[5] + e[2] * pose[9],
    e[0] * pose[2] + e[1] * pose[6] + e[2] * pose[10],
    e[0] * pose[3] + e[1] * pose[7] + e[2] * pose[11],
  ]);
  const fx = k.fx * sx,
    fy = k.fy * sy;
  const cx = (k.cx + 0.5) * sx - 0.5,
    cy = (k.cy + 0.5) * sy - 0.5;
  const toFloor = (u: number, v: number, z: number, out: Float64Array, at: number): void => {
    const x = ((u - cx) * z) / fx;
    const y = ((v - cy) * z) / fy;
    for (let r = 0; r < 3; r++) out[at + r] = rows[r][0] * x + rows[r][1] * y + rows[r][2] * z + rows[r][3];
  };
  const all = new Float64Array(zs.length * 3);
  for (let i = 0; i < zs.length; i++) toFloor(us[i], vs[i], zs[i], all, i * 3);
  let keep = zs.map((_, i) => i);
  let walls: WallLine[] = [];
  if (opts.floorHeight !== undefined) keep = keep.filter((i) => all[i * 3 + 2] > opts.floorHeight! + 0.03);
  let ringCache: RingSample[] | undefined;
  const ring = (): RingSample[] =>
    (ringCache ??= ringSamples(depth, [x0, y0, x1, y1], maxDepth, toFloor, opts.floorHeight));
  if (opts.removeWalls !== false) {
    const innerIdx = keep.filter((i) => inner[i]);
    const innerAb = new Float64Array(innerIdx.length * 2);
    innerIdx.forEach((i, j) => {
      innerAb[j * 2] = all[i * 3];
      innerAb[j * 2 + 1] = all[i * 3 + 1];
    });
    walls = fitWalls(ring(), innerAb);
    if (walls.length) keep = keep.filter((i) => !onWall(walls, all[i * 3], all[i * 3 + 1]));
  }
  // Box edges on the image border: every component counts as reaching them (the object may go on beyond).
  const atBorder = [y0 <= 0, x1 >= depth.width, y1 >= depth.height, x0 <= 0];
  // Sides where the depth camera's view ends (registered depth from a camera with a narrower view has none
  // near the colour image's edges): the lift may be a sliver of the object.
  const noDepth = depthViewEnds(depth, [x0, y0, x1, y1], maxDepth);
  // Objects touch what they stand on: drop the support layer, split into 3D components, keep the one that
  // fills the inner box; twice, so a cup's table top goes after the floor beyond the table.
  const pixelAngle = stride / Math.min(fx, fy);
  const prior = sizePrior(det.label);
  // Small things (cups, remotes, books) fill little of their box once colour and depth are a few pixels
  // apart: most of the box is the table behind. When the plain lift is wider than the class can be, the
  // lowest flat layer is a support even with only a few samples above it.
  const small = prior !== undefined && prior[0] <= 0.6 && prior[2] <= 0.5;
  // Flat things (books, phones, remotes, keyboards) lie on a support and rise a centimetre or two above it:
  // less than the support layer's band, so dropSupportLayer keeps the table top around them.
  const flat = small && prior![2] <= FLAT_HEIGHT;
  const isolate = (idx: number[]): { keep: number[]; support?: number } => {
    const once = (minAbove: number): { keep: number[]; support?: number } => {
      let support: number | undefined;
      let rest = idx;
      for (let pass = 0; pass < 2 && rest.length >= 4; pass++) {
        const dropped = dropSupportLayer(all, rest, zs, minAbove);
        if (dropped.support !== undefined) support = dropped.support;
        rest = bestComponent(all, dropped.keep, inner, zs, grid, gw, pixelAngle, atBorder);
      }
      return { keep: rest, support };
    };
    const plain = once(0.2);
    const flatLift = (l: { keep: number[]; support?: number }): { keep: number[]; support?: number } => {
      if (!flat) return l;
      const above = aboveSupportPlane(all, idx, zs, ring());
      if (!above) return l;
      const piece = bestComponent(all, above.keep, inner, zs, grid, gw, pixelAngle, atBorder);
      return piece.length >= 4 ? { keep: piece, support: above.support } : l;
    };
    if (!small || fitsClass(all, plain.keep, prior!)) return flatLift(plain);
    const strict = once(0.03);
    return flatLift(strict.keep.length >= 4 && strict.support !== undefined ? strict : plain);
  };
  let found = isolate(keep);
  if (opts.explained) {
    const rest = keep.filter((i) => !opts.explained!(all[i * 3], all[i * 3 + 1], all[i * 3 + 2]));
    // Only when a real part of the box is left: a box mostly on a known object is that object's to claim
    // (a book the table's surface took in before the book was detected).
    if (rest.length < keep.length && rest.length >= Math.max(8, 0.2 * keep.length)) {
      const other = isolate(rest);
      // And only when what is left is an object, not the crumbs that a known object's voxels leave of one
      // it took in (the table's surface holds the top of the book lying on it: the book's own lift wins).
      // Crumbs are a few samples and under a tenth of the plain lift; a couch behind a known chair keeps
      // over a quarter of it.
      const n = other.keep.length;
      if (n >= 8 && (n >= 0.15 * found.keep.length || n >= 40)) found = other;
    }
  }
  keep = found.keep;
  const support = found.support;
  if (keep.length < 3) return undefined;
  // A thing with a body (a cup, not a book) whose lift is one flat layer that goes on outside the box is
  // the table it stands on: the sensor gave the thing itself no depth (white or glossy at close range).
  if (small && prior![2] > 0.12 && support === undefined && surfaceBeyondBox(all, keep, zs, ring()))
    return undefined;
  const points = new Float64Array(keep.length * 3);
  keep.forEach((i, j) => points.set(all.subarray(i * 3, i * 3 + 3), j * 3));
  const depths = keep.map((i) => zs[i]).sort((a, b) => a - b);
  if (opts.claimed) {
    const half = stride >> 1;
    for (const i of keep) {
      for (let v = Math.max(0, vs[i] - half); v < Math.min(depth.height, vs[i] - half + stride); v++)
        for (let u = Math.max(0, us[i] - half); u < Math.min(depth.width, us[i] - half + stride); u++)
          opts.claimed[v * depth.width + u] = 1;
    }
  }
  return {
    detection: det,
    points,
    depth: depths[depths.length >> 1],
    support,
    walls,
    ...(noDepth.some((x) => x) ? { depthCut: true } : {}),
    ...(atBorder.some((x) => x) ? { imageCut: true } : {}),
  };
}

/**
 * Per box side (top, right, bottom, left): whether the depth image has no readings there, neither in the
 * box's outer strip on that side nor beyond it — the depth camera's view ends there, unlike a hole in the
 * depth of a glossy thing, which has readings around it.
 */
function depthViewEnds(
  depth: DepthImage,
  box: readonly [number, number, number, number],
  maxDepth: number,
): boolean[] {
  const [x0, y0, x1, y1] = box;
  const W = depth.width,
    H = depth.height;
  const mx = Math.max(3, Math.round(0.15 * (x1 - x0))),
    my = Math.max(3, Math.round(0.15 * (y1 - y0)));
  const share = (u0: number, v0: number, u1: number, v1: number): number => {
    [u0, u1] = [Math.max(0, u0), Math.min(W, u1)];
    [v0, v1] = [Math.max(0, v0), Math.min(H, v1)];
    if (u1 <= u0 || v1 <= v0) return 0;
    const step = Math.max(1, Math.floor(Math.sqrt(((u1 - u0) * (v1 - v0)) / 100)));
    let n = 0,
      ok = 0;
    for (let v = v0; v < v1; v += step)
      for (let u = u0; u < u1; u += step) {
        n++;
        const z = depth.data[v * W + u];
        if (z > 0.05 && z < maxDepth) ok++;
      }
    return ok / n;
  };
  const ends = (inside: number, outside: number, atEdge: boolean): boolean =>
    inside < 0.05 && (atEdge || outside < 0.05);
  return [
    ends(share(x0, y0, x1, y0 + my), share(x0, y0 - my, x1, y0), y0 <= 0),
    ends(share(x1 - mx, y0, x1, y1), share(x1, y0, x1 + mx, y1), x1 >= W),
    ends(share(x0, y1 - my, x1, y1), share(x0, y1, x1, y1 + my), y1 >= H),
    ends(share(x0, y0, x0 + mx, y1), share(x0 - mx, y0, x0, y1), x0 <= 0),
  ];
}

/**
 * Depth samples in a ring just outside the box (a small gap, then 15% of the box size), about 240 in all,
 * in floor coordinates, tagged with the side they lie on. Floor samples are left out.
 */
function ringSamples(
  depth: DepthImage,
  box: readonly [number, number, number, number],
  maxDepth: number,
  toFloor: (u: number, v: number, z: number, out: Float64Array, at: number) => void,
  floorHeight: number | undefined,
): RingSample[] {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0,
    h = y1 - y0;
  const gx = Math.max(1, Math.round(0.04 * w)),
    gy = Math.max(1, Math.round(0.04 * h));
  const mx = Math.max(3, Math.round(0.15 * w)),
    my = Math.max(3, Math.round(0.15 * h));
  const ox0 = Math.max(0, x0 - gx - mx),
    ox1 = Math.min(depth.width, x1 + gx + mx);
  const oy0 = Math.max(0, y0 - gy - my),
    oy1 = Math.min(depth.height, y1 + gy + my);
  const area = (ox1 - ox0) * (oy1 - oy0) - (w + 2 * gx) * (h + 2 * gy);
  const stride = Math.max(1, Math.round(Math.sqrt(Math.max(1, area) / 240)));
  const out: RingSample[] = [];
  const p = new Float64Array(3);
  for (let v = oy0; v < oy1; v += stride) {
    for (let u = ox0; u < ox1; u += stride) {
      const side = v < y0 - gy ? 0 : v >= y1 + gy ? 2 : u < x0 - gx ? 3 : u >= x1 + gx ? 1 : -1;
      if (side < 0) continue;
      const z = depth.data[v * depth.width + u];
      if (!(z > 0.05 && z < maxDepth)) continue;
      toFloor(u, v, z, p, 0);
      if (floorHeight !== undefined && p[2] < floorHeight + 0.05) continue;
      out.push({ a: p[0], b: p[1], h: p[2], z, side });
    }
  }
  return out;
}

/**
 * Removes the lowest horizontal layer when it is a support: a real share of points, more above it, and either
 * flat (most of the layer at one height: a table top's heights bunch, a vertical face's spread evenly over the
 * band) or reaching outside the footprint of what stands above (a table top around a cup does; the bottom
 * strip of a TV's face does not). Cuts just above the support's measured level, so clean depth keeps all
 * but a centimetre of a cup; returns the support level too (the object's base is completed down to it).
 */
function dropSupportLayer(
  p: Float64Array,
  idx: number[],
  zs: number[],
  minAbove: number,
): { keep: number[]; support?: number } {
  const hs = Float64Array.from(idx, (i) => p[i * 3 + 2]);
  const hmin = select(hs, Math.floor(hs.length * 0.02));
  const zMed = zs[idx[idx.length >> 1]];
  const band = Math.max(0.025, 3 * depthSigma(zMed));
  const layer = idx.filter((i) => p[i * 3 + 2] < hmin + band);
  const above = idx.filter((i) => p[i * 3 + 2] > hmin + 2 * band + 0.02);
  if (above.length < Math.max(4, minAbove * idx.length)) return { keep: idx };
  // 2 cm cells as numbers (a string key per sample was most of this function's time).
  const key = (ca: number, cb: number): number => (ca + 2 ** 20) * 2 ** 21 + (cb + 2 ** 20);
  const cellOf = (i: number): number => key(Math.floor(p[i * 3] / 0.02), Math.floor(p[i * 3 + 1] / 0.02));
  const foot = new Set<number>();
  for (const i of above) {
    const ca = Math.floor(p[i * 3] / 0.02),
      cb = Math.floor(p[i * 3 + 1] / 0.02);
    for (let da = -1; da <= 1; da++) for (let db = -1; db <= 1; db++) foot.add(key(ca + da, cb + db));
  }
  const outside = layer.filter((i) => !foot.has(cellOf(i)));
  const thin = Math.max(0.006, depthSigma(zMed));
  const spike = layer.filter((i) => p[i * 3 + 2] < hmin + thin);
  const beside = outside.length >= 0.1 * layer.length;
  if (layer.length < 0.1 * idx.length || (!beside && spike.length < 0.45 * layer.length)) {
    // Not a support, but a strip of the lowest level beside the object is a glimpse of the table top between
    // this object and the next (a vase and a mouse behind it): cut, so the two fall apart as components.
    const strip = new Set(outside.filter((i) => p[i * 3 + 2] < hmin + thin));
    return strip.size === 0 ? { keep: idx } : { keep: idx.filter((i) => !strip.has(i)) };
  }
  const sh = (beside ? outside : spike).map((i) => p[i * 3 + 2]).sort((a, b) => a - b);
  const level = sh[sh.length >> 1];
  const mad = sh.map((h) => Math.abs(h - level)).sort((a, b) => a - b)[sh.length >> 1];
  const cut = Math.min(hmin + band, level + Math.max(0.01, 3 * 1.4826 * mad));
  return { keep: idx.filter((i) => p[i * 3 + 2] >= cut), support: level };
}

/**
 * Whether the kept samples form one thin horizontal layer that continues outside the box: most of the ring
 * around the box, on at least three of its sides, lies at the layer's height.
 */
function surfaceBeyondBox(
  p: Float64Array,
  idx: readonly number[],
  zs: readonly number[],
  ring: readonly RingSample[],
): boolean {
  const hs = Float64Array.from(idx, (i) => p[i * 3 + 2]);
  const h10 = select(hs, Math.floor(hs.length * 0.1));
  const h90 = select(hs, Math.floor(hs.length * 0.9));
  const level = select(hs, hs.length >> 1);
  // A table is rarely level to a degree with the estimated up: 3 cm over a box's width is still flat.
  const band = Math.max(0.03, 3 * depthSigma(zs[idx[idx.length >> 1]]));
  if (h90 - h10 > band || ring.length < 12) return false;
  const sides = new Set<number>();
  const seen = new Set<number>();
  let on = 0;
  for (const r of ring) {
    seen.add(r.side);
    if (Math.abs(r.h - level) < band) {
      on++;
      sides.add(r.side);
    }
  }
  // A box on the image border has fewer sides to look at.
  return on >= 0.4 * ring.length && sides.size >= Math.min(3, seen.size);
}

/**
 * Whether the samples' extent could be one object of a class with these upper bounds (floor metres: long
 * side, short side, height), with 25% slack for noise and a few pixels of colour–depth offset. The sides are
 * measured along the floor axes and along the diagonals, and the better-fitting pair counts (a yawed cup).
 */
function fitsClass(
  p: Float64Array,
  idx: readonly number[],
  prior: readonly [number, number, number],
): boolean {
  if (idx.length === 0) return true;
  const lo = new Float64Array(5).fill(Infinity),
    hi = new Float64Array(5).fill(-Infinity);
  for (const i of idx) {
    const a = p[i * 3],
      b = p[i * 3 + 1];
    const v = [a, b, (a + b) * Math.SQRT1_2, (b - a) * Math.SQRT1_2, p[i * 3 + 2]];
    for (let k = 0; k < 5; k++) {
      if (v[k] < lo[k]) lo[k] = v[k];
      if (v[k] > hi[k]) hi[k] = v[k];
    }
  }
  const side = (k: number): number => hi[k] - lo[k];
  const fits = (x: number, y: number): boolean =>
    Math.max(x, y) <= prior[0] * 1.25 && Math.min(x, y) <= prior[1] * 1.25;
  return (fits(side(0), side(1)) || fits(side(2), side(3))) && side(4) <= prior[2] * 1.25;
}

/** Classes at most this tall (metres, the catalogue's bound) lie flat on what holds them. */
const FLAT_HEIGHT = 0.1;

/**
 * The samples of a flat thing lying on a support, when the lift found no support under it (it rises less
 * than the support layer's band): the support's plane is fitted to the ring around the box (iteratively
 * reweighted least squares of height over the floor axes, starting level at the lowest layer of the box,
 * so a tilted table or an up a degree off still fits), and the samples more than three of the ring's robust
 * sigmas (at least 4 mm) above it are kept. A box a few pixels off its object, or drawn loose, then takes
 * in no table top. Undefined when the ring shows no support plane (too few samples near the layer's level,
 * a plane steeper than 15°, or on fewer than two sides of the box) or nothing rises above it.
 */
function aboveSupportPlane(
  p: Float64Array,
  idx: readonly number[],
  zs: readonly number[],
  ring: readonly RingSample[],
): { keep: number[]; support: number } | undefined {
  if (idx.length < 8) return undefined;
  const hs = Float64Array.from(idx, (i) => p[i * 3 + 2]);
  const level0 = select(hs, Math.floor(hs.length * 0.1));
  const a0 = ring.reduce((s, r) => s + r.a, 0) / Math.max(1, ring.length);
  const b0 = ring.reduce((s, r) => s + r.b, 0) / Math.max(1, ring.length);
  // h = c + ga·(a − a0) + gb·(b − b0)
  let [c, ga, gb] = [level0, 0, 0];
  let tol = 0.02;
  let inliers: RingSample[] = [];
  for (let it = 0; it < 8; it++) {
    inliers = ring.filter((r) => Math.abs(r.h - (c + ga * (r.a - a0) + gb * (r.b - b0))) < tol);
    if (inliers.length < 20) return undefined;
    const next = fitPlane(inliers, a0, b0);
    if (!next) return undefined;
    [c, ga, gb] = next;
    const res = inliers
      .map((r) => Math.abs(r.h - (c + ga * (r.a - a0) + gb * (r.b - b0))))
      .sort((x, y) => x - y);
    tol = Math.max(0.006, 2.5 * 1.4826 * res[res.length >> 1]);
  }
  if (Math.hypot(ga, gb) > Math.tan((15 * Math.PI) / 180)) return undefined;
  if (new Set(inliers.map((r) => r.side)).size < 2) return undefined;
  const res = inliers
    .map((r) => Math.abs(r.h - (c + ga * (r.a - a0) + gb * (r.b - b0))))
    .sort((x, y) => x - y);
  const sigma = 1.4826 * res[res.length >> 1];
  const zMed = zs[idx[idx.length >> 1]];
  const thr = Math.max(0.004, 3 * sigma, depthSigma(zMed));
  const rise = (i: number): number => p[i * 3 + 2] - (c + ga * (p[i * 3] - a0) + gb * (p[i * 3 + 1] - b0));
  let keep = idx.filter((i) => rise(i) > thr);
  if (keep.length < 4) return undefined;
  // Seen from above, a flat thing is mostly its top: what rises well above the top layer (the upper
  // quartile of heights) stands on or beside it (a mug at the corner of a heap of papers), and so does the
  // rest of its columns (the mug's wall down to the table), 2 cm cells and their neighbours.
  const top = select(Float64Array.from(keep, rise), Math.floor(keep.length * 0.75));
  const limit = top + Math.max(0.02, 3 * sigma);
  const cell = (i: number, da = 0, db = 0): number =>
    (Math.floor(p[i * 3] / 0.02) + da + 2 ** 20) * 2 ** 21 + (Math.floor(p[i * 3 + 1] / 0.02) + db + 2 ** 20);
  const standing = new Set<number>();
  for (const i of keep)
    if (rise(i) > limit)
      for (let da = -1; da <= 1; da++) for (let db = -1; db <= 1; db++) standing.add(cell(i, da, db));
  if (standing.size) keep = keep.filter((i) => !standing.has(cell(i)));
  // The support's height under what was kept.
  let sa = 0,
    sb = 0;
  for (const i of keep) [sa, sb] = [sa + p[i * 3], sb + p[i * 3 + 1]];
  return { keep, support: c + ga * (sa / keep.length - a0) + gb * (sb / keep.length - b0) };
}

/** Least-squares plane h = c + ga·(a − a0) + gb·(b − b0) through ring samples (undefined: degenerate). */
function fitPlane(rs: readonly RingSample[], a0: number, b0: number): [number, number, number] | undefined {
  let n = 0,
    sa = 0,
    sb = 0,
    sh = 0,
    saa = 0,
    sab = 0,
    sbb = 0,
    sah = 0,
    sbh = 0;
  for (const r of rs) {
    const a = r.a - a0,
      b = r.b - b0;
    n++;
    sa += a;
    sb += b;
    sh += r.h;
    saa += a * a;
    sab += a * b;
    sbb += b * b;
    sah += a * r.h;
    sbh += b * r.h;
  }
  // Normal equations of [1 a b]·[c ga gb] = h, solved by Cramer's rule.
  const m = [
    [n, sa, sb],
    [sa, saa, sab],
    [sb, sab, sbb],
  ];
  const rhs = [sh, sah, sbh];
  const det3 = (q: number[][]): number =>
    q[0][0] * (q[1][1] * q[2][2] - q[1][2] * q[2][1]) -
    q[0][1] * (q[1][0] * q[2][2] - q[1][2] * q[2][0]) +
    q[0][2] * (q[1][0] * q[2][1] - q[1][1] * q[2][0]);
  const d = det3(m);
  if (Math.abs(d) < 1e-12) return undefined;
  const col = (k: number): number[][] => m.map((row, i) => row.map((x, j) => (j === k ? rhs[i] : x)));
  return [det3(col(0)) / d, det3(col(1)) / d, det3(col(2)) / d];
}

const EDGE_WEIGHT = [0.05, 0.1, 0.25, 0.6, 1];

/**
 * Connected components over the sample grid: neighbouring samples (right, down, both diagonals) join when
 * their 3D distance is small for their depth; returns the component holding most inner-box samples.
 */
function bestComponent(
  p: Float64Array,
  idx: number[],
  inner: boolean[],
  zs: number[],
  grid: Int32Array,
  gw: number,
  pixelAngle: number,
  atBorder: readonly boolean[],
): number[] {
  const kept = new Uint8Array(zs.length);
  for (const i of idx) kept[i] = 1;
  const parent = new Int32Array(zs.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const gh = grid.length / gw;
  const DX = [1, 0, 1, -1];
  const DY = [0, 1, 1, 1];
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      const i = grid[gy * gw + gx];
      if (i < 0 || !kept[i]) continue;
      const limit = Math.max(0.05, 4 * pixelAngle * zs[i]);
      const lim2 = limit * limit;
      for (let n = 0; n < 4; n++) {
        const nx = gx + DX[n],
          ny = gy + DY[n];
        if (nx < 0 || nx >= gw || ny >= gh) continue;
        const j = grid[ny * gw + nx];
        if (j < 0 || !kept[j]) continue;
        const da = p[i * 3] - p[j * 3],
          db = p[i * 3 + 1] - p[j * 3 + 1],
          dh = p[i * 3 + 2] - p[j * 3 + 2];
        if (da * da + db * db + dh * dh < lim2) {
          const ri = find(i),
            rj = find(j);
          if (ri !== rj) parent[ri] = rj;
        }
      }
    }
  }
  const innerCount = new Float64Array(zs.length);
  const size = new Float64Array(zs.length);
  const zSum = new Float64Array(zs.length);
  for (const i of idx) {
    const r = find(i);
    size[r]++;
    zSum[r] += zs[i];
    if (inner[i]) innerCount[r]++;
  }
  let best = -1;
  let bestScore = -Infinity;
  // Each component's extent on the sample grid: the box is drawn tight around the object's visible pixels,
  // so the object reaches all four box edges, while an occluder in front (a chair before the table whose
  // box this is) or a patch of background usually does not.
  const ext = new Map<number, [number, number, number, number]>();
  for (let g = 0; g < grid.length; g++) {
    const i = grid[g];
    if (i < 0 || !kept[i]) continue;
    const r = find(i);
    const gx = g % gw,
      gy = (g - gx) / gw;
    const e = ext.get(r);
    if (!e) ext.set(r, [gy, gx, gy, gx]);
    else {
      if (gy < e[0]) e[0] = gy;
      if (gx > e[1]) e[1] = gx;
      if (gy > e[2]) e[2] = gy;
      if (gx < e[3]) e[3] = gx;
    }
  }
  const tx = Math.max(1, Math.round(0.08 * gw)),
    ty = Math.max(1, Math.round(0.08 * gh));
  for (const i of idx) {
    if (parent[i] !== i) continue;
    const e = ext.get(i)!;
    const edges =
      +(atBorder[0] || e[0] <= ty) +
      +(atBorder[1] || e[1] >= gw - 1 - tx) +
      +(atBorder[2] || e[2] >= gh - 1 - ty) +
      +(atBorder[3] || e[3] <= tx);
    // Most inner samples, weighted by the box edges reached; then size; among ties the nearer component.
    const score = innerCount[i] * EDGE_WEIGHT[edges] + size[i] * 1e-3 - (zSum[i] / size[i]) * 1e-6;
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return idx.filter((i) => find(i) === best);
}
