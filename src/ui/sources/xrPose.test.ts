import { describe, expect, it } from 'vitest';
import { transformPoint } from '../../core/geometry/se3';
import { project } from '../../core/geometry/camera';
import { cameraPoint } from '../../core/geometry/types';
import { columnToRowMajor, xrProjectionToIntrinsics, xrViewToCameraToWorld } from './xrPose';

/** Row-major → column-major, to write test matrices the way WebXR hands them over. */
const toColumnMajor = (rowMajor: number[]) => columnToRowMajor(rowMajor);

describe('xrViewToCameraToWorld', () => {
  it('an identity XR view: looking down −z with y up becomes OpenCV forward = world −z, down = world −y', () => {
    const pose = xrViewToCameraToWorld(toColumnMajor([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]));
    expect(pose.map((v) => v + 0)).toEqual([1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1]);
    // A point 2 m in front of the camera (OpenCV z = 2) is at world (0, 0, −2).
    expect(transformPoint(pose, [0, 0, 2])).toEqual([0, 0, -2]);
    // A point below the image centre (OpenCV y > 0) is lower in the y-up world.
    expect(transformPoint(pose, [0, 1, 2])[1]).toBe(-1);
  });

  it('a phone 1.5 m up, turned 90° left (about +y): forward is world −x, position kept', () => {
    // Rotation by +90° about y maps −z (GL forward) to −x. Row-major [R | t].
    const glPose = [0, 0, 1, 0.2, 0, 1, 0, 1.5, -1, 0, 0, -0.3, 0, 0, 0, 1];
    const pose = xrViewToCameraToWorld(toColumnMajor(glPose));
    expect(pose.map((v) => v + 0)).toEqual([0, 0, -1, 0.2, 0, -1, 0, 1.5, -1, 0, 0, -0.3, 0, 0, 0, 1]);
    // 1 m straight ahead: world (0.2 − 1, 1.5, −0.3).
    expect(transformPoint(pose, [0, 0, 1])).toEqual([-0.8, 1.5, -0.3]);
    // Image right (OpenCV +x) is world −z after turning left.
    expect(transformPoint(pose, [1, 0, 0])).toEqual([0.2, 1.5, -1.3]);
  });

  it('reads WebXR column-major order (translation in elements 12–14)', () => {
    const col = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 3, 4, 5, 1];
    const pose = xrViewToCameraToWorld(col);
    expect([pose[3], pose[7], pose[11]]).toEqual([3, 4, 5]);
  });
});

describe('xrProjectionToIntrinsics', () => {
  it('a symmetric 90° × 90° frustum on 200×100: fx = 100, fy = 50, centre in the middle', () => {
    // OpenGL perspective, column-major: P00 = P11 = 1/tan(45°) = 1, P[8] = P[9] = 0.
    const p = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1.002, -1, 0, 0, -0.2002, 0];
    expect(xrProjectionToIntrinsics(p, 200, 100)).toEqual({
      width: 200,
      height: 100,
      fx: 100,
      fy: 50,
      cx: 100,
      cy: 50,
    });
  });

  it('an off-centre frustum projects a GL point to the same pixel as our pinhole on the OpenCV point', () => {
    // glFrustum(l=−0.4, r=0.6, b=−0.3, t=0.5, n=1): P00 = 2n/(r−l) = 2, P02 = (r+l)/(r−l) = 0.2,
    // P11 = 2n/(t−b) = 2.5, P12 = (t+b)/(t−b) = 0.25. Column-major: P02 at 8, P12 at 9.
    const p = [2, 0, 0, 0, 0, 2.5, 0, 0, 0.2, 0.25, -1.002, -1, 0, 0, -0.2002, 0];
    const w = 640;
    const h = 480;
    const k = xrProjectionToIntrinsics(p, w, h);
    expect(k.fx).toBeCloseTo(640, 9);
    expect(k.cx).toBeCloseTo(256, 9); // (1 − 0.2) · 320
    expect(k.fy).toBeCloseTo(600, 9);
    expect(k.cy).toBeCloseTo(300, 9); // (1 + 0.25) · 240
    // GL camera point (0.3, 0.2, −2): NDC x = (2·0.3 + 0.2·(−2)) / 2 = 0.1, NDC y = (2.5·0.2 + 0.25·(−2)) / 2 = 0.
    // Pixels: u = (0.1 + 1)/2 · 640 = 352, v = (1 − 0)/2 · 480 = 240.
    const uv = project(k, cameraPoint(0.3, -0.2, 2));
    expect(uv![0]).toBeCloseTo(352, 9);
    expect(uv![1]).toBeCloseTo(240, 9);
  });
});
