import { decideBackend, type BackendPreference, type ModelKind } from '../core/backend/decideBackend';
import type { CapabilityReport } from '../engines/backend/detectCapabilities';
import type { PerceptionCapabilities } from './PerceptionApi';

const KINDS: readonly ModelKind[] = ['vlm', 'depth', 'detector', 'open-vocab-detector'];

/** The backend report of a worker: what its own context offers, and what decideBackend picks from that. */
export function capabilitiesFor(
  report: CapabilityReport,
  preference: BackendPreference,
): PerceptionCapabilities {
  const choices = Object.fromEntries(KINDS.map((k) => [k, decideBackend(report.caps, k, preference)]));
  return { report, preference, choices: choices as PerceptionCapabilities['choices'] };
}

/** Where this code runs, for `ping` answers and reports. */
export function jsContext(): string {
  if (typeof document !== 'undefined') return 'window';
  const g = globalThis as { WorkerGlobalScope?: unknown; process?: { versions?: { node?: string } } };
  if (g.WorkerGlobalScope !== undefined) return 'worker';
  return g.process?.versions?.node ? 'node' : 'unknown';
}
