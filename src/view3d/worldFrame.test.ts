import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { floorFrame, objectMatrix, upToYQuaternion } from './worldFrame';

const close = (v: Vector3, x: number, y: number, z: number) => {
  expect(v.x).toBeCloseTo(x, 6);
  expect(v.y).toBeCloseTo(y, 6);
  expect(v.z).toBeCloseTo(z, 6);
};

describe('upToYQuaternion', () => {
  it('maps an OpenCV-style y-down up vector to +Y', () => {
    close(new Vector3(0, -1, 0).applyQuaternion(upToYQuaternion([0, -1, 0])), 0, 1, 0);
  });
  it('maps +Z up to +Y and is the identity for +Y', () => {
    close(new Vector3(0, 0, 1).applyQuaternion(upToYQuaternion([0, 0, 1])), 0, 1, 0);
    expect(upToYQuaternion([0, 1, 0]).w).toBeCloseTo(1);
  });
});

describe('objectMatrix', () => {
  it('z-up world: the floor frame is the world frame, yaw turns x towards y', () => {
    const m = objectMatrix(floorFrame([0, 0, 1]), [1, 2, 0.5], Math.PI / 2);
    // The box's local +x (its first size axis) ends up along world +y, offset by the centre.
    close(new Vector3(1, 0, 0).applyMatrix4(m), 1, 3, 0.5);
    // Local +z is up.
    close(new Vector3(0, 0, 1).applyMatrix4(m), 1, 2, 1.5);
  });
  it('y-down world: local z (height) points along -y', () => {
    const m = objectMatrix(floorFrame([0, -1, 0]), [0, 0, 0], 0);
    close(new Vector3(0, 0, 2).applyMatrix4(m), 0, -2, 0);
    // e1 is world x made horizontal: local x stays world x.
    close(new Vector3(1, 0, 0).applyMatrix4(m), 1, 0, 0);
  });
});
