/**
 * The perception service as the e2e build's worker serves it: the real PerceptionService, wrapped from outside
 * with the test hooks the suites drive — RPC probes (`selfTest`), an engine check, per-frame engine timing, a
 * worker that dies between fusion and persistence, and WebGPU faults. The product service has none of them.
 */
import type { Mosaic } from '../../src/core/mosaic/types';
import { decodeRgbImage } from '../../src/core/image/decodeImage';
import type { ModelProgressCallback } from '../../src/engines/models/progress';
import { openSceneLibrary } from '../../src/storage/openSceneLibrary';
import type { SceneMeta, SceneStore } from '../../src/storage/SceneStore';
import { InvalidRequestError } from '../../src/runtime/errors';
import { MosaicBuilderFuser, type FrameFuser } from '../../src/runtime/MosaicBuilderFuser';
import type {
  CallOptions,
  PerceptionApi,
  PerceptionConfig,
  PerceptionFrame,
  ProcessFrameResult,
  SceneEnd,
  SceneInit,
} from '../../src/runtime/PerceptionApi';
import { PerceptionService, type PerceptionServiceDeps } from '../../src/runtime/PerceptionService';
import {
  DEFAULT_PERCEPTION_CONFIG,
  type DepthEngine,
  type DetectorEngine,
  type PerceptionEngineFactory,
} from '../../src/runtime/perception/engines';
import { ProgressReporter, type ProgressCallback } from '../../src/runtime/progress';
import { RequestTracker, abortableDelay } from '../../src/runtime/RequestTracker';
import type { BuildResult, BuildSequenceRequest, BuildUpdateCallback } from '../../src/runtime/jobs/types';
import type { EngineCheckKind, EngineCheckResult } from './engineCheck';
import { SelfTestError } from './harnessErrors';
import type { WebgpuFaults } from './webgpuFaults';

/** Probes that prove the RPC invariants (progress order, abort, named errors, storage) and the fault hooks. */
export type SelfTestRequest =
  | { readonly kind: 'progress'; readonly steps: number }
  | { readonly kind: 'wait'; readonly ms: number }
  | { readonly kind: 'throw'; readonly message: string }
  | { readonly kind: 'storage'; readonly sceneId: string; readonly mosaic: Mosaic }
  /** Loads one Transformers.js engine from the configured models URL, runs it, disposes it (browser worker). */
  | { readonly kind: 'engine'; readonly engine: EngineCheckKind }
  /** The next fused frame kills the worker between fusion and persistence. */
  | { readonly kind: 'crash-next-frame' };

export type SelfTestResult =
  | { readonly kind: 'progress'; readonly steps: number }
  | { readonly kind: 'wait'; readonly waitedMs: number }
  | { readonly kind: 'engine'; readonly result: EngineCheckResult }
  | { readonly kind: 'crash-next-frame' }
  | {
      readonly kind: 'storage';
      readonly written: Mosaic;
      readonly readBack: Mosaic;
      readonly meta: SceneMeta;
    };

/** `timeEngines`: per-frame wall times of the detector and depth model in this worker. */
export interface EngineTimingRequest {
  /** Image URLs (PNG/JPEG) the worker fetches and decodes itself, so no pixels cross during timing. */
  readonly frameUrls: readonly string[];
  readonly engines: readonly ('detector' | 'depth')[];
  /** Untimed runs on the first frame before timing; default 2. */
  readonly warmup?: number;
}

export interface EngineTiming {
  /** "YOLOX-Nano (wasm)", after any fallback. */
  readonly engine: string;
  /** First load (download from the models URL or cache, verification, session creation). */
  readonly loadMs: number;
  readonly perFrameMs: readonly number[];
  /** Detections per frame (detector only). */
  readonly detections?: readonly number[];
}

export interface EngineTimingResult {
  readonly detector?: EngineTiming;
  readonly depth?: EngineTiming;
  readonly inputSize: string;
  readonly notices: readonly string[];
}

export interface PerceptionUnderTestApi extends PerceptionApi {
  selfTest(
    request: SelfTestRequest,
    onProgress?: ProgressCallback,
    opts?: CallOptions,
  ): Promise<SelfTestResult>;
  /** Times fresh engines (cold load, then per frame) under the current configuration; refused mid-frame. */
  timeEngines(request: EngineTimingRequest): Promise<EngineTimingResult>;
  /** WebGPU faults for the detector sessions opened from now on (before the first frame). */
  injectWebgpuFaults(faults: WebgpuFaults): Promise<void>;
}

export interface PerceptionUnderTestDeps extends Omit<PerceptionServiceDeps, 'engines'> {
  /** The engines, given the faults to inject into them (the worker builds the browser ones). */
  readonly engines?: (faults: () => WebgpuFaults) => PerceptionEngineFactory;
  /** `selfTest({kind: 'engine'})`: the browser worker passes runEngineCheck. */
  readonly engineCheck?: (kind: EngineCheckKind, config: PerceptionConfig) => Promise<EngineCheckResult>;
  /** How this context dies mid-frame (the worker passes `self.close()`); without it the frame throws instead. */
  readonly crash?: () => void;
  readonly fetch?: (url: string) => Promise<Response>;
}

const never = (): Promise<never> => new Promise<never>(() => undefined);

export class PerceptionUnderTest implements PerceptionUnderTestApi {
  private readonly inner: PerceptionService;
  private readonly requests = new RequestTracker();
  private readonly engineFactory?: PerceptionEngineFactory;
  private config: PerceptionConfig = DEFAULT_PERCEPTION_CONFIG;
  private faults: WebgpuFaults = {};
  private framesInFlight = 0;
  /** Armed by `crash-next-frame`; `fused` once the next frame has fused, until the worker dies. */
  private crashState: 'off' | 'armed' | 'fused' = 'off';

  constructor(private readonly deps: PerceptionUnderTestDeps = {}) {
    this.engineFactory = deps.engines?.(() => this.faults);
    const createFuser = deps.createFuser ?? ((up) => new MosaicBuilderFuser({ up }));
    const openLibrary = deps.openLibrary ?? (() => openSceneLibrary());
    const { probe, now } = deps;
    this.inner = new PerceptionService({
      ...(probe ? { probe } : {}),
      ...(now ? { now } : {}),
      ...(this.engineFactory ? { engines: this.engineFactory } : {}),
      createFuser: (up) => this.watchFusion(createFuser(up)),
      openLibrary: async () => this.gatePersistence(await openLibrary()),
    });
  }

  ping() {
    return this.inner.ping();
  }
  capabilities(...args: Parameters<PerceptionApi['capabilities']>) {
    return this.inner.capabilities(...args);
  }
  async configure(config: Partial<PerceptionConfig>): Promise<void> {
    this.config = { ...this.config, ...config };
    await this.inner.configure(config);
  }
  loadModels(engines: readonly ('detector' | 'depth')[], onProgress?: ModelProgressCallback) {
    return this.inner.loadModels(engines, onProgress);
  }
  watchModels(onProgress: ModelProgressCallback) {
    return this.inner.watchModels(onProgress);
  }
  async processFrame(
    frame: PerceptionFrame,
    onProgress?: ProgressCallback,
    opts?: CallOptions,
  ): Promise<ProcessFrameResult> {
    this.framesInFlight++;
    try {
      const result = await this.inner.processFrame(frame, onProgress, opts);
      // Fused with no scene open (nothing to persist): die before the answer goes out.
      if (this.crashState === 'fused') return await this.die(frame.frame);
      return result;
    } finally {
      this.framesInFlight--;
    }
  }
  openScene(init: SceneInit) {
    return this.inner.openScene(init);
  }
  resumeScene(id: string) {
    return this.inner.resumeScene(id);
  }
  closeScene(end?: SceneEnd) {
    return this.inner.closeScene(end);
  }
  mosaic() {
    return this.inner.mosaic();
  }
  reset() {
    return this.inner.reset();
  }
  buildDemoScene(
    onUpdate?: BuildUpdateCallback,
    opts?: CallOptions & { readonly sceneId?: string },
  ): Promise<BuildResult> {
    return this.inner.buildDemoScene(onUpdate, opts);
  }
  buildSequence(
    request: BuildSequenceRequest,
    onUpdate?: BuildUpdateCallback,
    opts?: CallOptions,
  ): Promise<BuildResult> {
    return this.inner.buildSequence(request, onUpdate, opts);
  }
  perceiveSceneFrames(...args: Parameters<PerceptionApi['perceiveSceneFrames']>) {
    return this.inner.perceiveSceneFrames(...args);
  }
  async interrupt(requestId?: string): Promise<number> {
    const inner = await this.inner.interrupt(requestId);
    // Aborted last, so this answer goes out before the aborted probe's rejection (as one service's would).
    return inner + this.requests.interrupt(requestId);
  }
  async dispose(): Promise<void> {
    this.requests.interrupt();
    await this.inner.dispose();
  }

  async injectWebgpuFaults(faults: WebgpuFaults): Promise<void> {
    this.faults = { ...faults };
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
          const t0 = performance.now();
          for (let waited = 0; waited < request.ms; waited += 50) {
            await abortableDelay(Math.min(50, request.ms - waited), req.signal);
            progress.report('waiting', (100 * (waited + 50)) / request.ms);
          }
          progress.done();
          return { kind: 'wait', waitedMs: performance.now() - t0 };
        }
        case 'throw':
          throw new SelfTestError(request.message);
        case 'storage': {
          const store = await (this.deps.openLibrary ?? (() => openSceneLibrary()))();
          const meta = await store.saveMosaic(request.mosaic, {
            name: `self-test ${request.sceneId}`,
            id: request.sceneId,
          });
          const { mosaic } = await store.load(meta.id);
          return { kind: 'storage', written: request.mosaic, readBack: mosaic, meta };
        }
        case 'crash-next-frame':
          this.crashState = 'armed';
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

  async timeEngines(request: EngineTimingRequest): Promise<EngineTimingResult> {
    if (this.framesInFlight > 0)
      throw new InvalidRequestError('timeEngines: the worker is processing frames; time it when idle.');
    const get = this.deps.fetch ?? ((u: string) => fetch(u));
    const frames = await Promise.all(
      request.frameUrls.map(async (url) => {
        const res = await get(url);
        if (!res.ok)
          throw new InvalidRequestError(`timeEngines: ${url} answered HTTP ${res.status}; pass image URLs.`);
        return decodeRgbImage(new Uint8Array(await res.arrayBuffer()), url);
      }),
    );
    if (frames.length === 0) throw new InvalidRequestError('timeEngines: no frameUrls given.');
    const notices: string[] = [];
    const notice = (m: string) => void notices.push(m);
    const warmup = request.warmup ?? 2;
    const time = async (
      engine: DetectorEngine | DepthEngine,
      run: (i: number) => Promise<number | undefined>,
    ): Promise<EngineTiming> => {
      const t0 = performance.now();
      await engine.load();
      const loadMs = performance.now() - t0;
      for (let w = 0; w < warmup; w++) await run(0);
      const perFrameMs: number[] = [];
      const counts: number[] = [];
      for (let i = 0; i < frames.length; i++) {
        const t = performance.now();
        const n = await run(i);
        perFrameMs.push(performance.now() - t);
        if (n !== undefined) counts.push(n);
      }
      return { engine: engine.label(), loadMs, perFrameMs, ...(counts.length ? { detections: counts } : {}) };
    };
    const out: { detector?: EngineTiming; depth?: EngineTiming } = {};
    // Fresh engines, disposed after: every timing starts cold and comparable.
    const built: (DetectorEngine | DepthEngine)[] = [];
    try {
      for (const kind of request.engines) {
        if (kind === 'detector' && this.engineFactory?.detector) {
          const d = this.engineFactory.detector(this.config, notice);
          built.push(d);
          out.detector = await time(d, async (i) => (await d.detect(frames[i])).length);
        } else if (kind === 'depth' && this.engineFactory?.depth) {
          const d = this.engineFactory.depth(this.config, notice);
          built.push(d);
          out.depth = await time(d, async (i) => void (await d.estimate(frames[i])));
        } else {
          throw new InvalidRequestError(`timeEngines: no ${kind} engine in this service; use the app's worker.`);
        }
      }
    } finally {
      await Promise.all(built.map((e) => e.dispose()));
    }
    return { ...out, inputSize: `${frames[0].width}×${frames[0].height}`, notices };
  }

  /** Marks the first frame fused after `crash-next-frame`; the worker dies before that frame persists. */
  private watchFusion(fuser: FrameFuser): FrameFuser {
    return {
      fuse: (input) => {
        const delta = fuser.fuse(input);
        if (this.crashState === 'armed') this.crashState = 'fused';
        return delta;
      },
      mosaic: () => fuser.mosaic(),
      get objectCount() {
        return fuser.objectCount;
      },
    };
  }

  /** The scene store, with the crash between a fused frame and its write. */
  private gatePersistence(store: SceneStore): SceneStore {
    return new Proxy(store, {
      get: (target, key) => {
        const member = Reflect.get(target, key) as unknown;
        if (typeof member !== 'function') return member;
        if (key !== 'appendKeyframe') return member.bind(target);
        return async (...args: Parameters<SceneStore['appendKeyframe']>) => {
          if (this.crashState === 'fused') return this.die(args[1].keyframe.frame);
          return target.appendKeyframe(...args);
        };
      },
    });
  }

  private async die(frame: number): Promise<never> {
    this.crashState = 'off';
    if (!this.deps.crash)
      throw new SelfTestError(`frame ${frame}: crashed on purpose (selfTest crash-next-frame)`);
    this.deps.crash();
    // A dead context answers nothing (a closed worker may still flush this task's messages): hang here.
    return never();
  }
}
