import { useEffect, useState } from 'react';
import { wasmThreadCount, type BackendPreference } from '../core/backend/decideBackend';
import { detectCapabilities, type CapabilityReport } from '../engines/backend/detectCapabilities';
import { backendLabel } from './backendLabel';
import type { BackendStatus } from './uiTypes';

/** Threads ORT's wasm backend uses here (the same rule as src/engines/ortWeb.ts). */
export const wasmThreadsFor = (report: CapabilityReport): number =>
  wasmThreadCount(report.caps.wasmThreads, report.hardwareConcurrency);

/** Probes the page once, then derives the honest backend line for the current preference. */
export function useCapabilities(preference: BackendPreference): {
  report?: CapabilityReport;
  status: BackendStatus;
} {
  const [report, setReport] = useState<CapabilityReport>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    detectCapabilities().then(
      (r) => live && setReport(r),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, []);
  if (error) return { status: { state: 'error', label: 'backend probe failed', detail: error } };
  if (!report) return { status: { state: 'probing', label: 'probing…' } };
  const status = backendLabel(report.caps, preference, wasmThreadsFor(report));
  const gpuNote = report.adapterProblem ? `; ${report.adapterProblem}` : '';
  return { report, status: { ...status, detail: `${status.detail ?? ''}${gpuNote}` } };
}
