/**
 * The perception worker's engines in a browser: YOLOX-Nano on onnxruntime-web (model bytes through the verified
 * loader from the manifest's folder) and Depth Anything V2 on Transformers.js (the same folder layout). Both probe
 * this worker's own backend on first load, so the decision table sees what the worker can really run.
 */
import { detectCapabilities, type CapabilityReport } from '../../engines/backend/detectCapabilities';
import { YoloxWebDetector, type SessionFactory } from '../../engines/detector/yoloxWeb';
import { YOLOX_MODEL_FILE, YOLOX_MODEL_ID } from '../../engines/detector/yoloxDetectorBase';
import { defaultManifest } from '../../engines/models/defaultManifest';
import { ModelLoader } from '../../engines/models/modelLoader';
import type { ModelProgressCallback } from '../../engines/models/progress';
import { LazyResource } from '../../engines/lazyResource';
import { browserEngineConfig } from '../../engines/transformers/browserWasmPaths';
import {
  createDepthEstimator,
  createOpenVocabularyDetector,
  type TransformersEngineConfig,
} from '../../engines/transformers/createTransformersEngines';
import type {
  DepthEngine,
  DetectorEngine,
  OpenVocabEngine,
  PerceptionConfig,
  PerceptionEngineFactory,
} from './engines';

let probe: Promise<CapabilityReport> | undefined;
const capabilities = () => (probe ??= detectCapabilities());

function yoloxEngine(
  config: PerceptionConfig,
  onNotice: (m: string) => void,
  createSession: SessionFactory | undefined,
): DetectorEngine {
  const lazy = new LazyResource<YoloxWebDetector, ModelProgressCallback | undefined>(
    async (progress) => {
      const { caps } = await capabilities();
      const detector = new YoloxWebDetector({
        loader: new ModelLoader({
          manifest: defaultManifest,
          modelsBaseUrl: config.modelsBaseUrl,
          allowNetwork: config.allowNetwork,
        }),
        capabilities: caps,
        preference: config.backend,
        onNotice: (n) => onNotice(`YOLOX-Nano: ${n.reason}`),
        ...(createSession ? { createSession } : {}),
      });
      // The loader reports the file; the model is ready only once its session exists (as Transformers.js says).
      let bytes = 0;
      await detector.load(
        progress &&
          ((e) => {
            if (e.status === 'done') bytes = e.loaded;
            progress(e);
          }),
      );
      progress?.({
        status: 'ready',
        model: YOLOX_MODEL_ID,
        file: '',
        files: [YOLOX_MODEL_FILE],
        loaded: bytes,
        total: bytes,
        progress: 100,
      });
      return detector;
    },
    (detector) => detector.dispose(),
  );
  return {
    load: async (progress) => void (await lazy.load(progress)),
    detect: async (image, opts = {}) => (await lazy.load(undefined)).detect(image, opts),
    label: () => `YOLOX-Nano (${lazy.current?.device ?? 'not loaded'})`,
    dispose: () => lazy.dispose(),
  };
}

/** A Transformers.js engine of this worker's configuration, created and loaded on first use. */
function transformersEngine<
  E extends { load(progress?: ModelProgressCallback): Promise<void>; dispose(): Promise<void> },
>(
  create: (cfg: TransformersEngineConfig) => E,
  config: PerceptionConfig,
  onNotice: (m: string) => void,
): LazyResource<E, ModelProgressCallback | undefined> {
  return new LazyResource<E, ModelProgressCallback | undefined>(
    async (progress) => {
      const { caps } = await capabilities();
      const engine = create(browserEngineConfig(config, caps, onNotice));
      await engine.load(progress);
      return engine;
    },
    (engine) => engine.dispose(),
  );
}

function depthEngine(config: PerceptionConfig, onNotice: (m: string) => void): DepthEngine {
  const lazy = transformersEngine(createDepthEstimator, config, onNotice);
  return {
    load: async (progress) => void (await lazy.load(progress)),
    estimate: async (image, opts = {}) => (await lazy.load(undefined)).estimate(image, opts),
    label: () => {
      const b = lazy.current?.backend;
      return `Depth Anything V2 (${b ? `${b.device} ${b.dtype}` : 'not loaded'})`;
    },
    dispose: () => lazy.dispose(),
  };
}

function openVocabEngine(config: PerceptionConfig, onNotice: (m: string) => void): OpenVocabEngine {
  const lazy = transformersEngine(createOpenVocabularyDetector, config, onNotice);
  return {
    load: async (progress) => void (await lazy.load(progress)),
    detect: async (image, names, opts = {}) => (await lazy.load(undefined)).detect(image, names, opts),
    label: () => `OWLv2 (${lazy.current ? 'loaded' : 'not loaded'})`,
    dispose: () => lazy.dispose(),
  };
}

export interface BrowserEngineOptions {
  /**
   * How the detector's onnxruntime-web sessions are made (default: createOrtWebSession). A wrapper sees every
   * session the detector opens and every run, on whichever device it picked.
   */
  readonly createSession?: SessionFactory;
}

export function createBrowserPerceptionEngines(opts: BrowserEngineOptions = {}): PerceptionEngineFactory {
  return {
    detector: (config, onNotice) => yoloxEngine(config, onNotice, opts.createSession),
    depth: depthEngine,
    openVocab: openVocabEngine,
  };
}

export const browserPerceptionEngines: PerceptionEngineFactory = createBrowserPerceptionEngines();
