import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { floorAxisIndices, heightAlong, upToYQuaternion } from './worldFrame';

describe('upToYQuaternion', () => {
  it('maps an OpenCV-style y-down up vector to +Y', () => {
    const v = new Vector3(0, -1, 0).applyQuaternion(upToYQuaternion([0, -1, 0]));
    expect(v.x).toBeCloseTo(0);
    expect(v.y).toBeCloseTo(1);
    expect(v.z).toBeCloseTo(0);
  });
  it('maps +Z up to +Y and is the identity for +Y', () => {
    const v = new Vector3(0, 0, 1).applyQuaternion(upToYQuaternion([0, 0, 1]));
    expect(v.y).toBeCloseTo(1);
    expect(upToYQuaternion([0, 1, 0]).w).toBeCloseTo(1);
  });
});

describe('floorAxisIndices / heightAlong', () => {
  it('floor axes are the two axes other than up', () => {
    expect(floorAxisIndices([0, -1, 0])).toEqual([0, 2]);
    expect(floorAxisIndices([0, 0, 1])).toEqual([0, 1]);
    expect(floorAxisIndices([0.1, 0.2, -0.97])).toEqual([0, 1]);
  });
  it('height is the signed projection on up', () => {
    expect(heightAlong([0, -1, 0], [3, -1.5, 2])).toBeCloseTo(1.5);
    expect(heightAlong([0, 0, 2], [0, 0, 0.7])).toBeCloseTo(0.7);
  });
});
