import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { precacheVersion, selectPrecache } from './precacheManifest.js';

/**
 * Emits /sw.js for `vite build`: once the app's bundle and public files are written, lists them, hashes them
 * into a version, and bundles src/offline/sw.ts on its own (one classic-script IIFE, no imports: a service
 * worker script must not share chunks with the app) with the list and version compiled in. No workbox needed.
 */
export function serviceWorkerPlugin(entry = 'src/offline/sw.ts', fileName = 'sw.js'): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'spatial-mosaic-service-worker',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    async closeBundle() {
      const outDir = path.resolve(config.root, config.build.outDir);
      const all = await listFiles(outDir);
      const precache = selectPrecache(all);
      const files = await Promise.all(
        precache
          .filter((p) => p !== '')
          .map(async (p) => ({ path: p, bytes: await readFile(path.join(outDir, p)) })),
      );
      const version = precacheVersion(files);
      const out = await build({
        configFile: false,
        root: config.root,
        logLevel: 'warn',
        publicDir: false,
        define: {
          __SM_PRECACHE__: JSON.stringify(precache),
          __SM_VERSION__: JSON.stringify(version),
        },
        build: {
          write: false,
          emptyOutDir: false,
          target: 'es2022',
          minify: true,
          lib: { entry: path.resolve(config.root, entry), formats: ['iife'], name: 'spatialMosaicSw' },
        },
      });
      const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
      const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
      if (!chunk?.code) throw new Error(`${entry}: the service worker bundle came out empty`);
      await writeFile(path.join(outDir, fileName), chunk.code);
      config.logger.info(
        `service worker: ${fileName}, ${precache.length} precached files, version ${version}`,
      );
    },
  };
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(path.join(dir, e.name), rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}
