import type { Vec3 } from '../core/geometry/types';
import type { Mosaic } from '../core/mosaic/types';
import { LiveFeed } from '../core/pipeline';
import { answerOnly } from '../core/reasoning/answer';
import { callWithSignal, newRequestId } from '../runtime/workerClient';
import { InvalidRequestError } from '../runtime/errors';
import type { PerceptionApi, PerceptionFrame, ProcessFrameResult } from '../runtime/PerceptionApi';
import { ProgressReporter, type ProgressCallback, type ProgressEvent } from '../runtime/progress';
import type { ReasonerApi, ReasonerEvent } from '../runtime/ReasonerApi';
import type { SceneStore } from '../storage/SceneStore';
import { toMosaicFile } from '../storage/mosaicFile';
import type { BuildUpdate } from '../runtime/jobs/types';
import type { MosaicChangeDetail, SpatialMosaicAnswer } from './types';

/**
 * The state behind one `<spatial-mosaic>`: the mosaic on show and where it came from, over perception and
 * reasoner services it borrows (the page's shared workers, in-thread services in tests). No DOM here, so it is tested in Node with the
 * real services; the element only renders what this reports.
 */
export type SessionPerception = Pick<
  PerceptionApi,
  'openScene' | 'processFrame' | 'mosaic' | 'closeScene' | 'capabilities' | 'buildDemoScene' | 'interrupt'
>;
export type SessionReasoner = Pick<ReasonerApi, 'ask' | 'interrupt'>;

/** A perception worker lent for one scene (WorkerPool.lease); `release()` hands it back. */
export interface SessionPerceptionLease {
  readonly api: SessionPerception;
  release(): void;
}

export interface SessionServices {
  /** A perception worker for a demo build ('build', handed back after it) or a live mosaic ('live'). */
  perception(use: 'build' | 'live'): Promise<SessionPerceptionLease>;
  reasoner(): Promise<SessionReasoner>;
  library(): Promise<SceneStore>;
  /** Marks a frame's buffers for transfer (comlink); identity in-thread. */
  prepare?(frame: PerceptionFrame): PerceptionFrame;
  /** Wraps a callback so it can cross to a worker (comlink `proxy`); identity in-thread. */
  callback?<F extends (...args: never[]) => unknown>(fn: F): F;
}

export interface SessionListener {
  progress(event: ProgressEvent): void;
  mosaicChange(detail: MosaicChangeDetail, mosaic: Mosaic): void;
}

/** A perception worker lent for a live mosaic, and the feed that sends it frames. */
interface LiveFrames {
  readonly lease: SessionPerceptionLease;
  readonly feed: LiveFeed<ProcessFrameResult, ProgressCallback>;
}

/** `ask` or `export` before any scene was opened or any frame fused. */
export class NoSceneError extends Error {
  override name = 'NoSceneError';
}

export const DEMO_SOURCE = 'demo';
export const FRAMES_SOURCE = 'frames';
const DEFAULT_UP: Vec3 = [0, -1, 0];

export function summarize(mosaic: Mosaic, source: string, sceneId?: string): MosaicChangeDetail {
  const labels: Record<string, number> = {};
  for (const o of mosaic.objects) labels[o.label] = (labels[o.label] ?? 0) + 1;
  return {
    source,
    ...(sceneId ? { sceneId } : {}),
    objectCount: mosaic.objects.length,
    keyframeCount: mosaic.trajectory.length,
    labels,
  };
}

export class MosaicSession {
  private current?: { mosaic: Mosaic; source: string; sceneId?: string };
  /** The worker's fused state no longer matches what is on show (a stored scene was loaded). */
  private liveStale = false;
  private build?: AbortController;
  /** The perception worker that holds this session's live mosaic, and the feed into it, while frames are being added. */
  private live?: Promise<LiveFrames>;
  private disposed = false;

  constructor(
    private readonly services: SessionServices,
    private readonly listener: SessionListener,
  ) {}

  get mosaic(): Mosaic | undefined {
    return this.current?.mosaic;
  }

  get source(): string | undefined {
    return this.current?.source;
  }

  /**
   * Renders and fuses the built-in demo scene in this session's perception worker (the runtime's
   * `buildDemoScene` job), showing the mosaic as it grows. Not kept in the library: it is rebuilt on demand.
   */
  async loadDemo(): Promise<MosaicChangeDetail> {
    const signal = this.beginBuild();
    const reporter = new ProgressReporter('load-demo', newRequestId('demo'), (e) =>
      this.listener.progress(e),
    );
    const lease = await this.services.perception('build');
    const perception = lease.api;
    let storedId: string | undefined;
    let finished = false;
    // Updates are messages of their own: one may land after the result, and must not show an older mosaic.
    const onUpdate = this.wrap((u: BuildUpdate) => {
      if (signal.aborted || finished) return;
      storedId ??= u.sceneId;
      if (u.total > 0) reporter.report('fuse', (100 * u.done) / u.total);
      if (u.mosaic) this.show(u.mosaic, DEMO_SOURCE);
    });
    try {
      const result = await callWithSignal(
        signal,
        (id) => perception.interrupt(id),
        (requestId) => perception.buildDemoScene(onUpdate, { requestId }),
      );
      finished = true;
      storedId ??= result.sceneId;
      reporter.done();
      this.liveStale = false;
      return this.show(result.mosaic, DEMO_SOURCE);
    } finally {
      lease.release();
      // The worker stores what it fuses; the demo is rebuilt on demand, so it must not pile up in the library.
      const id = storedId;
      if (id)
        void this.services
          .library()
          .then((l) => l.delete(id))
          .catch(() => undefined);
    }
  }

  /** Shows a stored scene. Frames added afterwards start a new live mosaic (the worker cannot resume a stored one). */
  async load(sceneId: string): Promise<MosaicChangeDetail> {
    this.beginBuild();
    const { mosaic } = await (await this.services.library()).load(sceneId);
    this.liveStale = true;
    return this.show(mosaic, sceneId, sceneId);
  }

  /**
   * Perceives and fuses one frame; a frame that arrives while the worker is busy is dropped (see the result).
   * The first frame of a live mosaic starts it with `up` (world up; default [0, -1, 0], the OpenCV camera's).
   */
  async addFrame(frame: PerceptionFrame, up: Vec3 = DEFAULT_UP): Promise<ProcessFrameResult> {
    if (!this.live || this.liveStale) {
      this.build?.abort();
      this.build = undefined;
      this.endLive();
      this.liveStale = false;
      this.live = this.startLive(up);
      this.live.catch(() => (this.live = undefined));
    }
    return (await this.live).feed.push(frame);
  }

  /** Answers a question over the mosaic on show. Latest question wins: an earlier one rejects with AbortError. */
  async ask(question: string, onEvent?: (event: ReasonerEvent) => void): Promise<SpatialMosaicAnswer> {
    if (typeof question !== 'string' || !question.trim())
      throw new InvalidRequestError(
        'ask: the question is empty; pass a question about the scene as a string.',
      );
    const mosaic = this.current?.mosaic;
    if (!mosaic)
      throw new NoSceneError(
        'ask: no scene yet; set source="demo" or a scene id, call load(sceneId), or add frames first.',
      );
    const reasoner = await this.services.reasoner();
    const a = await reasoner.ask(
      { mosaic, question, requestId: newRequestId('ask') },
      onEvent ? this.wrap(onEvent) : undefined,
    );
    return { question, ...answerOnly(a), answered: a.answered, trace: [...a.trace] };
  }

  /** The mosaic on show as an ARCHITECTURE "Mosaic file" (JSON text). */
  exportText(): string {
    const mosaic = this.current?.mosaic;
    if (!mosaic) throw new NoSceneError('export: no scene yet; open one or add frames before exporting.');
    return toMosaicFile(mosaic);
  }

  /** Stops a running build and hands back the perception worker; safe to call twice. */
  dispose(): void {
    this.disposed = true;
    this.build?.abort();
    this.build = undefined;
    this.endLive();
  }

  /**
   * Borrows a perception worker for a live mosaic, starts a fresh one there with `up`, and opens the live feed
   * into it: the same way in as the app's camera, minus keyframe selection (the page chose these frames).
   */
  private async startLive(up: Vec3): Promise<LiveFrames> {
    const lease = await this.services.perception('live');
    try {
      // Only openScene sets the worker's up (and a fresh fuser); the scene it stores is closed and deleted at
      // once, so live frames fuse in memory and never pile up in the library.
      const meta = await lease.api.openScene({ name: 'Live frames (spatial-mosaic element)', up });
      await lease.api.closeScene();
      await (await this.services.library()).delete(meta.id).catch(() => undefined);
      const feed = new LiveFeed<ProcessFrameResult, ProgressCallback>(lease.api, {
        prepare: (f) => (this.services.prepare ? this.services.prepare(f) : f),
        onProgress: this.wrap((e: Parameters<ProgressCallback>[0]) => this.listener.progress(e)),
        // Each added frame's result is on show when addFrame resolves.
        mosaicEveryFrame: true,
        mosaicEveryMs: 0,
        onMosaic: (mosaic) => this.show(mosaic, FRAMES_SOURCE),
      });
      return { lease, feed };
    } catch (e) {
      lease.release();
      throw e;
    }
  }

  private endLive(): void {
    void this.live?.then((l) => l.lease.release()).catch(() => undefined);
    this.live = undefined;
  }

  private beginBuild(): AbortSignal {
    this.endLive();
    this.build?.abort();
    const ac = new AbortController();
    this.build = ac;
    return ac.signal;
  }

  private show(mosaic: Mosaic, source: string, sceneId?: string): MosaicChangeDetail {
    this.current = { mosaic, source, ...(sceneId ? { sceneId } : {}) };
    const detail = summarize(mosaic, source, sceneId);
    if (!this.disposed) this.listener.mosaicChange(detail, mosaic);
    return detail;
  }

  private wrap<F extends (...args: never[]) => unknown>(fn: F): F {
    return this.services.callback ? this.services.callback(fn) : fn;
  }
}
