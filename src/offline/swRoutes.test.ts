import { describe, expect, it } from 'vitest';
import { cacheNames, navigationKey, routeFor, staleCaches, withIsolationHeaders } from './swRoutes';

const SCOPE = 'https://app.test/';
const SHELL = new Set([
  'https://app.test/',
  'https://app.test/index.html',
  'https://app.test/assets/main-abc.js',
]);
const get = (url: string, mode = 'cors', hasRange = false) => ({ method: 'GET', url, mode, hasRange });

describe('routeFor', () => {
  it('sends navigations and html network-first, whatever the query', () => {
    expect(routeFor(get('https://app.test/?backend=wasm', 'navigate'), SCOPE, SHELL)).toBe('navigate');
    expect(routeFor(get('https://app.test/examples/page.html'), SCOPE, SHELL)).toBe('navigate');
  });
  it('serves precached assets from the shell, models and wasm cache-first, the rest from the network', () => {
    expect(routeFor(get('https://app.test/assets/main-abc.js'), SCOPE, SHELL)).toBe('shell');
    expect(routeFor(get('https://app.test/models/yolox-nano/yolox_nano.onnx'), SCOPE, SHELL)).toBe('runtime');
    expect(
      routeFor(get('https://app.test/assets/ort-wasm-simd-threaded.asyncify-x1.wasm'), SCOPE, SHELL),
    ).toBe('runtime');
    expect(routeFor(get('https://app.test/assets/late-chunk.js'), SCOPE, SHELL)).toBe('network');
  });
  it('leaves alone what is not ours: other origins, non-GET, ranges, outside the scope, the worker itself', () => {
    expect(routeFor(get('https://huggingface.co/x/resolve/abc/model.onnx'), SCOPE, SHELL)).toBe('pass');
    expect(routeFor({ ...get('https://app.test/assets/main-abc.js'), method: 'POST' }, SCOPE, SHELL)).toBe(
      'pass',
    );
    expect(routeFor(get('https://app.test/models/a.onnx', 'cors', true), SCOPE, SHELL)).toBe('pass');
    expect(routeFor(get('https://app.test/other/x.js'), 'https://app.test/app/', SHELL)).toBe('pass');
    expect(routeFor(get('https://app.test/sw.js'), SCOPE, SHELL)).toBe('pass');
  });
});

describe('cache names', () => {
  it('versions the shell by build and keeps the runtime cache across builds', () => {
    expect(cacheNames('abc')).toEqual({
      shell: 'spatial-mosaic-shell-abc',
      runtime: 'spatial-mosaic-runtime-v1',
    });
  });
  it('marks only our own older caches as stale', () => {
    const existing = [
      'spatial-mosaic-shell-old',
      'spatial-mosaic-shell-new',
      'spatial-mosaic-runtime-v0',
      'spatial-mosaic-runtime-v1',
      'spatial-mosaic-models-v1', // the model loader's own cache
      'someone-elses-cache',
    ];
    expect(staleCaches(existing, cacheNames('new'))).toEqual([
      'spatial-mosaic-shell-old',
      'spatial-mosaic-runtime-v0',
    ]);
  });
  it('keys a navigation by its path', () => {
    expect(navigationKey('https://app.test/?backend=wasm#x')).toBe('https://app.test/');
  });
});

describe('withIsolationHeaders', () => {
  it('adds missing COOP/COEP/CORP and keeps status, body and other headers', async () => {
    const res = withIsolationHeaders(
      new Response('<html>', { status: 200, statusText: 'OK', headers: { 'Content-Type': 'text/html' } }),
    );
    expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(res.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
    expect(res.headers.get('Content-Type')).toBe('text/html');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<html>');
  });
  it('returns a response that already has them untouched, and never keeps a body on a 304', () => {
    const full = new Response('x', {
      headers: {
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'credentialless',
        'Cross-Origin-Resource-Policy': 'cross-origin',
      },
    });
    expect(withIsolationHeaders(full)).toBe(full);
    const notModified = withIsolationHeaders(new Response(null, { status: 304 }));
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeNull();
  });
});
