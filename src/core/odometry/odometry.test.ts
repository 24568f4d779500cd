import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invertRigid, multiply } from '../geometry/se3';
import type { Intrinsics, Mat4 } from '../geometry/types';
import { decodeDepthPng, decodeRgbImage } from '../image/decodeImage';
import type { DepthImage, RgbImage } from '../perception/types';
import { parseTrajectoryLog } from '../sequence/trajectoryLog';
import { expSe3, rotationAngle } from './lie';
import { absoluteTrajectoryError } from './ate';
import { KINECT_V1_COLOUR_INTRINSICS, Odometry } from './odometry';

const repoRoot = path.resolve(__dirname, '../../..');
const icl = path.resolve(repoRoot, '../shared/data/icl-livingroom');
const hasIcl = existsSync(path.join(icl, 'trajectory.log'));
const sevenScenes = path.resolve(repoRoot, '../shared/data/7scenes-redkitchen');
const hasSevenScenes = existsSync(path.join(sevenScenes, 'trajectory.log'));
if (!hasSevenScenes)
  console.warn(`odometry test: ${sevenScenes} is missing, so the real-Kinect test is skipped`);

function readFrame(dir: string, i: number): { rgb: RgbImage; depth: DepthImage } {
  const id = String(i).padStart(5, '0');
  return {
    rgb: decodeRgbImage(new Uint8Array(readFileSync(path.join(dir, `image/${id}.jpg`)))),
    depth: decodeDepthPng(new Uint8Array(readFileSync(path.join(dir, `depth/${id}.png`)))),
  };
}

const K: Intrinsics = { width: 160, height: 120, fx: 130, fy: 130, cx: 79.5, cy: 59.5 };

/**
 * Ray-casts a textured room corner (back wall z = 3, left wall x = −1.2, floor y = 0.9; OpenCV axes) from a
 * camera-to-world pose: exact depth and a smooth intensity pattern, so alignment has a known answer.
 */
function renderCorner(pose: Mat4): { rgb: RgbImage; depth: DepthImage } {
  const n = K.width * K.height;
  const rgb = new Uint8Array(n * 3);
  const depth = new Float32Array(n);
  const tex = (a: number, b: number) =>
    0.5 + 0.22 * Math.sin(6.1 * a) * Math.sin(4.3 * b) + 0.15 * Math.sin(11.7 * a + 3.1 * b + 0.4);
  for (let v = 0; v < K.height; v++) {
    for (let u = 0; u < K.width; u++) {
      const dc = [(u - K.cx) / K.fx, (v - K.cy) / K.fy, 1];
      const d = [0, 1, 2].map((r) => pose[r * 4] * dc[0] + pose[r * 4 + 1] * dc[1] + pose[r * 4 + 2] * dc[2]);
      const o = [pose[3], pose[7], pose[11]];
      let best = Infinity;
      let shade = 0;
      const planes: [number, number, (p: number[]) => number][] = [
        [2, 3, (p) => tex(p[0], p[1])],
        [0, -1.2, (p) => tex(p[2], p[1] + 1)],
        [1, 0.9, (p) => tex(p[0] + 2, p[2])],
      ];
      for (const [axis, value, texture] of planes) {
        const t = (value - o[axis]) / d[axis];
        if (t > 0 && t < best) {
          best = t;
          shade = texture([o[0] + t * d[0], o[1] + t * d[1], o[2] + t * d[2]]);
        }
      }
      const i = v * K.width + u;
      depth[i] = best; // the ray has unit z in the camera frame, so t is the depth
      rgb.fill(Math.round(255 * Math.min(1, Math.max(0, shade))), i * 3, i * 3 + 3);
    }
  }
  return {
    rgb: { width: K.width, height: K.height, data: rgb },
    depth: { width: K.width, height: K.height, data: depth },
  };
}

function relativeError(estA: Mat4, estB: Mat4, refA: Mat4, refB: Mat4) {
  const est = multiply(invertRigid(estA), estB);
  const ref = multiply(invertRigid(refA), refB);
  const err = multiply(invertRigid(ref), est);
  return {
    translation: Math.hypot(err[3], err[7], err[11]),
    rotation: rotationAngle(err),
    refTranslation: Math.hypot(ref[3], ref[7], ref[11]),
  };
}

describe('Odometry on a rendered room corner', () => {
  it('recovers a known 3 cm, 2° motion to within 1.5 mm and 0.1°', () => {
    const poses = [expSe3([0, 0, 0, 0, 0, 0]), expSe3([0.03, -0.01, 0.02, 0.01, 0.03, 0.006])];
    const odo = new Odometry(K, { levels: 3, iterations: [10, 10, 10], maxDistance: [0.05, 0.1, 0.2] });
    const est = poses.map((p) => odo.push(renderCorner(p)));
    const e = relativeError(est[0], est[1], poses[0], poses[1]);
    expect(e.refTranslation).toBeGreaterThan(0.03);
    expect(e.translation).toBeLessThan(0.0015);
    expect(e.rotation).toBeLessThan((0.1 * Math.PI) / 180);
    expect(odo.last?.tracked).toBe(true);
  });

  it('holds the last pose on a frame without depth, then re-anchors and tracks again', () => {
    const p0 = expSe3([0, 0, 0, 0, 0, 0]);
    const p1 = expSe3([0.02, 0.01, -0.02, 0, 0.02, 0]);
    const odo = new Odometry(K, { levels: 3, iterations: [10, 10, 10], maxDistance: [0.05, 0.1, 0.2] });
    const first = odo.push(renderCorner(p0));
    const blank = renderCorner(p0);
    const held = odo.push({
      rgb: blank.rgb,
      depth: { ...blank.depth, data: new Float32Array(K.width * K.height) },
    });
    expect(odo.last?.tracked).toBe(false);
    expect(held).toEqual(first);
    const anchor = odo.push(renderCorner(p0)); // its keyframe (the blank frame) has no depth: lost again, re-anchors
    expect(odo.last?.tracked).toBe(false);
    const moved = odo.push(renderCorner(p1));
    expect(odo.last?.tracked).toBe(true);
    expect(relativeError(anchor, moved, p0, p1).translation).toBeLessThan(0.0015);
  });

  it('starts from the given initial pose', () => {
    const start = expSe3([1, 2, 3, 0, 0.5, 0]);
    const odo = new Odometry(K, { initialPose: start });
    expect(odo.push(renderCorner(expSe3([0, 0, 0, 0, 0, 0])))).toEqual(start);
  });

  it('refuses depth of another size, and a frame of another size than the previous ones', () => {
    const f = renderCorner(expSe3([0, 0, 0, 0, 0, 0]));
    const odo = new Odometry(K);
    odo.push(f);
    const small = { width: 80, height: 60 };
    const half = {
      rgb: { ...small, data: new Uint8Array(4800 * 3) },
      depth: { ...small, data: new Float32Array(4800) },
    };
    expect(() => odo.push(half)).toThrow(/frame 80×60 differs in size from earlier frames/);
    expect(() =>
      odo.push({ rgb: f.rgb, depth: { width: 80, height: 60, data: new Float32Array(4800) } }),
    ).toThrow(/depth is 80×60 but colour is 160×120/);
  });
});

describe.skipIf(!hasIcl)('Odometry on real ICL frames (../shared/data/icl-livingroom)', () => {
  it('tracks frames 0–6 to within 5 mm and 0.3° of trajectory.log', () => {
    const reference = parseTrajectoryLog(readFileSync(path.join(icl, 'trajectory.log'), 'utf8'));
    const k: Intrinsics = { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5 };
    const odo = new Odometry(k);
    const est: Mat4[] = [];
    for (let i = 0; i <= 6; i++) est.push(odo.push(readFrame(icl, i)));
    const e = relativeError(est[0], est[6], reference[0], reference[6]);
    expect(e.refTranslation).toBeGreaterThan(0.1); // the camera really moves ~15 cm
    expect(e.translation).toBeLessThan(0.005);
    expect(e.rotation).toBeLessThan((0.3 * Math.PI) / 180);
  });
});

describe.skipIf(!hasSevenScenes)(
  'Odometry on a real Kinect sequence (../shared/data/7scenes-redkitchen)',
  () => {
    // Every 10th frame (~7 cm and up to 7° between frames), colour not registered to depth. Before colour was
    // resampled with its own intrinsics, the photometric term under-estimated every rotation by ~11% (colour
    // f 525 px read as depth's 585): 4.3 cm over these frames, 8.8 cm over all 100.
    it('tracks the first 50 frames to an ATE under 3.2 cm', () => {
      const reference = parseTrajectoryLog(readFileSync(path.join(sevenScenes, 'trajectory.log'), 'utf8'));
      const k: Intrinsics = { width: 640, height: 480, fx: 585, fy: 585, cx: 320, cy: 240 };
      const odo = new Odometry(k, { colourIntrinsics: KINECT_V1_COLOUR_INTRINSICS });
      const est: Mat4[] = [];
      for (let i = 0; i < 50; i++) est.push(odo.push(readFrame(sevenScenes, i)));
      const ate = absoluteTrajectoryError(est, reference.slice(0, 50));
      expect(ate.rmse).toBeLessThan(0.032);
    }, 30_000);
  },
);
