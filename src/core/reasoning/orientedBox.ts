import type { Vec3 } from '../geometry/types';
import { floorFrame, type FloorFrame } from '../geometry/floorFrame';

/**
 * Reasoning's names for the one geometry in `core/geometry`: vector math, the floor frame and the mosaic
 * object's box. The floor frame is the one frame every part reads boxes in: fusion writes `size` = [along the
 * yawed e1, along the yawed e2, height] and `yaw` about `up` from e1, whatever `up` is, and the 3D view draws
 * them so.
 */
export { add, cross, dot, norm, normalize, rotateAbout, scale, sub, type V3 } from '../geometry/vec3';
export { heightOf, toPlane } from '../geometry/floorFrame';
export { boxCorners, boxFrom, extentAlong, type OrientedBox } from '../geometry/box';

export type WorldFrame = FloorFrame;
export const worldFrame = (up: Vec3): WorldFrame => floorFrame(up);
