import type { CameraToWorld, Intrinsics } from '../../../src/core/geometry/types';
import { defaultIntrinsics } from '../../../src/core/geometry/camera';
import { lookPose } from '../../../src/core/synthetic/cameraPath';
import type { PlacedObject, RoomLayout } from '../../../src/core/synthetic/layoutRoom';
import { renderFrame } from '../../../src/core/synthetic/renderFrame';
import type { KeyframeInput } from '../../../src/core/fusion/MosaicBuilder';
import type { LiftedDetection } from '../../../src/core/fusion/liftDetection';

/** Hand-built rooms for fusion tests: render a few views and box each object by its visible pixels. */
export const TEST_K: Intrinsics = defaultIntrinsics(160, 120, 60);

export function testRoom(
  objects: {
    label: string;
    center: [number, number, number];
    size: [number, number, number];
    yaw?: number;
  }[],
): RoomLayout {
  const placed: PlacedObject[] = objects.map((o, i) => ({
    id: `o${i}`,
    label: o.label,
    support: 'floor',
    center: o.center,
    size: o.size,
    yaw: o.yaw ?? 0,
    colour: [100, 100, 100],
  }));
  return { width: 6, depth: 6, height: 2.7, objects: placed, loop: { cx: 3, cy: 3, ra: 1, rb: 1 } };
}

/** A keyframe from `eye` looking at `target`, with one detection per object that has ≥ 20 visible pixels. */
export function viewOf(
  layout: RoomLayout,
  frame: number,
  eye: [number, number, number],
  target: [number, number, number],
  labels?: string[],
): KeyframeInput {
  const d = [target[0] - eye[0], target[1] - eye[1], target[2] - eye[2]];
  const pose: CameraToWorld = lookPose(eye, Math.atan2(d[1], d[0]), Math.atan2(d[2], Math.hypot(d[0], d[1])));
  const r = renderFrame(layout, pose, TEST_K);
  const detections = layout.objects.flatMap((o, i) =>
    r.visible[i] >= 20
      ? [
          {
            label: labels?.[i] ?? o.label,
            score: 0.9,
            box: [r.boxes[i * 4], r.boxes[i * 4 + 1], r.boxes[i * 4 + 2], r.boxes[i * 4 + 3]] as [
              number,
              number,
              number,
              number,
            ],
          },
        ]
      : [],
  );
  return {
    frame,
    time: frame / 10,
    pose,
    intrinsics: TEST_K,
    depth: { width: TEST_K.width, height: TEST_K.height, data: r.depth },
    detections,
  };
}

/** The floor-frame bounds (a, b, h) of a lift's points. */
export function liftBounds(l: LiftedDetection): { lo: number[]; hi: number[] } {
  const lo = [Infinity, Infinity, Infinity],
    hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < l.points.length; i += 3)
    for (let ax = 0; ax < 3; ax++) {
      lo[ax] = Math.min(lo[ax], l.points[i + ax]);
      hi[ax] = Math.max(hi[ax], l.points[i + ax]);
    }
  return { lo, hi };
}
