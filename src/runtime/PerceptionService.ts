import type { BackendPreference } from '../core/backend/decideBackend';
import { intrinsicsProblem } from '../core/geometry/camera';
import { mergeOccupancyDeltas } from '../core/fusion/occupancyGrid';
import type { Vec3 } from '../core/geometry/types';
import { DEFAULT_UP } from '../core/geometry/floorFrame';
import type { Mosaic } from '../core/mosaic/types';
import { detectCapabilities, type CapabilityReport } from '../engines/backend/detectCapabilities';
import { openSceneLibrary } from '../storage/openSceneLibrary';
import type { SceneMeta, SceneStore } from '../storage/SceneStore';
import { decodeRgbImage } from '../core/image/decodeImage';
import type { ModelProgressCallback } from '../engines/models/progress';
import { capabilitiesFor, jsContext } from './capabilities';
import { InvalidRequestError, SelfTestError, throwIfAborted } from './errors';
import type {
  CallOptions,
  EngineStatus,
  EngineTiming,
  EngineTimingRequest,
  EngineTimingResult,
  PerceptionApi,
  PerceptionCapabilities,
  PerceptionFrame,
  ProcessFrameResult,
  SceneEnd,
  SceneFrames,
  SceneFramesRequest,
  SelfTestRequest,
  SelfTestResult,
  StageTiming,
} from './PerceptionApi';
import { ProgressReporter, type ProgressCallback } from './progress';
import { RequestTracker, abortableDelay } from './RequestTracker';
import { MosaicBuilderFuser, type FrameFuser, type FusionDelta } from './MosaicBuilderFuser';
import {
  DEFAULT_PERCEPTION_CONFIG,
  type DepthEngine,
  type DetectorEngine,
  type OpenVocabEngine,
  type PerceptionConfig,
  type PerceptionEngineFactory,
} from './perception/engines';
import { FramePipeline } from './perception/FramePipeline';
import { HeldSequences } from './perception/heldSequences';
import type { Sequence } from '../core/sequence/openSequence';
import { buildDemoScene, buildSequence } from './jobs';
import type { BuildResult, BuildSequenceRequest, BuildUpdateCallback } from './jobs/types';
import type { EngineCheckKind, EngineCheckResult } from './perception/engineCheck';

export interface PerceptionServiceDeps {
  readonly probe?: () => Promise<CapabilityReport>;
  /** Opens saved scenes; the browser default is IndexedDB, tests pass a MemoryKvStore-backed one. */
  readonly openLibrary?: () => Promise<SceneStore>;
  readonly createFuser?: (up: Vec3) => FrameFuser;
  readonly now?: () => number;
  /** Builds the detector and depth engines for frames that lack detections or depth (the worker passes the browser ones). */
  readonly engines?: PerceptionEngineFactory;
  readonly fetch?: (url: string) => Promise<Response>;
  /** `selfTest({kind: 'engine'})`: the browser worker passes runEngineCheck. */
  readonly engineCheck?: (kind: EngineCheckKind, config: PerceptionConfig) => Promise<EngineCheckResult>;
  /** `selfTest({kind: 'crash-next-frame'})`: how this context dies mid-frame (the worker passes `self.close()`). */
  readonly crash?: () => void;
}

const MAX_NOTICES = 20;

/**
 * Perception + fusion, runnable in-thread (Node tests) or behind `workers/perception.worker.ts`.
 * Lazy: nothing is probed or opened before the first call that needs it. One frame at a time: a frame that
 * arrives while another is in flight is dropped, so a live camera never builds a backlog.
 */
export class PerceptionService implements PerceptionApi {
  private readonly requests = new RequestTracker();
  private readonly now: () => number;
  private report?: Promise<CapabilityReport>;
  private library?: Promise<SceneStore>;
  private fuser?: FrameFuser;
  private up: Vec3 = DEFAULT_UP;
  private scene?: SceneMeta;
  private unsaved?: FusionDelta;
  private busy = false;
  // Test hook: the next fused frame kills this context between fusion and persistence (fault-tolerance e2e).
  private crashNextFrame = false;
  private config: PerceptionConfig = DEFAULT_PERCEPTION_CONFIG;
  private engineSet?: { detector?: DetectorEngine; depth?: DepthEngine };
  private readonly pipeline: FramePipeline;
  private readonly notices: string[] = [];
  private modelWatcher?: ModelProgressCallback;
  /** Sequences of scenes built here, for the reasoning loop's requests for more frames. */
  private readonly held = new HeldSequences();
  private openVocab?: OpenVocabEngine;

  constructor(private readonly deps: PerceptionServiceDeps = {}) {
    this.now = deps.now ?? (() => performance.now());
    this.pipeline = new FramePipeline({}, this.now, (m) => this.notice(m));
  }

  async ping(): Promise<{ pong: true; context: string }> {
    return { pong: true, context: jsContext() };
  }

  async capabilities(preference: BackendPreference = 'auto'): Promise<PerceptionCapabilities> {
    this.report ??= (this.deps.probe ?? detectCapabilities)();
    return { ...capabilitiesFor(await this.report, preference), engines: this.engineStatus() };
  }

  async configure(config: Partial<PerceptionConfig>): Promise<void> {
    const next = { ...this.config, ...config };
    if (JSON.stringify(next) === JSON.stringify(this.config)) return;
    this.config = next;
    await this.disposeEngines();
  }

  async watchModels(onProgress: ModelProgressCallback): Promise<void> {
    this.modelWatcher = onProgress;
  }

  /** Model events to the caller's callback and to the watcher; a failing (released) listener is ignored. */
  private modelProgress(onProgress?: ModelProgressCallback): ModelProgressCallback {
    return (e) => {
      for (const cb of [onProgress, this.modelWatcher]) {
        try {
          void Promise.resolve(cb?.(e)).catch(() => undefined);
        } catch {
          /* ignore */
        }
      }
    };
  }

  async loadModels(
    engines: readonly ('detector' | 'depth')[],
    onProgress?: ModelProgressCallback,
  ): Promise<EngineStatus> {
    const set = this.ensureEngines();
    const progress = this.modelProgress(onProgress);
    for (const kind of engines) {
      const engine = set[kind];
      if (!engine)
        throw new InvalidRequestError(
          `loadModels: this perception service has no ${kind} engine; the worker builds them (use the app's worker).`,
        );
      await engine.load(progress);
    }
    return this.engineStatus();
  }

  async timeEngines(request: EngineTimingRequest): Promise<EngineTimingResult> {
    if (this.busy)
      throw new InvalidRequestError('timeEngines: the worker is processing frames; time it when idle.');
    this.busy = true;
    try {
      const get = this.deps.fetch ?? ((u: string) => fetch(u));
      const frames = await Promise.all(
        request.frameUrls.map(async (url) => {
          const res = await get(url);
          if (!res.ok)
            throw new InvalidRequestError(
              `timeEngines: ${url} answered HTTP ${res.status}; pass image URLs.`,
            );
          return decodeRgbImage(new Uint8Array(await res.arrayBuffer()), url);
        }),
      );
      if (frames.length === 0) throw new InvalidRequestError('timeEngines: no frameUrls given.');
      const set = this.ensureEngines();
      const warmup = request.warmup ?? 2;
      const time = async (
        engine: DetectorEngine | DepthEngine,
        run: (i: number) => Promise<number | undefined>,
      ): Promise<EngineTiming> => {
        const t0 = this.now();
        await engine.load();
        const loadMs = this.now() - t0;
        for (let w = 0; w < warmup; w++) await run(0);
        const perFrameMs: number[] = [];
        const counts: number[] = [];
        for (let i = 0; i < frames.length; i++) {
          const t = this.now();
          const n = await run(i);
          perFrameMs.push(this.now() - t);
          if (n !== undefined) counts.push(n);
        }
        return {
          engine: engine.label(),
          loadMs,
          perFrameMs,
          ...(counts.length ? { detections: counts } : {}),
        };
      };
      const out: { detector?: EngineTiming; depth?: EngineTiming } = {};
      for (const kind of request.engines) {
        if (kind === 'detector' && set.detector) {
          const d = set.detector;
          out.detector = await time(d, async (i) => (await d.detect(frames[i])).length);
        } else if (kind === 'depth' && set.depth) {
          const d = set.depth;
          out.depth = await time(d, async (i) => void (await d.estimate(frames[i])));
        } else {
          throw new InvalidRequestError(
            `timeEngines: no ${kind} engine in this service; use the app's worker.`,
          );
        }
      }
      return { ...out, inputSize: `${frames[0].width}×${frames[0].height}`, notices: [...this.notices] };
    } finally {
      this.busy = false;
    }
  }

  async processFrame(
    frame: PerceptionFrame,
    onProgress?: ProgressCallback,
    opts: CallOptions = {},
  ): Promise<ProcessFrameResult> {
    if (this.busy) return { dropped: true, frame: frame.frame, reason: 'busy' };
    this.busy = true;
    const req = this.requests.begin('processFrame', opts.requestId);
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
      this.ensureEngines();
      const perceived = await this.pipeline.perceive(frame, {
        signal: req.signal,
        onStage: (stage) => progress.report(stage, { detect: 15, depth: 35, pose: 50 }[stage]),
        onModelProgress: this.modelProgress((e) => progress.report(`loading ${e.model}`, 12)),
      });
      timings.push(...perceived.timings);
      throwIfAborted(req.signal);
      const { pose, depth, detections, sources } = perceived;
      let upserted = 0;
      let removed = 0;
      // A frame with no detections from anywhere has nothing to add yet (and must not move the trajectory).
      if (pose && depth && sources.detections.source !== 'none') {
        // Past this point the fused state changes, so the frame runs to its commit: no abort checks below.
        const fuser = (this.fuser ??= this.createFuser());
        const delta = await timed('fuse', () =>
          fuser.fuse({
            frame: frame.frame,
            time: frame.time,
            pose,
            intrinsics: frame.intrinsics,
            depth,
            detections,
          }),
        );
        progress.report('fuse', 60);
        [upserted, removed] = [delta.upserts.length, delta.removed.length];
        if (this.crashNextFrame) {
          this.crashNextFrame = false;
          if (!this.deps.crash)
            throw new SelfTestError(`frame ${frame.frame}: crashed on purpose (selfTest crash-next-frame)`);
          this.deps.crash();
          // A dead context answers nothing (a closed worker may still flush this task's messages): hang here.
          await new Promise<never>(() => undefined);
        }
        const scene = this.scene;
        if (scene) {
          const store = await this.openLibrary();
          const toWrite = this.withUnsaved(delta);
          try {
            const count = fuser.objectCount;
            this.scene = await timed('persist', () => store.appendKeyframe(scene.id, toWrite, count));
            this.unsaved = undefined;
          } catch (err) {
            // Fusion moved on but storage did not (e.g. quota full): carry this delta into the next write so
            // the stored objects catch up once there is room again.
            this.unsaved = toWrite;
            throw err;
          }
          progress.report('persist', 95);
        }
      }
      progress.done();
      const objectCount = this.fuser?.objectCount ?? 0;
      return {
        dropped: false,
        frame: frame.frame,
        timings,
        upserted,
        removed,
        objectCount,
        detections,
        sources,
        ...(this.scene ? { sceneId: this.scene.id } : {}),
      };
    } finally {
      this.busy = false;
      req.end();
    }
  }

  async openScene(init: {
    name: string;
    id?: string;
    up?: readonly [number, number, number];
    replace?: boolean;
  }): Promise<SceneMeta> {
    const store = await this.openLibrary();
    const exists = !!init.id && (await store.list()).some((m) => m.id === init.id);
    if (exists && init.replace) {
      await store.delete(init.id!);
      this.held.forget(init.id!);
    } else if (exists) {
      throw new InvalidRequestError(
        `openScene: a scene with id "${init.id}" already exists; pick another id or delete it first.`,
      );
    }
    this.up = init.up ?? DEFAULT_UP;
    this.pipeline.reset(this.up);
    this.fuser = this.createFuser();
    this.unsaved = undefined;
    this.scene = await store.create({ name: init.name, up: this.up, ...(init.id ? { id: init.id } : {}) });
    return this.scene;
  }

  /**
   * Continues a stored scene after this context restarted (a crashed worker): later keyframes append to its
   * commit. The fuser starts empty, so objects seen again are re-fused from the next frames on.
   */
  async resumeScene(id: string): Promise<SceneMeta> {
    const store = await this.openLibrary();
    const meta = await store.meta(id);
    this.up = [...meta.up];
    this.pipeline.reset(this.up);
    this.fuser = this.createFuser();
    this.unsaved = undefined;
    this.scene = meta;
    return meta;
  }

  async closeScene(end: SceneEnd = {}): Promise<void> {
    const scene = this.scene;
    this.scene = undefined;
    if (!scene) return;
    const store = await this.openLibrary();
    if (end.discard) await store.delete(scene.id);
    else if (end.partial) await store.setPartial(scene.id, end.partial);
  }

  async mosaic(): Promise<Mosaic> {
    return (this.fuser ??= this.createFuser()).mosaic();
  }

  async reset(): Promise<void> {
    this.unsaved = undefined;
    this.fuser = undefined;
    this.scene = undefined;
    this.pipeline.reset();
  }

  async selfTest(
    request: SelfTestRequest,
    onProgress?: ProgressCallback,
    opts: CallOptions = {},
  ): Promise<SelfTestResult> {
    const req = this.requests.begin('selfTest', opts.requestId);
    try {
      switch (request.kind) {
        case 'progress': {
          const progress = new ProgressReporter('selfTest', req.id, onProgress);
          for (let i = 1; i <= request.steps; i++) {
            await abortableDelay(2, req.signal);
            progress.report(`step ${i}`, (100 * i) / request.steps);
          }
          progress.done();
          return { kind: 'progress', steps: request.steps };
        }
        case 'wait': {
          const progress = new ProgressReporter('selfTest', req.id, onProgress);
          const t0 = this.now();
          for (let waited = 0; waited < request.ms; waited += 50) {
            await abortableDelay(Math.min(50, request.ms - waited), req.signal);
            progress.report('waiting', (100 * (waited + 50)) / request.ms);
          }
          progress.done();
          return { kind: 'wait', waitedMs: this.now() - t0 };
        }
        case 'throw':
          throw new SelfTestError(request.message);
        case 'storage': {
          const store = await this.openLibrary();
          const meta = await store.saveMosaic(request.mosaic, {
            name: `self-test ${request.sceneId}`,
            id: request.sceneId,
          });
          const { mosaic } = await store.load(meta.id);
          return { kind: 'storage', written: request.mosaic, readBack: mosaic, meta };
        }
        case 'crash-next-frame':
          this.crashNextFrame = true;
          return { kind: 'crash-next-frame' };
        case 'engine': {
          if (!this.deps.engineCheck)
            throw new InvalidRequestError('selfTest engine: only the browser worker runs engine checks.');
          return { kind: 'engine', result: await this.deps.engineCheck(request.engine, this.config) };
        }
        default:
          throw new InvalidRequestError(
            `selfTest: unknown kind ${JSON.stringify(request)}; use progress, wait, throw or storage.`,
          );
      }
    } finally {
      req.end();
    }
  }

  async buildDemoScene(
    onUpdate?: BuildUpdateCallback,
    opts: CallOptions & { readonly sceneId?: string } = {},
  ): Promise<BuildResult> {
    const req = this.requests.begin('build', opts.requestId, { supersede: true });
    try {
      return await buildDemoScene(this, {
        signal: req.signal,
        ...(onUpdate ? { onUpdate } : {}),
        ...(opts.sceneId ? { sceneId: opts.sceneId } : {}),
      });
    } finally {
      req.end();
    }
  }

  async buildSequence(
    request: BuildSequenceRequest,
    onUpdate?: BuildUpdateCallback,
    opts: CallOptions = {},
  ): Promise<BuildResult> {
    const req = this.requests.begin('build', opts.requestId, { supersede: true });
    try {
      let opened: Sequence | undefined;
      const result = await buildSequence(this, request, {
        signal: req.signal,
        ...(onUpdate ? { onUpdate } : {}),
        onSequence: (seq) => (opened = seq),
      });
      if (opened && this.fuser)
        this.held.hold(
          result.sceneId,
          opened,
          this.fuser,
          result.mosaic.trajectory.map((k) => k.frame),
        );
      return result;
    } finally {
      req.end();
    }
  }

  async perceiveSceneFrames(
    request: SceneFramesRequest,
    opts: CallOptions = {},
  ): Promise<SceneFrames | null> {
    const frames = request.frames ?? [];
    if (frames.length === 0 || !this.held.state(request.sceneId)) return this.held.state(request.sceneId);
    // A build feeds its frames one by one and fails on a dropped one: it keeps the frame slot to itself.
    if (this.requests.has('build'))
      return this.held.state(request.sceneId, [
        'the perception worker is building a scene, so no more frames were perceived; ask again when it is done',
      ]);
    const req = this.requests.begin('sceneFrames', opts.requestId);
    try {
      this.ensureEngines();
      return await this.held.perceive(request.sceneId, frames, {
        pipeline: this.pipeline,
        store: await this.openLibrary(),
        ...(request.prompts ? { prompts: request.prompts } : {}),
        signal: req.signal,
        openVocab: () =>
          (this.openVocab ??= this.deps.engines?.openVocab?.(this.config, (m) => this.notice(m))),
        slot: async (fn) => {
          // A live frame in flight finishes first; live frames arriving meanwhile are dropped, as when busy.
          while (this.busy) await abortableDelay(10, req.signal);
          this.busy = true;
          try {
            return await fn();
          } finally {
            this.busy = false;
          }
        },
      });
    } finally {
      req.end();
    }
  }

  async interrupt(requestId?: string): Promise<number> {
    return this.requests.interrupt(requestId);
  }

  async dispose(): Promise<void> {
    this.requests.interrupt();
    this.fuser = undefined;
    this.scene = undefined;
    this.report = undefined;
    await this.disposeEngines();
  }

  private engineStatus(): EngineStatus {
    return { ...this.pipeline.engineLabels(), notices: [...this.notices] };
  }

  /** The engines for the current configuration, built on first need (cheap: models load on first use). */
  private ensureEngines(): { detector?: DetectorEngine; depth?: DepthEngine } {
    if (this.engineSet) return this.engineSet;
    const f = this.deps.engines;
    const notice = (m: string) => this.notice(m);
    const set = {
      ...(f?.detector ? { detector: f.detector(this.config, notice) } : {}),
      ...(f?.depth ? { depth: f.depth(this.config, notice) } : {}),
    };
    this.engineSet = set;
    this.pipeline.setEngines(set);
    return set;
  }

  private notice(message: string): void {
    this.notices.push(message);
    if (this.notices.length > MAX_NOTICES) this.notices.shift();
  }

  private async disposeEngines(): Promise<void> {
    const set = this.engineSet;
    const openVocab = this.openVocab;
    this.engineSet = undefined;
    this.openVocab = undefined;
    this.held.resetOpenVocab();
    this.pipeline.setEngines({});
    await Promise.all([set?.detector?.dispose(), set?.depth?.dispose(), openVocab?.dispose()]);
  }

  /** Folds a delta that failed to save into the next one: later upserts and removals win. */
  private withUnsaved(delta: FusionDelta): FusionDelta {
    const prev = this.unsaved;
    if (!prev) return delta;
    const upserts = new Map(prev.upserts.map((o) => [o.id, o]));
    const removed = new Set(prev.removed);
    for (const id of delta.removed) {
      upserts.delete(id);
      removed.add(id);
    }
    for (const o of delta.upserts) {
      upserts.set(o.id, o);
      removed.delete(o.id);
    }
    const occupancy = mergeOccupancyDeltas(prev.occupancy, delta.occupancy);
    return {
      keyframe: delta.keyframe,
      upserts: [...upserts.values()],
      removed: [...removed],
      ...(occupancy ? { occupancy } : {}),
    };
  }

  private createFuser(): FrameFuser {
    return (this.deps.createFuser ?? ((up) => new MosaicBuilderFuser({ up })))(this.up);
  }

  private openLibrary(): Promise<SceneStore> {
    return (this.library ??= (this.deps.openLibrary ?? (() => openSceneLibrary()))());
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
  if (pose && (pose.length !== 16 || !pose.every(Number.isFinite))) {
    bad('pose must be 16 finite numbers (row-major 4×4 camera-to-world).');
  }
}
