import { describe, expect, it } from 'vitest';
import type { BackendCapabilities, BackendChoice } from '../../core/backend/decideBackend';
import { assertDtypeSupported, loadWithFallback } from './backendChoice';
import { UnsupportedDtypeError } from './errors';

// A real (hardware) adapter: Automatic never picks WebGPU on a fallback one.
const gpu: BackendCapabilities = {
  webgpu: true,
  shaderF16: false,
  fallbackAdapter: false,
  wasmThreads: true,
  node: false,
};

describe('loadWithFallback', () => {
  it('uses the table choice when the load works', async () => {
    const seen: BackendChoice[] = [];
    const r = await loadWithFallback('vlm', 'm', { capabilities: gpu }, async (c) => (seen.push(c), 'ok'));
    expect(r.choice).toMatchObject({ device: 'webgpu', dtype: 'q4' });
    expect(seen).toHaveLength(1);
  });

  it('falls back from WebGPU to wasm with one notice', async () => {
    const notices: string[] = [];
    const r = await loadWithFallback(
      'depth',
      'depth-model',
      { capabilities: gpu, onNotice: (m) => notices.push(m) },
      async (c) => {
        if (c.device === 'webgpu') throw new Error('no adapter for op X\nstack…');
        return c.dtype;
      },
    );
    expect(r).toEqual({ value: 'q8', choice: expect.objectContaining({ device: 'wasm', dtype: 'q8' }) });
    expect(notices).toEqual([
      'depth-model: WebGPU load failed (no adapter for op X); falling back to wasm (q8)',
    ]);
  });

  it('does not retry a failed wasm load', async () => {
    const caps = { ...gpu, webgpu: false };
    await expect(
      loadWithFallback('vlm', 'm', { capabilities: caps }, async () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
  });
});

describe('assertDtypeSupported', () => {
  it('refuses q4f16 and fp16 on WebGPU without shader-f16, which Transformers.js lets through', () => {
    const q4f16: BackendChoice = { device: 'webgpu', dtype: 'q4f16', reason: '' };
    expect(() => assertDtypeSupported(q4f16, gpu, 'vlm')).toThrow(UnsupportedDtypeError);
    expect(() => assertDtypeSupported({ ...q4f16, dtype: 'fp16' }, gpu, 'vlm')).toThrow(/shader-f16/);
    expect(() => assertDtypeSupported(q4f16, { ...gpu, shaderF16: true }, 'vlm')).not.toThrow();
    expect(() => assertDtypeSupported({ ...q4f16, dtype: 'q4' }, gpu, 'vlm')).not.toThrow();
  });
});
