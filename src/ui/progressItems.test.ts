import { describe, expect, it } from 'vitest';
import type { ModelProgress } from '../engines/models/progress';
import { applyModelProgress, bytesText, dropModel, framesItem } from './progressItems';

const base = { model: 'onnx-community/yolox-nano', file: 'onnx/model.onnx', total: 4_000_000 };
const ready: ModelProgress = {
  status: 'ready',
  model: base.model,
  file: '',
  files: [base.file],
  loaded: 4_000_000,
  total: 4_000_000,
  progress: 100,
};

describe('applyModelProgress', () => {
  it('one bar per file with bytes, never going backwards, full at ready and gone once dropped', () => {
    let items = applyModelProgress([], {
      ...base,
      status: 'initiate',
      source: 'hub',
      loaded: 0,
      progress: 0,
    });
    items = applyModelProgress(items, { ...base, status: 'progress', loaded: 2_000_000, progress: 50 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      label: 'yolox-nano · onnx/model.onnx',
      progress: 50,
      loaded: 2_000_000,
      total: 4_000_000,
      detail: '2.0 / 4.0 MB',
    });
    // A late, smaller event moves neither the bar nor the bytes back.
    items = applyModelProgress(items, { ...base, status: 'progress', loaded: 1_000_000, progress: 25 });
    expect(items[0]).toMatchObject({ progress: 50, loaded: 2_000_000, detail: '2.0 / 4.0 MB' });
    items = applyModelProgress(items, {
      ...base,
      status: 'done',
      source: 'hub',
      loaded: 4_000_000,
      progress: 100,
    });
    expect(items[0].progress).toBe(100);
    items = applyModelProgress(items, ready);
    expect(items[0]).toMatchObject({ progress: 100, detail: '4.0 / 4.0 MB · ready' });
    expect(dropModel(items, base.model)).toEqual([]);
  });

  it('keeps one bar per file of a model, and other models untouched', () => {
    let items = applyModelProgress([], {
      ...base,
      status: 'initiate',
      source: 'local',
      loaded: 0,
      progress: 0,
    });
    items = applyModelProgress(items, {
      model: 'onnx-community/depth-anything-v2-small',
      file: 'config.json',
      status: 'done',
      source: 'cache',
      loaded: 1234,
      total: 1234,
      progress: 100,
    });
    items = applyModelProgress(items, {
      ...base,
      file: 'b.onnx',
      status: 'initiate',
      source: 'local',
      loaded: 0,
      progress: 0,
    });
    expect(items.map((it) => it.label)).toEqual([
      'yolox-nano · onnx/model.onnx',
      'depth-anything-v2-small · config.json',
      'yolox-nano · b.onnx',
    ]);
    expect(items[1].detail).toBe('1.2 / 1.2 kB (cached)');
    expect(dropModel(items, base.model).map((it) => it.label)).toEqual([
      'depth-anything-v2-small · config.json',
    ]);
  });

  it('an error keeps the bar (also after ready and drop) and says why; a retry starts it afresh', () => {
    let items = applyModelProgress([], {
      ...base,
      status: 'progress',
      loaded: 3_000_000,
      progress: 75,
    });
    items = applyModelProgress(items, {
      ...base,
      status: 'error',
      loaded: 3_000_000,
      progress: 75,
      error: { name: 'ModelIntegrityError', message: 'truncated' },
    });
    expect(items[0]).toMatchObject({ detail: 'failed: truncated', failed: true });
    expect(applyModelProgress(items, ready)[0].detail).toBe('failed: truncated');
    expect(dropModel(items, base.model)).toHaveLength(1);
    items = applyModelProgress(items, {
      ...base,
      status: 'initiate',
      source: 'local',
      loaded: 0,
      progress: 0,
    });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ progress: 0, loaded: 0, detail: '0.0 / 4.0 MB' });
    expect(items[0].failed).toBeUndefined();
  });
});

describe('bytesText', () => {
  it('MB for large files, kB for small ones, no total when unknown', () => {
    expect(bytesText(2_500_000, 4_000_000)).toBe('2.5 / 4.0 MB');
    expect(bytesText(300, 3_400)).toBe('0.3 / 3.4 kB');
    expect(bytesText(2_000_000, 0)).toBe('2.0 MB');
  });
});

describe('framesItem', () => {
  it('percent of frames, indeterminate without a total', () => {
    expect(framesItem('f', 'Frames', 21, 211).progress).toBeCloseTo(9.95, 2);
    expect(framesItem('f', 'Frames', 3, 0).progress).toBeUndefined();
  });
});

describe('long failures', () => {
  it('a model-level error (no file) is labelled by the model, with the message cut short', async () => {
    const { applyModelProgress: apply } = await import('./progressItems');
    const message = `ORT session failed: ${'out of memory while creating the session; '.repeat(10)}`;
    const [item] = apply([], {
      status: 'error',
      model: 'onnx-community/depth-anything-v2-small',
      file: '',
      loaded: 0,
      total: 0,
      progress: 0,
      error: { name: 'ModelLoadError', message },
    });
    expect(item.label).toBe('depth-anything-v2-small');
    expect(item.detail?.length).toBeLessThanOrEqual('failed: '.length + 161);
    expect(item.detail).toMatch(/^failed: ORT session failed: out of memory .*…$/);
  });
});

describe('plainError', () => {
  it('says a Transformers.js offline miss in plain words, and leaves other messages alone', async () => {
    const { plainError } = await import('./progressItems');
    expect(
      plainError(
        '`local_files_only=true` or `env.allowRemoteModels=false` and file was not found locally at "/models/onnx-community/depth-anything-v2-small/config.json".',
      ),
    ).toBe(
      "not in this app's models folder (/models/onnx-community/depth-anything-v2-small/config.json): run `npm run models`",
    );
    expect(plainError('HTTP 500')).toBe('HTTP 500');
  });
});
