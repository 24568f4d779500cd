import { describe, expect, it } from 'vitest';
import { floorFrame } from '../mosaic/floorFrame';
import type { Bounds } from './objectInstance';
import { testRoom, viewOf } from '../../../test/core/fusion/testScenes';
import { expectedInView } from './visibility';

const chair = {
  label: 'chair',
  center: [3, 3, 0.45] as [number, number, number],
  size: [0.5, 0.5, 0.9] as [number, number, number],
};
const chairBounds: Bounds = { lo: [2.75, 2.75, 0], hi: [3.25, 3.25, 0.9] };

function expected(occluders: (typeof chair)[]): boolean {
  const v = viewOf(testRoom([chair, ...occluders]), 0, [3, 1, 1.2], [3, 3, 0.45]);
  return expectedInView(chairBounds, v.pose, v.intrinsics, v.depth, floorFrame([0, 0, 1]));
}

describe('expectedInView', () => {
  it('expects an object in plain view', () => {
    expect(expected([])).toBe(true);
  });

  it('does not expect an object mostly hidden behind a panel', () => {
    expect(expected([{ label: 'tv', center: [3, 2.2, 0.5], size: [0.9, 0.05, 1] }])).toBe(false);
  });

  it('still expects an object when only a thin pole stands in front of its centre', () => {
    expect(expected([{ label: 'pole', center: [3, 2.2, 1], size: [0.04, 0.04, 2] }])).toBe(true);
  });

  it('does not expect an object behind the camera or far off to the side', () => {
    const v = viewOf(testRoom([chair]), 0, [3, 1, 1.2], [3, 0, 1.2]);
    expect(expectedInView(chairBounds, v.pose, v.intrinsics, v.depth, floorFrame([0, 0, 1]))).toBe(false);
  });
});
