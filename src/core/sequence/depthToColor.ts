import type { Intrinsics } from '../geometry/types';
import type { DepthImage } from '../perception/types';
import { parseIntrinsicsJson } from './intrinsicsJson';
import { parseJsonObject } from './sequenceFormatError';

/**
 * A sequence whose depth comes from a second camera beside the colour one (a Kinect v1: two cameras a few
 * centimetres apart, different focal lengths) says so in `depth_to_color.json`:
 *
 *   {"depth_to_color": [16 numbers, row-major 4×4, metres: depth-camera point → colour-camera point;
 *                       optional, default identity (the cameras' baseline neglected)],
 *    "depth_intrinsics": {Open3D PinholeCameraIntrinsic of the depth camera; optional, default intrinsics.json},
 *    "color_intrinsics": {the same for the colour camera; optional, default intrinsics.json},
 *    "trajectory_camera": "color" (default) or "depth": which camera trajectory.log's poses are of}
 *
 * At least one of the first three is given. intrinsics.json describes whichever camera the file does not: a data
 * set that ships its depth camera's intrinsics (7-Scenes: 585 px) adds `color_intrinsics`, one that ships
 * its colour camera's adds `depth_intrinsics`. Each depth frame is then re-projected into the colour camera
 * (registered) as it is read, so every box drawn on the colour image samples the depth of what it shows;
 * the sequence's poses and intrinsics are the colour camera's (a trajectory tracked on the depth camera,
 * like 7-Scenes' KinectFusion one, is moved to the colour camera as it is read).
 */
export interface DepthToColor {
  /** Row-major 4×4 rigid transform, depth camera → colour camera (metres). */
  readonly transform: readonly number[];
  readonly depthIntrinsics?: Intrinsics;
  /** The colour camera's intrinsics, where intrinsics.json gives the depth camera's. */
  readonly colorIntrinsics?: Intrinsics;
  /** Whose poses trajectory.log holds; absent: the colour camera's. */
  readonly trajectoryCamera?: 'color' | 'depth';
}

const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

export const DEPTH_TO_COLOR_FILE = 'depth_to_color.json';

export function parseDepthToColorJson(text: string, file = DEPTH_TO_COLOR_FILE): DepthToColor {
  const { o, fail } = parseJsonObject(text, file, '"depth_to_color" (16 numbers, row-major 4×4)');
  if (o.depth_to_color === undefined && o.depth_intrinsics === undefined && o.color_intrinsics === undefined)
    fail(
      'needs "depth_to_color" (16 numbers, row-major 4×4), "depth_intrinsics" or "color_intrinsics"; it has none of them',
    );
  const raw = o.depth_to_color ?? IDENTITY;
  const m = Array.isArray(raw) && raw.every(Array.isArray) ? (raw as unknown[][]).flat() : raw;
  if (!Array.isArray(m) || m.length !== 16 || m.some((v) => typeof v !== 'number' || !Number.isFinite(v)))
    fail('"depth_to_color" must be 16 finite numbers (a row-major 4×4, or 4 rows of 4)');
  const t = m as number[];
  if (
    Math.abs(t[12]) > 1e-9 ||
    Math.abs(t[13]) > 1e-9 ||
    Math.abs(t[14]) > 1e-9 ||
    Math.abs(t[15] - 1) > 1e-9
  )
    fail('"depth_to_color" bottom row must be 0 0 0 1 (is it column-major? write it row-major)');
  // A rotation: orthonormal rows within calibration rounding.
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++) {
      const dot = t[r * 4] * t[c * 4] + t[r * 4 + 1] * t[c * 4 + 1] + t[r * 4 + 2] * t[c * 4 + 2];
      if (Math.abs(dot - (r === c ? 1 : 0)) > 1e-3)
        fail('"depth_to_color" rotation part is not a rotation (rows must be orthonormal)');
    }
  if (Math.hypot(t[3], t[7], t[11]) > 1) fail('"depth_to_color" translation is over 1 m: give it in metres');
  const camera = (key: string): Intrinsics | undefined => {
    const k = o[key];
    if (k === undefined) return undefined;
    if (typeof k !== 'object' || k === null || Array.isArray(k))
      fail(`"${key}" must be an object like intrinsics.json (width, height, intrinsic_matrix)`);
    return parseIntrinsicsJson(JSON.stringify(k), `${file} ${key}`);
  };
  const depthIntrinsics = camera('depth_intrinsics');
  const colorIntrinsics = camera('color_intrinsics');
  const trajectoryCamera = o.trajectory_camera;
  if (trajectoryCamera !== undefined && trajectoryCamera !== 'color' && trajectoryCamera !== 'depth')
    fail('"trajectory_camera" must be "color" or "depth" (the camera whose poses trajectory.log holds)');
  return {
    transform: t,
    ...(depthIntrinsics ? { depthIntrinsics } : {}),
    ...(colorIntrinsics ? { colorIntrinsics } : {}),
    ...(trajectoryCamera ? { trajectoryCamera: trajectoryCamera as 'color' | 'depth' } : {}),
  };
}

/**
 * Depth re-projected into the colour camera: each depth pixel is lifted with the depth intrinsics, moved
 * into the colour camera and written at its nearest colour pixel (the nearest surface wins). One-pixel cracks
 * (a colour camera with a longer focal length than the depth one) are closed from both sides where those
 * agree. Pixels nothing lands on (beyond the depth camera's view, or hidden from it) are 0.
 */
export function registerDepth(depth: DepthImage, reg: DepthToColor, colour: Intrinsics): DepthImage {
  const kd = reg.depthIntrinsics ?? colour;
  // Intrinsics describe their own image size; the depth PNG may be another size (scale them).
  const dsx = depth.width / kd.width,
    dsy = depth.height / kd.height;
  const fxd = kd.fx * dsx,
    fyd = kd.fy * dsy,
    cxd = (kd.cx + 0.5) * dsx - 0.5,
    cyd = (kd.cy + 0.5) * dsy - 0.5;
  const W = colour.width,
    H = colour.height;
  const out = new Float32Array(W * H);
  const t = reg.transform;
  for (let v = 0; v < depth.height; v++) {
    const yn = (v - cyd) / fyd;
    for (let u = 0; u < depth.width; u++) {
      const z = depth.data[v * depth.width + u];
      if (!(z > 0)) continue;
      const x = ((u - cxd) / fxd) * z,
        y = yn * z;
      const zc = t[8] * x + t[9] * y + t[10] * z + t[11];
      if (zc <= 0.01) continue;
      const uc = Math.round((colour.fx * (t[0] * x + t[1] * y + t[2] * z + t[3])) / zc + colour.cx);
      const vc = Math.round((colour.fy * (t[4] * x + t[5] * y + t[6] * z + t[7])) / zc + colour.cy);
      if (uc < 0 || uc >= W || vc < 0 || vc >= H) continue;
      const p = vc * W + uc;
      if (out[p] === 0 || zc < out[p]) out[p] = zc;
    }
  }
  const filled = out.slice();
  const close = (a: number, b: number): boolean => a > 0 && b > 0 && Math.abs(a - b) < 0.03 * Math.min(a, b);
  for (let v = 1; v < H - 1; v++)
    for (let u = 1; u < W - 1; u++) {
      const p = v * W + u;
      if (out[p] > 0) continue;
      if (close(out[p - 1], out[p + 1])) filled[p] = (out[p - 1] + out[p + 1]) / 2;
      else if (close(out[p - W], out[p + W])) filled[p] = (out[p - W] + out[p + W]) / 2;
    }
  return { width: W, height: H, data: filled };
}
