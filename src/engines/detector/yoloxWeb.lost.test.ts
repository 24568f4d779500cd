/**
 * A WebGPU device lost after the session opened: the next run fails on the GPU, the detector moves to wasm,
 * says so once, and the frame still gets its detections. Sessions are fakes returning an all-zero raw output.
 */
import { describe, expect, it } from 'vitest';
import type { BackendCapabilities } from '../../core/backend/decideBackend';
import type { ModelLoader } from '../models/modelLoader';
import type { BackendNotice } from './types';
import type { YoloxSession } from './yoloxDetectorBase';
import { YoloxWebDetector, type SessionFactory } from './yoloxWeb';

const gpu: BackendCapabilities = {
  webgpu: true,
  shaderF16: false,
  fallbackAdapter: false,
  wasmThreads: true,
  node: false,
};
const loader = { loadFile: async () => new Uint8Array(8) } as unknown as ModelLoader;
const image = { width: 64, height: 48, channels: 3, data: new Uint8Array(64 * 48 * 3) } as never;

function fakes(gpuRunsBeforeLoss: number) {
  const log: string[] = [];
  const factory: SessionFactory = async (_model, device) => {
    log.push(`create ${device}`);
    let runs = 0;
    const session: YoloxSession = {
      run: async () => {
        if (device === 'webgpu' && ++runs > gpuRunsBeforeLoss) {
          log.push('gpu run failed');
          throw new Error('GPUDevice was lost: destroyed');
        }
        log.push(`run ${device}`);
        return new Float32Array(3549 * 85);
      },
      release: async () => void log.push(`release ${device}`),
    };
    return session;
  };
  return { log, factory };
}

describe('YoloxWebDetector on a lost WebGPU device', () => {
  it('moves to wasm on the first failed run, retries that frame there, and says so once', async () => {
    const { log, factory } = fakes(1);
    const notices: BackendNotice[] = [];
    const det = new YoloxWebDetector({
      loader,
      capabilities: gpu,
      preference: 'webgpu',
      createSession: factory,
      onNotice: (n) => notices.push(n),
    });
    expect(await det.detect(image)).toEqual([]);
    expect(det.device).toBe('webgpu');
    expect(await det.detect(image)).toEqual([]); // the GPU is lost during this run
    expect(await det.detect(image)).toEqual([]);
    expect(det.device).toBe('wasm');
    expect(log).toEqual([
      'create webgpu',
      'run webgpu',
      'gpu run failed',
      'release webgpu',
      'create wasm',
      'run wasm',
      'run wasm',
    ]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'backend-fallback', from: 'webgpu', to: 'wasm' });
    expect(notices[0].reason).toMatch(/WebGPU run failed .*device was lost.*running on wasm/i);
  });

  it('surfaces a failure of the wasm session too (no endless retry)', async () => {
    const calls: string[] = [];
    const factory: SessionFactory = async (_m, device) => ({
      run: async () => {
        calls.push(device);
        throw new Error(`${device} broke`);
      },
      release: async () => undefined,
    });
    const det = new YoloxWebDetector({
      loader,
      capabilities: gpu,
      preference: 'webgpu',
      createSession: factory,
    });
    await expect(det.detect(image)).rejects.toThrow('wasm broke');
    expect(calls).toEqual(['webgpu', 'wasm']);
  });
});
