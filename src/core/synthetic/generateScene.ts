import { multiply } from '../geometry/se3';
import { asCameraToWorld, type CameraToWorld, type Intrinsics } from '../geometry/types';
import { defaultIntrinsics } from '../geometry/camera';
import { confusableWith } from '../fusion/labelCompatibility';
import type { KeyframeInput } from '../fusion/MosaicBuilder';
import type { DepthImage, Detection, RgbImage } from '../perception/types';
import { CATALOG } from './catalog';
import { cameraPath } from './cameraPath';
import type { GroundTruthObject, SceneGroundTruth } from './groundTruth';
import { layoutRoom, type LayoutOptions, type RoomLayout } from './layoutRoom';
import { resolveNoise, type NoiseOptions, type NoiseSpec } from './noise';
import { Prng } from '../prng';
import { renderFrame, type RenderedFrame } from './renderFrame';

/**
 * A deterministic synthetic RGB-D sequence with ground truth: a furnished room, a hand-held camera walk,
 * rendered colour and depth, poses, intrinsics and oracle detections (occlusion-aware, from the id
 * buffer), with optional noise. Same seed and options → byte-identical output.
 */
export interface SceneOptions extends LayoutOptions {
  readonly seed: number;
  readonly frameCount?: number;
  readonly imageWidth?: number;
  readonly imageHeight?: number;
  readonly fps?: number;
  readonly noise?: NoiseSpec;
  /**
   * Depth from a second camera beside the colour one (a Kinect: a few centimetres apart, another focal
   * length): depth.png is then not registered to the colour image, as on real RGB-D sequences.
   */
  readonly depthCamera?: DepthCameraOffset;
}

export interface DepthCameraOffset {
  /** The depth camera's centre in the colour camera's frame (metres, OpenCV axes: x right, y down). */
  readonly offset: readonly [number, number, number];
  /** Depth focal length over the colour one (Kinect v1: 585 / 525 ≈ 1.11); default 1. */
  readonly focalScale?: number;
}

/**
 * The depth camera of a scene rendered with `depthCamera`: its intrinsics and the depth→colour transform that
 * depth_to_color.json holds (row-major 4×4).
 */
export function depthCameraOf(
  k: Intrinsics,
  d: DepthCameraOffset,
): { intrinsics: Intrinsics; depthToColor: number[] } {
  const s = d.focalScale ?? 1;
  const [x, y, z] = d.offset;
  return {
    intrinsics: { ...k, fx: k.fx * s, fy: k.fy * s },
    depthToColor: [1, 0, 0, x, 0, 1, 0, y, 0, 0, 1, z, 0, 0, 0, 1],
  };
}

export interface OracleDetection {
  /** Ground-truth object id. */
  readonly objectId: string;
  readonly box: readonly [number, number, number, number];
}

export interface SyntheticFrame {
  readonly index: number;
  readonly time: number;
  readonly truePose: CameraToWorld;
  /** The pose written to trajectory.log (with drift when noise asks for it). */
  readonly pose: CameraToWorld;
  readonly rgb: RgbImage;
  /** Depth in metres, quantised to millimetres like the PNG, with noise; 0 = no reading. */
  readonly depth: DepthImage;
  /** What detections.json holds for this frame (noise applied). */
  readonly detections: Detection[];
  /** Clean oracle: every object that is visible enough to be detected. */
  readonly oracle: OracleDetection[];
}

export interface SyntheticScene {
  readonly layout: RoomLayout;
  readonly intrinsics: Intrinsics;
  readonly frames: SyntheticFrame[];
  readonly groundTruth: SceneGroundTruth;
  readonly noise: NoiseOptions;
  /** With `depthCamera`: its intrinsics and the depth→colour transform (depth_to_color.json). */
  readonly depthCamera?: { readonly intrinsics: Intrinsics; readonly depthToColor: number[] };
}

/** What fusion takes from one generated frame: its written pose, depth and detections.json entries. */
export function keyframeInput(scene: Pick<SyntheticScene, 'intrinsics'>, f: SyntheticFrame): KeyframeInput {
  return {
    frame: f.index,
    time: f.time,
    pose: f.pose,
    intrinsics: scene.intrinsics,
    depth: f.depth,
    detections: f.detections,
  };
}

/** An object counts as detectable with this many visible pixels and this visible share of its unoccluded view. */
const MIN_VISIBLE_PIXELS = 40;
const MIN_VISIBLE_FRACTION = 0.3;

/**
 * The oracle detector: every object with enough visible pixels (after occlusion, from the id buffer),
 * boxed by its visible pixels — so a half-hidden object gets the box of its visible half.
 */
export function oracleDetections(layout: RoomLayout, r: RenderedFrame): OracleDetection[] {
  const out: OracleDetection[] = [];
  layout.objects.forEach((o, i) => {
    if (r.visible[i] < MIN_VISIBLE_PIXELS || r.visible[i] < MIN_VISIBLE_FRACTION * r.unoccluded[i]) return;
    const b = r.boxes.subarray(i * 4, i * 4 + 4);
    out.push({ objectId: o.id, box: [b[0], b[1], b[2], b[3]] });
  });
  return out;
}

function smallRotation(rng: Prng, sigma: number): number[] {
  const [x, y, z] = [rng.normal(0, sigma), rng.normal(0, sigma), rng.normal(0, sigma)];
  // First-order rotation, re-orthonormalised by Rodrigues for exactness.
  const th = Math.hypot(x, y, z);
  if (th < 1e-15) return [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
  const [kx, ky, kz] = [x / th, y / th, z / th];
  const c = Math.cos(th),
    s = Math.sin(th),
    t = 1 - c;
  return [
    t * kx * kx + c,
    t * kx * ky - s * kz,
    t * kx * kz + s * ky,
    0,
    t * kx * ky + s * kz,
    t * ky * ky + c,
    t * ky * kz - s * kx,
    0,
    t * kx * kz - s * ky,
    t * ky * kz + s * kx,
    t * kz * kz + c,
    0,
    0,
    0,
    0,
    1,
  ];
}

export function generateScene(opts: SceneOptions): SyntheticScene {
  const stream = streamScene(opts);
  const frames: SyntheticFrame[] = [];
  const it = stream.frames();
  for (let r = it.next(); ; r = it.next()) {
    if (r.done) return { ...stream, frames, groundTruth: r.value };
    frames.push(r.value);
  }
}

/** A scene rendered one frame at a time (a worker fuses each as it comes); the generator returns the ground truth. */
export interface SceneStream {
  readonly layout: RoomLayout;
  readonly intrinsics: Intrinsics;
  readonly noise: NoiseOptions;
  readonly frameCount: number;
  readonly depthCamera?: { readonly intrinsics: Intrinsics; readonly depthToColor: number[] };
  frames(): Generator<SyntheticFrame, SceneGroundTruth>;
}

/** generateScene frame by frame: same seed and options → the same frames, in order. */
export function streamScene(opts: SceneOptions): SceneStream {
  const noise = resolveNoise(opts.noise);
  const frameCount = opts.frameCount ?? 120;
  const k = defaultIntrinsics(opts.imageWidth ?? 320, opts.imageHeight ?? 240, 60);
  const layout = layoutRoom(opts.seed, opts);
  return {
    layout,
    intrinsics: k,
    noise,
    frameCount,
    ...(opts.depthCamera ? { depthCamera: depthCameraOf(k, opts.depthCamera) } : {}),
    frames: () => renderFrames(opts, layout, k, noise),
  };
}

function* renderFrames(
  opts: SceneOptions,
  layout: RoomLayout,
  k: Intrinsics,
  noise: NoiseOptions,
): Generator<SyntheticFrame, SceneGroundTruth> {
  const seed = opts.seed;
  const frameCount = opts.frameCount ?? 120;
  const fps = opts.fps ?? 10;
  const poses = cameraPath(layout, frameCount, seed);
  // Separate streams: turning a noise knob never changes the room, the path or another knob's draws.
  const depthRng = new Prng(seed * 31 + 11);
  const poseRng = new Prng(seed * 37 + 13);
  const detRng = new Prng(seed * 41 + 17);
  const noisyDetector = noise.missRate > 0 || noise.labelConfusion > 0 || noise.boxJitter > 0;
  const firstSeen = new Map<number, number>();
  let drift: number[] = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
  const depthCam = opts.depthCamera ? depthCameraOf(k, opts.depthCamera) : undefined;

  for (let f = 0; f < frameCount; f++) {
    const truePose = poses[f];
    const r = renderFrame(layout, truePose, k);
    const oracle = oracleDetections(layout, r);
    // Depth as the depth camera sees it: rendered from its own centre with its own focal length.
    const depthSource = depthCam
      ? renderFrame(layout, asCameraToWorld(multiply(truePose, depthCam.depthToColor)), depthCam.intrinsics)
          .depth
      : r.depth;
    for (const od of oracle) {
      const i = Number(od.objectId.slice(1));
      if (!firstSeen.has(i)) firstSeen.set(i, f);
    }

    const depth = new Float32Array(depthSource.length);
    for (let p = 0; p < depth.length; p++) {
      let z = depthSource[p];
      if (noise.depthNoise > 0)
        z += depthRng.normal(0, noise.depthNoise * (0.0012 + 0.0019 * (z - 0.4) ** 2));
      if (noise.depthDropout > 0 && depthRng.chance(noise.depthDropout)) z = 0;
      depth[p] = Math.max(0, Math.min(65535, Math.round(z * 1000))) / 1000;
    }

    if (f > 0 && (noise.poseDriftTranslation > 0 || noise.poseDriftRotation > 0)) {
      const step = smallRotation(poseRng, noise.poseDriftRotation);
      step[3] = poseRng.normal(0, noise.poseDriftTranslation);
      step[7] = poseRng.normal(0, noise.poseDriftTranslation);
      step[11] = poseRng.normal(0, noise.poseDriftTranslation);
      drift = multiply(step, drift);
    }
    const pose = asCameraToWorld(multiply(drift, truePose));

    const detections: Detection[] = [];
    for (const od of oracle) {
      if (noise.missRate > 0 && detRng.chance(noise.missRate)) continue;
      let label = layout.objects[Number(od.objectId.slice(1))].label;
      if (noise.labelConfusion > 0 && detRng.chance(noise.labelConfusion)) {
        const alts = confusableWith(label);
        if (alts.length > 0) label = detRng.pick(alts);
      }
      let [x0, y0, x1, y1] = od.box;
      if (noise.boxJitter > 0) {
        const sw = noise.boxJitter * (x1 - x0),
          sh = noise.boxJitter * (y1 - y0);
        x0 += detRng.normal(0, sw);
        x1 += detRng.normal(0, sw);
        y0 += detRng.normal(0, sh);
        y1 += detRng.normal(0, sh);
      }
      const box = clampBox([x0, y0, x1, y1], k);
      if (!box) continue;
      const score = !noisyDetector ? 0.9 : Math.min(0.99, Math.max(0.3, detRng.normal(0.8, 0.1)));
      detections.push({ label, score: round3(score), box });
    }
    if (noise.falsePositives > 0 && detRng.chance(noise.falsePositives)) {
      const w = detRng.uniform(15, 80),
        h = detRng.uniform(15, 80);
      const x = detRng.uniform(0, k.width - w),
        y = detRng.uniform(0, k.height - h);
      const box = clampBox([x, y, x + w, y + h], k);
      if (box)
        detections.push({ label: detRng.pick(CATALOG).label, score: round3(detRng.uniform(0.3, 0.6)), box });
    }

    yield {
      index: f,
      time: f / fps,
      truePose,
      pose,
      rgb: { width: k.width, height: k.height, data: r.rgb },
      depth: { width: k.width, height: k.height, data: depth },
      detections,
      oracle,
    };
  }

  const objects: GroundTruthObject[] = [];
  layout.objects.forEach((o, i) => {
    const first = firstSeen.get(i);
    if (first === undefined) return; // never seen: not part of what the sequence shows
    objects.push({
      id: o.id,
      label: o.label,
      center: o.center,
      size: o.size,
      yaw: o.yaw,
      firstSeenFrame: first,
      support: o.support,
    });
  });
  const groundTruth: SceneGroundTruth = {
    seed,
    up: [0, 0, 1],
    room: { width: layout.width, depth: layout.depth, height: layout.height, origin: [0, 0, 0] },
    objects,
    frameCount,
  };
  return groundTruth;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function clampBox(b: number[], k: Intrinsics): [number, number, number, number] | undefined {
  const x0 = round3(Math.max(0, Math.min(b[0], b[2])));
  const x1 = round3(Math.min(k.width, Math.max(b[0], b[2])));
  const y0 = round3(Math.max(0, Math.min(b[1], b[3])));
  const y1 = round3(Math.min(k.height, Math.max(b[1], b[3])));
  return x1 - x0 >= 2 && y1 - y0 >= 2 ? [x0, y0, x1, y1] : undefined;
}
