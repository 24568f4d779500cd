import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DepthEngine, DetectorEngine, OpenVocabEngine } from './engines';

type Engine = DetectorEngine | DepthEngine | OpenVocabEngine;

/**
 * The browser engines' lazy holders, with the heavy engines replaced by fakes whose load we finish by hand: an
 * engine disposed while its model is still loading must release that model once the load ends (a backend switch
 * disposes the old engines at any moment), and must not hand the released one out again.
 */
interface FakeModel {
  readonly id: number;
  disposed: number;
  finish(): void;
}
const made: FakeModel[] = [];

function fakeModel(extra: object): FakeModel & Record<string, unknown> {
  let finish = () => undefined as void;
  const loaded = new Promise<void>((r) => (finish = r));
  const m = {
    id: made.length,
    disposed: 0,
    finish: () => finish(),
    load: () => loaded,
    dispose: async () => void m.disposed++,
    ...extra,
  };
  made.push(m);
  return m;
}

vi.mock('../../engines/backend/detectCapabilities', () => ({
  detectCapabilities: async () => ({ caps: { webgpu: false, shaderF16: false, wasm: true } }),
}));
vi.mock('../../engines/transformers/browserWasmPaths', () => ({
  browserEngineConfig: () => ({}),
}));
vi.mock('../../engines/detector/yoloxWeb', () => ({
  createOrtWebSession: async () => ({ run: async () => new Float32Array(), release: async () => undefined }),
  YoloxWebDetector: function YoloxWebDetector() {
    return fakeModel({ device: 'wasm', detect: async () => [] });
  },
}));
vi.mock('../../engines/transformers/createTransformersEngines', () => ({
  createDepthEstimator: () =>
    fakeModel({ backend: { device: 'wasm', dtype: 'fp32' }, estimate: async () => ({}) }),
  createOpenVocabularyDetector: () => fakeModel({ detect: async () => [] }),
}));

const { browserPerceptionEngines } = await import('./browserEngines');
const config = { backend: 'auto', modelsBaseUrl: '/models/', allowNetwork: false } as const;
const image = { width: 1, height: 1, data: new Uint8Array(3) };
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  made.length = 0;
});

describe.each([
  {
    kind: 'detector',
    create: () => browserPerceptionEngines.detector!(config, () => undefined),
    use: (e: DetectorEngine) => e.detect(image),
    loadedLabel: 'YOLOX-Nano (wasm)',
  },
  {
    kind: 'depth',
    create: () => browserPerceptionEngines.depth!(config, () => undefined),
    use: (e: DepthEngine) => e.estimate(image),
    loadedLabel: 'Depth Anything V2 (wasm fp32)',
  },
  {
    kind: 'open-vocabulary',
    create: () => browserPerceptionEngines.openVocab!(config, () => undefined),
    use: (e: OpenVocabEngine) => e.detect(image, ['cup']),
    loadedLabel: 'OWLv2 (loaded)',
  },
] as Array<{
  kind: string;
  create: () => Engine;
  use: (e: never) => Promise<unknown>;
  loadedLabel: string;
}>)('browser $kind engine', ({ create, use, loadedLabel }) => {
  it('releases a model whose load was still running when the engine was disposed', async () => {
    const engine = create();
    const loading = engine.load();
    await settle();
    expect(made).toHaveLength(1);
    const disposed = engine.dispose();
    made[0].finish();
    await loading;
    await disposed;
    expect(made[0].disposed).toBe(1);
    expect(engine.label()).not.toBe(loadedLabel);
  });

  it('loads a fresh model after a dispose instead of using the released one', async () => {
    const engine = create();
    const first = engine.load();
    await settle();
    made[0].finish();
    await first;
    expect(engine.label()).toBe(loadedLabel);
    await engine.dispose();
    expect(made[0].disposed).toBe(1);
    const run = use(engine as never);
    await settle();
    expect(made).toHaveLength(2);
    made[1].finish();
    await run;
    expect(made[1].disposed).toBe(0);
  });
});
