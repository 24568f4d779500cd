import { useCallback, useEffect, useState } from 'react';
import { defaultManifest } from '../engines/models/defaultManifest';
import { MODEL_CACHE_NAME } from '../engines/models/modelLoader';
import { filesFor } from '../engines/models/manifest';
import { cachePrefix, modelRows, type ModelPresence, type ModelRow } from './modelInventory';
import type { ProgressItem } from './uiTypes';

/** Looks at the Cache API and the models folder for each manifest model (cheap: one HEAD and one key list). */
async function presence(modelsBase: string): Promise<ModelPresence> {
  const keys =
    typeof caches === 'undefined'
      ? []
      : (await (await caches.open(MODEL_CACHE_NAME)).keys()).map((r) => r.url);
  const cached = new Set(
    defaultManifest.models.filter((m) => keys.some((k) => k.startsWith(cachePrefix(m.id)))).map((m) => m.id),
  );
  const served = new Set<string>();
  await Promise.all(
    defaultManifest.models.map(async (m) => {
      const first = filesFor(m)[0];
      if (!first) return;
      const res = await fetch(`${modelsBase}${m.id}/${first.path}`, {
        method: 'HEAD',
        cache: 'no-store',
      }).catch(() => undefined);
      if (res?.ok) served.add(m.id);
    }),
  );
  return { cached, served };
}

/** Settings → Models: each manifest model's row, kept current with the download bars; delete a cached copy. */
export function useModelInventory(
  modelsBase: string,
  bars: readonly ProgressItem[],
  active: boolean,
): { rows: readonly ModelRow[]; remove: (id: string) => Promise<void>; error?: string } {
  const [found, setFound] = useState<ModelPresence>({ cached: new Set(), served: new Set() });
  const [error, setError] = useState<string>();
  const refresh = useCallback(
    () =>
      presence(modelsBase).then(setFound, (e: Error) =>
        setError(`Could not look at this browser's model cache: ${e.message}`),
      ),
    [modelsBase],
  );
  // Look again when the panel opens and whenever a download's bars change (a model may have just landed).
  const barsKey = bars.map((b) => `${b.id}:${b.progress ?? ''}`).join('|');
  useEffect(() => {
    if (active) void refresh();
  }, [active, refresh, barsKey]);
  const remove = useCallback(
    async (id: string) => {
      const cache = await caches.open(MODEL_CACHE_NAME);
      for (const req of await cache.keys()) if (req.url.startsWith(cachePrefix(id))) await cache.delete(req);
      await refresh();
    },
    [refresh],
  );
  return { rows: modelRows(defaultManifest, found, bars), remove, ...(error ? { error } : {}) };
}
