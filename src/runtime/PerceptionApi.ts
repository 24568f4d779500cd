import type { BackendChoice, BackendPreference, ModelKind } from '../core/backend/decideBackend';
import type { Intrinsics, Mat4 } from '../core/geometry/types';
import type { Mosaic } from '../core/mosaic/types';
import type { DepthImage, Detection, RgbImage } from '../core/perception/types';
import type { CapabilityReport } from '../engines/backend/detectCapabilities';
import type { SceneMeta } from '../storage/SceneStore';
import type { ProgressCallback } from './progress';
import type { BuildResult, BuildSequenceRequest, BuildUpdateCallback } from './jobs/types';

/**
 * The perception worker's API. `PerceptionService` implements it in-thread (tests, Node); the page holds a
 * `Remote<PerceptionApi>` from `createPerceptionClient`. Everything here is structured-cloneable.
 */
export interface PerceptionFrame {
  readonly frame: number;
  /** Seconds from the start of the sequence. */
  readonly time: number;
  /** Pixels; send with `transferFrame` so the buffers move instead of being copied. */
  readonly rgb: RgbImage;
  readonly depth?: DepthImage;
  /** Camera-to-world, row-major 4×4, metres. Without it the frame is perceived but not fused. */
  readonly pose?: Mat4;
  readonly intrinsics: Intrinsics;
  /** Given detections (a sequence's detections.json); without them the frame has nothing to fuse yet. */
  readonly detections?: readonly Detection[];
}

export interface StageTiming {
  readonly stage: 'validate' | 'fuse' | 'persist';
  readonly ms: number;
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
      /** The scene this keyframe was committed to, when one is open. */
      readonly sceneId?: string;
    };

export interface PerceptionCapabilities {
  readonly report: CapabilityReport;
  readonly preference: BackendPreference;
  /** What decideBackend picks for each model kind in this worker, with the reason. */
  readonly choices: Readonly<Record<ModelKind, BackendChoice>>;
}

/** Probes used by e2e and diagnostics to prove the RPC invariants (progress order, abort, named errors, storage). */
export type SelfTestRequest =
  | { readonly kind: 'progress'; readonly steps: number }
  | { readonly kind: 'wait'; readonly ms: number }
  | { readonly kind: 'throw'; readonly message: string }
  | { readonly kind: 'storage'; readonly sceneId: string; readonly mosaic: Mosaic };

export type SelfTestResult =
  | { readonly kind: 'progress'; readonly steps: number }
  | { readonly kind: 'wait'; readonly waitedMs: number }
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

export interface PerceptionApi {
  ping(): Promise<{ readonly pong: true; readonly context: string }>;
  capabilities(preference?: BackendPreference): Promise<PerceptionCapabilities>;
  /** Perceives and fuses one keyframe. A busy service drops the frame (`{dropped: true}`) instead of queueing it. */
  processFrame(
    frame: PerceptionFrame,
    onProgress?: ProgressCallback,
    opts?: CallOptions,
  ): Promise<ProcessFrameResult>;
  /** Starts (or resumes) persisting keyframes into a stored scene; later frames are appended to it. */
  openScene(init: {
    readonly name: string;
    readonly id?: string;
    readonly up?: readonly [number, number, number];
  }): Promise<SceneMeta>;
  closeScene(): Promise<void>;
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
  buildDemoScene(onUpdate?: BuildUpdateCallback, opts?: CallOptions): Promise<BuildResult>;
  /** Opens, decodes and fuses a picked sequence folder (File handles, read here) into a new stored scene. */
  buildSequence(
    request: BuildSequenceRequest,
    onUpdate?: BuildUpdateCallback,
    opts?: CallOptions,
  ): Promise<BuildResult>;
  /** Aborts one running call (its promise rejects with AbortError), or all of them. Returns how many. */
  interrupt(requestId?: string): Promise<number>;
  dispose(): Promise<void>;
}
