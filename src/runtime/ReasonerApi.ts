import type { BackendPreference } from '../core/backend/decideBackend';
import type { Mosaic } from '../core/mosaic/types';
import type { Answer } from '../core/reasoning/answer';
import type { TraceStep } from '../core/reasoning/trace';
import type { ModelProgress, ModelProgressCallback } from '../engines/models/progress';
import type { CallOptions, EngineStatus, PerceptionApi, PerceptionCapabilities } from './PerceptionApi';
import type { ReasonerConfig } from './vlm/vlmConfig';

export type { ReasonerConfig } from './vlm/vlmConfig';

/** One step of the reasoning trace, structured (the core's `TraceStep`); pages render it with `formatStep`. */
export type ReasonerStep = TraceStep;

/** Events of one `ask`, tagged by `status`: steps, streamed text, then exactly one `done` on success. */
export type ReasonerEvent =
  | { readonly status: 'step'; readonly requestId: string; readonly step: ReasonerStep }
  | { readonly status: 'token'; readonly requestId: string; readonly text: string }
  /** The VLM is loading on first use (download/verify/session progress of its files). */
  | { readonly status: 'model'; readonly requestId: string; readonly progress: ModelProgress }
  | { readonly status: 'done'; readonly requestId: string; readonly answer: ReasonerAnswer };

export type ReasonerEventCallback = (event: ReasonerEvent) => void;

/** The core's answer (the `ask --json` contract: answer text, value, unit, kind, objects) with its trace. */
export interface ReasonerAnswer extends Answer {
  /** False when the reasoner could not answer this kind of question (the text says why). */
  readonly answered: boolean;
  readonly trace: readonly ReasonerStep[];
  /** True when the loop perceived more frames into the stored scene (the page reloads it to show them). */
  readonly sceneChanged?: boolean;
}

/**
 * Perception as the reasoning loop needs it: more frames of a stored scene's sequence. The page passes a comlink
 * `proxy` that relays to the perception worker; only frame numbers and counts cross, the objects go through storage.
 */
export interface SceneFramePort extends Pick<PerceptionApi, 'perceiveSceneFrames'> {
  /** Stops the perceiving of one request (a superseded or stopped question); never all of perception's calls. */
  interrupt?(requestId: string): Promise<unknown>;
}

export interface AskRequest extends CallOptions {
  /**
   * The stored scene to answer about: the reasoner reads it from this origin's scene storage (IndexedDB), so the
   * page never copies the mosaic into the reasoner. Give this or `mosaic`.
   */
  readonly sceneId?: string;
  /** A scene that is not stored (the web component's in-memory one, a scene whose build has no id yet), whole. */
  readonly mosaic?: Mosaic;
  readonly question: string;
  readonly options?: readonly string[];
  /** Per-question budget from the app's settings; unset fields keep the service's defaults. */
  readonly budget?: { readonly maxIterations?: number; readonly promptTokens?: number };
  /** The app's units setting: answers whose question names no unit use it (default metric). */
  readonly units?: 'metric' | 'imperial';
}

export interface ReasonerApi {
  ping(): Promise<{ readonly pong: true; readonly context: string }>;
  capabilities(preference?: BackendPreference): Promise<PerceptionCapabilities>;
  /** Backend, models URL and VLM use; a VLM loaded under another configuration is disposed. */
  configure(config: Partial<ReasonerConfig>): Promise<void>;
  /** Loads the VLM ahead of the first question (with progress); says what runs, or why there is no VLM. */
  loadVlm(onProgress?: ModelProgressCallback): Promise<EngineStatus>;
  /**
   * Shares a stop flag (clients.ts `createStopFlag`): bumping it stops the running ask at its next token or step,
   * even while a wasm generation keeps the worker from reading messages.
   */
  attachStopFlag(flag: Int32Array): Promise<void>;
  /**
   * Answers a question about a stored scene (`sceneId`) or a given mosaic. With `frames`, a question about
   * objects the stored scene lacks has more frames of its sequence perceived first (where perception holds them).
   * Latest request wins: a new `ask` aborts the running one (AbortError).
   */
  ask(request: AskRequest, onEvent?: ReasonerEventCallback, frames?: SceneFramePort): Promise<ReasonerAnswer>;
  interrupt(requestId?: string): Promise<number>;
  dispose(): Promise<void>;
}
