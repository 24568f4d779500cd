import type { BackendChoice, BackendPreference, ModelKind } from '../core/backend/decideBackend';
import type { Mosaic } from '../core/mosaic/types';
import type { CapabilityReport } from '../engines/backend/detectCapabilities';
import type { SceneMeta } from '../storage/SceneStore';
import type { ModelProgressCallback } from '../engines/models/progress';
import type { PerceptionConfig } from './perception/engines';
import type { ProgressCallback } from './progress';
import type { BuildResult, BuildSequenceRequest, BuildUpdateCallback } from './jobs/types';
import type { PerceptionFrame, ProcessFrameResult, SceneEnd, SceneInit } from './frames';

export type { PerceptionConfig } from './perception/engines';
export type { FrameSources } from './frameSources';
export type { PerceptionFrame, ProcessFrameResult, SceneEnd, SceneInit, StageTiming } from './frames';

/**
 * The perception worker's API. `PerceptionService` implements it in-thread (tests, Node); the page holds a
 * `Remote<PerceptionApi>` from `createPerceptionClient`. Everything here is structured-cloneable. The frame and
 * scene types live in frames.ts (the build jobs use them without this API).
 */
/** What runs in this worker right now, for the header: engine labels once loaded, and fallbacks/failures. */
export interface EngineStatus {
  readonly detector?: string;
  readonly depth?: string;
  /** The reasoner's VLM ("SmolVLM2-256M-Video-Instruct (wasm q4)"), when one is loaded. */
  readonly vlm?: string;
  /** One line each, newest last: "yolox-nano: WebGPU session failed (…): running on wasm". */
  readonly notices: readonly string[];
}

export interface PerceptionCapabilities {
  readonly report: CapabilityReport;
  readonly preference: BackendPreference;
  /** What decideBackend picks for each model kind in this worker, with the reason. */
  readonly choices: Readonly<Record<ModelKind, BackendChoice>>;
  /** Engines this worker has loaded, and notices about them (perception and reasoner workers). */
  readonly engines?: EngineStatus;
}

export interface CallOptions {
  /** Id for `interrupt(requestId)`; generated when omitted. */
  readonly requestId?: string;
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
  openScene(init: SceneInit): Promise<SceneMeta>;
  /** Continues appending to an existing stored scene (after a worker restart); SceneNotFoundError if gone. */
  resumeScene(id: string): Promise<SceneMeta>;
  /** Stops persisting; `end` says whether the stored scene is partial (and why) or is discarded (a failed build). */
  closeScene(end?: SceneEnd): Promise<void>;
  /** The mosaic fused so far in this worker. */
  mosaic(): Promise<Mosaic>;
  /** Forgets the fused mosaic (a new scene). */
  reset(): Promise<void>;
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
