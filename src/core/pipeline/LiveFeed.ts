import type { CameraToWorld, Intrinsics } from '../geometry/types';
import { rgbaToRgb, type RgbaImage } from '../image/rgba';
import { KeyframeSelector, type KeyframeReason, type KeyframeSelectorOptions } from '../keyframes';
import type { Mosaic } from '../mosaic/types';
import type { DepthImage, Detection } from '../perception/types';
import { isPlaced, type FrameSources } from './frameSources';
import type { PipelineFrame } from './frames';

/** One captured frame of a live source, RGBA as the canvas (or WebXR camera image) gives it. */
export interface LiveFrame {
  /** Capture time, ms since the source started. */
  readonly timeMs: number;
  readonly rgba: RgbaImage;
  readonly intrinsics: Intrinsics;
  /** Camera-to-world (OpenCV axes) when the source tracks it (WebXR). */
  readonly pose?: CameraToWorld;
  /** Metric depth aligned with the image (WebXR depth-sensing). */
  readonly depth?: DepthImage;
  /** A sensor whose depth comes from a second camera: its own depth and that camera, for odometry (PipelineFrame). */
  readonly rawDepth?: PipelineFrame['rawDepth'];
  readonly depthToColor?: PipelineFrame['depthToColor'];
}

/** A frame the perception side did not take because it was busy (never queued). */
export interface DroppedFrame {
  readonly dropped: true;
  readonly frame: number;
  readonly reason: 'busy';
}

/** What perceiving and fusing one frame gave (the worker's ProcessFrameResult is this shape). */
export type LiveFrameOutcome =
  | DroppedFrame
  | {
      readonly dropped: false;
      readonly frame: number;
      /** Objects created or updated by this frame, and removed. */
      readonly upserted: number;
      readonly removed: number;
      /** Objects in the mosaic now. */
      readonly objectCount: number;
      readonly detections?: readonly Detection[];
      readonly sources?: FrameSources;
    };

/** Where live keyframes are perceived and fused: the perception worker (PerceptionApi) or its in-thread service. */
export interface LivePerception<R extends LiveFrameOutcome = LiveFrameOutcome, P = unknown> {
  processFrame(frame: PipelineFrame, onProgress?: P, opts?: { readonly requestId?: string }): Promise<R>;
  mosaic(): Promise<Mosaic>;
  interrupt(requestId: string): Promise<unknown>;
}

export interface LiveStats {
  /** Frames captured and looked at. */
  readonly frames: number;
  /** Frames not looked at because the worker was still busy with the previous keyframe (never queued). */
  readonly busy: number;
  /** Keyframes the selector kept (or the caller gave) and sent to the worker. */
  readonly keyframes: number;
  /** Keyframes the worker perceived (and fused, when it had pose and depth). */
  readonly processed: number;
  /** Of those, keyframes placed in 3D: with a pose and depth (given or our own), and a detector that ran. */
  readonly posed: number;
  readonly objects: number;
  readonly lastReason?: KeyframeReason;
  /** What the last processed keyframe's detections, depth and pose came from (honest status). */
  readonly sources?: FrameSources;
  readonly detections: readonly Detection[];
  /** Size of the frame the detections' boxes refer to. */
  readonly detectionSize?: { readonly width: number; readonly height: number };
  readonly error?: string;
}

export const EMPTY_LIVE_STATS: LiveStats = {
  frames: 0,
  busy: 0,
  keyframes: 0,
  processed: 0,
  posed: 0,
  objects: 0,
  detections: [],
};

export interface LiveFeedOptions<P = unknown> {
  readonly onStats?: (stats: LiveStats) => void;
  /** The fused mosaic for the view: after a keyframe that changed it, at most every `mosaicEveryMs`. */
  readonly onMosaic?: (mosaic: Mosaic) => void;
  /** Moves the frame's buffers to the worker (comlink transfer); identity in tests. */
  readonly prepare?: (frame: PipelineFrame) => PipelineFrame;
  readonly selector?: KeyframeSelectorOptions;
  /** Fetch the fused mosaic for the view at most this often (ms; default 1000). */
  readonly mosaicEveryMs?: number;
  /** Fetch it after every keyframe the worker took, even one that changed nothing (a caller that shows each frame's result). */
  readonly mosaicEveryFrame?: boolean;
  /** Progress of each keyframe, passed to processFrame. */
  readonly onProgress?: P;
  /** A failed keyframe's message for people (default the error's message). */
  readonly describeError?: (error: unknown) => string;
  readonly now?: () => number;
}

/**
 * The one way in for live frames — the camera, video files, WebXR and the `<spatial-mosaic>` element's
 * `addFrame`: keyframe selection on each captured frame (`offer`), or a frame the caller chose (`push`); then one
 * keyframe at a time to perception + fusion (moved, not copied). While a keyframe is in flight new frames are
 * dropped rather than queued, so a slow detector never builds a backlog.
 */
export class LiveFeed<R extends LiveFrameOutcome = LiveFrameOutcome, P = unknown> {
  private readonly selector: KeyframeSelector;
  private stats: LiveStats = EMPTY_LIVE_STATS;
  private inFlight?: Promise<void>;
  private lastMosaicAt = -Infinity;
  private stopped = false;
  private requestCounter = 0;
  private currentRequest?: string;
  private readonly feedId = Math.random().toString(36).slice(2, 8);

  constructor(
    // Not inferred: a caller that wants the worker's own result type (and progress events) names them.
    private readonly perception: LivePerception<NoInfer<R>, NoInfer<P>>,
    private readonly opts: LiveFeedOptions<NoInfer<P>> = {},
  ) {
    this.selector = new KeyframeSelector(opts.selector);
  }

  get idle(): boolean {
    return !this.inFlight;
  }

  /** Resolves when the keyframe in flight (if any) is done: a video file waits on it instead of skipping. */
  async settled(): Promise<void> {
    await this.inFlight;
  }

  /** A frame the source did not even read because the worker was busy (counted, never queued). */
  countBusy(): void {
    this.update({ busy: this.stats.busy + 1 });
  }

  /** Looks at one captured frame; returns whether the selector kept it and it was sent as a keyframe. */
  offer(frame: LiveFrame): boolean {
    if (this.stopped) return false;
    if (this.inFlight) {
      this.countBusy();
      return false;
    }
    const d = this.selector.offer({
      timeMs: frame.timeMs,
      image: frame.rgba,
      ...(frame.pose ? { pose: frame.pose } : {}),
    });
    // Frame numbers count every captured frame, skipped ones included, so they follow capture order.
    const frameIndex = this.stats.frames + this.stats.busy;
    this.update({ frames: this.stats.frames + 1, lastReason: d.reason });
    if (!d.keep) return false;
    const rgb = rgbaToRgb(frame.rgba);
    const run = this.send({
      frame: frameIndex,
      time: frame.timeMs / 1000,
      rgb,
      intrinsics: frame.intrinsics,
      ...(frame.pose ? { pose: frame.pose } : {}),
      ...(frame.depth ? { depth: frame.depth } : {}),
      ...(frame.rawDepth && frame.depthToColor
        ? { rawDepth: frame.rawDepth, depthToColor: frame.depthToColor }
        : {}),
    });
    // A failed keyframe shows on the status line; the feed goes on with the next one.
    run.catch((e: unknown) => {
      if (!this.stopped) this.update({ error: (this.opts.describeError ?? messageOf)(e) });
    });
    return true;
  }

  /**
   * Perceives and fuses a frame the caller chose (no selection); while a keyframe is in flight it is dropped
   * (`{dropped: true}`), never queued. Rejects when perception fails.
   */
  push(frame: PipelineFrame): Promise<R | DroppedFrame> {
    if (this.stopped || this.inFlight) {
      this.countBusy();
      return Promise.resolve({ dropped: true, frame: frame.frame, reason: 'busy' });
    }
    this.update({ frames: this.stats.frames + 1 });
    return this.send(frame);
  }

  /**
   * No more frames. The keyframe in flight is interrupted (a slow detector may still be inside one inference)
   * and waited for at most `waitMs`; then the final mosaic.
   */
  async stop(waitMs = 3000): Promise<Mosaic> {
    this.stopped = true;
    if (this.currentRequest) void this.perception.interrupt(this.currentRequest).catch(() => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.settled(), new Promise((r) => (timer = setTimeout(r, waitMs)))]);
    clearTimeout(timer);
    return this.perception.mosaic();
  }

  private send(frame: PipelineFrame): Promise<R> {
    this.update({ keyframes: this.stats.keyframes + 1 });
    const run = this.process(frame);
    // Tracks the keyframe in flight, failed or not (the caller of `run` handles its failure).
    const tracked: Promise<void> = run.then(
      () => this.landed(tracked),
      () => this.landed(tracked),
    );
    this.inFlight = tracked;
    return run;
  }

  private landed(run: Promise<void>): void {
    if (this.inFlight === run) this.inFlight = undefined;
  }

  private async process(pf: PipelineFrame): Promise<R> {
    const requestId = `live-${this.feedId}-${++this.requestCounter}`;
    this.currentRequest = requestId;
    const size = { width: pf.rgb.width, height: pf.rgb.height };
    try {
      const prepared = (this.opts.prepare ?? ((f) => f))(pf);
      const r = await this.perception.processFrame(prepared, this.opts.onProgress, { requestId });
      if (r.dropped) {
        this.countBusy();
        return r;
      }
      const placed = !!r.sources && isPlaced(r.sources);
      this.update({
        processed: this.stats.processed + 1,
        posed: this.stats.posed + (placed ? 1 : 0),
        objects: r.objectCount,
        detections: r.detections ?? [],
        detectionSize: size,
        ...(r.sources ? { sources: r.sources } : {}),
        error: undefined,
      });
      const now = (this.opts.now ?? (() => performance.now()))();
      // A placed keyframe adds to the trajectory even when it adds no object: the view shows where the camera went.
      const changed = r.upserted > 0 || r.removed > 0 || placed || this.opts.mosaicEveryFrame === true;
      if (changed && now - this.lastMosaicAt >= (this.opts.mosaicEveryMs ?? 1000)) {
        this.lastMosaicAt = now;
        this.opts.onMosaic?.(await this.perception.mosaic());
      }
      return r;
    } finally {
      this.currentRequest = undefined;
    }
  }

  private update(patch: Partial<LiveStats>): void {
    this.stats = { ...this.stats, ...patch };
    this.opts.onStats?.(this.stats);
  }
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
