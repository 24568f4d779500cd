import type { CameraToWorld, Intrinsics } from '../geometry/types';
import { fromFloor, type FloorFrame } from '../mosaic/floorFrame';
import type { DepthImage } from '../perception/types';
import type { Bounds } from './objectInstance';

/**
 * Whether a keyframe should have shown an instance: its box projects well inside the image, large enough for
 * a detector to see, and the depth over most of it does not put something nearer in front of it. A tentative
 * instance that is expected in a keyframe but not detected there collects a miss: a false positive is missed
 * in the next frames that look at the same place, an object glimpsed in one or two frames is not.
 */
export function expectedInView(
  b: Bounds,
  pose: CameraToWorld,
  k: Intrinsics,
  depth: DepthImage,
  frame: FloorFrame,
): boolean {
  let u0 = Infinity,
    v0 = Infinity,
    u1 = -Infinity,
    v1 = -Infinity;
  let zc = 0;
  for (let c = 0; c < 9; c++) {
    // The 8 corners, then the centre.
    const a = c < 8 ? (c & 1 ? b.hi[0] : b.lo[0]) : (b.lo[0] + b.hi[0]) / 2;
    const bb = c < 8 ? (c & 2 ? b.hi[1] : b.lo[1]) : (b.lo[1] + b.hi[1]) / 2;
    const h = c < 8 ? (c & 4 ? b.hi[2] : b.lo[2]) : (b.lo[2] + b.hi[2]) / 2;
    const w = fromFloor(frame, a, bb, h);
    const d = [w[0] - pose[3], w[1] - pose[7], w[2] - pose[11]];
    // World → camera: the transpose of the pose's rotation.
    const x = pose[0] * d[0] + pose[4] * d[1] + pose[8] * d[2];
    const y = pose[1] * d[0] + pose[5] * d[1] + pose[9] * d[2];
    const z = pose[2] * d[0] + pose[6] * d[1] + pose[10] * d[2];
    if (z < 0.2) return false;
    const u = k.fx * (x / z) + k.cx;
    const v = k.fy * (y / z) + k.cy;
    if (c === 8) {
      zc = z;
      break;
    }
    u0 = Math.min(u0, u);
    u1 = Math.max(u1, u);
    v0 = Math.min(v0, v);
    v1 = Math.max(v1, v);
  }
  // Mostly inside the image (a box cut by the border is often not detected) and not tiny.
  const cu0 = Math.max(0, u0),
    cu1 = Math.min(k.width, u1),
    cv0 = Math.max(0, v0),
    cv1 = Math.min(k.height, v1);
  if (cu1 <= cu0 || cv1 <= cv0) return false;
  const inside = ((cu1 - cu0) * (cv1 - cv0)) / ((u1 - u0) * (v1 - v0));
  if (inside < 0.7) return false;
  if (cu1 - cu0 < 0.03 * k.width || cv1 - cv0 < 0.03 * k.height) return false;
  // Occlusion: most depth readings over the box must not be well in front of the object (a detector needs
  // a real share of it; the oracle of generated scenes asks for 30% of its pixels).
  const radius = Math.hypot(b.hi[0] - b.lo[0], b.hi[1] - b.lo[1], b.hi[2] - b.lo[2]) / 2;
  const near = zc - radius - 0.1;
  let seen = 0,
    valid = 0;
  for (let i = 0; i < 5; i++)
    for (let j = 0; j < 5; j++) {
      const u = cu0 + ((i + 0.5) / 5) * (cu1 - cu0),
        v = cv0 + ((j + 0.5) / 5) * (cv1 - cv0);
      const du = Math.min(depth.width - 1, Math.floor((u * depth.width) / k.width));
      const dv = Math.min(depth.height - 1, Math.floor((v * depth.height) / k.height));
      const z = depth.data[dv * depth.width + du];
      if (!(z > 0)) continue;
      valid++;
      if (z >= near) seen++;
    }
  return valid >= 5 && seen >= 0.7 * valid;
}
