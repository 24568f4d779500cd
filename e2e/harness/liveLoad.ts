/**
 * Load through the live camera path (`window.__spatialMosaicTest.load`, e2e/load.spec.ts): thousands of small
 * synthetic camera frames offered as fast as the page can make them to the app's LiveFeed (keyframe selection,
 * then one keyframe at a time to the app's supervised perception worker). The feed is passed in by the app
 * shell, so this layer does not import the UI. Split in two calls so the test can sample memory while the last
 * keyframe may still be in flight: a queue would be full exactly then.
 */
import { asCameraToWorld, type CameraToWorld, type Intrinsics } from '../../src/core/geometry/types';
import type { Mosaic } from '../../src/core/mosaic/types';
import type { DepthImage } from '../../src/core/perception/types';
import { transferFrame, type WorkerClient } from '../../src/runtime/clients';
import type { PerceptionApi, PerceptionFrame } from '../../src/runtime/PerceptionApi';

/** A captured camera frame as LiveFeed takes it (RGBA, as a canvas gives it). */
export interface LoadFrame {
  readonly timeMs: number;
  readonly rgba: { readonly width: number; readonly height: number; readonly data: Uint8ClampedArray };
  readonly intrinsics: Intrinsics;
  readonly pose?: CameraToWorld;
  readonly depth?: DepthImage;
}

export interface LoadStats {
  readonly frames: number;
  readonly busy: number;
  readonly keyframes: number;
  readonly processed: number;
  readonly error?: string;
}

export type LoadPerception = Pick<PerceptionApi, 'processFrame' | 'mosaic' | 'interrupt'>;

/** The slice of ui/sources/LiveFeed this drives. */
export interface LoadFeed {
  offer(frame: LoadFrame): boolean;
  settled(): Promise<void>;
  stop(waitMs?: number): Promise<Mosaic>;
}

export type LoadFeedFactory = (
  perception: LoadPerception,
  opts: { onStats: (stats: LoadStats) => void; prepare: (f: PerceptionFrame) => PerceptionFrame },
) => LoadFeed;

export interface LoadPushResult {
  readonly offered: number;
  readonly pushMs: number;
  readonly stats: LoadStats;
  /** The most processFrame calls ever pending at once (the feed's queue bound: 1). */
  readonly maxInFlight: number;
}

export interface LoadFinishResult extends LoadPushResult {
  readonly sceneId: string;
  readonly objects: number;
}

export interface LiveLoadApi {
  /** Offers `frames` camera frames of `width`×`height` one after another (a macrotask apart), then returns. */
  push(opts: { frames: number; width: number; height: number }): Promise<LoadPushResult>;
  /**
   * Stops the feed and closes the scene, then reports. The keyframe in flight is interrupted, or with `drain`
   * first allowed to finish (a warm-up run that must load the worker's models).
   */
  finish(opts?: { drain?: boolean }): Promise<LoadFinishResult>;
}

/** A camera frame whose content moves (a bright block sweeping across a gradient), made fresh like a grab. */
export function loadFrame(i: number, width: number, height: number): LoadFrame {
  const data = new Uint8ClampedArray(width * height * 4);
  const bx = (i * 7) % width;
  const by = (i * 3) % height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const inBlock = x >= bx && x < bx + width / 4 && y >= by && y < by + height / 4;
      const v = inBlock ? 240 : ((x + y + i) * 2) & 127;
      data[o] = v;
      data[o + 1] = inBlock ? 80 : v;
      data[o + 2] = 255 - v;
      data[o + 3] = 255;
    }
  }
  const f = width * 0.9;
  // Pose and depth as a WebXR session gives them (the depth model is not needed then): a camera sliding 1 cm
  // a frame along x in front of a wall 2 m away.
  const pose = asCameraToWorld([1, 0, 0, i * 0.01, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  return {
    // 30 frames a second of "camera time", however fast they are made.
    timeMs: (i * 1000) / 30,
    rgba: { width, height, data },
    intrinsics: { width, height, fx: f, fy: f, cx: (width - 1) / 2, cy: (height - 1) / 2 },
    pose,
    depth: { width, height, data: new Float32Array(width * height).fill(2) },
  };
}

/** Yields to the event loop (so worker replies land) without setTimeout's 4 ms clamp. */
function macrotask(): () => Promise<void> {
  const ch = new MessageChannel();
  let wake: () => void = () => undefined;
  ch.port1.onmessage = () => wake();
  return () =>
    new Promise<void>((res) => {
      wake = res;
      ch.port2.postMessage(0);
    });
}

export function liveLoadApi(
  perception: () => WorkerClient<PerceptionApi>,
  factory: LoadFeedFactory | undefined,
): LiveLoadApi {
  let run:
    | {
        feed: LoadFeed;
        sceneId: string;
        result: () => LoadPushResult;
        close: () => Promise<void>;
      }
    | undefined;
  return {
    async push({ frames, width, height }) {
      if (!factory)
        throw new Error('load: no LiveFeed was given (installTestApi gets it from the app shell).');
      const api = perception().api;
      await api.reset();
      const scene = await api.openScene({ name: 'load test' });
      let inFlight = 0;
      let maxInFlight = 0;
      const counted: LoadPerception = {
        async processFrame(...args) {
          maxInFlight = Math.max(maxInFlight, ++inFlight);
          try {
            return await api.processFrame(...args);
          } finally {
            inFlight--;
          }
        },
        mosaic: () => api.mosaic(),
        interrupt: (id) => api.interrupt(id),
      };
      let stats: LoadStats = { frames: 0, busy: 0, keyframes: 0, processed: 0 };
      const feed = factory(counted, { onStats: (s) => void (stats = s), prepare: transferFrame });
      const next = macrotask();
      const t0 = performance.now();
      for (let i = 0; i < frames; i++) {
        feed.offer(loadFrame(i, width, height));
        await next();
      }
      const pushMs = performance.now() - t0;
      const result = (): LoadPushResult => ({ offered: frames, pushMs, stats: { ...stats }, maxInFlight });
      run = { feed, sceneId: scene.id, result, close: () => api.closeScene() };
      return result();
    },
    async finish({ drain = false } = {}) {
      if (!run) throw new Error('load: finish() before push()');
      const { feed, sceneId, result, close } = run;
      run = undefined;
      if (drain) await feed.settled();
      const mosaic = await feed.stop();
      await close();
      return { ...result(), sceneId, objects: mosaic.objects.length };
    },
  };
}
