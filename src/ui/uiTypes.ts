import type { BackendPreference } from '../core/backend/decideBackend';
import type { TraceStep } from '../core/reasoning/trace';

/**
 * Shapes the presentational components take as props. Kept independent of the runtime's own types, so a
 * component can be rendered from a test, the demo, or the real workers alike; adapters live in the hooks.
 */
export interface BackendStatus {
  readonly state: 'probing' | 'ready' | 'error';
  /** Short honest line, e.g. "WebGPU (fallback adapter, no shader-f16)" or "wasm (4 threads)". */
  readonly label: string;
  /** Why this backend (the decision table's reason), shown as a tooltip and in settings. */
  readonly detail?: string;
}

export interface ModelStatus {
  readonly role: string;
  readonly name: string;
  readonly state: 'active' | 'loading' | 'unavailable' | 'idle';
}

/** A structured step of the reasoning trace (rendered to text by `TraceList`). */
export type TraceEntry = TraceStep;

export type TurnStatus = 'thinking' | 'streaming' | 'done' | 'stopped' | 'error' | 'unavailable';

export interface ChatTurn {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly status: TurnStatus;
  readonly trace: readonly TraceEntry[];
  /** Mosaic object ids the answer is about: highlighted in the 3D view. */
  readonly objectIds: readonly string[];
  readonly error?: string;
}

export interface ProgressItem {
  readonly id: string;
  readonly label: string;
  /** 0–100; undefined = indeterminate. */
  readonly progress?: number;
  readonly detail?: string;
  /** Model files: bytes received and expected (also in `detail`, in words). */
  readonly loaded?: number;
  readonly total?: number;
  /** The download failed: the bar stays and says why. */
  readonly failed?: boolean;
}

export interface SceneSummary {
  readonly id: string;
  readonly name: string;
  readonly objectCount: number;
  readonly frameCount: number;
  /** ms since epoch */
  readonly updatedAt: number;
  /** What the scene lacks when it is not complete ("2 frames skipped: unreadable depth (00003, 00007)"). */
  readonly partial?: string;
}

export type Units = 'metric' | 'imperial';

export interface Settings {
  readonly backend: BackendPreference;
  /** Prompt token budget for the serialized mosaic. */
  readonly tokenBudget: number;
  /** Maximum perceive-and-fuse iterations of the reasoning loop. */
  readonly iterationBudget: number;
  readonly units: Units;
  /** Models missing from the app's folder and cache may be downloaded from the Hugging Face Hub (then cached). */
  readonly allowDownloads: boolean;
}
