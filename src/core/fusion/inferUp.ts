import type { CameraToWorld, Intrinsics, Vec3 } from '../geometry/types';
import type { DepthImage } from '../perception/types';

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
  return normalise(u);
}

/** A depth frame with its camera-to-world pose, for {@link refineUpWithSurfaces}. */
export interface UpView {
  readonly pose: CameraToWorld;
  readonly depth: DepthImage;
  readonly intrinsics: Intrinsics;
}

/** Cones (degrees about the current estimate) within which surface normals count as horizontal surfaces. */
const SURFACE_CONES = [20, 10, 5];
const MIN_SURFACE_NORMALS = 50;

/**
 * Refines an up estimate (e.g. {@link inferUpFromTrajectory}'s) with the horizontal surfaces in depth: floors,
 * table tops and seats all face up, so the mean of the world-frame surface normals near the estimate is a
 * better up, again within shrinking cones. Where a camera rolled or kept tilting (7-Scenes' world is the first
 * camera's, tilted ~30°) the trajectory alone is a few degrees off; surfaces are not. Keeps `up` where the
 * frames show too few horizontal surfaces.
 */
export function refineUpWithSurfaces(up: Vec3, views: readonly UpView[], step = 8): Vec3 {
  let u: [number, number, number] = normalise([up[0], up[1], up[2]]);
  const normals = views.flatMap((v) => worldNormals(v, step));
  for (const cone of SURFACE_CONES) {
    const c = Math.cos((cone * Math.PI) / 180);
    const sum = [0, 0, 0];
    let n = 0;
    for (let i = 0; i < normals.length; i += 3) {
      const d = normals[i] * u[0] + normals[i + 1] * u[1] + normals[i + 2] * u[2];
      if (Math.abs(d) < c) continue;
      const sign = d > 0 ? 1 : -1; // a ceiling faces down: it still gives the vertical
      sum[0] += sign * normals[i];
      sum[1] += sign * normals[i + 1];
      sum[2] += sign * normals[i + 2];
      n++;
    }
    if (n < MIN_SURFACE_NORMALS) break;
    u = normalise(sum);
  }
  return u;
}

/** Unit surface normals (world frame, flat xyz triples) on a grid of `step` pixels; none across depth jumps. */
function worldNormals({ pose, depth, intrinsics: k }: UpView, step: number): number[] {
  const { width: w, height: h, data } = depth;
  const sx = w / k.width;
  const sy = h / k.height;
  const fx = k.fx * sx;
  const fy = k.fy * sy;
  const cx = (k.cx + 0.5) * sx - 0.5;
  const cy = (k.cy + 0.5) * sy - 0.5;
  const out: number[] = [];
  const point = (u: number, v: number): [number, number, number] | undefined => {
    const z = data[v * w + u];
    return z > 0 ? [((u - cx) * z) / fx, ((v - cy) * z) / fy, z] : undefined;
  };
  for (let v = step; v + step < h; v += step) {
    for (let u = step; u + step < w; u += step) {
      const p = point(u, v);
      const a = point(u + step, v);
      const b = point(u, v + step);
      const a2 = point(u - step, v);
      const b2 = point(u, v - step);
      if (!p || !a || !b || !a2 || !b2) continue;
      // A plane: both neighbours on each axis sit where the centre's two halves predict (no edge, no jump).
      const jump = 0.02 * p[2];
      if (Math.abs(a[2] + a2[2] - 2 * p[2]) > jump || Math.abs(b[2] + b2[2] - 2 * p[2]) > jump) continue;
      const ex = [a[0] - a2[0], a[1] - a2[1], a[2] - a2[2]];
      const ey = [b[0] - b2[0], b[1] - b2[1], b[2] - b2[2]];
      const n = normalise([
        ex[1] * ey[2] - ex[2] * ey[1],
        ex[2] * ey[0] - ex[0] * ey[2],
        ex[0] * ey[1] - ex[1] * ey[0],
      ]);
      out.push(
        pose[0] * n[0] + pose[1] * n[1] + pose[2] * n[2],
        pose[4] * n[0] + pose[5] * n[1] + pose[6] * n[2],
        pose[8] * n[0] + pose[9] * n[1] + pose[10] * n[2],
      );
    }
  }
  return out;
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
