import { defineConfig, type Plugin } from 'vite';

// Consumers find the declarations next to the module (tsc writes them to dist-lib/types/ after this build).
const typesEntry: Plugin = {
  name: 'spatial-mosaic-types-entry',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'spatial-mosaic.d.ts',
      source: "export * from './types/element/index';\n",
    });
  },
};

/**
 * `npm run build:lib`: the `<spatial-mosaic>` element as one ES module in dist-lib/, dependencies (three,
 * comlink, the engines) bundled in, so a plain HTML page can `<script type="module" src=".../spatial-mosaic.js">`.
 * Its workers, chunks and the ORT wasm are emitted to dist-lib/assets/ and found relative to the module
 * (`new URL(…, import.meta.url)`), so dist-lib/ must be served from the page's own origin (browsers refuse
 * cross-origin worker scripts). Type declarations come from `tsc -p tsconfig.lib.json` (see the build:lib script).
 *
 * Not `build.lib`: library mode inlines every asset as base64 whatever its size — the 27 MB ORT wasm would be
 * copied into each worker. A single-entry build with the entry's exports preserved keeps assets as files.
 */
export default defineConfig({
  // Relative: worker and asset URLs resolve against the library's own location, wherever the host serves it.
  base: './',
  publicDir: false,
  plugins: [typesEntry],
  worker: { format: 'es' },
  build: {
    outDir: 'dist-lib',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
    // The preload helper is for HTML entries; a library's dynamic imports load on their own.
    modulePreload: false,
    rolldownOptions: {
      input: { 'spatial-mosaic': 'src/element/index.ts' },
      preserveEntrySignatures: 'exports-only',
      output: { entryFileNames: '[name].js' },
    },
  },
});
