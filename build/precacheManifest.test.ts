import { describe, expect, it } from 'vitest';
import { precacheVersion, selectPrecache } from './precacheManifest';

describe('selectPrecache', () => {
  it('keeps pages, assets, top-level files and the model manifest; drops maps, wasm, data folders, dotfiles, the worker', () => {
    const built = [
      'index.html',
      'favicon.svg',
      'sw.js',
      'assets/main-abc.js',
      'assets/main-abc.js.map',
      'assets/ort-wasm-simd-threaded.asyncify-x1.wasm',
      'assets/ort-wasm-simd-threaded.asyncify-x2.mjs',
      'models/manifest.json',
      'models/README.md',
      'models/yolox-nano/yolox_nano.onnx',
      'examples/.DS_Store',
      'examples/element-test.html',
      'e2e-fixtures/icl/image/00160.jpg',
    ];
    expect(selectPrecache(built)).toEqual([
      '',
      'assets/main-abc.js',
      'assets/ort-wasm-simd-threaded.asyncify-x2.mjs',
      'examples/element-test.html',
      'favicon.svg',
      'index.html',
      'models/manifest.json',
    ]);
  });
  it('adds the root only when there is an index.html', () => {
    expect(selectPrecache(['a.js'])).toEqual(['a.js']);
  });
});

describe('precacheVersion', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('is stable under reordering and changes with any byte or name', () => {
    const a = [
      { path: 'index.html', bytes: enc('<html>') },
      { path: 'assets/a.js', bytes: enc('1') },
    ];
    const v = precacheVersion(a);
    expect(v).toMatch(/^[0-9a-f]{16}$/);
    expect(precacheVersion([...a].reverse())).toBe(v);
    expect(precacheVersion([a[0], { path: 'assets/a.js', bytes: enc('2') }])).not.toBe(v);
    expect(precacheVersion([a[0], { path: 'assets/b.js', bytes: enc('1') }])).not.toBe(v);
  });
});
