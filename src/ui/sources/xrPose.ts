import { asCameraToWorld, type CameraToWorld, type Intrinsics } from '../../core/geometry/types';

/**
 * WebXR → our conventions. WebXR matrices are column-major Float32Arrays and its cameras use OpenGL axes
 * (x right, y up, looking down −z); we use row-major 4×4 camera-to-world with OpenCV axes (x right, y down,
 * z forward). The reference space (`local-floor`) is y up, metres — passed to fusion as `up = [0, 1, 0]`.
 */

/** Column-major (WebGL/WebXR) 4×4 → row-major. */
export function columnToRowMajor(m: ArrayLike<number>): number[] {
  const out = new Array<number>(16);
  for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) out[r * 4 + c] = m[c * 4 + r];
  return out;
}

/**
 * An XRView's `transform.matrix` (camera-to-world, OpenGL camera axes) → camera-to-world with OpenCV axes:
 * T · diag(1, −1, −1, 1), i.e. the camera's y and z axis columns flip sign; the position is unchanged.
 */
export function xrViewToCameraToWorld(viewTransform: ArrayLike<number>): CameraToWorld {
  const m = columnToRowMajor(viewTransform);
  for (let r = 0; r < 3; r++) {
    m[r * 4 + 1] = -m[r * 4 + 1];
    m[r * 4 + 2] = -m[r * 4 + 2];
  }
  return asCameraToWorld(m);
}

/**
 * Pinhole intrinsics of an image of `width`×`height` pixels seen through an XRView's projection matrix
 * (column-major). A camera point (X, Y, Z) in OpenCV axes is (X, −Y, −Z) in OpenGL axes, so
 * u = w/2 · (1 + P₀₀·X/Z − P₀₂) and v = h/2 · (1 + P₁₁·Y/Z + P₁₂):
 * fx = P₀₀·w/2, cx = (1 − P₀₂)·w/2, fy = P₁₁·h/2, cy = (1 + P₁₂)·h/2 (P₀₂ is element 8, P₁₂ element 9).
 */
export function xrProjectionToIntrinsics(
  projection: ArrayLike<number>,
  width: number,
  height: number,
): Intrinsics {
  return {
    width,
    height,
    fx: (projection[0] * width) / 2,
    fy: (projection[5] * height) / 2,
    cx: ((1 - projection[8]) * width) / 2,
    cy: ((1 + projection[9]) * height) / 2,
  };
}

/** World up of a WebXR `local-floor` / `local` reference space. */
export const XR_WORLD_UP: readonly [number, number, number] = [0, 1, 0];
