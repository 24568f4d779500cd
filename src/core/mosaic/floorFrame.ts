import type { Vec3 } from '../geometry/types';

/**
 * The floor frame of a mosaic: two horizontal unit axes (e1, e2) and `up`, right-handed. Object yaw is
 * measured about `up` from e1 towards e2; object size is [along the yawed e1, along the yawed e2, height].
 * e1 is the world x axis made horizontal (or y when x is nearly vertical), so for a z-up world the floor
 * frame is the world frame and yaw/size read as usual.
 */
export interface FloorFrame {
  readonly up: Vec3;
  readonly e1: Vec3;
  readonly e2: Vec3;
}

const norm = (v: number[]): [number, number, number] => {
  const n = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n];
};

export function floorFrame(upIn: Vec3): FloorFrame {
  const up = norm([...upIn]);
  const ref = Math.abs(up[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const d = ref[0] * up[0] + ref[1] * up[1] + ref[2] * up[2];
  const e1 = norm([ref[0] - d * up[0], ref[1] - d * up[1], ref[2] - d * up[2]]);
  const e2: [number, number, number] = [
    up[1] * e1[2] - up[2] * e1[1],
    up[2] * e1[0] - up[0] * e1[2],
    up[0] * e1[1] - up[1] * e1[0],
  ];
  return { up, e1, e2 };
}

/** World point → floor coordinates [a (along e1), b (along e2), h (height along up)]. */
export function toFloor(f: FloorFrame, p: Vec3): [number, number, number] {
  return [
    p[0] * f.e1[0] + p[1] * f.e1[1] + p[2] * f.e1[2],
    p[0] * f.e2[0] + p[1] * f.e2[1] + p[2] * f.e2[2],
    p[0] * f.up[0] + p[1] * f.up[1] + p[2] * f.up[2],
  ];
}

export function fromFloor(f: FloorFrame, a: number, b: number, h: number): [number, number, number] {
  return [
    a * f.e1[0] + b * f.e2[0] + h * f.up[0],
    a * f.e1[1] + b * f.e2[1] + h * f.up[1],
    a * f.e1[2] + b * f.e2[2] + h * f.up[2],
  ];
}
