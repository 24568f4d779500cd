import { describe, expect, it } from 'vitest';
import { SimpleFuser, liftDetection } from './SimpleFuser';

const k = { width: 8, height: 6, fx: 8, fy: 8, cx: 3.5, cy: 2.5 };
const depthOf = (z: number, w = 8, h = 6) => ({ width: w, height: h, data: new Float32Array(w * h).fill(z) });
// Camera 1 m along world x, no rotation.
const pose = [1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

describe('liftDetection', () => {
  it('puts the box centre at its median depth, in world coordinates, with metric size', () => {
    // Box centre (4, 3): x = (4-3.5)*2/8 = 0.125, y = (3-2.5)*2/8 = 0.125, z = 2; then +1 m in x.
    const l = liftDetection({ label: 'cup', score: 0.8, box: [2, 1, 6, 5] }, depthOf(2), k, pose)!;
    expect(l.center[0]).toBeCloseTo(1.125, 9);
    expect(l.center[1]).toBeCloseTo(0.125, 9);
    expect(l.center[2]).toBeCloseTo(2, 9);
    // 4 px wide at 2 m with fx 8 → 1 m.
    expect(l.size).toEqual([1, 1, 1]);
  });

  it('reads depth given at another resolution and ignores holes', () => {
    const d = depthOf(3, 16, 12);
    d.data[0] = 0;
    d.data[6 * 16 + 8] = NaN;
    const l = liftDetection({ label: 'cup', score: 0.8, box: [2, 1, 6, 5] }, d, k, pose)!;
    expect(l.center[2]).toBeCloseTo(3, 9);
  });

  it('gives up where the box has no depth', () => {
    expect(
      liftDetection({ label: 'cup', score: 0.8, box: [2, 1, 6, 5] }, depthOf(0), k, pose),
    ).toBeUndefined();
  });
});

describe('SimpleFuser', () => {
  it('merges same-label observations nearby and keeps distinct ones apart', () => {
    const f = new SimpleFuser([0, -1, 0]);
    const base = { intrinsics: k, pose, depth: depthOf(2) };
    const d1 = f.fuse({
      ...base,
      frame: 0,
      time: 0,
      detections: [{ label: 'chair', score: 0.6, box: [2, 1, 6, 5] }],
    });
    expect(d1.upserts.map((o) => o.id)).toEqual(['o0']);
    const d2 = f.fuse({
      ...base,
      frame: 1,
      time: 0.1,
      depth: depthOf(2.2),
      detections: [
        { label: 'chair', score: 0.9, box: [2, 1, 6, 5] },
        { label: 'tv', score: 0.7, box: [2, 1, 6, 5] },
      ],
    });
    expect(d2.upserts.map((o) => o.id)).toEqual(['o0', 'o1']);
    const m = f.mosaic();
    expect(m.objects).toHaveLength(2);
    const chair = m.objects[0];
    expect(chair).toMatchObject({ observations: 2, confidence: 0.9, firstSeenFrame: 0, lastSeenFrame: 1 });
    expect(chair.center[2]).toBeCloseTo(2.1, 6);
    expect(chair.labels).toEqual([{ label: 'chair', weight: 1.5, count: 2 }]);
    expect(m.trajectory.map((t) => t.frame)).toEqual([0, 1]);
  });
});
