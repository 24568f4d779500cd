import type { BackendPreference } from '../core/backend/decideBackend';
import type { Mosaic } from '../core/mosaic/types';
import type { ModelProgress, ProgressCallback as ModelProgressCallback } from '../engines/models/progress';
import type { CallOptions, EngineStatus, PerceptionCapabilities } from './PerceptionApi';
import type { ReasonerConfig } from './vlm/vlmConfig';

export type { ReasonerConfig } from './vlm/vlmConfig';

/** One visible step of the reasoning trace. */
export interface ReasonerStep {
  readonly step: string;
  readonly detail: string;
  readonly ms?: number;
}

/** Events of one `ask`, tagged by `status`: steps, streamed text, then exactly one `done` on success. */
export type ReasonerEvent =
  | { readonly status: 'step'; readonly requestId: string; readonly step: ReasonerStep }
  | { readonly status: 'token'; readonly requestId: string; readonly text: string }
  /** The VLM is loading on first use (download/verify/session progress of its files). */
  | { readonly status: 'model'; readonly requestId: string; readonly progress: ModelProgress }
  | { readonly status: 'done'; readonly requestId: string; readonly answer: ReasonerAnswer };

export type ReasonerEventCallback = (event: ReasonerEvent) => void;

export interface ReasonerAnswer {
  /** The answer text shown to the user. */
  readonly text: string;
  /** The machine-readable answer (a number, an option letter, a name, 'yes'/'no') where the question has one. */
  readonly value?: number | string;
  /** The unit of a numeric value ('m', 'cm', 'ft', 'in', 'm2', …). */
  readonly unit?: string;
  /** False when the reasoner could not answer this kind of question (the text says why). */
  readonly answered: boolean;
  /** Ids of exactly the mosaic objects the answer used (the app highlights these). */
  readonly objectIds: readonly string[];
  readonly trace: readonly ReasonerStep[];
}

export interface AskRequest extends CallOptions {
  readonly mosaic: Mosaic;
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
  /** Answers a question over a mosaic. Latest request wins: a new `ask` aborts the running one (AbortError). */
  ask(request: AskRequest, onEvent?: ReasonerEventCallback): Promise<ReasonerAnswer>;
  interrupt(requestId?: string): Promise<number>;
  dispose(): Promise<void>;
}
