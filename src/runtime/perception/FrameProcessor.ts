/**
 * One keyframe through the perception worker: validated, perceived (the core's FrameStep via FramePipeline:
 * detections, depth, pose from the frame or our engines), fused and appended to the open scene (SceneRecorder), with per-stage timings
 * and progress. One frame at a time: a frame that arrives while another is in flight is dropped, so a live
 * camera never builds a backlog.
 */
import { intrinsicsProblem } from '../../core/geometry/camera';
import { keyframeOf } from '../../core/pipeline/FrameStep';
import { abortableDelay, type ActiveRequest } from '../RequestTracker';
import { InvalidRequestError, throwIfAborted } from '../errors';
import type { PerceptionFrame, ProcessFrameResult, StageTiming } from '../frames';
import { ProgressReporter, type ProgressCallback } from '../progress';
import type { SceneRecorder } from '../SceneRecorder';
import type { EngineHost } from './EngineHost';
import type { FramePipeline } from './FramePipeline';

export class FrameProcessor {
  private inFlight = false;

  constructor(
    private readonly engines: EngineHost,
    private readonly perception: FramePipeline,
    private readonly recorder: SceneRecorder,
    private readonly now: () => number,
  ) {}

  /** Whether a frame is being processed now. */
  get busy(): boolean {
    return this.inFlight;
  }

  /**
   * Runs `fn` holding the frame slot: waits for a frame in flight to finish; live frames arriving meanwhile
   * are dropped as busy.
   */
  async exclusive<T>(fn: () => Promise<T>, signal: AbortSignal): Promise<T> {
    while (this.inFlight) await abortableDelay(10, signal);
    this.inFlight = true;
    try {
      return await fn();
    } finally {
      this.inFlight = false;
    }
  }

  async process(
    frame: PerceptionFrame,
    begin: () => ActiveRequest,
    onProgress?: ProgressCallback,
  ): Promise<ProcessFrameResult> {
    if (this.inFlight) return { dropped: true, frame: frame.frame, reason: 'busy' };
    this.inFlight = true;
    const req = begin();
    const progress = new ProgressReporter('processFrame', req.id, onProgress);
    const timings: StageTiming[] = [];
    const timed = async <T>(stage: StageTiming['stage'], fn: () => T | Promise<T>): Promise<T> => {
      const t0 = this.now();
      const out = await fn();
      timings.push({ stage, ms: this.now() - t0 });
      return out;
    };
    try {
      await timed('validate', () => validateFrame(frame));
      progress.report('validate', 10);
      throwIfAborted(req.signal);
      this.engines.engines();
      const perceived = await this.perception.perceive(frame, {
        signal: req.signal,
        onStage: (stage) => progress.report(stage, { detect: 15, depth: 35, pose: 50 }[stage]),
        onModelProgress: this.engines.progress((e) => progress.report(`loading ${e.model}`, 12)),
      });
      timings.push(...perceived.timings);
      throwIfAborted(req.signal);
      const { detections, sources } = perceived;
      const keyframe = keyframeOf(frame, perceived);
      let upserted = 0;
      let removed = 0;
      // A frame with no detections from anywhere has nothing to add yet (and must not move the trajectory).
      if (keyframe) {
        // Past this point the fused state changes, so the frame runs to its commit: no abort checks below.
        const delta = await timed('fuse', () => this.recorder.fuse(keyframe));
        progress.report('fuse', 60);
        [upserted, removed] = [delta.upserts.length, delta.removed.length];
        if (this.recorder.sceneId) {
          await timed('persist', () => this.recorder.persist(delta));
          progress.report('persist', 95);
        }
      }
      progress.done();
      const sceneId = this.recorder.sceneId;
      return {
        dropped: false,
        frame: frame.frame,
        timings,
        upserted,
        removed,
        objectCount: this.recorder.objectCount,
        detections,
        sources,
        ...(sceneId ? { sceneId } : {}),
      };
    } finally {
      this.inFlight = false;
      req.end();
    }
  }
}

/** Bad frames fail loudly with what to send instead; they would otherwise fuse garbage silently. */
export function validateFrame(f: PerceptionFrame): void {
  const bad = (problem: string): never => {
    throw new InvalidRequestError(`processFrame (frame ${f.frame}): ${problem}`);
  };
  const k = intrinsicsProblem(f.intrinsics);
  if (k) bad(`intrinsics ${k}; send the camera's fx, fy, cx, cy for this image size.`);
  const { rgb, depth, pose } = f;
  if (rgb.width !== f.intrinsics.width || rgb.height !== f.intrinsics.height) {
    bad(
      `rgb is ${rgb.width}×${rgb.height} but intrinsics describe ${f.intrinsics.width}×${f.intrinsics.height}; rescale the intrinsics.`,
    );
  }
  if (rgb.data.length !== rgb.width * rgb.height * 3) {
    bad(
      `rgb has ${rgb.data.length} bytes, expected width*height*3 = ${rgb.width * rgb.height * 3} (interleaved RGB).`,
    );
  }
  if (depth && depth.data.length !== depth.width * depth.height) {
    bad(`depth has ${depth.data.length} values, expected ${depth.width * depth.height}.`);
  }
  const { rawDepth, depthToColor } = f;
  if (rawDepth && rawDepth.data.length !== rawDepth.width * rawDepth.height) {
    bad(
      `the depth camera's own depth has ${rawDepth.data.length} values, expected ${rawDepth.width * rawDepth.height}.`,
    );
  }
  if (rawDepth && !depthToColor) {
    bad(
      "the depth camera's own depth (rawDepth) came without its camera: send the sequence's depthToColor with it.",
    );
  }
  if (pose && (pose.length !== 16 || !pose.every(Number.isFinite))) {
    bad('pose must be 16 finite numbers (row-major 4×4 camera-to-world).');
  }
}
