import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * `vite preview` serves dist/, a copy of public/ taken at build time: a model fetched with `npm run models`
 * while the server runs would stay a 404 until the next build. This serves `/models/…` from public/models/
 * itself, as it is now, before dist/ is looked at (the dev server already serves public/ live).
 */
export function liveModelsPlugin(modelsDir = 'public/models'): Plugin {
  return {
    name: 'spatial-mosaic-live-models',
    configurePreviewServer(server) {
      const root = path.resolve(server.config.root, modelsDir);
      // Vite sets the preview headers (cross-origin isolation) in its own static handler, after this one.
      const headers = server.config.preview.headers ?? {};
      server.middlewares.use((req, res, next) => {
        serveModelFile(root, req, res, headers).then(
          (served) => served || next(),
          () => next(),
        );
      });
    },
  };
}

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Answers GET/HEAD `/models/<file>` from `root` when the file is there; false leaves it to the next handler. */
export async function serveModelFile(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string | string[] | number | undefined> = {},
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = new URL(req.url ?? '/', 'http://x');
  if (!url.pathname.startsWith('/models/')) return false;
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname.slice('/models/'.length));
  } catch {
    return false;
  }
  const file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep) || rel.split('/').some((p) => p.startsWith('.'))) return false;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile() || file.endsWith('.part')) return false;
  res.statusCode = 200;
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
  res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
  res.setHeader('Content-Length', String(info.size));
  // A model fetched again must not be answered from the browser's HTTP cache; the app caches verified bytes itself.
  res.setHeader('Cache-Control', 'no-cache');
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on('error', reject);
    stream.on('end', resolve);
    stream.pipe(res);
  });
  return true;
}
