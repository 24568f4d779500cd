import type { BackendChoice, BackendPreference, ModelKind } from '../core/backend/decideBackend';
import type { Mosaic } from '../core/mosaic/types';
import type { PipelineFrame } from '../core/pipeline/frames';
import type { Detection } from '../core/perception/types';
import type { CapabilityReport } from '../engines/backend/detectCapabilities';
import type { SceneMeta } from '../storage/SceneStore';
import type { ProgressCallback as ModelProgressCallback } from '../engines/models/progress';
import type { EngineCheckKind, EngineCheckResult } from './perception/engineCheck';
import type { PerceptionConfig } from './perception/engines';
import type { ProgressCallback } from './progress';
import type { BuildResult, BuildSequenceRequest, BuildUpdateCallback } from './jobs/types';
import type { FrameSources } from './frameSources';

export type { PerceptionConfig } from './perception/engines';
export type { FrameSources } from './frameSources';

/**
 * The perception worker's API. `PerceptionService` implements it in-thread (tests, Node); the page holds a
 * `Remote<PerceptionApi>` from `createPerceptionClient`. Everything here is structured-cloneable.
 */
/** One frame for perception + fusion: the pipeline core's frame. Send with `transferFrame` so the buffers move. */
export type PerceptionFrame = PipelineFrame;

export interface StageTiming {
  readonly stage: 'validate' | 'detect' | 'depth' | 'pose' | 'fuse' | 'persist';
  readonly ms: number;
}

/** What runs in this worker right now, for the header: engine labels once loaded, and fallbacks/failures. */
export interface EngineStatus {
  readonly detector?: string;
  readonly depth?: string;
  /** The reasoner's VLM ("SmolVLM2-256M-Video-Instruct (wasm q4)"), when one is loaded. */
  readonly vlm?: string;
  /** One line each, newest last: "yolox-nano: WebGPU session failed (…): running on wasm". */
  readonly notices: readonly string[];
}

/** `timeEngines`: per-frame wall times of the detector and depth model in this worker (benchmarks). */
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

export type ProcessFrameResult =
  | { readonly dropped: true; readonly frame: number; readonly reason: 'busy' }
  | {
      readonly dropped: false;
      readonly frame: number;
      readonly timings: readonly StageTiming[];
      /** Objects created or updated by this frame, and removed. */
      readonly upserted: number;
      readonly removed: number;
      readonly objectCount: number;
      /** What was perceived (the frame's own detections, or the detector's). */
      readonly detections?: readonly Detection[];
      readonly sources?: FrameSources;
      /** The scene this keyframe was committed to, when one is open. */
      readonly sceneId?: string;
    };

export interface PerceptionCapabilities {
  readonly report: CapabilityReport;
  readonly preference: BackendPreference;
  /** What decideBackend picks for each model kind in this worker, with the reason. */
  readonly choices: Readonly<Record<ModelKind, BackendChoice>>;
  /** Engines this worker has loaded, and notices about them (perception and reasoner workers). */
  readonly engines?: EngineStatus;
}

/** Probes used by e2e and diagnostics to prove the RPC invariants (progress order, abort, named errors, storage). */
export type SelfTestRequest =
  | { readonly kind: 'progress'; readonly steps: number }
  | { readonly kind: 'wait'; readonly ms: number }
  | { readonly kind: 'throw'; readonly message: string }
  | { readonly kind: 'storage'; readonly sceneId: string; readonly mosaic: Mosaic }
  /** Loads one Transformers.js engine from the configured models URL, runs it, disposes it (browser worker). */
  | { readonly kind: 'engine'; readonly engine: EngineCheckKind }
  /** Fault-tolerance tests: the next fused frame kills the worker between fusion and persistence. */
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

export interface CallOptions {
  /** Id for `interrupt(requestId)`; generated when omitted. */
  readonly requestId?: string;
}

/** How a stored scene's build ended: complete (nothing set), partial with what it lacks, or discarded. */
export interface SceneEnd {
  readonly partial?: string;
  readonly discard?: boolean;
}

/** `perceiveSceneFrames`: more keyframes of a stored scene's sequence, for the reasoning loop. */
export interface SceneFramesRequest {
  readonly sceneId: string;
  /** Frame indices of the sequence to perceive and fuse into the stored scene; none: only say what is held. */
  readonly frames?: readonly number[];
  /** Object names no detector class covers, for the open-vocabulary detector where one is loaded. */
  readonly prompts?: readonly string[];
}

export interface SceneFrames {
  /** Frames of the scene's sequence this worker can perceive. */
  readonly available: readonly number[];
  /** Frames fused into the scene so far. */
  readonly perceived: readonly number[];
  readonly objectCount: number;
  /** Why asked frames were not perceived, or how the prompts were (not) looked for, in words. */
  readonly notes?: readonly string[];
}

export interface PerceptionApi {
  ping(): Promise<{ readonly pong: true; readonly context: string }>;
  capabilities(preference?: BackendPreference): Promise<PerceptionCapabilities>;
  /** Backend and models URL for the engines; engines built under an older configuration are disposed. */
  configure(config: Partial<PerceptionConfig>): Promise<void>;
  /** Loads the engines ahead of the first frame, with download progress. */
  loadModels(
    engines: readonly ('detector' | 'depth')[],
    onProgress?: ModelProgressCallback,
  ): Promise<EngineStatus>;
  /**
   * Every model download/load event in this worker from now on, whichever call triggered it (a build, a live
   * keyframe, loadModels): one listener per worker, a later call replaces it. Pass a comlink `proxy`.
   */
  watchModels(onProgress: ModelProgressCallback): Promise<void>;
  /** Times the engines per frame in this worker (the browser benchmark's entry; see EngineTimingRequest). */
  timeEngines(request: EngineTimingRequest): Promise<EngineTimingResult>;
  /** Perceives and fuses one keyframe. A busy service drops the frame (`{dropped: true}`) instead of queueing it. */
  processFrame(
    frame: PerceptionFrame,
    onProgress?: ProgressCallback,
    opts?: CallOptions,
  ): Promise<ProcessFrameResult>;
  /**
   * Starts persisting keyframes into a new stored scene; later frames are appended to it. An `id` already
   * stored is refused, unless `replace` (the demo scene rebuilt under its fixed id) deletes the old one first.
   */
  openScene(init: {
    readonly name: string;
    readonly id?: string;
    readonly up?: readonly [number, number, number];
    readonly replace?: boolean;
  }): Promise<SceneMeta>;
  /** Continues appending to an existing stored scene (after a worker restart); SceneNotFoundError if gone. */
  resumeScene(id: string): Promise<SceneMeta>;
  /** Stops persisting; `end` says whether the stored scene is partial (and why) or is discarded (a failed build). */
  closeScene(end?: SceneEnd): Promise<void>;
  /** The mosaic fused so far in this worker. */
  mosaic(): Promise<Mosaic>;
  /** Forgets the fused mosaic (a new scene). */
  reset(): Promise<void>;
  selfTest(
    request: SelfTestRequest,
    onProgress?: ProgressCallback,
    opts?: CallOptions,
  ): Promise<SelfTestResult>;
  /**
   * Renders the built-in demo scene and fuses it frame by frame into a new stored scene, here in the worker;
   * the page gets progress and the growing mosaic through `onUpdate`. Stop with `interrupt(requestId)`.
   */
  buildDemoScene(
    onUpdate?: BuildUpdateCallback,
    opts?: CallOptions & { readonly sceneId?: string },
  ): Promise<BuildResult>;
  /** Opens, decodes and fuses a picked sequence folder (File handles, read here) into a new stored scene. */
  buildSequence(
    request: BuildSequenceRequest,
    onUpdate?: BuildUpdateCallback,
    opts?: CallOptions,
  ): Promise<BuildResult>;
  /**
   * More frames for the reasoning loop: perceives frames of a sequence this worker built a stored scene from
   * (in this session) and appends them to that scene. Null when this worker holds none of the scene's frames
   * (a scene saved in an earlier session, the demo, a live camera's scene).
   */
  perceiveSceneFrames(request: SceneFramesRequest, opts?: CallOptions): Promise<SceneFrames | null>;
  /** Aborts one running call (its promise rejects with AbortError), or all of them. Returns how many. */
  interrupt(requestId?: string): Promise<number>;
  dispose(): Promise<void>;
}
