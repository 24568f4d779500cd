/**
 * Routes Transformers.js' file loading through the verified ModelLoader: set
 * `env.useCustomCache = true; env.customCache = createTransformersCache(loader)`. Transformers.js asks
 * the cache for `<localModelPath><id>/<file>` and `<hub>/<id>/resolve/<rev>/<file>` before fetching; for
 * files the manifest lists we answer with bytes that passed the size/sha256 checks (from the Cache API,
 * public/models/ or the Hub as the loader allows), so a wrong or missing file fails with our message.
 * Files the manifest does not list get `undefined`, and Transformers.js falls back to its own fetch.
 */
import type { ModelLoader } from './modelLoader';
import type { ModelProgressCallback } from './progress';

export interface TransformersCache {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
}

export function createTransformersCache(
  loader: ModelLoader,
  opts: { onProgress?: ModelProgressCallback; signal?: AbortSignal } = {},
): TransformersCache {
  return {
    async match(key) {
      const hit = resolveKey(loader, key);
      if (!hit) return undefined;
      const bytes = await loader.loadFile(hit.id, hit.path, opts);
      return new Response(bytes as Uint8Array<ArrayBuffer>, {
        headers: { 'content-length': String(bytes.length) },
      });
    },
    // The loader has already cached what it verified; nothing else should be kept.
    async put() {},
  };
}

/** Which manifest file a Transformers.js cache key names, if any. */
export function resolveKey(loader: ModelLoader, key: string): { id: string; path: string } | undefined {
  const pathname = key.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0];
  for (const entry of loader.manifest.models) {
    const hub = entry.hub?.repo ?? entry.id;
    const remote = `/${hub}/resolve/`;
    let rest: string | undefined;
    const r = pathname.indexOf(remote);
    if (r >= 0)
      rest = pathname.slice(r + remote.length).replace(/^[^/]+\//, ''); // drop the revision
    else if (pathname.includes(`/${entry.id}/`))
      rest = pathname.slice(pathname.lastIndexOf(`/${entry.id}/`) + entry.id.length + 2);
    if (rest === undefined) continue;
    const files = [...entry.files, ...Object.values(entry.dtypes).flat()];
    if (files.some((f) => f.path === rest)) return { id: entry.id, path: rest };
  }
  return undefined;
}
