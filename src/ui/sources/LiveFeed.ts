import type { CameraToWorld, Intrinsics } from '../../core/geometry/types';
import { KeyframeSelector, type KeyframeReason, type KeyframeSelectorOptions } from '../../core/keyframes';
import type { Mosaic } from '../../core/mosaic/types';
import type { DepthImage, Detection } from '../../core/perception/types';
import type { FrameSources, PerceptionApi, PerceptionFrame } from '../../runtime/PerceptionApi';
import { rgbaToRgb } from '../../core/image/rgbaToRgb';
import { userMessage } from '../../runtime/userMessage';

export type LivePerception = Pick<PerceptionApi, 'processFrame' | 'mosaic' | 'interrupt'>;

/** One captured frame of a live source, RGBA as the canvas (or WebXR camera image) gives it. */
export interface LiveFrame {
  /** Capture time, ms since the source started. */
  readonly timeMs: number;
  readonly rgba: {
    readonly width: number;
    readonly height: number;
    readonly data: Uint8ClampedArray | Uint8Array;
  };
  readonly intrinsics: Intrinsics;
  /** Camera-to-world (OpenCV axes) when the source tracks it (WebXR). */
  readonly pose?: CameraToWorld;
  /** Metric depth aligned with the image (WebXR depth-sensing). */
  readonly depth?: DepthImage;
}

export interface LiveStats {
  /** Frames captured and looked at. */
  readonly frames: number;
  /** Frames not looked at because the worker was still busy with the previous keyframe (never queued). */
  readonly busy: number;
  /** Keyframes the selector kept and sent to the worker. */
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

export interface LiveFeedOptions {
  readonly onStats: (stats: LiveStats) => void;
  readonly onMosaic?: (mosaic: Mosaic) => void;
  /** Moves the frame's buffers to the worker (comlink transfer); identity in tests. */
  readonly prepare?: (frame: PerceptionFrame) => PerceptionFrame;
  readonly selector?: KeyframeSelectorOptions;
  /** Fetch the fused mosaic for the view at most this often (ms). */
  readonly mosaicEveryMs?: number;
  readonly now?: () => number;
}

/**
 * The live pipeline on the page's side, shared by the camera, video files and WebXR: keyframe selection on each
 * captured frame, then one keyframe at a time to the perception worker (moved, not copied). While the worker is
 * busy, new frames are skipped rather than queued, so a slow detector never builds a backlog.
 */
export class LiveFeed {
  private readonly selector: KeyframeSelector;
  private stats: LiveStats = EMPTY_LIVE_STATS;
  private inFlight?: Promise<void>;
  private lastMosaicAt = -Infinity;
  private stopped = false;
  private requestCounter = 0;
  private currentRequest?: string;
  private readonly feedId = Math.random().toString(36).slice(2, 8);

  constructor(
    private readonly perception: LivePerception,
    private readonly opts: LiveFeedOptions,
  ) {
    this.selector = new KeyframeSelector(opts.selector);
  }

  get idle(): boolean {
    return !this.inFlight;
  }

  /** Resolves when the keyframe in flight (if any) is done: a video file waits on it instead of skipping. */
  settled(): Promise<void> {
    return this.inFlight ?? Promise.resolve();
  }

  /** A frame the source did not even read because the worker was busy (counted, never queued). */
  countBusy(): void {
    this.update({ busy: this.stats.busy + 1 });
  }

  /** Looks at one frame; returns whether it was sent as a keyframe. */
  offer(frame: LiveFrame): boolean {
    if (this.stopped) return false;
    if (this.inFlight) {
      this.update({ busy: this.stats.busy + 1 });
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
    this.update({ keyframes: this.stats.keyframes + 1 });
    const rgb = rgbaToRgb(frame.rgba);
    const pf: PerceptionFrame = {
      frame: frameIndex,
      time: frame.timeMs / 1000,
      rgb,
      intrinsics: frame.intrinsics,
      ...(frame.pose ? { pose: frame.pose } : {}),
      ...(frame.depth ? { depth: frame.depth } : {}),
    };
    const size = { width: rgb.width, height: rgb.height };
    this.inFlight = this.process(pf, size).finally(() => (this.inFlight = undefined));
    return true;
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

  private async process(pf: PerceptionFrame, size: { width: number; height: number }): Promise<void> {
    const requestId = `live-${this.feedId}-${++this.requestCounter}`;
    this.currentRequest = requestId;
    try {
      const r = await this.perception.processFrame((this.opts.prepare ?? ((f) => f))(pf), undefined, {
        requestId,
      });
      if (r.dropped) {
        this.update({ busy: this.stats.busy + 1 });
        return;
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
      if (
        (r.upserted > 0 || r.removed > 0 || placed) &&
        now - this.lastMosaicAt >= (this.opts.mosaicEveryMs ?? 1000)
      ) {
        this.lastMosaicAt = now;
        this.opts.onMosaic?.(await this.perception.mosaic());
      }
    } catch (e) {
      const err = e as Error;
      if (!this.stopped) this.update({ error: userMessage(err) });
    } finally {
      this.currentRequest = undefined;
    }
  }

  private update(patch: Partial<LiveStats>): void {
    this.stats = { ...this.stats, ...patch };
    this.opts.onStats(this.stats);
  }
}

/** Whether the worker fused the keyframe: it had a pose, depth and a detector's (or the frame's) detections. */
export function isPlaced(s: FrameSources): boolean {
  return s.pose.source !== 'none' && s.depth.source !== 'none' && s.detections.source !== 'none';
}
