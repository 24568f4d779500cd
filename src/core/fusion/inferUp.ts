import type { CameraToWorld, Vec3 } from '../geometry/types';

/**
 * World up for sequences whose world frame is not gravity-aligned (ICL / Open3D logs start at the first
 * camera). Hand-held cameras rarely roll, so each camera's x axis (right) is horizontal: up is the
 * direction most perpendicular to all of them (smallest eigenvector of Σ x xᵀ). Where the camera barely
 * turned, that eigenvector is ill-defined, so we start from the mean camera "up" (−y, OpenCV axes) and
 * only remove the horizontal directions the x axes actually span.
 */
export function inferUpFromTrajectory(poses: readonly CameraToWorld[]): Vec3 {
  if (poses.length === 0) return [0, 0, 1];
  const m = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const u0 = [0, 0, 0];
  for (const p of poses) {
    const x = [p[0], p[4], p[8]];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) m[i * 3 + j] += x[i] * x[j];
    u0[0] -= p[1];
    u0[1] -= p[5];
    u0[2] -= p[9];
  }
  const { values, vectors } = jacobiEigen(m);
  const maxVal = Math.max(...values);
  const u = normalise(u0);
  for (let k = 0; k < 3; k++) {
    if (values[k] < 0.05 * maxVal) continue; // a direction the x axes do not span: keep u's component
    const v = vectors[k];
    const d = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    for (let i = 0; i < 3; i++) u[i] -= d * v[i];
  }
  return normalise(u) as unknown as Vec3;
}

function normalise(v: number[]): [number, number, number] {
  const n = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / n, v[1] / n, v[2] / n];
}

/** Eigen-decomposition of a symmetric 3×3 (row-major) by cyclic Jacobi rotations. */
export function jacobiEigen(mIn: readonly number[]): { values: number[]; vectors: number[][] } {
  const a = [...mIn];
  const v = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = a[1] ** 2 + a[2] ** 2 + a[5] ** 2;
    if (off < 1e-22) break;
    for (const [p, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ]) {
      const apq = a[p * 3 + q];
      if (Math.abs(apq) < 1e-15) continue;
      const theta = (a[q * 3 + q] - a[p * 3 + p]) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let k = 0; k < 3; k++) {
        const akp = a[k * 3 + p],
          akq = a[k * 3 + q];
        a[k * 3 + p] = c * akp - s * akq;
        a[k * 3 + q] = s * akp + c * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[p * 3 + k],
          aqk = a[q * 3 + k];
        a[p * 3 + k] = c * apk - s * aqk;
        a[q * 3 + k] = s * apk + c * aqk;
      }
      for (let k = 0; k < 3; k++) {
        const vkp = v[k * 3 + p],
          vkq = v[k * 3 + q];
        v[k * 3 + p] = c * vkp - s * vkq;
        v[k * 3 + q] = s * vkp + c * vkq;
      }
    }
  }
  return {
    values: [a[0], a[4], a[8]],
    vectors: [0, 1, 2].map((k) => [v[k], v[3 + k], v[6 + k]]),
  };
}
