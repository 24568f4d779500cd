import type { CameraToWorld, Intrinsics } from '../../../src/core/geometry/types';
import { defaultIntrinsics } from '../../../src/core/geometry/camera';
import type { DepthImage, Detection } from '../../../src/core/perception/types';
import { lookPose } from '../../../src/core/synthetic/cameraPath';
import { CATALOG } from '../../../src/core/synthetic/catalog';
import { Prng } from '../../../src/core/prng';
import type { KeyframeInput } from '../../../src/core/fusion/MosaicBuilder';

/**
 * A cheap synthetic keyframe stream for timing fusion at scale (thousands of frames, hundreds of objects)
 * without rendering: objects are boxes on a grid in a large hall, the camera walks loops through it, and
 * each frame's depth is the background plus each visible box's projected rectangle at its centre depth.
 */
export interface StreamOptions {
  readonly objects: number;
  readonly seed?: number;
  readonly width?: number;
  readonly height?: number;
}

export function* detectionStream(opts: StreamOptions): Generator<KeyframeInput> {
  const rng = new Prng(opts.seed ?? 1);
  const k: Intrinsics = defaultIntrinsics(opts.width ?? 320, opts.height ?? 240, 60);
  const side = Math.ceil(Math.sqrt(opts.objects));
  const spacing = 1.6;
  const hall = side * spacing;
  const labels = CATALOG.filter((c) => c.support === 'floor').map((c) => c.label);
  const objs = Array.from({ length: opts.objects }, (_, i) => ({
    label: rng.pick(labels),
    c: [((i % side) + 0.5) * spacing, (Math.floor(i / side) + 0.5) * spacing, 0.4] as const,
    half: [rng.uniform(0.2, 0.5), rng.uniform(0.2, 0.5), 0.4] as const,
  }));
  for (let f = 0; ; f++) {
    // A slow loop around the hall's centre, radius breathing so every object is passed now and then.
    const t = f / 400;
    const r = hall * (0.15 + 0.3 * (0.5 + 0.5 * Math.sin(t * 0.37)));
    const pos = [hall / 2 + r * Math.cos(t), hall / 2 + r * Math.sin(t), 1.5] as const;
    const pose: CameraToWorld = lookPose(pos, t + Math.PI / 2 + 0.4 * Math.sin(3 * t), -0.35);
    const depth = new Float32Array(k.width * k.height).fill(6);
    const visible: { z: number; det: Detection }[] = [];
    for (const o of objs) {
      let u0 = Infinity,
        v0 = Infinity,
        u1 = -Infinity,
        v1 = -Infinity,
        zc = 0,
        ok = true;
      for (const [a, b, e] of [
        [-1, -1, -1],
        [1, -1, -1],
        [1, 1, -1],
        [-1, 1, -1],
        [-1, -1, 1],
        [1, -1, 1],
        [1, 1, 1],
        [-1, 1, 1],
      ]) {
        const w = [
          o.c[0] + a * o.half[0] - pos[0],
          o.c[1] + b * o.half[1] - pos[1],
          o.c[2] + e * o.half[2] - pos[2],
        ];
        const x = pose[0] * w[0] + pose[4] * w[1] + pose[8] * w[2];
        const y = pose[1] * w[0] + pose[5] * w[1] + pose[9] * w[2];
        const z = pose[2] * w[0] + pose[6] * w[1] + pose[10] * w[2];
        if (z < 0.3 || z > 5.5) {
          ok = false;
          break;
        }
        zc += z / 8;
        u0 = Math.min(u0, (k.fx * x) / z + k.cx);
        u1 = Math.max(u1, (k.fx * x) / z + k.cx);
        v0 = Math.min(v0, (k.fy * y) / z + k.cy);
        v1 = Math.max(v1, (k.fy * y) / z + k.cy);
      }
      if (!ok || u1 < 0 || v1 < 0 || u0 >= k.width || v0 >= k.height) continue;
      const box: [number, number, number, number] = [
        Math.max(0, u0),
        Math.max(0, v0),
        Math.min(k.width, u1),
        Math.min(k.height, v1),
      ];
      if (box[2] - box[0] < 4 || box[3] - box[1] < 4) continue;
      visible.push({ z: zc, det: { label: o.label, score: 0.9, box } });
    }
    visible.sort((a, b) => b.z - a.z); // painter's order: far first, near boxes overwrite
    for (const { z, det } of visible) {
      for (let v = Math.floor(det.box[1]); v < Math.ceil(det.box[3]); v++)
        for (let u = Math.floor(det.box[0]); u < Math.ceil(det.box[2]); u++) depth[v * k.width + u] = z;
    }
    const img: DepthImage = { width: k.width, height: k.height, data: depth };
    yield { frame: f, time: f / 10, pose, intrinsics: k, depth: img, detections: visible.map((v) => v.det) };
  }
}
