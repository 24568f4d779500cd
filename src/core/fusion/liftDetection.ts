import type { CameraToWorld, Intrinsics } from '../geometry/types';
import type { FloorFrame } from '../mosaic/floorFrame';
import type { DepthImage, Detection } from '../perception/types';

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
  for (let v = y0 + (stride >> 1); v < y1; v += stride) {
    for (let u = x0 + (stride >> 1); u < x1; u += stride) {
      if (opts.claimed && opts.claimed[v * depth.width + u]) continue;
      const z = depth.data[v * depth.width + u];
      if (!(z > 0.05 && z < maxDepth)) continue;
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
  const all = new Float64Array(zs.length * 3);
  for (let i = 0; i < zs.length; i++) {
    const z = zs[i];
    const x = ((us[i] - cx) * z) / fx;
    const y = ((vs[i] - cy) * z) / fy;
    for (let r = 0; r < 3; r++)
      all[i * 3 + r] = rows[r][0] * x + rows[r][1] * y + rows[r][2] * z + rows[r][3];
  }
  let keep = zs.map((_, i) => i);
  if (opts.floorHeight !== undefined) keep = keep.filter((i) => all[i * 3 + 2] > opts.floorHeight! + 0.03);
  // Objects touch what they stand on: drop the support layer, split into 3D components, keep the one that
  // fills the inner box; twice, so a cup's table top goes after the floor beyond the table.
  const medZ = zs[zs.length >> 1];
  const link = Math.max(0.04, (1.6 * stride * medZ) / Math.min(fx, fy));
  for (let pass = 0; pass < 2 && keep.length >= 4; pass++) {
    keep = dropSupportLayer(all, keep, zs);
    keep = bestComponent(all, keep, inner, zs, link);
  }
  if (keep.length < 3) return undefined;
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
  return { detection: det, points, depth: depths[depths.length >> 1] };
}

/** Removes the lowest horizontal layer when it is a support (a real share of points, and more above it). */
function dropSupportLayer(p: Float64Array, idx: number[], zs: number[]): number[] {
  const hs = idx.map((i) => p[i * 3 + 2]).sort((a, b) => a - b);
  const hmin = hs[Math.floor(hs.length * 0.02)];
  const zMed = zs[idx[idx.length >> 1]];
  const band = Math.max(0.025, 3 * (0.0012 + 0.0019 * (zMed - 0.4) ** 2));
  const inLayer = hs.filter((h) => h < hmin + band).length;
  const above = hs.filter((h) => h > hmin + 2 * band + 0.02).length;
  if (inLayer < 0.1 * hs.length || above < 0.2 * hs.length) return idx;
  return idx.filter((i) => p[i * 3 + 2] >= hmin + band);
}

/** 3D connected components on a voxel grid of size `link`; returns the one holding most inner-box samples. */
function bestComponent(
  p: Float64Array,
  idx: number[],
  inner: boolean[],
  zs: number[],
  link: number,
): number[] {
  const B = 4096;
  const key = (a: number, b: number, c: number): number => ((a + B / 2) * B + (b + B / 2)) * B + (c + B / 2);
  const cellOf = new Map<number, number[]>();
  for (const i of idx) {
    const k = key(
      Math.floor(p[i * 3] / link),
      Math.floor(p[i * 3 + 1] / link),
      Math.floor(p[i * 3 + 2] / link),
    );
    const list = cellOf.get(k);
    if (list) list.push(i);
    else cellOf.set(k, [i]);
  }
  const seen = new Set<number>();
  let best: number[] = [];
  let bestScore = -1;
  for (const startKey of cellOf.keys()) {
    if (seen.has(startKey)) continue;
    seen.add(startKey);
    const stack = [startKey];
    const members: number[] = [];
    while (stack.length > 0) {
      const k = stack.pop()!;
      for (const i of cellOf.get(k)!) members.push(i);
      for (let da = -1; da <= 1; da++)
        for (let db = -1; db <= 1; db++)
          for (let dc = -1; dc <= 1; dc++) {
            const nk = k + (da * B + db) * B + dc;
            if (!seen.has(nk) && cellOf.has(nk)) {
              seen.add(nk);
              stack.push(nk);
            }
          }
    }
    let innerCount = 0;
    let zSum = 0;
    for (const i of members) {
      if (inner[i]) innerCount++;
      zSum += zs[i];
    }
    // Most inner samples; among near-ties the nearer component (an occluder's background is farther).
    const score = innerCount + members.length * 1e-3 - (zSum / members.length) * 1e-6;
    if (score > bestScore) [best, bestScore] = [members, score];
  }
  return best;
}
