/**
 * Device and dtype for a Transformers.js model come from decideBackend (the one table); this adds what the
 * library does not check itself, and the WebGPU → wasm fallback on a failed load.
 */
import {
  decideBackend,
  type BackendCapabilities,
  type BackendChoice,
  type BackendPreference,
  type ModelKind,
} from '../../core/backend/decideBackend';
import { UnsupportedDtypeError } from './errors';

/** Node (CLI, tests): onnxruntime-node on the CPU. */
export const NODE_CAPABILITIES: BackendCapabilities = {
  webgpu: false,
  shaderF16: false,
  fallbackAdapter: false,
  wasmThreads: false,
  node: true,
};

export interface BackendOptions {
  readonly capabilities: BackendCapabilities;
  readonly preference?: BackendPreference;
  /** Said once when a load falls back from WebGPU to wasm, for the UI's status line. */
  readonly onNotice?: (message: string) => void;
}

/**
 * Transformers.js refuses `fp16` without `shader-f16` but lets `q4f16` through to fail inside ORT later;
 * refuse both here with a message that says what to do.
 */
export function assertDtypeSupported(choice: BackendChoice, caps: BackendCapabilities, model: string): void {
  const halfPrecision = choice.dtype === 'fp16' || choice.dtype === 'q4f16';
  if (choice.device === 'webgpu' && halfPrecision && !caps.shaderF16) {
    throw new UnsupportedDtypeError(
      `${model}: dtype ${choice.dtype} needs the WebGPU 'shader-f16' feature, which this adapter lacks; use q4/fp32 (decideBackend does when told shaderF16: false)`,
    );
  }
}

/**
 * Loads with the table's choice; if that was WebGPU and the load fails, tells the user and loads on wasm instead.
 * Returns the loaded value and the choice that worked.
 */
export async function loadWithFallback<T>(
  kind: ModelKind,
  model: string,
  opts: BackendOptions,
  load: (choice: BackendChoice) => Promise<T>,
): Promise<{ value: T; choice: BackendChoice }> {
  const first = decideBackend(opts.capabilities, kind, opts.preference ?? 'auto');
  assertDtypeSupported(first, opts.capabilities, model);
  try {
    return { value: await load(first), choice: first };
  } catch (err) {
    if (first.device !== 'webgpu') throw err;
    const second = decideBackend(opts.capabilities, kind, 'wasm');
    const why = err instanceof Error ? err.message : String(err);
    opts.onNotice?.(
      `${model}: WebGPU load failed (${why.split('\n')[0]}); falling back to wasm (${second.dtype})`,
    );
    return { value: await load(second), choice: second };
  }
}
