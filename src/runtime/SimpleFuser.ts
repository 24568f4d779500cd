import { unproject } from '../core/geometry/camera';
import { cameraToWorldPoint } from '../core/geometry/se3';
import type { CameraToWorld, Intrinsics, Mat4, Vec3 } from '../core/geometry/types';
import { MOSAIC_SCHEMA_VERSION, type Keyframe, type Mosaic, type MosaicObject } from '../core/mosaic/types';
import type { DepthImage, Detection } from '../core/perception/types';

/**
 * What the perception service needs from fusion: fuse one keyframe, say what changed (so storage can write
 * a delta), hand out the mosaic. `MosaicBuilder` (src/core/fusion) is the real implementation; this file's
 * `SimpleFuser` is a deliberately small stand-in (median depth in the box, same-label nearest-centre merge)
 * so that the worker, storage and e2e run end to end before it is wired in.
 */
export interface FusionInput {
  readonly frame: number;
  readonly time: number;
  readonly pose: Mat4;
  readonly intrinsics: Intrinsics;
  readonly depth: DepthImage;
  readonly detections: readonly Detection[];
}

export interface FusionDelta {
  readonly keyframe: Keyframe;
  readonly upserts: MosaicObject[];
  readonly removed: string[];
}

export interface FrameFuser {
  fuse(input: FusionInput): FusionDelta;
  mosaic(): Mosaic;
}

/** A detection lifted to 3D: the box centre at the median depth of the box's inner half. */
export interface LiftedDetection {
  readonly detection: Detection;
  readonly center: Vec3;
  readonly size: Vec3;
}

export function liftDetection(
  det: Detection,
  depth: DepthImage,
  k: Intrinsics,
  pose: Mat4,
): LiftedDetection | undefined {
  const [x0, y0, x1, y1] = det.box;
  // Depth may come at another resolution than the image the box and intrinsics describe.
  const sx = depth.width / k.width;
  const sy = depth.height / k.height;
  const qx0 = Math.max(0, Math.floor((x0 + (x1 - x0) / 4) * sx));
  const qx1 = Math.min(depth.width - 1, Math.ceil((x1 - (x1 - x0) / 4) * sx));
  const qy0 = Math.max(0, Math.floor((y0 + (y1 - y0) / 4) * sy));
  const qy1 = Math.min(depth.height - 1, Math.ceil((y1 - (y1 - y0) / 4) * sy));
  const zs: number[] = [];
  for (let y = qy0; y <= qy1; y++) {
    for (let x = qx0; x <= qx1; x++) {
      const z = depth.data[y * depth.width + x];
      if (z > 0 && Number.isFinite(z)) zs.push(z);
    }
  }
  if (zs.length === 0) return undefined;
  zs.sort((a, b) => a - b);
  const z = zs[zs.length >> 1];
  const cam = unproject(k, (x0 + x1) / 2, (y0 + y1) / 2, z);
  const center = cameraToWorldPoint(pose as CameraToWorld, cam);
  const w = ((x1 - x0) * z) / k.fx;
  const h = ((y1 - y0) * z) / k.fy;
  return { detection: det, center: [center[0], center[1], center[2]], size: [w, h, Math.min(w, h)] };
}

export class SimpleFuser implements FrameFuser {
  private readonly objects = new Map<string, MosaicObject>();
  private readonly trajectory: Keyframe[] = [];
  private next = 0;

  constructor(
    private readonly up: Vec3 = [0, -1, 0],
    private readonly mergeRadius = 0.5,
  ) {}

  fuse(input: FusionInput): FusionDelta {
    const keyframe: Keyframe = {
      frame: input.frame,
      time: input.time,
      pose: [...input.pose] as unknown as CameraToWorld,
    };
    this.trajectory.push(keyframe);
    const upserts = new Map<string, MosaicObject>();
    for (const det of input.detections) {
      const lifted = liftDetection(det, input.depth, input.intrinsics, input.pose);
      if (!lifted) continue;
      const match = this.nearest(lifted);
      const obj = match
        ? this.merge(match, lifted, input.frame)
        : this.create(lifted, input.frame, input.time);
      this.objects.set(obj.id, obj);
      upserts.set(obj.id, obj);
    }
    return { keyframe, upserts: [...upserts.values()].map((o) => structuredClone(o)), removed: [] };
  }

  mosaic(): Mosaic {
    return structuredClone({
      schemaVersion: MOSAIC_SCHEMA_VERSION,
      up: this.up,
      objects: [...this.objects.values()],
      trajectory: this.trajectory,
      source: { fusion: 'SimpleFuser (stand-in until MosaicBuilder)' },
    });
  }

  private nearest(l: LiftedDetection): MosaicObject | undefined {
    let best: MosaicObject | undefined;
    let bestD = Infinity;
    for (const o of this.objects.values()) {
      if (o.label !== l.detection.label) continue;
      const d = Math.hypot(o.center[0] - l.center[0], o.center[1] - l.center[1], o.center[2] - l.center[2]);
      const radius = Math.max(this.mergeRadius, Math.max(...o.size) / 2);
      if (d <= radius && d < bestD) [best, bestD] = [o, d];
    }
    return best;
  }

  private create(l: LiftedDetection, frame: number, time: number): MosaicObject {
    const { label, score } = l.detection;
    return {
      id: `o${this.next++}`,
      label,
      labels: [{ label, weight: score, count: 1 }],
      center: [...l.center],
      size: [...l.size],
      yaw: 0,
      confidence: score,
      firstSeenFrame: frame,
      firstSeenTime: time,
      lastSeenFrame: frame,
      observations: 1,
    };
  }

  private merge(o: MosaicObject, l: LiftedDetection, frame: number): MosaicObject {
    const n = o.observations;
    const avg = (a: readonly number[], b: readonly number[]): [number, number, number] => [
      (a[0] * n + b[0]) / (n + 1),
      (a[1] * n + b[1]) / (n + 1),
      (a[2] * n + b[2]) / (n + 1),
    ];
    const vote = o.labels[0];
    return {
      ...o,
      center: avg(o.center, l.center),
      size: avg(o.size, l.size),
      labels: [{ ...vote, weight: vote.weight + l.detection.score, count: vote.count + 1 }],
      confidence: Math.max(o.confidence, l.detection.score),
      lastSeenFrame: frame,
      observations: n + 1,
    };
  }
}
