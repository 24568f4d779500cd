import type { Vec3 } from '../geometry/types';
import { floorFrame, type FloorFrame } from '../mosaic/floorFrame';

/**
 * Oriented boxes in the mosaic's world frame. A mosaic object's box has its own axes = the floor frame's
 * (e1, e2, up) turned by `yaw` about `up` (right-hand rule), extents `size` along them. The horizontal basis
 * (e1, e2 = up × e1) gives the bird's-eye plane: seen from above, e1 → e2 is a counter-clockwise (left) turn.
 */
export type V3 = [number, number, number];

export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const sub = (a: Vec3, b: Vec3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const add = (a: Vec3, b: Vec3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const scale = (a: Vec3, s: number): V3 => [a[0] * s, a[1] * s, a[2] * s];
export const cross = (a: Vec3, b: Vec3): V3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const norm = (a: Vec3): number => Math.sqrt(dot(a, a));
export const normalize = (a: Vec3): V3 => {
  const l = norm(a);
  return l > 0 ? [a[0] / l, a[1] / l, a[2] / l] : [0, 0, 0];
};

/** Rodrigues: v rotated by `angle` about the unit axis `k`. */
export function rotateAbout(k: Vec3, angle: number, v: Vec3): V3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const kv = cross(k, v);
  const kd = dot(k, v) * (1 - c);
  return [
    v[0] * c + kv[0] * s + k[0] * kd,
    v[1] * c + kv[1] * s + k[1] * kd,
    v[2] * c + kv[2] * s + k[2] * kd,
  ];
}

/**
 * The mosaic's floor frame (`mosaic/floorFrame.ts`) is the one frame every part reads boxes in: fusion writes
 * `size` = [along the yawed e1, along the yawed e2, height] and `yaw` about `up` from e1, whatever `up` is.
 */
export type WorldFrame = FloorFrame;
export const worldFrame = (up: Vec3): WorldFrame => floorFrame(up);

/** Bird's-eye coordinates of a world point: (along e1, along e2). */
export const toPlane = (f: WorldFrame, p: Vec3): [number, number] => [dot(p, f.e1), dot(p, f.e2)];
export const heightOf = (f: WorldFrame, p: Vec3): number => dot(p, f.up);

export interface OrientedBox {
  readonly center: V3;
  /** Unit axes of the box. */
  readonly axes: readonly [V3, V3, V3];
  /** Half extents along `axes`. */
  readonly half: V3;
}

/**
 * The box of a mosaic object: its first axis is the floor frame's e1 turned by `yaw` about `up`, its second
 * up × that, its third `up`; `size` gives the extents along them (so `size[2]` is always the height).
 */
export function boxFrom(center: Vec3, size: Vec3, yaw: number, up: Vec3): OrientedBox {
  const f = floorFrame(up);
  // Each axis turned alike (not e2 as up × e1), so a z-up world gives bit for bit the world axes turned by yaw.
  const axes: [V3, V3, V3] = [
    rotateAbout(f.up, yaw, f.e1),
    rotateAbout(f.up, yaw, f.e2),
    rotateAbout(f.up, yaw, f.up),
  ];
  return { center: [center[0], center[1], center[2]], axes, half: [size[0] / 2, size[1] / 2, size[2] / 2] };
}

export function boxCorners(b: OrientedBox): V3[] {
  const out: V3[] = [];
  for (const sx of [-1, 1])
    for (const sy of [-1, 1])
      for (const sz of [-1, 1]) {
        let p: V3 = [...b.center];
        p = add(p, scale(b.axes[0], sx * b.half[0]));
        p = add(p, scale(b.axes[1], sy * b.half[1]));
        p = add(p, scale(b.axes[2], sz * b.half[2]));
        out.push(p);
      }
  return out;
}

/** The box's extent along the unit direction d: [min, max] of p·d over the box. */
export function extentAlong(b: OrientedBox, d: Vec3): [number, number] {
  const c = dot(b.center, d);
  const r =
    b.half[0] * Math.abs(dot(b.axes[0], d)) +
    b.half[1] * Math.abs(dot(b.axes[1], d)) +
    b.half[2] * Math.abs(dot(b.axes[2], d));
  return [c - r, c + r];
}
