import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';
import type { ModelManifest } from './manifest';
import {
  ModelFetchError,
  ModelIntegrityError,
  ModelLoader,
  ModelUnavailableError,
  registerBundledModelFile,
} from './modelLoader';
import type { CacheLike, FetchLike } from './modelLoader';
import type { ModelProgress } from './progress';

const BYTES = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 251);
const CONFIG = new TextEncoder().encode('{"model_type":"test"}');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const manifest: ModelManifest = parseManifest({
  schemaVersion: 1,
  models: [
    {
      id: 'org/tiny',
      kind: 'depth',
      licence: 'Apache-2.0',
      hub: { repo: 'org/tiny', revision: 'abc123' },
      files: [{ path: 'config.json', size: CONFIG.length, sha256: sha(CONFIG) }],
      dtypes: { fp32: [{ path: 'onnx/model.onnx', size: BYTES.length, sha256: sha(BYTES) }] },
      defaultDtypes: ['fp32'],
    },
    {
      id: 'local-only',
      kind: 'detector',
      licence: 'Apache-2.0',
      hub: null,
      files: [{ path: 'm.onnx', size: BYTES.length, sha256: sha(BYTES) }],
      dtypes: {},
      defaultDtypes: [],
    },
    {
      id: 'org/unpinned',
      kind: 'vlm',
      licence: 'Apache-2.0',
      hub: { repo: 'org/unpinned', revision: 'main' },
      files: [{ path: 'w.bin', size: null, sha256: null }],
      dtypes: {},
      defaultDtypes: [],
    },
  ],
});

/** A body that arrives in 4 chunks, so that progress has steps. */
function response(bytes: Uint8Array, headers: Record<string, string> = {}): Response {
  const step = Math.ceil(bytes.length / 4) || 1;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (let o = 0; o < bytes.length; o += step) c.enqueue(bytes.slice(o, o + step));
      c.close();
    },
  });
  return new Response(body, { headers });
}

/** A fake server: url → bytes; everything else 404. Records the URLs asked for. */
function server(files: Record<string, Uint8Array>) {
  const asked: string[] = [];
  const fetch: FetchLike = async (url) => {
    asked.push(url);
    const b = files[url];
    return b ? response(b) : new Response('not found', { status: 404, statusText: 'Not Found' });
  };
  return { fetch, asked };
}

function memoryCache(): CacheLike & { store: Map<string, Uint8Array> } {
  const store = new Map<string, Uint8Array>();
  return {
    store,
    async match(k) {
      const b = store.get(k);
      return b ? new Response(b.slice()) : undefined;
    },
    async put(k, r) {
      store.set(k, new Uint8Array(await r.arrayBuffer()));
    },
    async delete(k) {
      return store.delete(k);
    },
  };
}

/** The invariants of per-file progress: initiate first, loaded and progress never go back, done at 100. */
function expectWellFormed(events: ModelProgress[], file: string) {
  const mine = events.filter((e) => e.file === file);
  expect(mine[0].status).toBe('initiate');
  expect(mine.at(-1)).toMatchObject({ status: 'done', progress: 100 });
  const last = mine.at(-1)!;
  expect(last.loaded).toBe(last.total);
  for (let i = 1; i < mine.length; i++) {
    expect(mine[i].loaded).toBeGreaterThanOrEqual(mine[i - 1].loaded);
    expect(mine[i].progress).toBeGreaterThanOrEqual(mine[i - 1].progress);
    if (mine[i].status !== 'done') expect(mine[i].progress).toBeLessThan(100);
  }
}

const LOCAL = '/models/org/tiny/onnx/model.onnx';
const HUB = 'https://hub.test/org/tiny/resolve/abc123/onnx/model.onnx';

describe('ModelLoader', () => {
  it('loads a self-hosted file, reports monotone progress that ends at 100, and caches it', async () => {
    const { fetch, asked } = server({ [LOCAL]: BYTES });
    const cache = memoryCache();
    const loader = new ModelLoader({ manifest, fetch, cache });
    const events: ModelProgress[] = [];
    const bytes = await loader.loadFile('org/tiny', 'onnx/model.onnx', { onProgress: (e) => events.push(e) });
    expect(bytes).toEqual(BYTES);
    expect(asked).toEqual([LOCAL]);
    expectWellFormed(events, 'onnx/model.onnx');
    expect(events.filter((e) => e.status === 'progress')).toHaveLength(4);
    expect(events[0]).toMatchObject({ source: 'local', total: 1000 });

    const again: ModelProgress[] = [];
    expect(
      await loader.loadFile('org/tiny', 'onnx/model.onnx', { onProgress: (e) => again.push(e) }),
    ).toEqual(BYTES);
    expect(asked).toHaveLength(1); // served from the cache
    expect(again.map((e) => e.status)).toEqual(['initiate', 'done']);
    expect(again[0]).toMatchObject({ source: 'cache' });
  });

  it('refuses the Hub when network is not allowed, naming the model, the file and what to do', async () => {
    const { fetch, asked } = server({ [HUB]: BYTES });
    const loader = new ModelLoader({ manifest, fetch, cache: null, hubBaseUrl: 'https://hub.test' });
    const events: ModelProgress[] = [];
    const p = loader.loadFile('org/tiny', 'onnx/model.onnx', { onProgress: (e) => events.push(e) });
    await expect(p).rejects.toThrow(ModelUnavailableError);
    await expect(p).rejects.toThrow(
      /model "org\/tiny" file "onnx\/model.onnx" is not at \/models\/org\/tiny\/onnx\/model.onnx \(404\).*downloads .* are off/,
    );
    expect(asked).toEqual([LOCAL]);
    expect(events.at(-1)).toMatchObject({ status: 'error', error: { name: 'ModelUnavailableError' } });
  });

  it('falls back to the Hub layout /<repo>/resolve/<revision>/<path> when allowed', async () => {
    const { fetch, asked } = server({ [HUB]: BYTES });
    const loader = new ModelLoader({
      manifest,
      fetch,
      cache: null,
      hubBaseUrl: 'https://hub.test/',
      allowNetwork: true,
    });
    const events: ModelProgress[] = [];
    expect(
      await loader.loadFile('org/tiny', 'onnx/model.onnx', { onProgress: (e) => events.push(e) }),
    ).toEqual(BYTES);
    expect(asked).toEqual([LOCAL, HUB]);
    expect(events.at(-1)).toMatchObject({ status: 'done', source: 'hub' });
  });

  it('says so when the Hub has no such file', async () => {
    const { fetch } = server({});
    const loader = new ModelLoader({
      manifest,
      fetch,
      cache: null,
      hubBaseUrl: 'https://hub.test',
      allowNetwork: true,
    });
    await expect(loader.loadFile('org/tiny', 'onnx/model.onnx')).rejects.toThrow(
      /not on the Hub at .*abc123.*\(404\)/,
    );
  });

  it('says so when a self-hosted-only model is missing', async () => {
    const { fetch } = server({});
    const loader = new ModelLoader({ manifest, fetch, cache: null, allowNetwork: true });
    await expect(loader.loadFile('local-only', 'm.onnx')).rejects.toThrow(
      /"local-only" file "m.onnx".*no Hub source/,
    );
  });

  it('uses a file shipped with the code when the models folder lacks it, and the folder when it has it', async () => {
    const SHIPPED = 'https://cdn.test/pkg/assets/m-1234.onnx';
    registerBundledModelFile('local-only', 'm.onnx', SHIPPED);
    const { fetch, asked } = server({ [SHIPPED]: BYTES });
    const loader = new ModelLoader({ manifest, fetch, cache: null });
    expect(await loader.loadFile('local-only', 'm.onnx')).toEqual(BYTES);
    expect(asked).toEqual(['/models/local-only/m.onnx', SHIPPED]);
    // A dev server's single-page fallback (index.html, 200) counts as missing, not as a corrupt model.
    const spa: FetchLike = async (url) =>
      url === SHIPPED
        ? new Response(BYTES)
        : new Response('<!doctype html><title>app</title>', { headers: { 'content-type': 'text/html' } });
    expect(
      await new ModelLoader({ manifest, fetch: spa, cache: null }).loadFile('local-only', 'm.onnx'),
    ).toEqual(BYTES);
    const own = server({ '/models/local-only/m.onnx': BYTES, [SHIPPED]: BYTES });
    await new ModelLoader({ manifest, fetch: own.fetch, cache: null }).loadFile('local-only', 'm.onnx');
    expect(own.asked).toEqual(['/models/local-only/m.onnx']);
    // Still verified: a damaged shipped copy is refused.
    const bad = server({ [SHIPPED]: BYTES.slice(0, 10) });
    await expect(
      new ModelLoader({ manifest, fetch: bad.fetch, cache: null }).loadFile('local-only', 'm.onnx'),
    ).rejects.toThrow(ModelIntegrityError);
  });

  it('rejects a truncated file and does not cache it', async () => {
    const { fetch } = server({ [LOCAL]: BYTES.slice(0, 600) });
    const cache = memoryCache();
    const loader = new ModelLoader({ manifest, fetch, cache });
    const events: ModelProgress[] = [];
    const p = loader.loadFile('org/tiny', 'onnx/model.onnx', { onProgress: (e) => events.push(e) });
    await expect(p).rejects.toThrow(ModelIntegrityError);
    await expect(p).rejects.toThrow(
      /"org\/tiny" file "onnx\/model.onnx" .* is truncated: 600 bytes, the manifest says 1000/,
    );
    expect(cache.store.size).toBe(0);
    expect(events.some((e) => e.status === 'done')).toBe(false);
    expect(events.at(-1)).toMatchObject({ status: 'error', loaded: 600, total: 1000 });
  });

  it('rejects a file of the right size with the wrong sha256 and does not cache it', async () => {
    const bad = BYTES.slice();
    bad[500] ^= 1;
    const { fetch } = server({ [LOCAL]: bad });
    const cache = memoryCache();
    const loader = new ModelLoader({ manifest, fetch, cache });
    await expect(loader.loadFile('org/tiny', 'onnx/model.onnx')).rejects.toThrow(
      new RegExp(`is corrupt: sha256 ${sha(bad)} but the manifest pins ${sha(BYTES)}`),
    );
    expect(cache.store.size).toBe(0);
  });

  it('stops reading a file that is longer than the manifest says', async () => {
    const { fetch } = server({ [LOCAL]: new Uint8Array(4000) });
    const loader = new ModelLoader({ manifest, fetch, cache: null });
    await expect(loader.loadFile('org/tiny', 'onnx/model.onnx')).rejects.toThrow(/is too long/);
  });

  it('drops a damaged cache entry and fetches the file again', async () => {
    const { fetch, asked } = server({ [LOCAL]: BYTES });
    const cache = memoryCache();
    const entry = manifest.models[0];
    cache.store.set(ModelLoader.cacheKey(entry, 'onnx/model.onnx'), BYTES.slice(0, 10));
    const loader = new ModelLoader({ manifest, fetch, cache });
    expect(await loader.loadFile('org/tiny', 'onnx/model.onnx')).toEqual(BYTES);
    expect(asked).toEqual([LOCAL]);
    expect(cache.store.get(ModelLoader.cacheKey(entry, 'onnx/model.onnx'))).toEqual(BYTES);
  });

  it('checks an unpinned file against Content-Length', async () => {
    const url = '/models/org/unpinned/w.bin';
    const fetch: FetchLike = async () => response(BYTES.slice(0, 10), { 'content-length': '20' });
    const loader = new ModelLoader({ manifest, fetch, cache: null });
    await expect(loader.loadFile('org/unpinned', 'w.bin')).rejects.toThrow(
      new RegExp(`from ${url} is truncated: 10 of 20 bytes`),
    );
    const ok: FetchLike = async () => response(BYTES.slice(0, 10), { 'content-length': '10' });
    const events: ModelProgress[] = [];
    await new ModelLoader({ manifest, fetch: ok, cache: null }).loadFile('org/unpinned', 'w.bin', {
      onProgress: (e) => events.push(e),
    });
    expectWellFormed(events, 'w.bin');
  });

  it('reports an unreachable server as a fetch error', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    };
    const loader = new ModelLoader({ manifest, fetch, cache: null });
    await expect(loader.loadFile('org/tiny', 'config.json')).rejects.toThrow(ModelFetchError);
    await expect(loader.loadFile('org/tiny', 'config.json')).rejects.toThrow(
      /could not reach .*ECONNREFUSED/,
    );
  });

  it('honours an abort signal', async () => {
    const { fetch } = server({ [LOCAL]: BYTES });
    const ac = new AbortController();
    ac.abort(new DOMException('stop', 'AbortError'));
    const loader = new ModelLoader({ manifest, fetch, cache: null });
    await expect(loader.loadFile('org/tiny', 'onnx/model.onnx', { signal: ac.signal })).rejects.toThrow(
      'stop',
    );
  });

  it('loads a whole model (common files, then the dtype files) and ends with ready', async () => {
    const { fetch } = server({ '/models/org/tiny/config.json': CONFIG, [LOCAL]: BYTES });
    const loader = new ModelLoader({ manifest, fetch, cache: null });
    const events: ModelProgress[] = [];
    const model = await loader.loadModel('org/tiny', { onProgress: (e) => events.push(e) });
    expect([...model.files.keys()]).toEqual(['config.json', 'onnx/model.onnx']);
    expectWellFormed(events, 'config.json');
    expectWellFormed(events, 'onnx/model.onnx');
    expect(events.at(-1)).toEqual({
      status: 'ready',
      model: 'org/tiny',
      file: '',
      files: ['config.json', 'onnx/model.onnx'],
      loaded: CONFIG.length + 1000,
      total: CONFIG.length + 1000,
      progress: 100,
    });
    await expect(loader.loadModel('org/tiny', { dtypes: ['q4'] })).rejects.toThrow(/has no q4 variant/);
    await expect(loader.loadFile('org/tiny', 'nope.json')).rejects.toThrow(/lists no file "nope.json"/);
  });

  it('keeps the progress invariants for any chunking, with or without a known size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        async (sizes, withLength) => {
          const total = sizes.reduce((a, b) => a + b, 0);
          const body = new ReadableStream<Uint8Array>({
            start(c) {
              for (const n of sizes) c.enqueue(new Uint8Array(n));
              c.close();
            },
          });
          const fetch: FetchLike = async () =>
            new Response(body, withLength ? { headers: { 'content-length': String(total) } } : {});
          const events: ModelProgress[] = [];
          const bytes = await new ModelLoader({ manifest, fetch, cache: null }).loadFile(
            'org/unpinned',
            'w.bin',
            {
              onProgress: (e) => events.push(e),
            },
          );
          expect(bytes.length).toBe(total);
          expectWellFormed(events, 'w.bin');
          expect(events.filter((e) => e.status === 'progress')).toHaveLength(sizes.length);
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });
});
