import {
  asCameraPoint,
  asWorldPoint,
  type CameraPoint,
  type CameraToWorld,
  type Mat4,
  type Vec3,
  type WorldPoint,
} from './types';

/** Row-major 4×4 helpers for rigid transforms. Small and allocation-light: they run per pixel in odometry. */

export const IDENTITY: Mat4 = Object.freeze([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);

export function multiply(a: Mat4, b: Mat4): number[] {
  const out = new Array<number>(16);
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 4; c++) {
      out[r * 4 + c] =
        a[r * 4] * b[c] + a[r * 4 + 1] * b[4 + c] + a[r * 4 + 2] * b[8 + c] + a[r * 4 + 3] * b[12 + c];
    }
  }
  return out;
}

/** Inverse of a rigid transform [R t; 0 1] → [Rᵀ −Rᵀt; 0 1]. */
export function invertRigid(m: Mat4): number[] {
  const r00 = m[0],
    r01 = m[1],
    r02 = m[2],
    r10 = m[4],
    r11 = m[5],
    r12 = m[6],
    r20 = m[8],
    r21 = m[9],
    r22 = m[10];
  const tx = m[3],
    ty = m[7],
    tz = m[11];
  return [
    r00,
    r10,
    r20,
    -(r00 * tx + r10 * ty + r20 * tz),
    r01,
    r11,
    r21,
    -(r01 * tx + r11 * ty + r21 * tz),
    r02,
    r12,
    r22,
    -(r02 * tx + r12 * ty + r22 * tz),
    0,
    0,
    0,
    1,
  ];
}

export function transformPoint(m: Mat4, p: Vec3): [number, number, number] {
  const [x, y, z] = p;
  return [
    m[0] * x + m[1] * y + m[2] * z + m[3],
    m[4] * x + m[5] * y + m[6] * z + m[7],
    m[8] * x + m[9] * y + m[10] * z + m[11],
  ];
}

export function rotateVector(m: Mat4, v: Vec3): [number, number, number] {
  const [x, y, z] = v;
  return [m[0] * x + m[1] * y + m[2] * z, m[4] * x + m[5] * y + m[6] * z, m[8] * x + m[9] * y + m[10] * z];
}

export const cameraToWorldPoint = (pose: CameraToWorld, p: CameraPoint): WorldPoint =>
  asWorldPoint(transformPoint(pose, p));

export const worldToCameraPoint = (pose: CameraToWorld, p: WorldPoint): CameraPoint =>
  asCameraPoint(transformPoint(invertRigid(pose), p));

export const translationOf = (m: Mat4): [number, number, number] => [m[3], m[7], m[11]];

/**
 * Checks a matrix is a finite rigid transform (orthonormal rotation with det +1, last row 0 0 0 1).
 * Returns a reason string when it is not, so importers can name the problem.
 */
export function rigidityProblem(m: Mat4, tolerance = 1e-3): string | undefined {
  if (m.length !== 16) return `expected 16 numbers, got ${m.length}`;
  if (m.some((v) => !Number.isFinite(v))) return 'contains NaN or infinite values';
  if (
    Math.abs(m[12]) > tolerance ||
    Math.abs(m[13]) > tolerance ||
    Math.abs(m[14]) > tolerance ||
    Math.abs(m[15] - 1) > tolerance
  )
    return 'last row is not 0 0 0 1';
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let dot = 0;
      for (let k = 0; k < 3; k++) dot += m[k * 4 + i] * m[k * 4 + j];
      if (Math.abs(dot - (i === j ? 1 : 0)) > tolerance * 10)
        return 'rotation part is not orthonormal (not a rigid transform)';
    }
  }
  const det =
    m[0] * (m[5] * m[10] - m[6] * m[9]) -
    m[1] * (m[4] * m[10] - m[6] * m[8]) +
    m[2] * (m[4] * m[9] - m[5] * m[8]);
  if (det < 0) return 'rotation part is a reflection (determinant −1)';
  return undefined;
}
