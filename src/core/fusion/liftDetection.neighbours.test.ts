import { describe, expect, it } from 'vitest';
import type { CameraToWorld } from '../geometry/types';
import { floorFrame } from '../mosaic/floorFrame';
import { keyframeInput, streamScene, type SyntheticFrame } from '../synthetic/generateScene';
import { liftDetection, type LiftedDetection } from './liftDetection';
import { liftBounds, testRoom, viewOf } from '../../../test/core/fusion/testScenes';

const frame = floorFrame([0, 0, 1]);

const extent = liftBounds;

function lift(
  room: ReturnType<typeof testRoom>,
  eye: [number, number, number],
  target: [number, number, number],
  object: number,
  explained?: (a: number, b: number, h: number) => boolean,
): LiftedDetection {
  const v = viewOf(room, 0, eye, target);
  const det = v.detections.find((d) => d.label === room.objects[object].label)!;
  return liftDetection(det, v.depth, v.intrinsics, v.pose, frame, { floorHeight: 0, explained })!;
}

describe('liftDetection among neighbours', () => {
  it('keeps what it lifts when a known object explains all of it but a crumb', () => {
    // The plate of fusion.test (pixels [20, 40) × [10, 30) at 2 m, background at 5 m, box [18, 8, 42, 32]):
    // a known object's voxels hold all of it but a 4×4-pixel crumb (a table that took in the book lying on
    // it before the book was detected). Floor coordinates (a, b, h) = (x, z, −y).
    const k = { width: 64, height: 48, fx: 50, fy: 50, cx: 31.5, cy: 23.5 };
    const data = new Float32Array(64 * 48).fill(5);
    for (let v = 10; v < 30; v++) for (let u = 20; u < 40; u++) data[v * 64 + u] = 2;
    const crumb = (a: number, h: number): boolean => a > -0.15 && a < -0.01 && h > 0.05 && h < 0.23;
    const known = (a: number, b: number, h: number): boolean => Math.abs(b - 2) < 0.01 && !crumb(a, h);
    const l = liftDetection(
      { label: 'book', score: 0.9, box: [18, 8, 42, 32] },
      { width: 64, height: 48, data },
      k,
      [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] as unknown as CameraToWorld,
      floorFrame([0, -1, 0]),
      { explained: known, removeWalls: false },
    )!;
    expect(l.points.length / 3).toBe(400);
  });

  it('still drops a known chair in front of a couch from the couch box', () => {
    const couch = {
      label: 'couch',
      center: [3, 4, 0.4] as [number, number, number],
      size: [2, 0.9, 0.8] as [number, number, number],
    };
    const chair = {
      label: 'chair',
      center: [3, 3.1, 0.45] as [number, number, number],
      size: [0.5, 0.5, 0.9] as [number, number, number],
    };
    const room = testRoom([couch, chair]);
    const chairVoxels = (a: number, b: number): boolean => Math.abs(a - 3) <= 0.3 && Math.abs(b - 3.1) <= 0.3;
    const l = extent(lift(room, [3, 1.2, 1.4], [3, 3.6, 0.4], 0, chairVoxels));
    // The couch's front is at b = 3.55: nothing of the chair (b ≤ 3.35) is kept.
    expect(l.lo[1]).toBeGreaterThan(3.45);
  });

  it('cuts the strip of table top that joins a vase to a mouse behind it (generated scene 7, frame 15)', () => {
    const scene = streamScene({ seed: 7, noise: 'clean' });
    const frames = scene.frames();
    let f = frames.next();
    while (!f.done && f.value.index < 15) f = frames.next();
    const frame15 = f.value as SyntheticFrame;
    const vase = frame15.oracle.find((o) => o.objectId === 'o20')!;
    const det = frame15.detections.find((d) => d.box.join() === vase.box.join())!;
    const input = keyframeInput({ intrinsics: scene.intrinsics }, frame15);
    const l = extent(
      liftDetection(det, input.depth, input.intrinsics, input.pose, frame, { floorHeight: 0.003 })!,
    );
    // The vase stands at b 5.18–5.36 on a table top at h 0.72; the mouse behind it starts at b 5.43.
    expect(l.hi[1]).toBeLessThan(5.4);
    expect(l.hi[2]).toBeGreaterThan(0.9);
  });
});
