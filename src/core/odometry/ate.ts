import type { Mat4, Vec3 } from '../geometry/types';
import { orthonormalize } from './lie';

/**
 * Absolute trajectory error (Sturm et al. 2012): rigidly align the estimated camera positions to the
 * reference (Horn's closed form, no scale), then the RMSE of the remaining position differences.
 */
export interface AteResult {
  readonly rmse: number;
  readonly mean: number;
  readonly median: number;
  readonly max: number;
  readonly count: number;
  /** Maps estimated positions onto the reference frame (row-major 4×4). */
  readonly alignment: number[];
}

const position = (m: Mat4): Vec3 => [m[3], m[7], m[11]];

export function absoluteTrajectoryError(estimated: readonly Mat4[], reference: readonly Mat4[]): AteResult {
  if (estimated.length !== reference.length)
    throw new Error(`ATE needs one estimate per reference pose (${estimated.length} vs ${reference.length})`);
  if (estimated.length < 3) throw new Error('ATE needs at least 3 poses');
  const e = estimated.map(position);
  const r = reference.map(position);
  const alignment = alignPoints(e, r);
  const errors = e.map((p, i) => {
    const q = applyRigid(alignment, p);
    return Math.hypot(q[0] - r[i][0], q[1] - r[i][1], q[2] - r[i][2]);
  });
  const sorted = errors.slice().sort((a, b) => a - b);
  const n = errors.length;
  return {
    rmse: Math.sqrt(errors.reduce((s, x) => s + x * x, 0) / n),
    mean: errors.reduce((s, x) => s + x, 0) / n,
    median: n % 2 ? sorted[(n - 1) / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]),
    max: sorted[n - 1],
    count: n,
    alignment,
  };
}

/**
 * Relative pose error over a fixed frame gap: RMSE of translation drift (metres) and rotation drift (radians).
 * Rotations are re-orthonormalised first: 7-Scenes' reference matrices are scaled by up to 1 − 2·10⁻⁴,
 * which alone reads as ~1.5° of rotation error per frame.
 */
export function relativePoseError(
  estimated: readonly Mat4[],
  reference: readonly Mat4[],
  gap = 1,
): { translationRmse: number; rotationRmse: number; count: number } {
  let st = 0;
  let sr = 0;
  let n = 0;
  const est = estimated.map(orthonormalize);
  const ref = reference.map(orthonormalize);
  for (let i = 0; i + gap < Math.min(est.length, ref.length); i++) {
    const de = relative(est[i], est[i + gap]);
    const dr = relative(ref[i], ref[i + gap]);
    const err = relative(dr, de); // dr⁻¹ · de
    st += err[3] ** 2 + err[7] ** 2 + err[11] ** 2;
    const c = Math.min(1, Math.max(-1, (err[0] + err[5] + err[10] - 1) / 2));
    sr += Math.acos(c) ** 2;
    n++;
  }
  return { translationRmse: Math.sqrt(st / n), rotationRmse: Math.sqrt(sr / n), count: n };
}

/** a⁻¹ · b for rigid a, b. */
function relative(a: Mat4, b: Mat4): number[] {
  const out = new Array<number>(16).fill(0);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 4; j++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += a[k * 4 + i] * (b[k * 4 + j] - (j === 3 ? a[k * 4 + 3] : 0));
      out[i * 4 + j] = s;
    }
  }
  out[15] = 1;
  return out;
}

function applyRigid(m: number[], p: Vec3): Vec3 {
  return [
    m[0] * p[0] + m[1] * p[1] + m[2] * p[2] + m[3],
    m[4] * p[0] + m[5] * p[1] + m[6] * p[2] + m[7],
    m[8] * p[0] + m[9] * p[1] + m[10] * p[2] + m[11],
  ];
}

/** Horn (1987): the rotation is the top eigenvector (a unit quaternion) of a 4×4 symmetric matrix. */
export function alignPoints(from: readonly Vec3[], to: readonly Vec3[]): number[] {
  const n = from.length;
  const cf = [0, 0, 0];
  const ct = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) {
      cf[k] += from[i][k] / n;
      ct[k] += to[i][k] / n;
    }
  }
  const S = new Array<number>(9).fill(0); // S[a][b] = Σ from_a · to_b (centred)
  for (let i = 0; i < n; i++)
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++) S[a * 3 + b] += (from[i][a] - cf[a]) * (to[i][b] - ct[b]);
  const [xx, xy, xz, yx, yy, yz, zx, zy, zz] = S;
  const N = [
    [xx + yy + zz, yz - zy, zx - xz, xy - yx],
    [yz - zy, xx - yy - zz, xy + yx, zx + xz],
    [zx - xz, xy + yx, -xx + yy - zz, yz + zy],
    [xy - yx, zx + xz, yz + zy, -xx - yy + zz],
  ];
  const [w, x, y, z] = topEigenvector4(N);
  // prettier-ignore
  const R = [
    w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y),
    2 * (x * y + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x),
    2 * (x * z - w * y), 2 * (y * z + w * x), w * w - x * x - y * y + z * z,
  ];
  const t = [0, 1, 2].map((r) => ct[r] - (R[r * 3] * cf[0] + R[r * 3 + 1] * cf[1] + R[r * 3 + 2] * cf[2]));
  // prettier-ignore
  return [R[0], R[1], R[2], t[0], R[3], R[4], R[5], t[1], R[6], R[7], R[8], t[2], 0, 0, 0, 1];
}

/** Cyclic Jacobi on a symmetric 4×4: robust, and exact enough after a few sweeps. */
function topEigenvector4(m: number[][]): [number, number, number, number] {
  const a = m.map((row) => row.slice());
  const v: number[][] = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < 4; p++) for (let q = p + 1; q < 4; q++) off += a[p][q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < 4; p++) {
      for (let q = p + 1; q < 4; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < 4; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < 4; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < 4; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i < 4; i++) if (a[i][i] > a[best][best]) best = i;
  const q: [number, number, number, number] = [v[0][best], v[1][best], v[2][best], v[3][best]];
  const len = Math.hypot(...q);
  return [q[0] / len, q[1] / len, q[2] / len, q[3] / len];
}
