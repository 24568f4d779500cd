import { describe, expect, it } from 'vitest';
import { defaultManifest } from '../engines/models/defaultManifest';
import { ModelLoader } from '../engines/models/modelLoader';
import { findModel } from '../engines/models/manifest';
import { cachePrefix, modelRows } from './modelInventory';

const DEPTH = 'onnx-community/depth-anything-v2-small';
const none = { cached: new Set<string>(), served: new Set<string>() };

describe('modelRows', () => {
  it('lists every manifest model with its size, source and state', () => {
    const rows = modelRows(defaultManifest, { ...none, served: new Set(['yolox-nano']) }, []);
    expect(rows.map((r) => r.id)).toEqual(defaultManifest.models.map((m) => m.id));
    expect(rows[0]).toMatchObject({
      id: 'yolox-nano',
      size: '3.7 MB',
      source: 'ships with the app',
      state: 'bundled',
      deletable: false,
    });
    const depth = rows.find((r) => r.id === DEPTH);
    expect(depth).toMatchObject({ state: 'not installed', size: 'size not pinned' });
    expect(depth?.source).toBe(`Hugging Face Hub: ${DEPTH} @ 34f40a4c`);
  });

  it('a cached model can be deleted; one with bars still filling is downloading, with its progress', () => {
    const cached = modelRows(defaultManifest, { ...none, cached: new Set([DEPTH]) }, []);
    expect(cached.find((r) => r.id === DEPTH)).toMatchObject({ state: 'cached', deletable: true });
    const bars = [
      { id: `model:${DEPTH}/config.json`, label: '', progress: 100 },
      { id: `model:${DEPTH}/onnx/model_quantized.onnx`, label: '', progress: 40 },
    ];
    expect(modelRows(defaultManifest, none, bars).find((r) => r.id === DEPTH)).toMatchObject({
      state: 'downloading',
      progress: 70,
    });
  });

  it("uses the loader's own cache keys", () => {
    const entry = findModel(defaultManifest, DEPTH);
    expect(ModelLoader.cacheKey(entry, 'config.json').startsWith(cachePrefix(DEPTH))).toBe(true);
  });
});
