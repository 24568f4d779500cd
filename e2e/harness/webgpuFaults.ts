/**
 * WebGPU faults for the detector's onnxruntime-web sessions, injected from outside through the engines'
 * session factory (runtime/perception/browserEngines `createSession`): the product code has no switch for them.
 */
import { createOrtWebSession, type SessionFactory } from '../../src/engines/detector/yoloxWeb';

export interface WebgpuFaults {
  /** Every WebGPU session fails to open, to prove the wasm fallback and its notice. */
  readonly failWebgpu?: boolean;
  /** WebGPU sessions open, then every run after the first this many fails, as on a lost device. */
  readonly loseWebgpuAfterRuns?: number;
}

/** A WebGPU session that cannot be created, as on a lost or broken device. */
export const failingWebgpu =
  (inner: SessionFactory): SessionFactory =>
  async (model, device) => {
    if (device === 'webgpu') throw new Error('forced WebGPU failure (test hook failWebgpu)');
    return inner(model, device);
  };

/** WebGPU sessions open, then fail every run after the first `runs`. */
export const losingWebgpu =
  (inner: SessionFactory, runs: number): SessionFactory =>
  async (model, device) => {
    const session = await inner(model, device);
    if (device !== 'webgpu') return session;
    let done = 0;
    return {
      run: async (data, dims) => {
        if (++done > runs) throw new Error('GPUDevice lost (test hook loseWebgpuAfterRuns)');
        return session.run(data, dims);
      },
      release: () => session.release(),
    };
  };

/** Opens sessions with whatever faults are set when each session opens (set them before the first frame). */
export function faultySessions(
  faults: () => WebgpuFaults,
  inner: SessionFactory = createOrtWebSession,
): SessionFactory {
  return (model, device) => {
    const f = faults();
    let create = inner;
    if (f.failWebgpu) create = failingWebgpu(create);
    if (f.loseWebgpuAfterRuns !== undefined) create = losingWebgpu(create, f.loseWebgpuAfterRuns);
    return create(model, device);
  };
}
