import {
  decideBackend,
  type BackendCapabilities,
  type BackendPreference,
} from '../core/backend/decideBackend';
import type { BackendStatus } from './uiTypes';

/**
 * The header's honest backend line, from what the probe found and what the decision table picks for the
 * detector: "WebGPU (fallback adapter, no shader-f16)", "WebGPU (shader-f16)", "wasm (4 threads)",
 * "wasm (1 thread: page not cross-origin isolated)", "wasm (4 threads; GPU is software)" when Automatic passed
 * over a software WebGPU adapter.
 */
export function backendLabel(
  caps: BackendCapabilities,
  preference: BackendPreference,
  wasmThreadCount: number,
): BackendStatus {
  const choice = decideBackend(caps, 'detector', preference);
  if (choice.device === 'webgpu') {
    const notes = [
      caps.fallbackAdapter ? 'fallback adapter' : '',
      caps.shaderF16 ? 'shader-f16' : 'no shader-f16',
    ];
    return { state: 'ready', label: `WebGPU (${notes.filter(Boolean).join(', ')})`, detail: choice.reason };
  }
  const threads = caps.wasmThreads ? Math.max(1, wasmThreadCount) : 1;
  const why = caps.wasmThreads ? '' : ': page not cross-origin isolated';
  const noGpu = preference !== 'wasm' && !caps.webgpu ? '; no WebGPU adapter' : '';
  // Automatic passed over a software adapter: the label says so in two words, the tooltip says why.
  const software = preference === 'auto' && caps.webgpu && caps.fallbackAdapter ? '; GPU is software' : '';
  return {
    state: 'ready',
    label: `wasm (${threads} thread${threads === 1 ? '' : 's'}${why}${software})`,
    detail: `${choice.reason}${noGpu}`,
  };
}
