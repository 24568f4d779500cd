import { describe, expect, it } from 'vitest';
import type { ModelProgress } from '../models/progress';
import { ProgressAdapter } from './progressAdapter';

describe('ProgressAdapter', () => {
  it('never goes backwards per file, reserves 100 for done, and ends with one ready', () => {
    const events: ModelProgress[] = [];
    const a = new ProgressAdapter('m', 'hub', (e) => events.push(e));
    a.callback({ status: 'initiate', name: 'm', file: 'config.json' });
    a.callback({
      status: 'progress',
      name: 'm',
      file: 'onnx/model.onnx',
      loaded: 50,
      total: 100,
      progress: 50,
    });
    a.callback({
      status: 'progress',
      name: 'm',
      file: 'onnx/model.onnx',
      loaded: 40,
      total: 100,
      progress: 40,
    });
    a.callback({
      status: 'progress',
      name: 'm',
      file: 'onnx/model.onnx',
      loaded: 100,
      total: 100,
      progress: 100,
    });
    a.callback({ status: 'done', name: 'm', file: 'onnx/model.onnx' });
    a.callback({
      status: 'progress',
      name: 'm',
      file: 'onnx/model.onnx',
      loaded: 100,
      total: 100,
      progress: 100,
    });
    a.ready();
    expect(events.map((e) => `${e.status}:${e.file}:${e.progress}`)).toEqual([
      'initiate:config.json:0',
      'initiate:onnx/model.onnx:0',
      'progress:onnx/model.onnx:50',
      'progress:onnx/model.onnx:50',
      'progress:onnx/model.onnx:99.9',
      'done:onnx/model.onnx:100',
      'done:config.json:100',
      'ready::100',
    ]);
    expect(events.at(-1)).toMatchObject({
      loaded: 100,
      total: 100,
      files: ['config.json', 'onnx/model.onnx'],
    });
  });

  it('reports an error as {name, message}', () => {
    const events: ModelProgress[] = [];
    new ProgressAdapter('m', 'local', (e) => events.push(e)).error(new TypeError('bad json'));
    expect(events).toEqual([
      expect.objectContaining({ status: 'error', error: { name: 'TypeError', message: 'bad json' } }),
    ]);
  });
});
