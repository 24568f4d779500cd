/**
 * The one decision table for device and dtype. Engines never choose for themselves: they ask this.
 * Pure so that it is testable in Node and identical in the page and in workers.
 */
export type Device = 'webgpu' | 'wasm' | 'cpu';
export type Dtype = 'fp32' | 'fp16' | 'q8' | 'q4' | 'q4f16';
export type BackendPreference = 'auto' | 'webgpu' | 'wasm';

export interface BackendCapabilities {
  /** A WebGPU adapter was obtained. */
  readonly webgpu: boolean;
  /** The adapter offers `shader-f16`. */
  readonly shaderF16: boolean;
  /** The adapter is a software/fallback one (e.g. SwiftShader). */
  readonly fallbackAdapter: boolean;
  /** SharedArrayBuffer is usable (cross-origin isolated), so wasm can run multi-threaded. */
  readonly wasmThreads: boolean;
  /** Running in Node (CLI): onnxruntime-node on the CPU. */
  readonly node: boolean;
}

/** What a model is, for dtype purposes: big generative models quantise harder than small vision ones. */
export type ModelKind = 'vlm' | 'depth' | 'detector' | 'open-vocab-detector';

export interface BackendChoice {
  readonly device: Device;
  readonly dtype: Dtype;
  /** Why this choice, for the UI's honest status line. */
  readonly reason: string;
}

export function decideBackend(
  caps: BackendCapabilities,
  kind: ModelKind,
  preference: BackendPreference = 'auto',
): BackendChoice {
  if (caps.node)
    return {
      device: 'cpu',
      dtype: kind === 'vlm' ? 'q8' : 'fp32',
      reason: 'Node: onnxruntime-node on the CPU',
    };
  if (preference === 'webgpu' && !caps.webgpu) {
    return { ...wasmChoice(kind, caps), reason: 'WebGPU requested but no adapter is available: using wasm' };
  }
  // A software adapter (SwiftShader, llvmpipe) emulates the GPU on the CPU: 10–100× slower than wasm.
  // Automatic never runs models there; choosing WebGPU in settings still forces it.
  if (preference === 'auto' && caps.webgpu && caps.fallbackAdapter) {
    const wasm = wasmChoice(kind, caps);
    return { ...wasm, reason: `${wasm.reason}: ${SOFTWARE_ADAPTER_NOTE}` };
  }
  const useGpu = preference !== 'wasm' && caps.webgpu;
  if (!useGpu) return wasmChoice(kind, caps);
  if (caps.shaderF16) {
    return { device: 'webgpu', dtype: kind === 'vlm' ? 'q4f16' : 'fp16', reason: 'WebGPU with shader-f16' };
  }
  return { device: 'webgpu', dtype: kind === 'vlm' ? 'q4' : 'fp32', reason: 'WebGPU without shader-f16' };
}

/**
 * Threads for ORT's wasm backend: one core is left to the worker's own JavaScript (decoding, odometry, fusion
 * run between model calls) and the page, because ORT's threads spin between runs and take that core from them.
 * On a 2-core machine a second ORT thread made an ICL import slower overall, not faster (BENCHMARKS.md); at most 4.
 */
export function wasmThreadCount(crossOriginIsolated: boolean, cores: number): number {
  return crossOriginIsolated ? Math.max(1, Math.min(4, cores - 1)) : 1;
}

/** Why Automatic passed over a WebGPU adapter; shown in the header's tooltip and in settings. */
export const SOFTWARE_ADAPTER_NOTE =
  'the only WebGPU adapter is a software one (no GPU), which is far slower than wasm here; choose WebGPU in Settings to force it';

function wasmChoice(kind: ModelKind, caps: BackendCapabilities): BackendChoice {
  // Whether threads are possible at all; how many run is wasmThreadCount's (one core stays free).
  const threads = caps.wasmThreads
    ? 'threads allowed (cross-origin isolated; one core is left to the app)'
    : 'single-threaded (page not cross-origin isolated)';
  // The VLM is the one model big enough for q4 to matter on wasm; vision models keep q8 quality.
  return { device: 'wasm', dtype: kind === 'vlm' ? 'q4' : 'q8', reason: `wasm, ${threads}` };
}
