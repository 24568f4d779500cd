import { describe, expect, it } from 'vitest';
import type { CameraToWorld } from '../geometry/types';
import { lookPose } from '../synthetic/cameraPath';
import { floorFrame } from '../mosaic/floorFrame';
import { inferUpFromTrajectory } from './inferUp';
import { labelsCompatible } from './labelCompatibility';
import { liftDetection } from './liftDetection';
import { MosaicBuilder } from './MosaicBuilder';
import { testRoom, viewOf } from '../../../test/core/fusion/testScenes';

const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] as unknown as CameraToWorld;

describe('liftDetection', () => {
  it('lifts a fronto-parallel plate to its hand-computed centroid and rejects the background in the box', () => {
    // 64×48 image, f = 50, principal point at the centre; a plate at z = 2 m over pixels [20, 40) × [10, 30),
    // background at 5 m; the box [18, 8, 42, 32] also holds background pixels.
    const k = { width: 64, height: 48, fx: 50, fy: 50, cx: 31.5, cy: 23.5 };
    const data = new Float32Array(64 * 48).fill(5);
    for (let v = 10; v < 30; v++) for (let u = 20; u < 40; u++) data[v * 64 + u] = 2;
    // Up = −y of the camera (OpenCV), so floor coordinates are (a, b, h) = (x, z, −y).
    const frame = floorFrame([0, -1, 0]);
    const l = liftDetection(
      { label: 'tv', score: 0.9, box: [18, 8, 42, 32] },
      { width: 64, height: 48, data },
      k,
      IDENTITY,
      frame,
    )!;
    const n = l.points.length / 3;
    expect(n).toBe(400);
    const mean = [0, 1, 2].map(
      (ax) => l.points.filter((_, i) => i % 3 === ax).reduce((s, x) => s + x, 0) / n,
    );
    // x = (u − 31.5)·2/50 with mean u = 29.5 → −0.08; z = 2; y = (v − 23.5)·2/50 with mean v = 19.5 → −0.16, h = 0.16.
    expect(mean[0]).toBeCloseTo(-0.08, 6);
    expect(mean[1]).toBeCloseTo(2, 6);
    expect(mean[2]).toBeCloseTo(0.16, 6);
    expect(l.depth).toBe(2);
  });
});

describe('MosaicBuilder', () => {
  const chair = {
    label: 'chair',
    center: [3, 3, 0.45] as [number, number, number],
    size: [0.5, 0.5, 0.9] as [number, number, number],
  };
  const eyes: [number, number, number][] = [
    [3, 1, 1.5],
    [2, 1.2, 1.5],
    [4, 1.2, 1.5],
    [1.5, 2, 1.5],
    [4.5, 2, 1.5],
    [3, 0.8, 1.4],
  ];

  it('merges observations of one object from several views into one instance at its true centre', () => {
    const room = testRoom([chair]);
    const b = new MosaicBuilder();
    eyes.forEach((eye, f) => b.addKeyframe(viewOf(room, f, eye, [3, 3, 0.45])));
    const m = b.toMosaic();
    expect(m.objects).toHaveLength(1);
    const o = m.objects[0];
    expect(o.observations).toBe(6);
    expect(o.firstSeenFrame).toBe(0);
    // Visible surfaces from the front and sides, base completed down to the floor.
    expect(Math.hypot(o.center[0] - 3, o.center[1] - 3, o.center[2] - 0.45)).toBeLessThan(0.05);
    expect(o.size[2]).toBeCloseTo(0.9, 1);
  });

  it('keeps one object with a label distribution when the detector says bed in most frames and chair in some', () => {
    const room = testRoom([{ ...chair, size: [0.9, 0.9, 0.8], center: [3, 3, 0.4] }]);
    const b = new MosaicBuilder();
    const labels = ['bed', 'bed', 'chair', 'bed', 'chair', 'bed'];
    eyes.forEach((eye, f) => b.addKeyframe(viewOf(room, f, eye, [3, 3, 0.4], [labels[f]])));
    const m = b.toMosaic();
    expect(m.objects).toHaveLength(1);
    expect(m.objects[0].label).toBe('bed');
    expect(m.objects[0].labels.map((v) => [v.label, v.count])).toEqual([
      ['bed', 4],
      ['chair', 2],
    ]);
  });

  it('keeps two same-label objects two metres apart as two instances', () => {
    const room = testRoom([chair, { ...chair, center: [5, 3, 0.45] }]);
    const b = new MosaicBuilder();
    eyes.forEach((eye, f) => b.addKeyframe(viewOf(room, f, eye, [4, 3, 0.45])));
    const m = b.toMosaic();
    expect(m.objects.map((o) => o.label)).toEqual(['chair', 'chair']);
    const xs = m.objects.map((o) => o.center[0]).sort();
    expect(xs[0]).toBeCloseTo(3, 1);
    expect(xs[1]).toBeCloseTo(5, 1);
  });

  it('prunes an instance seen once and never confirmed, and keeps confirmed ones', () => {
    const room = testRoom([chair]);
    const b = new MosaicBuilder({ minObservations: 3, confirmWithinKeyframes: 5 });
    const ghost = { label: 'vase', score: 0.9, box: [10, 10, 30, 40] as [number, number, number, number] };
    const first = viewOf(room, 0, eyes[0], [3, 3, 0.45]);
    b.addKeyframe({ ...first, detections: [...first.detections, ghost] });
    expect(b.objectCount).toBe(2);
    for (let f = 1; f < 7; f++) b.addKeyframe(viewOf(room, f, eyes[f % eyes.length], [3, 3, 0.45]));
    expect(b.objectCount).toBe(1);
    expect(b.toMosaic().objects.map((o) => o.label)).toEqual(['chair']);
  });

  it('records the trajectory, the up vector and a floor estimate', () => {
    const room = testRoom([chair]);
    const b = new MosaicBuilder();
    eyes.forEach((eye, f) => b.addKeyframe(viewOf(room, f, eye, [3, 3, 0.45])));
    const m = b.toMosaic();
    expect(m.up).toEqual([0, 0, 1]);
    expect(m.trajectory.map((t) => t.frame)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(m.occupancy!.floorHeight).toBeCloseTo(0, 2);
    expect(m.occupancy!.free.length).toBeGreaterThan(10);
  });
});

describe('labels and up', () => {
  it('treats confusable COCO labels as compatible and others not', () => {
    expect(labelsCompatible('bed', 'chair')).toBe(true);
    expect(labelsCompatible('cup', 'vase')).toBe(true);
    expect(labelsCompatible('cup', 'couch')).toBe(false);
  });

  it('infers up from a hand-held trajectory that pans and pitches but does not roll', () => {
    // World z up; rotate the whole trajectory so the true up is a tilted vector.
    const poses = [0, 0.6, 1.2, 1.8, 2.4].map((h, i) => lookPose([i * 0.1, 0, 1.5], h, -0.3 - 0.05 * i));
    const c = Math.cos(0.4),
      s = Math.sin(0.4); // rotation about x by 0.4 rad
    const tilted = poses.map((p) => {
      const m = [...p];
      for (let col = 0; col < 4; col++) {
        const y = p[4 + col],
          z = p[8 + col];
        m[4 + col] = c * y - s * z;
        m[8 + col] = s * y + c * z;
      }
      return m as unknown as CameraToWorld;
    });
    const up = inferUpFromTrajectory(tilted);
    expect(up[0]).toBeCloseTo(0, 6);
    expect(up[1]).toBeCloseTo(-s, 6);
    expect(up[2]).toBeCloseTo(c, 6);
  });
});
