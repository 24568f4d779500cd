import type { BackendPreference } from '../core/backend/decideBackend';
import type { Answer } from '../core/reasoning/answer';
import type { ProgressEvent } from '../runtime/progress';
import type { ReasonerStep } from '../runtime/ReasonerApi';
import type { WorkerRestart } from '../runtime/supervisor/WorkerSupervisor';

/**
 * The public shapes of `<spatial-mosaic>`: what its events carry and what its methods return. Plain data,
 * so a host page can log, post or store them as they are.
 */

/**
 * The answer to one `ask()`, also the detail of the `answer` event: the `ask --json` answer (`answer` the text
 * shown in the element, `value`, `unit`, `kind`, `objects` the ids of the objects it used), the question, and the
 * reasoning trace as structured steps (render one with `formatStep`).
 */
export interface SpatialMosaicAnswer extends Answer {
  readonly question: string;
  /** False when the reasoner could not answer this kind of question (the text says why). */
  readonly answered: boolean;
  readonly trace: readonly ReasonerStep[];
}

/** Detail of `mosaic-change`: a summary, not the mosaic itself (call `export()` for that). */
export interface MosaicChangeDetail {
  /** "demo", a stored scene id, or "frames" for a mosaic fused from `addFrame` calls. */
  readonly source: string;
  readonly sceneId?: string;
  readonly objectCount: number;
  readonly keyframeCount: number;
  /** Object count per label, e.g. `{chair: 2, table: 1}`. */
  readonly labels: Readonly<Record<string, number>>;
}

/** Detail of `error`: the error's class name and its one-line message. */
export interface ErrorDetail {
  readonly name: string;
  readonly message: string;
}

/** Detail of `progress`: the runtime's tagged progress union (status: initiate | progress | done). */
export type ProgressDetail = ProgressEvent;

export interface SpatialMosaicEventMap {
  progress: CustomEvent<ProgressDetail>;
  'mosaic-change': CustomEvent<MosaicChangeDetail>;
  answer: CustomEvent<SpatialMosaicAnswer>;
  error: CustomEvent<ErrorDetail>;
  /** A shared worker crashed and was replaced; the detail says what was lost. */
  'worker-restart': CustomEvent<WorkerRestart>;
}

/** The element's settings, read from its attributes. */
export interface SpatialMosaicConfig {
  /** Base URL of self-hosted models (`models-base`), default `/models`. */
  readonly modelsBase: string;
  readonly backend: BackendPreference;
  /** `source`: "demo", a stored scene id, or empty for none. */
  readonly source: string;
  /** `allow-network`: may models be downloaded from the Hugging Face Hub. */
  readonly allowNetwork: boolean;
}

export const OBSERVED_ATTRIBUTES = ['models-base', 'backend', 'source', 'allow-network'] as const;

const BACKENDS: readonly BackendPreference[] = ['auto', 'webgpu', 'wasm'];

/** Attribute values → config. Unknown backends fall back to auto (the element reports it as an error). */
export function readConfig(get: (name: string) => string | null): {
  config: SpatialMosaicConfig;
  problems: string[];
} {
  const problems: string[] = [];
  const rawBackend = (get('backend') ?? 'auto').trim().toLowerCase() || 'auto';
  const backend = (BACKENDS as readonly string[]).includes(rawBackend)
    ? (rawBackend as BackendPreference)
    : 'auto';
  if (backend !== rawBackend)
    problems.push(`backend="${rawBackend}" is not one of auto, webgpu, wasm; using auto.`);
  const modelsBase = (get('models-base') ?? '').trim().replace(/\/+$/, '') || '/models';
  const allow = get('allow-network');
  return {
    config: {
      modelsBase,
      backend,
      source: (get('source') ?? '').trim(),
      // A boolean attribute: present means true, except an explicit "false".
      allowNetwork: allow !== null && allow.trim().toLowerCase() !== 'false',
    },
    problems,
  };
}
