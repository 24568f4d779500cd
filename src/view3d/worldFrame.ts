import { Matrix4, Quaternion, Vector3 } from 'three';
import type { Vec3 } from '../core/geometry/types';
import { floorFrame, type FloorFrame } from '../core/mosaic/floorFrame';

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
 * Local box frame → world: x along e1, y along e2, z along up (the mosaic's floor frame, right-handed), so a
 * box of `size` [along yawed e1, along yawed e2, height] rotated by `yaw` about local z sits as fusion meant.
 */
export function floorBasis(f: FloorFrame): Matrix4 {
  return new Matrix4().makeBasis(new Vector3(...f.e1), new Vector3(...f.e2), new Vector3(...f.up));
}

/** The full pose of an object box: translate to the centre, turn into the floor frame, then yaw about up. */
export function objectMatrix(f: FloorFrame, center: Vec3, yaw: number): Matrix4 {
  return new Matrix4()
    .makeTranslation(center[0], center[1], center[2])
    .multiply(floorBasis(f))
    .multiply(new Matrix4().makeRotationZ(yaw));
}

export { floorFrame, type FloorFrame };
