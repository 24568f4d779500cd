import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { serviceWorkerPlugin } from './build/swBuildPlugin.js';
import { cspDevPlugin } from './build/cspDevPlugin.js';
import { liveModelsPlugin } from './build/liveModelsPlugin.js';

// Multi-threaded wasm needs cross-origin isolation, on both the dev and the preview server.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * `vite build --mode e2e` (into dist-e2e/, what Playwright serves): the app plus the e2e harness, whose entry
 * (e2e/harness/main.ts) goes into index.html before the app's own script. It swaps the app's worker scripts for
 * ones that wrap the same services with the test hooks, and mounts the test API. The product build (dist/)
 * never sees the harness: scripts/check-bundle.mjs checks it.
 */
const E2E_HARNESS_ENTRY = '/e2e/harness/main.ts';
const e2eHarness = (): Plugin => ({
  name: 'spatial-mosaic-e2e-harness',
  transformIndexHtml: {
    order: 'pre',
    handler: (html, ctx) =>
      ctx.path === '/index.html'
        ? [{ tag: 'script', attrs: { type: 'module', src: E2E_HARNESS_ENTRY }, injectTo: 'head' }]
        : html,
  },
});

export default defineConfig(({ mode }) => ({
  // serviceWorkerPlugin: emits /sw.js with the built files' precache list (offline after one visit).
  // cspDevPlugin: drops index.html's CSP meta in `vite dev` only (React Refresh's inline preamble).
  // liveModelsPlugin: `vite preview` serves /models/ from public/models/ as it is now (no rebuild, no restart).
  plugins: [
    react() as Plugin[],
    serviceWorkerPlugin(),
    cspDevPlugin(),
    liveModelsPlugin(),
    ...(mode === 'e2e' ? [e2eHarness()] : []),
  ],
  // 'mpa': a missing file (e.g. a model file) is a real 404, never index.html with status 200.
  appType: 'mpa',
  server: { headers: isolationHeaders, host: '127.0.0.1' },
  preview: { headers: isolationHeaders, host: '127.0.0.1' },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['onnxruntime-web', '@huggingface/transformers'] },
  build: {
    outDir: mode === 'e2e' ? 'dist-e2e' : 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // The second page hosts two <spatial-mosaic> elements for e2e/element.spec.ts.
    rolldownOptions: { input: { main: 'index.html', 'element-test': 'examples/element-test.html' } },
  },
  test: {
    include: [
      'src/**/*.test.ts',
      'workers/**/*.test.ts',
      'scripts/**/*.test.ts',
      'build/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
}));
