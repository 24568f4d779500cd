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
 * `npm run build:lib`: the `<spatial-mosaic>` element as one ES module library in dist-lib/, dependencies
 * (three, comlink) bundled in, so a plain HTML page can `<script type="module" src=".../spatial-mosaic.js">`.
 * Its workers are emitted next to it and found relative to the module (`new URL(…, import.meta.url)`), so
 * dist-lib/ must be served from the page's own origin (browsers refuse cross-origin worker scripts).
 * Type declarations come from `tsc -p tsconfig.lib.json` (see the build:lib script).
 */
export default defineConfig({
  // Relative: worker URLs resolve against the library's own location, wherever the host page serves it.
  base: './',
  publicDir: false,
  plugins: [typesEntry],
  worker: { format: 'es' },
  build: {
    outDir: 'dist-lib',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    chunkSizeWarningLimit: 4096,
    lib: {
      entry: 'src/element/index.ts',
      formats: ['es'],
      fileName: () => 'spatial-mosaic.js',
    },
  },
});
