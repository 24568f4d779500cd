/**
 * A worker-side smoke check of one Transformers.js engine (browser only): load it from the models URL, run it
 * once, and for the VLM stream, interrupt and abort a generation; then dispose. Used by the e2e (in a fresh
 * worker per engine, as the app gives each heavy model its own worker) and by diagnostics.
 */
import type { RgbImage } from '../../src/core/perception/types';
import { detectCapabilities } from '../../src/engines/backend/detectCapabilities';
import type { ModelProgress } from '../../src/engines/models/progress';
import { BUNDLED_ORT_WASM_PATHS } from '../../src/engines/transformers/browserWasmPaths';
import {
  createDepthEstimator,
  createOpenVocabularyDetector,
  createVisionLanguageModel,
  type TransformersEngineConfig,
} from '../../src/engines/transformers/createTransformersEngines';
import type { PerceptionConfig } from '../../src/runtime/perception/engines';

export type EngineCheckKind = 'depth' | 'open-vocab' | 'vlm';

export interface EngineCheckResult {
  readonly kind: EngineCheckKind;
  /** "wasm q8", after any fallback. */
  readonly backend: string;
  readonly loadMs: number;
  readonly runMs: number;
  /** Status sequence of the load's progress events (initiate … ready). */
  readonly progress: readonly ModelProgress['status'][];
  readonly notices: readonly string[];
  /** depth: `[height, width]` of the map, whether every value is finite, and its scale. */
  readonly depth?: {
    readonly dims: readonly [number, number];
    readonly finite: boolean;
    readonly scale: string;
  };
  /** open-vocab: detections (labels are drawn from those asked for). */
  readonly detections?: readonly {
    readonly label: string;
    readonly score: number;
    readonly box: readonly number[];
  }[];
  readonly vlm?: {
    readonly chunks: number;
    readonly text: string;
    readonly tokens: number;
    readonly finishReason: string;
    readonly interrupted: { readonly tokens: number; readonly finishReason: string };
    readonly aborted: { readonly tokens: number; readonly finishReason: string };
    readonly countAfterDispose: string;
  };
  readonly disposed: boolean;
}

/** A deterministic test picture: a gradient with a bright square, so models see some structure. */
export function testImage(width = 96, height = 72): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const inSquare = x > width / 3 && x < (2 * width) / 3 && y > height / 3 && y < (2 * height) / 3;
      data[i] = inSquare ? 230 : (x * 255) / width;
      data[i + 1] = inSquare ? 220 : (y * 255) / height;
      data[i + 2] = inSquare ? 40 : 128;
    }
  return { width, height, data };
}

export async function runEngineCheck(
  kind: EngineCheckKind,
  config: PerceptionConfig,
): Promise<EngineCheckResult> {
  const { caps } = await detectCapabilities();
  const notices: string[] = [];
  const progress: ModelProgress['status'][] = [];
  const onProgress = (e: ModelProgress) => progress.push(e.status);
  const cfg: TransformersEngineConfig = {
    modelsBaseUrl: config.modelsBaseUrl,
    allowRemoteModels: config.allowNetwork,
    capabilities: caps,
    preference: config.backend,
    wasmPaths: BUNDLED_ORT_WASM_PATHS,
    onNotice: (m) => notices.push(m),
  };
  const image = testImage();
  const t0 = performance.now();
  const label = (b: { device: string; dtype: string } | null) => (b ? `${b.device} ${b.dtype}` : '?');
  // Load, one timed run, dispose: what every engine check reports besides its own output.
  const check = async <E extends { backend: { device: string; dtype: string } | null }, R>(
    engine: E & { load(p: typeof onProgress): Promise<void>; dispose(): Promise<void> },
    run: (e: E) => Promise<R>,
  ) => {
    await engine.load(onProgress);
    const t1 = performance.now();
    const out = await run(engine);
    const runMs = performance.now() - t1;
    const backend = label(engine.backend);
    await engine.dispose();
    return {
      out,
      common: { kind, backend, loadMs: t1 - t0, runMs, progress, notices, disposed: engine.backend === null },
    };
  };
  if (kind === 'depth') {
    const { out: d, common } = await check(createDepthEstimator(cfg), (e) => e.estimate(image));
    return {
      ...common,
      depth: { dims: [d.height, d.width], finite: d.data.every(Number.isFinite), scale: d.scale },
    };
  }
  if (kind === 'open-vocab') {
    const { out: dets, common } = await check(createOpenVocabularyDetector(cfg), (e) =>
      e.detect(image, ['chair', 'lamp'], { threshold: 0, topK: 5 }),
    );
    return { ...common, detections: dets.map((d) => ({ label: d.label, score: d.score, box: [...d.box] })) };
  }
  const vlm = createVisionLanguageModel(cfg);
  await vlm.load(onProgress);
  const t1 = performance.now();
  let chunks = 0;
  const full = await vlm.generate({
    prompt: 'How far is the chair from the lamp?',
    images: [image],
    maxNewTokens: 12,
    onToken: () => void chunks++,
  });
  const runMs = performance.now() - t1;
  // interrupt() after the third streamed piece: generation stops at the next token.
  let seen = 0;
  const interrupted = await vlm.generate({
    prompt: 'Describe the room.',
    maxNewTokens: 64,
    onToken: () => {
      if (++seen === 3) vlm.interrupt();
    },
  });
  const ctl = new AbortController();
  let seenAbort = 0;
  const aborted = await vlm.generate({
    prompt: 'Describe the room again.',
    maxNewTokens: 64,
    signal: ctl.signal,
    onToken: () => {
      if (++seenAbort === 2) ctl.abort();
    },
  });
  const backend = label(vlm.backend);
  await vlm.dispose();
  let countAfterDispose = 'no error';
  try {
    vlm.countTokens('x');
  } catch (e) {
    countAfterDispose = (e as Error).name;
  }
  return {
    kind,
    backend,
    loadMs: t1 - t0,
    runMs,
    progress,
    notices,
    vlm: {
      chunks,
      text: full.text,
      tokens: full.tokens,
      finishReason: full.finishReason,
      interrupted: { tokens: interrupted.tokens, finishReason: interrupted.finishReason },
      aborted: { tokens: aborted.tokens, finishReason: aborted.finishReason },
      countAfterDispose,
    },
    disposed: vlm.backend === null,
  };
}
