import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';
import { ModelIntegrityError, ModelLoader } from './modelLoader';
import type { FetchLike } from './modelLoader';
import { createTransformersCache, resolveKey } from './transformersCache';

const CONFIG = new TextEncoder().encode('{"model_type":"depth_anything"}');
const manifest = parseManifest({
  schemaVersion: 1,
  models: [
    {
      id: 'onnx-community/depth-anything-v2-small',
      kind: 'depth',
      licence: 'Apache-2.0',
      hub: {
        repo: 'onnx-community/depth-anything-v2-small',
        revision: '34f40a4c93991327074907b51792dbc27e7d6f1c',
      },
      files: [
        {
          path: 'config.json',
          size: CONFIG.length,
          sha256: createHash('sha256').update(CONFIG).digest('hex'),
        },
      ],
      dtypes: { q8: [{ path: 'onnx/model_quantized.onnx', size: null, sha256: null }] },
      defaultDtypes: ['q8'],
    },
  ],
});

describe('createTransformersCache', () => {
  const loaderWith = (files: Record<string, Uint8Array<ArrayBuffer>>) => {
    const fetch: FetchLike = async (url) =>
      files[url] ? new Response(files[url]) : new Response('', { status: 404 });
    return new ModelLoader({ manifest, fetch, cache: null });
  };

  it('maps both the local path and the Hub URL that Transformers.js asks for to manifest files', () => {
    const loader = loaderWith({});
    const id = 'onnx-community/depth-anything-v2-small';
    expect(resolveKey(loader, `/models/${id}/config.json`)).toEqual({ id, path: 'config.json' });
    expect(resolveKey(loader, `http://127.0.0.1:4173/models/${id}/onnx/model_quantized.onnx`)).toEqual({
      id,
      path: 'onnx/model_quantized.onnx',
    });
    expect(resolveKey(loader, `https://huggingface.co/${id}/resolve/main/onnx/model_quantized.onnx`)).toEqual(
      {
        id,
        path: 'onnx/model_quantized.onnx',
      },
    );
    expect(resolveKey(loader, `/models/${id}/chat_template.jinja`)).toBeUndefined();
    expect(resolveKey(loader, '/models/other/model/config.json')).toBeUndefined();
  });

  it('answers with verified bytes, and fails with the loader’s error on a corrupt file', async () => {
    const key = '/models/onnx-community/depth-anything-v2-small/config.json';
    const good = createTransformersCache(loaderWith({ [key]: CONFIG }));
    expect(await (await good.match(key))!.text()).toBe('{"model_type":"depth_anything"}');
    expect(await good.match('/models/onnx-community/depth-anything-v2-small/nope.json')).toBeUndefined();
    const corrupt = CONFIG.slice();
    corrupt[3] ^= 1;
    await expect(createTransformersCache(loaderWith({ [key]: corrupt })).match(key)).rejects.toThrow(
      ModelIntegrityError,
    );
  });
});
