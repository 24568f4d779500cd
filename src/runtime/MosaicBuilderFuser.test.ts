import { describe, expect, it } from 'vitest';
import type { KeyframeInput } from '../core/fusion/MosaicBuilder';
import { asCameraToWorld } from '../core/geometry/types';
import { MosaicBuilderFuser } from './MosaicBuilderFuser';
import { syntheticFrame } from '../../e2e/harness/syntheticFrame';

const frameAt = (n: number): KeyframeInput => {
  const f = syntheticFrame(n);
  return { ...f, pose: asCameraToWorld(f.pose!), depth: f.depth!, detections: f.detections! };
};

describe('MosaicBuilderFuser', () => {
  it('reports only what changed: nothing until confirmed, then the object, and the trajectory keyframe', () => {
    const f = new MosaicBuilderFuser({ up: [0, 0, 1] });
    const d0 = f.fuse(frameAt(0));
    expect(d0.keyframe.frame).toBe(0);
    expect(d0.upserts).toEqual([]); // tentative: a middling detection is confirmed after 3 observations
    f.fuse(frameAt(1));
    const d2 = f.fuse(frameAt(2));
    expect(d2.upserts.map((o) => o.label)).toEqual(['chair']);
    const chair = d2.upserts[0];
    expect(chair.observations).toBe(3);
    // The cube is centred at (0, 2.5, 0.3), 0.6 m a side; its back is hidden, so depth sees it a little short.
    expect(Math.abs(chair.center[0])).toBeLessThan(0.03);
    expect(Math.abs(chair.center[1] - 2.5)).toBeLessThan(0.06);
    expect(chair.center[2]).toBeCloseTo(0.3, 2);
    expect(chair.size[2]).toBeCloseTo(0.6, 2);
    expect(Math.min(chair.size[0], chair.size[1])).toBeGreaterThan(0.45);
    expect(d2.removed).toEqual([]);
    expect(f.mosaic().trajectory.map((k) => k.frame)).toEqual([0, 1, 2]);
  });
});
