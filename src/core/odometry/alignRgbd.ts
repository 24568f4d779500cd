import { multiply } from '../geometry/se3';
import type { Mat4 } from '../geometry/types';
import { expSe3, orthonormalize, solveSym6 } from './lie';
import type { PyramidLevel, TargetLevel } from './rgbdPyramid';

/**
 * Dense RGB-D alignment of a source frame to a target frame, coarse to fine, by Gauss-Newton on se(3):
 * point-to-plane ICP with projective association (geometry) plus intensity constancy (photometry), with
 * Huber weights. Source points are warped into the target, whose gradients, vertices and normals are
 * precomputed once per keyframe, so a new frame only needs its pyramid.
 */
export interface AlignOptions {
  /** Gauss-Newton iterations per pyramid level (index = level, 0 = full size); 0 skips the level. */
  readonly iterations: readonly number[];
  /** Use every `stride`-th pixel in x and y per level (bounds the cost at fine levels). */
  readonly strides: readonly number[];
  /** Point-to-plane noise, metres, and intensity noise (0–1): residuals are divided by them. */
  readonly sigmaGeometric: number;
  readonly sigmaPhotometric: number;
  /** Correspondences farther apart than this (metres) are occlusions or outliers, per level. */
  readonly maxDistance: readonly number[];
  /** Huber threshold in units of σ. */
  readonly huber: number;
}

export interface AlignResult {
  /** Source camera → target camera, row-major 4×4. */
  readonly transform: number[];
  /** Geometric correspondences at the finest level used, and their share of the source's valid pixels. */
  readonly inliers: number;
  readonly inlierRatio: number;
  /** False when the normal equations became degenerate (too little overlap or structure). */
  readonly ok: boolean;
}

const MIN_CORRESPONDENCES = 60;

export function alignRgbd(
  source: readonly PyramidLevel[],
  target: readonly (TargetLevel | undefined)[],
  initial: Mat4,
  opts: AlignOptions,
): AlignResult {
  let T = initial.slice();
  let inliers = 0;
  let inlierRatio = 0;
  let ok = true;
  const H = new Float64Array(21);
  const g = new Float64Array(6);
  const J = new Float64Array(6);
  const wg = 1 / opts.sigmaGeometric;
  const wp = 1 / opts.sigmaPhotometric;
  const k = opts.huber;

  const accumulate = (r: number, w: number) => {
    let m = 0;
    for (let i = 0; i < 6; i++) {
      const wi = w * J[i];
      g[i] += wi * r;
      for (let j = i; j < 6; j++) H[m++] += wi * J[j];
    }
  };

  for (let level = Math.min(source.length, target.length) - 1; level >= 0; level--) {
    const iterations = opts.iterations[level] ?? 0;
    if (iterations <= 0) continue;
    const src = source[level];
    const tgt = target[level];
    if (!tgt) throw new Error(`alignRgbd: target level ${level} was not prepared`);
    const { width: w, height: h, fx, fy, cx, cy } = tgt;
    const stride = opts.strides[level] ?? 1;
    const maxD2 = (opts.maxDistance[level] ?? 0.1) ** 2;
    const xs = new Float32Array(w);
    const ys = new Float32Array(h);
    for (let u = 0; u < w; u++) xs[u] = (u - src.cx) / src.fx;
    for (let v = 0; v < h; v++) ys[v] = (v - src.cy) / src.fy;
    const { depth: sd, grey: sg } = src;
    const { vertices: tv, normals: tn, grey: tg, gradX: tgx, gradY: tgy } = tgt;

    for (let it = 0; it < iterations; it++) {
      H.fill(0);
      g.fill(0);
      let count = 0;
      let valid = 0;
      const [r00, r01, r02, t0, r10, r11, r12, t1, r20, r21, r22, t2] = T;
      for (let v = 0; v < h; v += stride) {
        for (let u = 0; u < w; u += stride) {
          const i = v * w + u;
          const z = sd[i];
          if (!(z > 0)) continue;
          valid++;
          const x = xs[u] * z;
          const y = ys[v] * z;
          const X = r00 * x + r01 * y + r02 * z + t0;
          const Y = r10 * x + r11 * y + r12 * z + t1;
          const Z = r20 * x + r21 * y + r22 * z + t2;
          if (Z < 0.05) continue;
          const iz = 1 / Z;
          const pu = fx * X * iz + cx;
          const pv = fy * Y * iz + cy;
          if (!(pu >= 0 && pv >= 0 && pu <= w - 1.001 && pv <= h - 1.001)) continue;
          const ju = Math.round(pu);
          const jv = Math.round(pv);
          const j = jv * w + ju;
          const nx = tn[j * 3];
          if (nx !== nx) continue; // no normal (NaN) or no depth at the target pixel
          const ny = tn[j * 3 + 1];
          const nz = tn[j * 3 + 2];
          const dx = X - tv[j * 3];
          const dy = Y - tv[j * 3 + 1];
          const dz = Z - tv[j * 3 + 2];
          if (dx * dx + dy * dy + dz * dz > maxD2) continue;
          count++;

          // Geometric residual n·(X − V), Jacobian [n, X × n] (left perturbation of T).
          const rg = (nx * dx + ny * dy + nz * dz) * wg;
          J[0] = nx * wg;
          J[1] = ny * wg;
          J[2] = nz * wg;
          J[3] = (Y * nz - Z * ny) * wg;
          J[4] = (Z * nx - X * nz) * wg;
          J[5] = (X * ny - Y * nx) * wg;
          const ag = Math.abs(rg);
          accumulate(rg, ag <= k ? 1 : k / ag);

          // Photometric residual I_t(π(X)) − I_s(u, v), bilinear in the target.
          const u0 = Math.floor(pu);
          const v0 = Math.floor(pv);
          const a = pu - u0;
          const b = pv - v0;
          const q = v0 * w + u0;
          const w00 = (1 - a) * (1 - b);
          const w01 = a * (1 - b);
          const w10 = (1 - a) * b;
          const w11 = a * b;
          const It = w00 * tg[q] + w01 * tg[q + 1] + w10 * tg[q + w] + w11 * tg[q + w + 1];
          const gu = (w00 * tgx[q] + w01 * tgx[q + 1] + w10 * tgx[q + w] + w11 * tgx[q + w + 1]) * fx * iz;
          const gv = (w00 * tgy[q] + w01 * tgy[q + 1] + w10 * tgy[q + w] + w11 * tgy[q + w + 1]) * fy * iz;
          const gz = -(gu * X + gv * Y) * iz;
          const rp = (It - sg[i]) * wp;
          J[0] = gu * wp;
          J[1] = gv * wp;
          J[2] = gz * wp;
          J[3] = (Y * gz - Z * gv) * wp;
          J[4] = (Z * gu - X * gz) * wp;
          J[5] = (X * gv - Y * gu) * wp;
          const ap = Math.abs(rp);
          accumulate(rp, ap <= k ? 1 : k / ap);
        }
      }
      inliers = count;
      inlierRatio = valid > 0 ? count / valid : 0;
      if (count < MIN_CORRESPONDENCES) {
        ok = false;
        break;
      }
      // A little damping keeps a weakly constrained direction (e.g. sliding along a wall) from exploding.
      const damp = 1e-6 * (H[0] + H[6] + H[11] + H[15] + H[18] + H[20]);
      for (const d of [0, 6, 11, 15, 18, 20]) H[d] += damp;
      const delta = solveSym6(H, [-g[0], -g[1], -g[2], -g[3], -g[4], -g[5]]);
      if (!delta) {
        ok = false;
        break;
      }
      T = orthonormalize(multiply(expSe3(delta), T));
      const step = Math.hypot(delta[0], delta[1], delta[2]) + Math.hypot(delta[3], delta[4], delta[5]);
      if (step < 2e-5) break;
    }
    if (!ok) break;
  }
  return { transform: T, inliers, inlierRatio, ok };
}
