import { Quaternion, Vector3 } from 'three';
import type { Vec3 } from '../core/geometry/types';

/**
 * The mosaic's world frame has its own `up` (ICL trajectories are OpenCV-style, often y-down); three.js is +Y up.
 * Everything is drawn in mosaic world coordinates inside one root group whose rotation maps `up` to +Y, so
 * object centres, poses and yaw are used exactly as stored.
 */
export function upToYQuaternion(up: Vec3): Quaternion {
  const u = new Vector3(up[0], up[1], up[2]);
  if (u.lengthSq() < 1e-12) return new Quaternion();
  return new Quaternion().setFromUnitVectors(u.normalize(), new Vector3(0, 1, 0));
}

/**
 * The floor plane's two world axes, as indices: the two axes other than the one `up` is closest to, in order.
 * Occupancy keys "i,j" count cells along these (e.g. up = ±y → i along x, j along z).
 */
export function floorAxisIndices(up: Vec3): [number, number] {
  const a = up.map(Math.abs);
  const upAxis = a[0] >= a[1] && a[0] >= a[2] ? 0 : a[1] >= a[2] ? 1 : 2;
  return [0, 1, 2].filter((k) => k !== upAxis) as [number, number];
}

/** Height of a world point along `up`. */
export function heightAlong(up: Vec3, p: Vec3): number {
  const n = Math.hypot(up[0], up[1], up[2]) || 1;
  return (p[0] * up[0] + p[1] * up[1] + p[2] * up[2]) / n;
}
