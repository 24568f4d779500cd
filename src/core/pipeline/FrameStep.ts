/**
 * The one per-frame perceive step before fusion: detections, metric depth and pose, each from the frame when it
 * brings them (a sequence's detections.json, depth/, trajectory.log; WebXR) and from the engines otherwise —
 * a detector, a depth model scaled by object-size priors (metricDepth.ts), RGB-D odometry for the pose. Every
 * stage says where its result came from and how long it took, so the UI can show honestly what is running.
 * The perception worker (FrameProcessor) and the in-thread SequenceFuser (CLI, reasoner, benches) both run it.
 */
import { isAbortError, throwIfAborted } from '../abort';
import type { KeyframeInput } from '../fusion/MosaicBuilder';
import { DEFAULT_UP } from '../geometry/floorFrame';
import {
  asCameraToWorld,
  type CameraToWorld,
  type Intrinsics,
  type Mat4,
  type Vec3,
} from '../geometry/types';
import { SequenceOdometry, type OdometryOptions, type OdometryStep } from '../odometry';
import type { DepthImage, Detection } from '../perception/types';
import type { DepthEngine, DetectorEngine } from './engines';
import type { PipelineFrame } from './frames';
import type { FrameSources } from './frameSources';
import { metricDepth, type KeptFit } from './metricDepth';

export type PerceiveStage = 'detect' | 'depth' | 'pose';

export interface StageTime {
  readonly stage: PerceiveStage;
  readonly ms: number;
}

export interface PerceivedFrame {
  readonly detections: readonly Detection[];
  readonly depth?: DepthImage;
  readonly pose?: CameraToWorld;
  readonly sources: FrameSources;
  /** Engine stages that ran, in order (none for a frame that brought everything). */
  readonly timings: readonly StageTime[];
}

export interface PerceiveContext<P = unknown> {
  readonly signal?: AbortSignal;
  /** A stage is starting (for the progress bar). */
  readonly onStage?: (stage: PerceiveStage) => void;
  /** Download/load progress of an engine loaded on first use. */
  readonly onModelProgress?: P;
}

export interface FrameEngines<P = unknown> {
  readonly detector?: DetectorEngine<P>;
  readonly depth?: DepthEngine<P>;
}

export interface FrameStepOptions {
  readonly now?: () => number;
  /** Told once per engine failure (a missing model, a broken session), for the status line. */
  readonly onNotice?: (message: string) => void;
  /** Odometry settings (e.g. colour intrinsics) over the defaults; the first pose follows the scene's up. */
  readonly odometry?: Partial<OdometryOptions>;
}

// Camera axes (x right, y down, z forward) → a z-up world, assuming the first frame is held level.
const CAMERA_TO_Z_UP: Mat4 = [1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1];

type EngineState<E> = { engine: E; failed?: string };

export class FrameStep<P = unknown> {
  private detector?: EngineState<DetectorEngine<P>>;
  private depthEngine?: EngineState<DepthEngine<P>>;
  /** Odometry for the cameras it was set up for (`cameras`: the frames' intrinsics and depth camera). */
  private odometry?: { odometry: SequenceOdometry; cameras: string };
  private lastFit?: KeptFit;
  private up: Vec3 = DEFAULT_UP;
  private readonly now: () => number;
  private readonly onNotice: (message: string) => void;

  constructor(
    engines: FrameEngines<P> = {},
    private readonly options: FrameStepOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.onNotice = options.onNotice ?? (() => undefined);
    this.setEngines(engines);
  }

  /** Swaps the engines (a new backend or models URL); the old ones are disposed by the caller. */
  setEngines(engines: FrameEngines<P>): void {
    this.detector = engines.detector ? { engine: engines.detector } : undefined;
    this.depthEngine = engines.depth ? { engine: engines.depth } : undefined;
  }

  /** A new scene: odometry restarts, and its first pose is level in the scene's world frame. */
  reset(up: Vec3 = this.up): void {
    this.up = up;
    this.odometry = undefined;
    this.lastFit = undefined;
  }

  /** What odometry did with the last frame it tracked (keyframe, tracked or lost). */
  get odometryStep(): OdometryStep | undefined {
    return this.odometry?.odometry.last;
  }

  /** Whether odometry tracks on a separate depth camera's own pixels (a sequence's depth_to_color.json). */
  get tracksOnRawDepth(): boolean {
    return this.odometry?.odometry.onRawDepth ?? false;
  }

  /** The engines' labels once loaded, for the status line. */
  engineLabels(): { detector?: string; depth?: string } {
    return {
      ...(this.detector ? { detector: this.detector.engine.label() } : {}),
      ...(this.depthEngine ? { depth: this.depthEngine.engine.label() } : {}),
    };
  }

  async perceive(frame: PipelineFrame, ctx: PerceiveContext<P> = {}): Promise<PerceivedFrame> {
    const timings: StageTime[] = [];
    const timed = async <T>(stage: PerceiveStage, fn: () => Promise<T>): Promise<T> => {
      ctx.onStage?.(stage);
      const t0 = this.now();
      try {
        return await fn();
      } finally {
        timings.push({ stage, ms: this.now() - t0 });
      }
    };

    let detections: readonly Detection[] = frame.detections ?? [];
    let detSource: FrameSources['detections'] = { source: 'frame' };
    if (!frame.detections) {
      const d = this.detector;
      if (!d) detSource = { source: 'none', why: 'no detector configured' };
      else if (d.failed) detSource = { source: 'none', why: d.failed };
      else {
        const out = await timed('detect', () => this.run(d, ctx, (e) => e.detect(frame.rgb, ctx)));
        detections = out ?? [];
        detSource = out
          ? { source: 'detector', engine: d.engine.label() }
          : { source: 'none', why: d.failed ?? 'detector failed' };
      }
    }
    throwIfAborted(ctx.signal);

    let depth: DepthImage | undefined = frame.depth;
    let depthSource: FrameSources['depth'] = { source: 'frame' };
    if (!depth) {
      const d = this.depthEngine;
      if (!d) depthSource = { source: 'none', why: 'no depth model configured' };
      else if (d.failed) depthSource = { source: 'none', why: d.failed };
      else {
        const est = await timed('depth', () => this.run(d, ctx, (e) => e.estimate(frame.rgb, ctx)));
        // No pose with the frame: odometry will run on this depth, and any one consistent scale will do.
        const scaled = est && metricDepth(est, detections, frame.intrinsics, this.lastFit, !frame.pose);
        if (scaled) {
          depth = scaled.depth;
          if (scaled.fit) this.lastFit = scaled.fit;
          depthSource = { source: 'estimated', engine: d.engine.label(), scale: scaled.scale };
        } else {
          depthSource = {
            source: 'none',
            why: est
              ? 'relative depth with no scale yet: no object of known size (chair, tv, person…) in view'
              : (d.failed ?? 'depth model failed'),
          };
        }
      }
    }
    throwIfAborted(ctx.signal);

    let pose = frame.pose && asCameraToWorld(frame.pose);
    let poseSource: FrameSources['pose'] = { source: 'frame' };
    if (!pose) {
      // Sensor depth when the frame brings it; else the estimated (scaled) depth, resampled to the image.
      const own =
        frame.depth && frame.depth.width === frame.rgb.width && frame.depth.height === frame.rgb.height
          ? frame.depth
          : !frame.depth && depth
            ? resampleDepth(depth, frame.rgb.width, frame.rgb.height)
            : undefined;
      if (own) {
        // With a second depth camera, on its own pixels (as the CLI tracks); else on the depth above.
        const raw = own === frame.depth ? rawDepthOf(frame) : undefined;
        pose = await timed('pose', async () =>
          this.odometryFor(frame, raw).push({ rgb: frame.rgb, depth: own, ...raw }),
        );
        const step = this.odometry?.odometry.last;
        poseSource = { source: 'odometry', tracked: step?.tracked ?? true };
      } else {
        poseSource = {
          source: 'none',
          why: frame.depth
            ? 'no pose given, and the sensor depth does not match the image size'
            : depthSource.source === 'none'
              ? `no pose given and no depth for odometry (${depthSource.why})`
              : 'no pose given and no depth for odometry',
        };
      }
    }
    return {
      detections,
      ...(depth ? { depth } : {}),
      ...(pose ? { pose } : {}),
      sources: { detections: detSource, depth: depthSource, pose: poseSource },
      timings,
    };
  }

  /**
   * Runs one engine call; a failure (missing model, broken session) is remembered so later frames skip the
   * engine instead of failing the same way each time. Aborts propagate.
   */
  private async run<E extends DetectorEngine<P> | DepthEngine<P>, T>(
    state: EngineState<E>,
    ctx: PerceiveContext<P>,
    call: (engine: E) => Promise<T>,
  ): Promise<T | undefined> {
    try {
      await state.engine.load(ctx.onModelProgress);
      throwIfAborted(ctx.signal);
      return await call(state.engine);
    } catch (err) {
      if (isAbortError(err) || ctx.signal?.aborted) throw err;
      const e = err as Error;
      state.failed = `${state.engine.label()}: ${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`;
      this.onNotice(`${state.failed} (frames go on without it)`);
      return undefined;
    }
  }

  /**
   * The odometry for this frame's cameras: the same tracking as the CLI's (SequenceOdometry), started again when
   * the cameras change (a new image size, other intrinsics, depth from the depth camera or not).
   */
  private odometryFor(frame: PipelineFrame, raw: { rawDepth: DepthImage } | undefined): SequenceOdometry {
    const { intrinsics, rgb } = frame;
    const depthToColor = raw ? frame.depthToColor : undefined;
    const k = (c: Intrinsics | undefined) => (c ? [c.width, c.height, c.fx, c.fy, c.cx, c.cy] : []);
    const cameras = JSON.stringify([
      k(intrinsics),
      k(depthToColor?.depthIntrinsics),
      depthToColor?.transform,
    ]);
    if (this.odometry?.cameras === cameras) return this.odometry.odometry;
    const zUp = this.up[2] > 0.9;
    const odometry = new SequenceOdometry(
      { intrinsics, width: rgb.width, height: rgb.height, ...(depthToColor ? { depthToColor } : {}) },
      { ...this.options.odometry, ...(zUp ? { initialPose: CAMERA_TO_Z_UP } : {}) },
    );
    this.odometry = { odometry, cameras };
    return odometry;
  }
}

/** The depth camera's own depth, when the frame has one that odometry can track on (same grid as the image). */
function rawDepthOf(frame: PipelineFrame): { rawDepth: DepthImage } | undefined {
  const { rawDepth, depthToColor, rgb } = frame;
  const k = depthToColor?.depthIntrinsics;
  if (!rawDepth || !k) return undefined;
  const fits = (w: number, h: number) => w === rgb.width && h === rgb.height;
  return fits(rawDepth.width, rawDepth.height) && fits(k.width, k.height) ? { rawDepth } : undefined;
}

/**
 * The keyframe a perceived frame fuses as: it needs a pose, depth and detections from somewhere (a frame with
 * none has nothing to add yet, and must not move the trajectory); undefined otherwise.
 */
export function keyframeOf(frame: PipelineFrame, perceived: PerceivedFrame): KeyframeInput | undefined {
  const { pose, depth, detections, sources } = perceived;
  if (!pose || !depth || sources.detections.source === 'none') return undefined;
  return { frame: frame.frame, time: frame.time, pose, intrinsics: frame.intrinsics, depth, detections };
}

/** Nearest-neighbour resampling (depth must not blend across object edges); the same image when sizes match. */
export function resampleDepth(depth: DepthImage, width: number, height: number): DepthImage {
  if (depth.width === width && depth.height === height) return depth;
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(depth.height - 1, Math.floor(((y + 0.5) * depth.height) / height));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(depth.width - 1, Math.floor(((x + 0.5) * depth.width) / width));
      out[y * width + x] = depth.data[sy * depth.width + sx];
    }
  }
  return { width, height, data: out };
}
