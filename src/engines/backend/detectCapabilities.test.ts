import { describe, expect, it } from 'vitest';
import { detectCapabilities, type ProbeEnv } from './detectCapabilities';
import { decideBackend } from '../../core/backend/decideBackend';

const limits = {
  maxBufferSize: 1 << 30,
  maxStorageBufferBindingSize: 1 << 27,
  maxComputeWorkgroupStorageSize: 16384,
  maxComputeInvocationsPerWorkgroup: 256,
};

function fakeAdapter(opts: {
  features: string[];
  fallback: boolean;
  onInfo?: boolean;
  gpu?: { vendor: string; architecture: string; description: string };
}): GPUAdapter {
  const info = {
    device: '',
    ...(opts.gpu ?? { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader' }),
  };
  return {
    info: opts.onInfo === false ? info : { ...info, isFallbackAdapter: opts.fallback },
    ...(opts.onInfo === false ? { isFallbackAdapter: opts.fallback } : {}),
    features: new Set(opts.features),
    limits,
  } as unknown as GPUAdapter;
}

const worker = (gpu: ProbeEnv['navigator']): ProbeEnv => ({
  navigator: gpu,
  crossOriginIsolated: true,
  SharedArrayBuffer,
});

describe('detectCapabilities', () => {
  it('reports a SwiftShader-like fallback adapter without shader-f16, and decideBackend picks webgpu fp32', async () => {
    const report = await detectCapabilities(
      worker({
        gpu: { requestAdapter: async () => fakeAdapter({ features: ['timestamp-query'], fallback: true }) },
      }),
    );
    expect(report.context).toBe('worker');
    expect(report.caps).toEqual({
      webgpu: true,
      shaderF16: false,
      fallbackAdapter: true,
      wasmThreads: true,
      node: false,
    });
    expect(report.adapter?.limits.maxBufferSize).toBe(1 << 30);
    // Automatic never runs models on a software adapter; forcing WebGPU still does.
    expect(decideBackend(report.caps, 'depth', 'auto')).toMatchObject({ device: 'wasm', dtype: 'q8' });
    expect(decideBackend(report.caps, 'detector', 'auto').reason).toMatch(/software/);
    expect(decideBackend(report.caps, 'depth', 'webgpu')).toMatchObject({ device: 'webgpu', dtype: 'fp32' });
    expect(decideBackend(report.caps, 'vlm', 'wasm')).toMatchObject({ device: 'wasm', dtype: 'q4' });
  });

  it('counts a software rasteriser as a fallback adapter even when the browser does not flag it', async () => {
    const llvmpipe = { vendor: 'mesa', architecture: '', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' };
    const report = await detectCapabilities(
      worker({
        gpu: { requestAdapter: async () => fakeAdapter({ features: [], fallback: false, gpu: llvmpipe }) },
      }),
    );
    expect(report.caps.fallbackAdapter).toBe(true);
    expect(decideBackend(report.caps, 'detector', 'auto').device).toBe('wasm');
  });

  it('keeps WebGPU under Automatic on a real adapter', async () => {
    const nvidia = { vendor: 'nvidia', architecture: 'ampere', description: 'NVIDIA GeForce RTX 3060' };
    const report = await detectCapabilities(
      worker({
        gpu: {
          requestAdapter: async () => fakeAdapter({ features: ['shader-f16'], fallback: false, gpu: nvidia }),
        },
      }),
    );
    expect(report.caps.fallbackAdapter).toBe(false);
    expect(decideBackend(report.caps, 'detector', 'auto')).toMatchObject({ device: 'webgpu', dtype: 'fp16' });
  });

  it('reads isFallbackAdapter from the adapter on older builds and sees shader-f16', async () => {
    const report = await detectCapabilities(
      worker({
        gpu: {
          requestAdapter: async () =>
            fakeAdapter({
              features: ['shader-f16'],
              fallback: false,
              onInfo: false,
              gpu: { vendor: 'amd', architecture: 'rdna-3', description: 'AMD Radeon' },
            }),
        },
      }),
    );
    expect(report.caps.shaderF16).toBe(true);
    expect(report.caps.fallbackAdapter).toBe(false);
  });

  it('explains a missing adapter and falls back to wasm; no isolation means no threads', async () => {
    const report = await detectCapabilities({
      navigator: { gpu: { requestAdapter: async () => null } },
      document: {},
    });
    expect(report.context).toBe('window');
    expect(report.adapter).toBeNull();
    expect(report.adapterProblem).toMatch(/returned null/);
    expect(report.caps.wasmThreads).toBe(false);
    expect(decideBackend(report.caps, 'detector', 'webgpu').device).toBe('wasm');
  });

  it('reports a throwing requestAdapter as a problem, not a crash', async () => {
    const report = await detectCapabilities({
      navigator: {
        gpu: {
          requestAdapter: async () => {
            throw new Error('GPU process crashed');
          },
        },
      },
    });
    expect(report.adapterProblem).toBe('requestAdapter() failed: GPU process crashed');
  });

  it('recognises Node', async () => {
    const report = await detectCapabilities({ process: { versions: { node: '20.0.0' } } });
    expect(report.caps.node).toBe(true);
    expect(report.context).toBe('node');
  });
});
