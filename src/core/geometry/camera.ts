import { cameraPoint, type CameraPoint, type Intrinsics } from './types';

/** Back-projects pixel (u, v) with depth z (metres along the optical axis) into the camera frame. */
export function unproject(k: Intrinsics, u: number, v: number, z: number): CameraPoint {
  return cameraPoint(((u - k.cx) * z) / k.fx, ((v - k.cy) * z) / k.fy, z);
}

/** Projects a camera-frame point to pixels; undefined behind the camera. */
export function project(k: Intrinsics, p: CameraPoint): [number, number] | undefined {
  const [x, y, z] = p;
  if (z <= 1e-6) return undefined;
  return [(k.fx * x) / z + k.cx, (k.fy * y) / z + k.cy];
}

/** Intrinsics rescaled to another image size (e.g. a model's input resolution). */
export function scaleIntrinsics(k: Intrinsics, width: number, height: number): Intrinsics {
  const sx = width / k.width;
  const sy = height / k.height;
  return {
    width,
    height,
    fx: k.fx * sx,
    fy: k.fy * sy,
    cx: (k.cx + 0.5) * sx - 0.5,
    cy: (k.cy + 0.5) * sy - 0.5,
  };
}

/**
 * Intrinsics for a camera that reported none: a 60° horizontal field of view (typical of phone cameras), principal
 * point at the centre. Rough, but fused sizes only scale with it; pass real intrinsics when you have them.
 */
export function defaultIntrinsics(width: number, height: number, horizontalFovDeg = 60): Intrinsics {
  const fx = width / 2 / Math.tan((horizontalFovDeg * Math.PI) / 360);
  return { width, height, fx, fy: fx, cx: (width - 1) / 2, cy: (height - 1) / 2 };
}

/** Reason why intrinsics are unusable, or undefined when they are sane. */
export function intrinsicsProblem(k: Intrinsics): string | undefined {
  const vals = [k.width, k.height, k.fx, k.fy, k.cx, k.cy];
  if (vals.some((v) => typeof v !== 'number' || !Number.isFinite(v)))
    return 'contains a missing, NaN or infinite value';
  if (
    !Number.isInteger(k.width) ||
    !Number.isInteger(k.height) ||
    k.width <= 0 ||
    k.height <= 0 ||
    k.width > 16384 ||
    k.height > 16384
  )
    return `image size ${k.width}×${k.height} is not a positive size up to 16384`;
  if (k.fx <= 0 || k.fy <= 0) return `focal lengths must be positive (fx=${k.fx}, fy=${k.fy})`;
  const ratio = k.fx / k.width;
  if (ratio < 0.1 || ratio > 20) return `focal length fx=${k.fx} is absurd for a ${k.width}-pixel-wide image`;
  if (k.cx < 0 || k.cx > k.width || k.cy < 0 || k.cy > k.height)
    return `principal point (${k.cx}, ${k.cy}) lies outside the image`;
  return undefined;
}
