/**
 * YOLOX-Nano on onnxruntime-web in the page or a worker. The model bytes come through the verified
 * model loader (public/models/, the cache, or the Hub); the device comes from the backend decision
 * table. If a WebGPU session cannot be created the detector falls back to wasm and says why.
 */
import { decideBackend } from '../../core/backend/decideBackend';
import type { BackendCapabilities, BackendPreference, Device } from '../../core/backend/decideBackend';
import type { ModelLoader } from '../models/modelLoader';
import type { ModelProgressCallback } from '../models/progress';
import type { BackendNotice } from './types';
import { YOLOX_MODEL_FILE, YOLOX_MODEL_ID, YoloxDetectorBase } from './yoloxDetectorBase';
import type { YoloxSession } from './yoloxDetectorBase';

/** Opens an ONNX session on one execution provider; injectable so the fallback is testable in Node. */
export type SessionFactory = (model: Uint8Array, device: 'webgpu' | 'wasm') => Promise<YoloxSession>;

export interface YoloxWebOptions {
  readonly loader: ModelLoader;
  readonly capabilities: BackendCapabilities;
  readonly preference?: BackendPreference;
  /** Called when the detector runs on something other than what was chosen, with the reason. */
  readonly onNotice?: (notice: BackendNotice) => void;
  readonly createSession?: SessionFactory;
}

export class YoloxWebDetector extends YoloxDetectorBase {
  readonly name = 'yolox-nano (onnxruntime-web)';
  private deviceInUse: Device | undefined;

  constructor(private readonly options: YoloxWebOptions) {
    super();
  }

  /** The device the session actually runs on, once loaded (for the status line and benchmarks). */
  get device(): Device | undefined {
    return this.deviceInUse;
  }

  protected async open(progress?: ModelProgressCallback): Promise<YoloxSession> {
    const model = await this.options.loader.loadFile(YOLOX_MODEL_ID, YOLOX_MODEL_FILE, {
      onProgress: progress,
    });
    const choice = decideBackend(this.options.capabilities, 'detector', this.options.preference);
    const create = this.options.createSession ?? createOrtWebSession;
    if (choice.device === 'webgpu') {
      try {
        const session = await create(model, 'webgpu');
        this.deviceInUse = 'webgpu';
        return this.failover(session, model, create);
      } catch (e) {
        this.fellBack('WebGPU session failed', e);
      }
    }
    const session = await create(model, 'wasm');
    this.deviceInUse = 'wasm';
    return session;
  }

  /**
   * A WebGPU session whose device is lost mid-scene (driver reset, tab backgrounded on some GPUs) fails every
   * later run: on the first failed run it is replaced by a wasm session, the notice says so, and the run is
   * retried there, so the frame and the scene go on.
   */
  private failover(gpu: YoloxSession, model: Uint8Array, create: SessionFactory): YoloxSession {
    let current = gpu;
    let switching: Promise<YoloxSession> | undefined;
    return {
      run: async (data, dims) => {
        if (switching) return (await switching).run(data, dims);
        try {
          return await current.run(data, dims);
        } catch (e) {
          switching ??= (async () => {
            this.fellBack('WebGPU run failed (device lost?)', e);
            await gpu.release().catch(() => undefined);
            current = await create(model, 'wasm');
            this.deviceInUse = 'wasm';
            return current;
          })();
          return (await switching).run(data, dims);
        }
      },
      release: () => current.release(),
    };
  }

  private fellBack(what: string, e: unknown): void {
    this.options.onNotice?.({
      kind: 'backend-fallback',
      engine: YOLOX_MODEL_ID,
      from: 'webgpu',
      to: 'wasm',
      reason: `${what} (${e instanceof Error ? e.message : String(e)}): running on wasm`,
    });
  }
}

/** The real factory: onnxruntime-web/webgpu, loaded on first use so Node tests never import it. */
export const createOrtWebSession: SessionFactory = async (model, device) => {
  const { ortWeb } = await import('../ortWeb');
  const ort = ortWeb();
  const session = await ort.InferenceSession.create(model, { executionProviders: [device] });
  const [input] = session.inputNames;
  const [output] = session.outputNames;
  return {
    async run(data, dims) {
      const feeds = { [input]: new ort.Tensor('float32', data, dims) };
      const result = await session.run(feeds);
      const tensor = result[output];
      // On WebGPU the output may live on the GPU; getData() downloads it either way.
      const values = (await tensor.getData()) as Float32Array;
      tensor.dispose();
      return values;
    },
    release: () => session.release(),
  };
};
