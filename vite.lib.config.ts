import { builtinModules } from 'node:module';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * The package's JavaScript (`npm run build:lib`, run by `npm pack` through `prepack`), in two builds:
 *
 * - `vite build -c vite.lib.config.ts` → dist-lib/browser/: `element.js` (defines `<spatial-mosaic>`), `index.js`
 *   (the headless API), `worker-perception.js` / `worker-reasoner.js` (handlers for workers a host owns) and
 *   the package's own `perception.worker.js` / `reasoner.worker.js`, with their shared chunks beside them and
 *   the ORT wasm and YOLOX-Nano in assets/. Everything is found relative to the module (`new URL(…,
 *   import.meta.url)`), so the folder works served as-is to a plain `<script type="module">`, and a consumer's
 *   bundler (Vite) follows the same references and copies what they name.
 * - `vite build -c vite.lib.config.ts --mode node` → dist-lib/node/: `index.js` (the headless API plus folder helpers)
 *   and `cli.js` (bin/spatial-mosaic.mjs runs it), dependencies left to node_modules.
 *
 * Not `build.lib`: library mode inlines every asset as base64 whatever its size — the 27 MB ORT wasm would be
 * copied into each worker. A multi-entry build with the entries' exports preserved keeps assets as files.
 * Unminified: the consumer's bundler minifies, and the worker pattern below must stay readable to it.
 */

/**
 * The element's `new URL(/* @vite-ignore *\/ './x.worker.js', import.meta.url)` and the workers' bundled model URL,
 * without the comment: ignored by this build (they name its outputs and the package's public/models/), seen by
 * a consumer's bundler.
 */
const urlsForConsumers: Plugin = {
  name: 'spatial-mosaic-urls-for-consumers',
  renderChunk(code) {
    const out = code.replace(
      /\/\*\s*@vite-ignore\s*\*\/\s*("\.\/(?:perception|reasoner)\.worker\.js"|"\.\.\/\.\.\/public\/models\/[^"]+")/g,
      '$1',
    );
    return out === code ? null : { code: out, map: null };
  },
};

const browser: UserConfig = {
  // Relative: worker and asset URLs resolve against the package's own location, wherever the host serves it.
  base: './',
  publicDir: false,
  plugins: [urlsForConsumers],
  build: {
    outDir: 'dist-lib/browser',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    // The preload helper is for HTML entries; a library's dynamic imports load on their own.
    modulePreload: false,
    rolldownOptions: {
      input: {
        element: 'src/lib/element.ts',
        index: 'src/lib/index.ts',
        'worker-perception': 'src/lib/worker/perception.ts',
        'worker-reasoner': 'src/lib/worker/reasoner.ts',
        'perception.worker': 'src/lib/worker/perception.worker.ts',
        'reasoner.worker': 'src/lib/worker/reasoner.worker.ts',
      },
      preserveEntrySignatures: 'exports-only',
      // Flat: the element's `./perception.worker.js` is next to whichever chunk holds it.
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: '[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
};

const dependencies = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
const node: UserConfig = {
  publicDir: false,
  build: {
    outDir: 'dist-lib/node',
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      input: { index: 'src/lib/node.ts', cli: 'src/cli/main.ts' },
      preserveEntrySignatures: 'exports-only',
      external: [
        ...builtinModules,
        /^node:/,
        ...dependencies.map((d) => new RegExp(`^${d.replace(/[/.]/g, '\\$&')}(/|$)`)),
      ],
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
};

export default defineConfig(({ mode }) => (mode === 'node' ? node : browser));
