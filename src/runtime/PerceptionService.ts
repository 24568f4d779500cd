import type { BackendPreference } from '../core/backend/decideBackend';
import { intrinsicsProblem } from '../core/geometry/camera';
import type { Vec3 } from '../core/geometry/types';
import type { Mosaic } from '../core/mosaic/types';
import { detectCapabilities, type CapabilityReport } from '../engines/backend/detectCapabilities';
import { openSceneLibrary } from '../storage/openSceneLibrary';
import type { SceneMeta, SceneStore } from '../storage/SceneStore';
import { capabilitiesFor, jsContext } from './capabilities';
import { InvalidRequestError, SelfTestError, throwIfAborted } from './errors';
import type {
  CallOptions,
  PerceptionApi,
  PerceptionCapabilities,
  PerceptionFrame,
  ProcessFrameResult,
  SelfTestRequest,
  SelfTestResult,
  StageTiming,
} from './PerceptionApi';
import { ProgressReporter, type ProgressCallback } from './progress';
import { RequestTracker, abortableDelay } from './RequestTracker';
import { MosaicBuilderFuser, type FrameFuser, type FusionDelta } from './MosaicBuilderFuser';
import { buildDemoScene, buildSequence } from './jobs';
import type { BuildResult, BuildSequenceRequest, BuildUpdateCallback } from './jobs/types';

export interface PerceptionServiceDeps {
  readonly probe?: () => Promise<CapabilityReport>;
  /** Opens saved scenes; the browser default is IndexedDB, tests pass a MemoryKvStore-backed one. */
  readonly openLibrary?: () => Promise<SceneStore>;
  readonly createFuser?: (up: Vec3) => FrameFuser;
  readonly now?: () => number;
}

// MosaicBuilder's default world frame: z up (a sequence whose poses say otherwise passes `up` to openScene).
const DEFAULT_UP: Vec3 = [0, 0, 1];

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

  constructor(private readonly deps: PerceptionServiceDeps = {}) {
    this.now = deps.now ?? (() => performance.now());
  }

  async ping(): Promise<{ pong: true; context: string }> {
    return { pong: true, context: jsContext() };
  }

  async capabilities(preference: BackendPreference = 'auto'): Promise<PerceptionCapabilities> {
    this.report ??= (this.deps.probe ?? detectCapabilities)();
    return capabilitiesFor(await this.report, preference);
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
      const { pose, depth, detections } = frame;
      let upserted = 0;
      let removed = 0;
      if (pose && depth && detections) {
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
        const scene = this.scene;
        if (scene) {
          const store = await this.openLibrary();
          const toWrite = this.withUnsaved(delta);
          try {
            this.scene = await timed('persist', () => store.appendKeyframe(scene.id, toWrite));
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
      const objectCount = this.fuser ? this.fuser.mosaic().objects.length : 0;
      return {
        dropped: false,
        frame: frame.frame,
        timings,
        upserted,
        removed,
        objectCount,
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
  }): Promise<SceneMeta> {
    const store = await this.openLibrary();
    if (init.id && (await store.list()).some((m) => m.id === init.id)) {
      throw new InvalidRequestError(
        `openScene: a scene with id "${init.id}" already exists; pick another id or delete it first.`,
      );
    }
    this.up = init.up ?? DEFAULT_UP;
    this.fuser = this.createFuser();
    this.unsaved = undefined;
    this.scene = await store.create({ name: init.name, up: this.up, ...(init.id ? { id: init.id } : {}) });
    return this.scene;
  }

  async closeScene(): Promise<void> {
    this.scene = undefined;
  }

  async mosaic(): Promise<Mosaic> {
    return (this.fuser ??= this.createFuser()).mosaic();
  }

  async reset(): Promise<void> {
    this.unsaved = undefined;
    this.fuser = undefined;
    this.scene = undefined;
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
        default:
          throw new InvalidRequestError(
            `selfTest: unknown kind ${JSON.stringify(request)}; use progress, wait, throw or storage.`,
          );
      }
    } finally {
      req.end();
    }
  }

  async buildDemoScene(onUpdate?: BuildUpdateCallback, opts: CallOptions = {}): Promise<BuildResult> {
    const req = this.requests.begin('build', opts.requestId, { supersede: true });
    try {
      return await buildDemoScene(this, { signal: req.signal, ...(onUpdate ? { onUpdate } : {}) });
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
      return await buildSequence(this, request, { signal: req.signal, ...(onUpdate ? { onUpdate } : {}) });
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
    const occupancy = delta.occupancy ?? prev.occupancy;
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
