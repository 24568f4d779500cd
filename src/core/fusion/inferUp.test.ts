import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CameraToWorld, Intrinsics, Vec3 } from '../geometry/types';
import { decodeDepthPng } from '../image/decodeImage';
import { expSe3 } from '../odometry/lie';
import { parseTrajectoryLog } from '../sequence/trajectoryLog';
import type { UpView } from './inferUp';
import { inferUpFromTrajectory, refineUpWithSurfaces } from './inferUp';

const repoRoot = path.resolve(__dirname, '../../..');
const data = (name: string) => path.resolve(repoRoot, '../shared/data', name);
const degrees = (a: readonly number[], b: readonly number[]) =>
  (Math.acos(Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])) * 180) / Math.PI;

/** Evenly spaced depth frames of a sequence folder with their reference poses. */
function views(dir: string, k: Intrinsics, count: number): { poses: CameraToWorld[]; views: UpView[] } {
  const poses = parseTrajectoryLog(readFileSync(path.join(dir, 'trajectory.log'), 'utf8'));
  const out: UpView[] = [];
  for (let j = 0; j < count; j++) {
    const i = Math.floor((j * poses.length) / count);
    const file = path.join(dir, `depth/${String(i).padStart(5, '0')}.png`);
    out.push({ pose: poses[i], depth: decodeDepthPng(new Uint8Array(readFileSync(file))), intrinsics: k });
  }
  return { poses: [...poses], views: out };
}

describe('refineUpWithSurfaces', () => {
  const k: Intrinsics = { width: 80, height: 60, fx: 70, fy: 70, cx: 39.5, cy: 29.5 };
  /** A camera 1.4 m above a floor (world y down, OpenCV axes), pitched down and rolled: depth of the floor. */
  const floorView = (roll: number, yaw: number): UpView => {
    const pose = expSe3([0, 0, 0, 0, yaw, 0]);
    const tilt = expSe3([0, 0, 0, -0.5, 0, roll]);
    const R = [0, 1, 2].map((r) =>
      [0, 1, 2].map(
        (c) => pose[r * 4] * tilt[c] + pose[r * 4 + 1] * tilt[4 + c] + pose[r * 4 + 2] * tilt[8 + c],
      ),
    );
    const m = [...R[0], 0, ...R[1], -1.4, ...R[2], 0, 0, 0, 0, 1];
    const depth = new Float32Array(k.width * k.height);
    for (let v = 0; v < k.height; v++)
      for (let u = 0; u < k.width; u++) {
        const dy = R[1][0] * ((u - k.cx) / k.fx) + R[1][1] * ((v - k.cy) / k.fy) + R[1][2];
        if (dy > 1e-3) depth[v * k.width + u] = 1.4 / dy; // the ray reaches the floor y = 0 at this depth
      }
    return {
      pose: m as unknown as CameraToWorld,
      depth: { width: k.width, height: k.height, data: depth },
      intrinsics: k,
    };
  };

  it('finds the floor normal where a rolled camera misleads the trajectory', () => {
    const vs = [0, 0.7, 1.4, 2.1].map((yaw) => floorView(0.15, yaw));
    const fromTrajectory = inferUpFromTrajectory(vs.map((v) => v.pose));
    expect(degrees(fromTrajectory, [0, -1, 0])).toBeGreaterThan(5);
    expect(degrees(refineUpWithSurfaces(fromTrajectory, vs, 2), [0, -1, 0])).toBeLessThan(0.5);
  });

  it('keeps the given up where the frames show no horizontal surface', () => {
    const v = floorView(0, 0);
    const blank = { ...v, depth: { ...v.depth, data: new Float32Array(v.depth.data.length) } };
    const up: Vec3 = [0, -0.9, -0.1] as unknown as Vec3;
    const out = refineUpWithSurfaces(up, [blank]);
    expect(
      degrees(
        out,
        [0, -0.9, -0.1].map((x) => x / Math.hypot(0.9, 0.1)),
      ),
    ).toBeLessThan(1e-6);
  });
});

const sevenScenes = data('7scenes-redkitchen');
describe.skipIf(!existsSync(path.join(sevenScenes, 'gravity-direction.txt')))(
  'up on 7-Scenes redkitchen (real Kinect; world = the first camera, tilted ~30°)',
  () => {
    it('is within 2.5° of −gravity-direction.txt, nearer than the trajectory alone', () => {
      const k: Intrinsics = { width: 640, height: 480, fx: 585, fy: 585, cx: 320, cy: 240 };
      const { poses, views: vs } = views(sevenScenes, k, 10);
      const gravity = readFileSync(path.join(sevenScenes, 'gravity-direction.txt'), 'utf8')
        .trim()
        .split(/\s+/)
        .map(Number);
      const truth = gravity.map((g) => -g);
      const fromTrajectory = inferUpFromTrajectory(poses);
      const refined = refineUpWithSurfaces(fromTrajectory, vs);
      expect(degrees(refined, truth)).toBeLessThan(2.5);
      expect(degrees(refined, truth)).toBeLessThan(degrees(fromTrajectory, truth));
    });
  },
);

const icl = data('icl-livingroom');
describe.skipIf(!existsSync(path.join(icl, 'trajectory.log')))('up on ICL living room', () => {
  it('stays within 0.5° of the trajectory estimate (about −y) there', () => {
    const k: Intrinsics = { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5 };
    const { poses, views: vs } = views(icl, k, 6);
    const fromTrajectory = inferUpFromTrajectory(poses);
    const refined = refineUpWithSurfaces(fromTrajectory, vs);
    expect(degrees(refined, fromTrajectory)).toBeLessThan(0.5);
    expect(degrees(refined, [0, -1, 0])).toBeLessThan(3);
  });
});
