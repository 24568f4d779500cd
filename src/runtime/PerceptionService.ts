import type { BackendPreference } from '../core/backend/decideBackend';
import type { Vec3 } from '../core/geometry/types';
import type { Mosaic } from '../core/mosaic/types';
import { detectCapabilities, type CapabilityReport } from '../engines/backend/detectCapabilities';
import type { SceneMeta, SceneStore } from '../storage/SceneStore';
import type { ModelProgressCallback } from '../engines/models/progress';
import { capabilitiesFor, jsContext } from './capabilities';
import type { PerceptionFrame, ProcessFrameResult, SceneEnd, SceneInit } from './frames';
import type {
  CallOptions,
  EngineStatus,
  PerceptionApi,
  PerceptionCapabilities,
  SceneFrames,
  SceneFramesRequest,
} from './PerceptionApi';
import type { ProgressCallback } from './progress';
import { RequestTracker } from './RequestTracker';
import type { Sequence } from '../core/sequence/openSequence';
import type { FrameFuser } from './MosaicBuilderFuser';
import type { PerceptionConfig, PerceptionEngineFactory } from './perception/engines';
import { EngineHost } from './perception/EngineHost';
import { FramePipeline } from './perception/FramePipeline';
import { FrameProcessor } from './perception/FrameProcessor';
import { HeldSequences } from './perception/heldSequences';
import { SceneRecorder } from './SceneRecorder';
import { buildDemoScene, buildSequence, type FrameSink } from './jobs';
import type { BuildResult, BuildSequenceRequest, BuildUpdateCallback } from './jobs/types';

export { validateFrame } from './perception/FrameProcessor';

export interface PerceptionServiceDeps {
  readonly probe?: () => Promise<CapabilityReport>;
  /** Opens saved scenes; the browser default is IndexedDB, tests pass a MemoryKvStore-backed one. */
  readonly openLibrary?: () => Promise<SceneStore>;
  readonly createFuser?: (up: Vec3) => FrameFuser;
  readonly now?: () => number;
  /** Builds the detector and depth engines for frames that lack detections or depth (the worker passes the browser ones). */
  readonly engines?: PerceptionEngineFactory;
}

/**
 * Perception + fusion, runnable in-thread (Node tests) or behind `workers/perception.worker.ts`: the worker's
 * API over three parts — the engine host (configuration, engines, model progress, notices), the frame pipeline
 * (FrameProcessor: validate, perceive, fuse, persist; one frame at a time, a busy one drops the next), and the
 * scene recorder (fuser, stored scene, unsaved delta). Build jobs get a frame sink over the last two.
 * Lazy: nothing is probed or opened before the first call that needs it.
 */
export class PerceptionService implements PerceptionApi {
  private readonly requests = new RequestTracker();
  private report?: Promise<CapabilityReport>;
  private readonly engines: EngineHost;
  private readonly perception: FramePipeline;
  private readonly recorder: SceneRecorder;
  private readonly frames: FrameProcessor;
  /** Sequences of scenes built here, for the reasoning loop's requests for more frames. */
  private readonly held = new HeldSequences();
  /** What the build jobs drive. */
  private readonly sink: FrameSink = {
    reset: () => this.reset(),
    openScene: (init) => this.openScene(init),
    processFrame: (frame) => this.processFrame(frame),
    mosaic: () => this.mosaic(),
    closeScene: (end) => this.closeScene(end),
  };

  constructor(private readonly deps: PerceptionServiceDeps = {}) {
    const now = deps.now ?? (() => performance.now());
    this.perception = new FramePipeline({}, now, (m) => this.engines.notice(m));
    this.engines = new EngineHost(deps.engines, (set) => {
      this.perception.setEngines(set);
      // New engines (a new configuration) give the open-vocabulary detector a fresh chance.
      this.held.resetOpenVocab();
    });
    // A new scene restarts odometry level in its world frame.
    this.recorder = new SceneRecorder({ ...deps, onNewWorld: (up) => this.perception.reset(up) });
    this.frames = new FrameProcessor(this.engines, this.perception, this.recorder, now);
  }

  async ping(): Promise<{ pong: true; context: string }> {
    return { pong: true, context: jsContext() };
  }

  async capabilities(preference: BackendPreference = 'auto'): Promise<PerceptionCapabilities> {
    this.report ??= (this.deps.probe ?? detectCapabilities)();
    return { ...capabilitiesFor(await this.report, preference), engines: this.engines.status() };
  }

  async configure(config: Partial<PerceptionConfig>): Promise<void> {
    await this.engines.configure(config);
  }

  async watchModels(onProgress: ModelProgressCallback): Promise<void> {
    this.engines.watch(onProgress);
  }

  async loadModels(
    engines: readonly ('detector' | 'depth')[],
    onProgress?: ModelProgressCallback,
  ): Promise<EngineStatus> {
    await this.engines.load(engines, onProgress);
    return this.engines.status();
  }

  processFrame(
    frame: PerceptionFrame,
    onProgress?: ProgressCallback,
    opts: CallOptions = {},
  ): Promise<ProcessFrameResult> {
    return this.frames.process(frame, () => this.requests.begin('processFrame', opts.requestId), onProgress);
  }

  async openScene(init: SceneInit): Promise<SceneMeta> {
    const meta = await this.recorder.open(init);
    // A replaced scene's old sequence no longer describes it.
    if (init.replace && init.id) this.held.forget(init.id);
    return meta;
  }

  resumeScene(id: string): Promise<SceneMeta> {
    return this.recorder.resume(id);
  }

  async closeScene(end: SceneEnd = {}): Promise<void> {
    await this.recorder.close(end);
  }

  async mosaic(): Promise<Mosaic> {
    return this.recorder.mosaic();
  }

  async reset(): Promise<void> {
    this.recorder.reset();
    this.perception.reset();
  }

  async buildDemoScene(
    onUpdate?: BuildUpdateCallback,
    opts: CallOptions & { readonly sceneId?: string } = {},
  ): Promise<BuildResult> {
    const req = this.requests.begin('build', opts.requestId, { supersede: true });
    try {
      return await buildDemoScene(this.sink, {
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
      const result = await buildSequence(this.sink, request, {
        signal: req.signal,
        ...(onUpdate ? { onUpdate } : {}),
        onSequence: (seq) => (opened = seq),
      });
      const fuser = this.recorder.currentFuser;
      if (opened && fuser)
        this.held.hold(
          result.sceneId,
          opened,
          fuser,
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
      this.engines.engines(); // builds the detector and depth engines the frame pipeline will run
      return await this.held.perceive(request.sceneId, frames, {
        pipeline: this.perception,
        store: await this.recorder.openLibrary(),
        ...(request.prompts ? { prompts: request.prompts } : {}),
        signal: req.signal,
        openVocab: () => this.engines.openVocab(),
        // A live frame in flight finishes first; live frames arriving meanwhile are dropped, as when busy.
        slot: (fn) => this.frames.exclusive(fn, req.signal),
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
    this.recorder.reset();
    this.report = undefined;
    await this.engines.dispose();
  }
}
