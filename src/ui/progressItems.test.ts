import { describe, expect, it } from 'vitest';
import { applyModelProgress, framesItem } from './progressItems';

const base = { model: 'onnx-community/yolox-nano', file: 'onnx/model.onnx', total: 4_000_000 };

describe('applyModelProgress', () => {
  it('one bar per file, never going backwards, gone when the model is ready', () => {
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
      detail: '2.0 / 4.0 MB',
    });
    items = applyModelProgress(items, { ...base, status: 'progress', loaded: 1_000_000, progress: 25 });
    expect(items[0].progress).toBe(50);
    items = applyModelProgress(items, {
      ...base,
      status: 'done',
      source: 'hub',
      loaded: 4_000_000,
      progress: 100,
    });
    expect(items[0].progress).toBe(100);
    items = applyModelProgress(items, {
      status: 'ready',
      model: base.model,
      file: '',
      files: [base.file],
      loaded: 4_000_000,
      total: 4_000_000,
      progress: 100,
    });
    expect(items).toEqual([]);
  });

  it('an error keeps the bar and says why', () => {
    const items = applyModelProgress([], {
      ...base,
      status: 'error',
      loaded: 0,
      progress: 0,
      error: { name: 'ModelFetchError', message: '404' },
    });
    expect(items[0].detail).toBe('failed: 404');
  });
});

describe('framesItem', () => {
  it('percent of frames, indeterminate without a total', () => {
    expect(framesItem('f', 'Frames', 21, 211).progress).toBeCloseTo(9.95, 2);
    expect(framesItem('f', 'Frames', 3, 0).progress).toBeUndefined();
  });
});
