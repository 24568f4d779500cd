import { describe, expect, it } from 'vitest';
import type { BackendCapabilities } from '../core/backend/decideBackend';
import { backendLabel } from './backendLabel';

const swiftshader: BackendCapabilities = {
  webgpu: true,
  shaderF16: false,
  fallbackAdapter: true,
  wasmThreads: true,
  node: false,
};

describe('backendLabel', () => {
  it('names a fallback adapter without f16 as such when WebGPU is forced', () => {
    expect(backendLabel(swiftshader, 'webgpu', 4).label).toBe('WebGPU (fallback adapter, no shader-f16)');
  });
  it('Automatic runs wasm on a software adapter and says why in the tooltip', () => {
    const s = backendLabel(swiftshader, 'auto', 4);
    expect(s.label).toBe('wasm (4 threads; GPU is software)');
    expect(s.detail).toMatch(/software one.*choose WebGPU in Settings to force it/);
  });
  it('Automatic keeps WebGPU on a real adapter', () => {
    expect(backendLabel({ ...swiftshader, fallbackAdapter: false }, 'auto', 4).label).toBe(
      'WebGPU (no shader-f16)',
    );
  });
  it('a real GPU with f16', () => {
    expect(backendLabel({ ...swiftshader, fallbackAdapter: false, shaderF16: true }, 'webgpu', 4).label).toBe(
      'WebGPU (shader-f16)',
    );
  });
  it('wasm when asked, with the thread count', () => {
    expect(backendLabel(swiftshader, 'wasm', 4).label).toBe('wasm (4 threads)');
  });
  it('wasm without isolation is single-threaded and says why', () => {
    const s = backendLabel({ ...swiftshader, webgpu: false, wasmThreads: false }, 'webgpu', 8);
    expect(s.label).toBe('wasm (1 thread: page not cross-origin isolated)');
    expect(s.detail).toMatch(/WebGPU requested but no adapter/);
  });
});
