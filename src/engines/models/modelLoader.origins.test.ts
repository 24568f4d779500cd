import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultManifest } from './defaultManifest';
import { ManifestError, parseManifest, type ModelManifest } from './manifest';
import { ModelLoader, ModelOriginError, originAllowed, type FetchLike } from './modelLoader';

/**
 * The loader only fetches from the configured origins: the models base URL's, the Hub's and the Hub's
 * download hosts. A URL or a redirect elsewhere is refused with ModelOriginError, and manifest fields cannot
 * steer a URL off its base.
 */

const BYTES = new TextEncoder().encode('{"model_type":"tiny"}');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const entry = (over: Record<string, unknown> = {}) => ({
  id: 'org/tiny',
  kind: 'depth',
  licence: 'MIT',
  hub: { repo: 'org/tiny', revision: 'abc123' },
  files: [{ path: 'config.json', size: BYTES.length, sha256: sha(BYTES) }],
  dtypes: {},
  defaultDtypes: [],
  ...over,
});
const manifest: ModelManifest = parseManifest({ schemaVersion: 1, models: [entry()] });

/** A fetch that records every URL and answers from `routes` (a Response, or 404). */
function recordingFetch(routes: Record<string, () => Response>) {
  const asked: string[] = [];
  const fetch: FetchLike = async (url) => {
    asked.push(url);
    const r = routes[url];
    return r ? r() : new Response('no', { status: 404 });
  };
  return { fetch, asked };
}

/** What fetch returns after following a redirect: the body of the final URL, with `url` set to it. */
function redirectedTo(finalUrl: string, bytes: Uint8Array = BYTES): Response {
  const r = new Response(bytes.slice());
  Object.defineProperty(r, 'url', { value: finalUrl });
  Object.defineProperty(r, 'redirected', { value: true });
  return r;
}

describe('model loader origins', () => {
  it('fetches the local copy, then the pinned Hub URL, and nothing else', async () => {
    const hubUrl = 'https://huggingface.co/org/tiny/resolve/abc123/config.json';
    const { fetch, asked } = recordingFetch({ [hubUrl]: () => new Response(BYTES.slice()) });
    const loader = new ModelLoader({ manifest, fetch, allowNetwork: true, cache: null });
    expect(await loader.loadFile('org/tiny', 'config.json')).toEqual(BYTES);
    expect(asked).toEqual(['/models/org/tiny/config.json', hubUrl]);
  });

  it('follows the Hub redirect to its download host (cdn-lfs.hf.co)', async () => {
    const hubUrl = 'https://huggingface.co/org/tiny/resolve/abc123/config.json';
    const cdn = 'https://cdn-lfs-us-1.hf.co/repos/ab/cd/sha?X-Amz=1';
    const { fetch } = recordingFetch({ [hubUrl]: () => redirectedTo(cdn) });
    const loader = new ModelLoader({ manifest, fetch, modelsBaseUrl: null, allowNetwork: true, cache: null });
    expect(await loader.loadFile('org/tiny', 'config.json')).toEqual(BYTES);
  });

  it('refuses a Hub redirect to another origin, naming both URLs, and does not use the bytes', async () => {
    const hubUrl = 'https://huggingface.co/org/tiny/resolve/abc123/config.json';
    const evil = 'https://evil.example/config.json';
    const { fetch } = recordingFetch({ [hubUrl]: () => redirectedTo(evil) });
    const cacheWrites: string[] = [];
    const loader = new ModelLoader({
      manifest,
      fetch,
      modelsBaseUrl: null,
      allowNetwork: true,
      cache: {
        match: async () => undefined,
        put: async (k) => void cacheWrites.push(k),
        delete: async () => true,
      },
    });
    const err = (await loader.loadFile('org/tiny', 'config.json').catch((e: Error) => e)) as Error;
    expect(err).toBeInstanceOf(ModelOriginError);
    expect(err.message).toBe(
      `model "org/tiny" file "config.json": ${hubUrl} redirected to ${evil}, which is not an allowed model origin (https://huggingface.co, https://*.huggingface.co, https://*.hf.co); refused`,
    );
    expect(cacheWrites).toEqual([]);
  });

  it('refuses a redirect of a self-hosted model to another origin', async () => {
    const { fetch } = recordingFetch({
      'https://app.example/models/org/tiny/config.json': () => redirectedTo('https://tracker.example/x'),
    });
    const loader = new ModelLoader({
      manifest,
      fetch,
      modelsBaseUrl: 'https://app.example/models',
      cache: null,
    });
    await expect(loader.loadFile('org/tiny', 'config.json')).rejects.toThrow(
      /redirected to https:\/\/tracker\.example\/x, which is not an allowed model origin \(https:\/\/app\.example, https:\/\/huggingface\.co/,
    );
  });

  it('a look-alike host is not a subdomain (evilhf.co, hf.co.evil.example)', () => {
    const origins = ['https://huggingface.co', 'https://*.hf.co'];
    expect(originAllowed('https://cas-bridge.xethub.hf.co/a', origins)).toBe(true);
    expect(originAllowed('https://evilhf.co/a', origins)).toBe(false);
    expect(originAllowed('https://hf.co.evil.example/a', origins)).toBe(false);
    expect(originAllowed('http://cdn.hf.co/a', origins)).toBe(false); // the scheme is part of the origin
    expect(originAllowed('https://huggingface.co:8443/a', origins)).toBe(false);
    expect(originAllowed('/models/a', origins)).toBe(false); // 'self' not configured
    expect(originAllowed('/models/a', ['self'])).toBe(true);
  });

  it('with a mirror as the Hub, only the mirror (and origins added explicitly) are allowed', async () => {
    const mirrored = 'https://mirror.example/org/tiny/resolve/abc123/config.json';
    const { fetch, asked } = recordingFetch({ [mirrored]: () => redirectedTo('https://cdn-lfs.hf.co/x') });
    const strict = new ModelLoader({
      manifest,
      fetch,
      modelsBaseUrl: null,
      hubBaseUrl: 'https://mirror.example',
      allowNetwork: true,
      cache: null,
    });
    await expect(strict.loadFile('org/tiny', 'config.json')).rejects.toBeInstanceOf(ModelOriginError);
    const widened = new ModelLoader({
      manifest,
      fetch,
      modelsBaseUrl: null,
      hubBaseUrl: 'https://mirror.example',
      allowedOrigins: ['https://*.hf.co'],
      allowNetwork: true,
      cache: null,
    });
    expect(await widened.loadFile('org/tiny', 'config.json')).toEqual(BYTES);
    expect(asked).toEqual([mirrored, mirrored]);
  });

  it('the shipped manifest only produces URLs on the configured origins', () => {
    const loader = new ModelLoader({ manifest: defaultManifest, cache: null });
    for (const m of defaultManifest.models) {
      for (const f of [...m.files, ...Object.values(m.dtypes).flat()]) {
        const local = loader.localUrl(m, f.path) as string;
        expect(local.startsWith(`/models/${m.id}/`)).toBe(true);
        const hub = loader.hubUrl(m, f.path);
        if (hub) expect(new URL(hub).origin).toBe('https://huggingface.co');
      }
    }
  });
});

describe('manifest fields cannot steer a URL elsewhere', () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'an absolute URL as id',
      { id: 'https://evil.example/m' },
      /models\[0\]\.id "https:\/\/evil\.example\/m" must be a relative path/,
    ],
    [
      'a protocol-relative id',
      { id: '//evil.example/m' },
      /models\[0\]\.id "\/\/evil\.example\/m" must be a relative path/,
    ],
    [
      'a ".." in a repo',
      { hub: { repo: 'org/../../evil', revision: 'main' } },
      /models\[0\]\.hub\.repo .* must be a relative path/,
    ],
    [
      'a query in a revision',
      { hub: { repo: 'org/tiny', revision: 'main?redirect=https://evil.example' } },
      /models\[0\]\.hub\.revision .* no \\ \? # % : or spaces$/,
    ],
    [
      'an encoded ".." in a file path',
      { files: [{ path: '%2e%2e/%2e%2e/x', size: null, sha256: null }] },
      /models\[0\]\.files\[0\]\.path/,
    ],
    [
      'a fragment in a file path',
      { files: [{ path: 'config.json#x', size: null, sha256: null }] },
      /models\[0\]\.files\[0\]\.path/,
    ],
    [
      'a backslash path',
      { files: [{ path: '..\\..\\x', size: null, sha256: null }] },
      /models\[0\]\.files\[0\]\.path/,
    ],
  ])('refuses %s', (_name, over, message) => {
    const parse = () => parseManifest({ schemaVersion: 1, models: [entry(over)] }, 'manifest.json');
    expect(parse).toThrow(ManifestError);
    expect(parse).toThrow(message);
  });
});
