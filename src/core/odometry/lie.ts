/**
 * The small linear algebra RGB-D alignment needs: the se(3) exponential (ξ = [v, ω]) and a 6×6
 * symmetric positive-definite solve. Row-major 4×4 matrices as in geometry/se3.ts.
 */

/** exp(ξ) for ξ = [vx, vy, vz, ωx, ωy, ωz] as a row-major 4×4 rigid transform. */
export function expSe3(xi: ArrayLike<number>): number[] {
  const [vx, vy, vz, wx, wy, wz] = [xi[0], xi[1], xi[2], xi[3], xi[4], xi[5]];
  const th2 = wx * wx + wy * wy + wz * wz;
  const th = Math.sqrt(th2);
  // Series near 0 keep A, B, C accurate for the tiny updates of the last iterations.
  const a = th < 1e-6 ? 1 - th2 / 6 : Math.sin(th) / th;
  const b = th < 1e-6 ? 0.5 - th2 / 24 : (1 - Math.cos(th)) / th2;
  const c = th < 1e-6 ? 1 / 6 - th2 / 120 : (th - Math.sin(th)) / (th2 * th);
  // W = [ω]×, W² = ωωᵀ − θ²I
  const w2 = (i: number, j: number, wi: number, wj: number) => wi * wj - (i === j ? th2 : 0);
  const ws = [wx, wy, wz];
  const W = [0, -wz, wy, wz, 0, -wx, -wy, wx, 0];
  const R = new Array<number>(9);
  const V = new Array<number>(9);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const id = i === j ? 1 : 0;
      const sq = w2(i, j, ws[i], ws[j]);
      R[i * 3 + j] = id + a * W[i * 3 + j] + b * sq;
      V[i * 3 + j] = id + b * W[i * 3 + j] + c * sq;
    }
  }
  // prettier-ignore
  return [
    R[0], R[1], R[2], V[0] * vx + V[1] * vy + V[2] * vz,
    R[3], R[4], R[5], V[3] * vx + V[4] * vy + V[5] * vz,
    R[6], R[7], R[8], V[6] * vx + V[7] * vy + V[8] * vz,
    0, 0, 0, 1,
  ];
}

/**
 * Solves H x = g for a symmetric 6×6 H given as its 21-entry upper triangle (row by row), by Cholesky.
 * Returns undefined when H is not positive definite (too few or degenerate constraints).
 */
export function solveSym6(upper: ArrayLike<number>, g: ArrayLike<number>): number[] | undefined {
  const L = new Float64Array(36);
  const A = new Float64Array(36);
  let k = 0;
  for (let i = 0; i < 6; i++) {
    for (let j = i; j < 6; j++) {
      A[i * 6 + j] = upper[k];
      A[j * 6 + i] = upper[k];
      k++;
    }
  }
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * 6 + j];
      for (let m = 0; m < j; m++) s -= L[i * 6 + m] * L[j * 6 + m];
      if (i === j) {
        if (!(s > 1e-12)) return undefined;
        L[i * 6 + i] = Math.sqrt(s);
      } else L[i * 6 + j] = s / L[j * 6 + j];
    }
  }
  const y = new Array<number>(6);
  for (let i = 0; i < 6; i++) {
    let s = g[i];
    for (let m = 0; m < i; m++) s -= L[i * 6 + m] * y[m];
    y[i] = s / L[i * 6 + i];
  }
  const x = new Array<number>(6);
  for (let i = 5; i >= 0; i--) {
    let s = y[i];
    for (let m = i + 1; m < 6; m++) s -= L[m * 6 + i] * x[m];
    x[i] = s / L[i * 6 + i];
  }
  return x;
}

/** Rotation angle of a rigid transform, radians. */
export function rotationAngle(m: ArrayLike<number>): number {
  const c = (m[0] + m[5] + m[10] - 1) / 2;
  return Math.acos(Math.min(1, Math.max(-1, c)));
}

export const translationNorm = (m: ArrayLike<number>): number => Math.hypot(m[3], m[7], m[11]);

/**
 * Re-projects the rotation of a nearly rigid transform onto SO(3) (Gram-Schmidt on rows). Needed because
 * inverting by transposition assumes exact orthonormality; without it, tiny round-off in chained poses
 * (pose · velocity · pose⁻¹ …) grows geometrically from frame to frame.
 */
export function orthonormalize(m: ArrayLike<number>): number[] {
  let [ax, ay, az] = [m[0], m[1], m[2]];
  let la = Math.hypot(ax, ay, az);
  ax /= la;
  ay /= la;
  az /= la;
  let [bx, by, bz] = [m[4], m[5], m[6]];
  const d = ax * bx + ay * by + az * bz;
  bx -= d * ax;
  by -= d * ay;
  bz -= d * az;
  la = Math.hypot(bx, by, bz);
  bx /= la;
  by /= la;
  bz /= la;
  const cx = ay * bz - az * by;
  const cy = az * bx - ax * bz;
  const cz = ax * by - ay * bx;
  // prettier-ignore
  return [ax, ay, az, m[3], bx, by, bz, m[7], cx, cy, cz, m[11], 0, 0, 0, 1];
}
