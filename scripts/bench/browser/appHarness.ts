/**
 * What the benches that drive the app's production build in the system Chromium share (the browser bench and the
 * app-import bench): the build (the app's own Vite config, with YOLOX-Nano in public/models first), a Vite preview
 * server on it, and Chromium through Playwright.
 */
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { build, preview } from 'vite';
import { fetchModels } from '../../models/fetch-models';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SHARED_MODELS = path.resolve(repoRoot, '../shared/models');

export class BrowserBenchError extends Error {
  override readonly name = 'BrowserBenchError';
}

/** The system Chromium (CHROMIUM_PATH first); `bench` names the bench in the message when there is none. */
export function chromiumPath(bench: string): string {
  const p = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (x): x is string => !!x && existsSync(x),
  );
  if (!p)
    throw new BrowserBenchError(
      `${bench}: no Chromium found; install it (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  return p;
}

/** Chromium with WebGPU allowed (it reports a software adapter where there is no GPU) and no background traffic. */
export function launchChromium(bench: string, extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(bench),
    args: ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', ...extraArgs],
  });
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

export interface AppBuildOptions {
  /** Where the build goes (absolute). */
  readonly outDir: string;
  /** Extra pages built beside the app's own (name → HTML file relative to the repository). */
  readonly extraPages?: Readonly<Record<string, string>>;
  /** Names the bench in messages. */
  readonly bench: string;
  readonly log: (line: string) => void;
}

/** `vite build` with the app's config into `outDir`, after copying YOLOX-Nano into public/models if it is missing. */
export async function buildApp(opts: AppBuildOptions): Promise<void> {
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const yolox = path.join(repoRoot, 'public/models/yolox-nano/yolox_nano.onnx');
  if (!existsSync(yolox)) {
    opts.log('copying YOLOX-Nano into public/models (npm run models -- --from ../shared/models)');
    const r = await fetchModels({
      manifestPath: path.join(repoRoot, 'public/models/manifest.json'),
      from: SHARED_MODELS,
      models: ['yolox-nano'],
      log: opts.log,
    });
    if (r.errors.length) throw new BrowserBenchError(`${opts.bench}: ${r.errors.join('; ')}`);
  }
  const pages = Object.entries(opts.extraPages ?? {});
  opts.log(
    `vite build (the app${pages.length ? ` + ${pages.map(([n]) => n).join(', ')}` : ''}) → ${path.relative(repoRoot, opts.outDir)}`,
  );
  await build({
    root: repoRoot,
    configFile: path.join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: {
      outDir: opts.outDir,
      emptyOutDir: true,
      ...(pages.length
        ? {
            rolldownOptions: {
              input: Object.fromEntries(pages.map(([n, f]) => [n, path.join(repoRoot, f)])),
            },
          }
        : {}),
    },
  });
}

/** A Vite preview server (the app's config: cross-origin isolation headers) on a build, on a free port. */
export async function previewBuild(outDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const port = await freePort();
  const server = await preview({
    root: repoRoot,
    configFile: path.join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}
