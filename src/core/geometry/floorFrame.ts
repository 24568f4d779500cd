import type { Vec3 } from './types';
import { cross, dot, normalize, scale, sub, type V3 } from './vec3';

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

/** World up when a sequence says nothing else: +z (a sequence whose poses say otherwise passes its own). */
export const DEFAULT_UP: Vec3 = [0, 0, 1];

export function floorFrame(upIn: Vec3): FloorFrame {
  const up = normalize(upIn);
  const ref: V3 = Math.abs(up[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const e1 = normalize(sub(ref, scale(up, dot(ref, up))));
  return { up, e1, e2: cross(up, e1) };
}

/** World point → floor coordinates [a (along e1), b (along e2), h (height along up)]. */
export const toFloor = (f: FloorFrame, p: Vec3): V3 => [dot(p, f.e1), dot(p, f.e2), dot(p, f.up)];

/** Bird's-eye coordinates of a world point: (along e1, along e2). */
export const toPlane = (f: FloorFrame, p: Vec3): [number, number] => [dot(p, f.e1), dot(p, f.e2)];
export const heightOf = (f: FloorFrame, p: Vec3): number => dot(p, f.up);

export function fromFloor(f: FloorFrame, a: number, b: number, h: number): [number, number, number] {
  return [
    a * f.e1[0] + b * f.e2[0] + h * f.up[0],
    a * f.e1[1] + b * f.e2[1] + h * f.up[1],
    a * f.e1[2] + b * f.e2[2] + h * f.up[2],
  ];
}
