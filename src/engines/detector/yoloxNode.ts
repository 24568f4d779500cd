/**
 * YOLOX-Nano on onnxruntime-node, for the CLI and Node benchmarks. The model is read from a models
 * folder in the public/models layout (`<dir>/yolox-nano/yolox_nano.onnx`) and checked against the
 * manifest's size and sha256 before a session is opened.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultManifest } from '../models/defaultManifest';
import { findFile, findModel } from '../models/manifest';
import type { ModelManifest } from '../models/manifest';
import { ModelIntegrityError, ModelUnavailableError } from '../models/modelLoader';
import type { ModelProgressCallback } from '../models/progress';
import { sha256Hex } from '../models/sha256';
import { YOLOX_MODEL_FILE, YOLOX_MODEL_ID, YoloxDetectorBase } from './yoloxDetectorBase';
import type { YoloxSession } from './yoloxDetectorBase';

export interface YoloxNodeOptions {
  /** A folder in the public/models layout; default `public/models` (relative to the working directory). */
  readonly modelsDir?: string;
  /** CPU threads for one inference; default: onnxruntime's own choice (all cores). */
  readonly threads?: number;
  readonly manifest?: ModelManifest;
}

export class YoloxNodeDetector extends YoloxDetectorBase {
  readonly name = 'yolox-nano (onnxruntime-node, cpu)';
  readonly modelPath: string;

  constructor(private readonly options: YoloxNodeOptions = {}) {
    super();
    this.modelPath = path.resolve(options.modelsDir ?? 'public/models', YOLOX_MODEL_ID, YOLOX_MODEL_FILE);
  }

  protected async open(progress?: ModelProgressCallback): Promise<YoloxSession> {
    const spec = findFile(
      findModel(this.options.manifest ?? defaultManifest, YOLOX_MODEL_ID),
      YOLOX_MODEL_FILE,
    )!;
    const base = { model: YOLOX_MODEL_ID, file: YOLOX_MODEL_FILE, source: 'local' as const };
    progress?.({ ...base, status: 'initiate', loaded: 0, total: spec.size ?? 0, progress: 0 });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(this.modelPath));
    } catch (e) {
      const err = new ModelUnavailableError(
        `${this.modelPath}: YOLOX-Nano model not readable (${(e as NodeJS.ErrnoException).code ?? String(e)}): ` +
          'run the command from the repository (YOLOX-Nano ships in public/models/yolox-nano/; `npm run models` checks it), or pass --models <dir> with <dir>/yolox-nano/yolox_nano.onnx',
      );
      progress?.({
        ...base,
        status: 'error',
        loaded: 0,
        total: spec.size ?? 0,
        progress: 0,
        error: { name: err.name, message: err.message },
      });
      throw err;
    }
    const problem =
      spec.size !== null && bytes.length !== spec.size
        ? `has ${bytes.length} bytes, the manifest says ${spec.size}`
        : spec.sha256 !== null && (await sha256Hex(bytes)) !== spec.sha256
          ? `does not match the manifest's sha256 ${spec.sha256}`
          : null;
    if (problem) {
      const err = new ModelIntegrityError(`${this.modelPath}: ${problem}; copy the model again`);
      progress?.({
        ...base,
        status: 'error',
        loaded: bytes.length,
        total: bytes.length,
        progress: 0,
        error: { name: err.name, message: err.message },
      });
      throw err;
    }
    progress?.({ ...base, status: 'done', loaded: bytes.length, total: bytes.length, progress: 100 });
    const ort = await loadOnnxRuntimeNode();
    const session = await ort.InferenceSession.create(bytes, {
      executionProviders: ['cpu'],
      ...(this.options.threads ? { intraOpNumThreads: this.options.threads } : {}),
    });
    const [input] = session.inputNames;
    const [output] = session.outputNames;
    return {
      async run(data, dims) {
        const result = await session.run({ [input]: new ort.Tensor('float32', data, dims) });
        return result[output].data as Float32Array;
      },
      release: () => session.release(),
    };
  }
}

/**
 * onnxruntime-node is an optional peer dependency (a native package of ~100 MB that only YOLOX on Node needs),
 * so it is imported when a detector first loads, and its absence says what to do.
 */
export async function loadOnnxRuntimeNode(): Promise<typeof import('onnxruntime-node')> {
  try {
    return await import('onnxruntime-node');
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      throw new ModelUnavailableError(
        'YOLOX-Nano in Node needs onnxruntime-node, which is not installed: run `npm install onnxruntime-node`, ' +
          'or give the sequence folder a detections.json (--detector file)',
      );
    throw e;
  }
}
