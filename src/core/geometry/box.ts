import { floorFrame } from './floorFrame';
import type { Vec3 } from './types';
import { add, dot, rotateAbout, scale, type V3 } from './vec3';

/**
 * Oriented boxes in a mosaic's world frame. A mosaic object's box has its own axes = the floor frame's
 * (e1, e2, up) turned by `yaw` about `up` (right-hand rule), extents `size` along them. The horizontal basis
 * (e1, e2 = up × e1) gives the bird's-eye plane: seen from above, e1 → e2 is a counter-clockwise (left) turn.
 */
export interface OrientedBox {
  readonly center: V3;
  /** Unit axes of the box. */
  readonly axes: readonly [V3, V3, V3];
  /** Half extents along `axes`. */
  readonly half: V3;
}

/**
 * The box of a mosaic object: its axes are the floor frame's e1, e2 and `up` turned by `yaw` about `up`;
 * `size` gives the extents along them (so `size[2]` is always the height).
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
