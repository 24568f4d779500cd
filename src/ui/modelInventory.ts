import type { ModelEntry, ModelManifest } from '../engines/models/manifest';
import { filesFor } from '../engines/models/manifest';
import type { ProgressItem } from './uiTypes';

/**
 * What Settings → Models shows for each manifest model: its size, where it comes from, and its state in this
 * browser. Pure: the hook (useModelInventory) gathers what the Cache API and the models folder hold.
 */
export type ModelState = 'bundled' | 'in models folder' | 'cached' | 'not installed' | 'downloading';

export interface ModelRow {
  readonly id: string;
  readonly kind: string;
  readonly licence: string;
  /** "3.7 MB", or "size not pinned" when the manifest does not know it yet. */
  readonly size: string;
  readonly source: string;
  readonly state: ModelState;
  /** 0–100 while downloading. */
  readonly progress?: number;
  /** The browser's copy can be deleted (it is in the Cache API). */
  readonly deletable: boolean;
}

export interface ModelPresence {
  /** Model ids with at least one file in the app's model cache. */
  readonly cached: ReadonlySet<string>;
  /** Model ids whose first file the models folder serves. */
  readonly served: ReadonlySet<string>;
}

/** Where the loader keeps a model's verified files: ModelLoader.cacheKey's prefix for this model. */
export const cachePrefix = (id: string): string => `https://models.invalid/${id}/`;

export function sizeText(entry: ModelEntry): string {
  const files = filesFor(entry);
  if (files.some((f) => f.size === null)) return 'size not pinned';
  const bytes = files.reduce((sum, f) => sum + (f.size ?? 0), 0);
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} kB`;
}

export function sourceText(entry: ModelEntry): string {
  if (!entry.hub) return 'ships with the app';
  const rev = /^[0-9a-f]{40}$/.test(entry.hub.revision) ? entry.hub.revision.slice(0, 8) : entry.hub.revision;
  return `Hugging Face Hub: ${entry.hub.repo} @ ${rev}`;
}

export function modelRows(
  manifest: ModelManifest,
  presence: ModelPresence,
  bars: readonly ProgressItem[],
): ModelRow[] {
  return manifest.models.map((entry) => {
    const own = bars.filter((b) => b.id.startsWith(`model:${entry.id}/`) && !b.failed);
    const loading = own.filter((b) => (b.progress ?? 0) < 100);
    const cached = presence.cached.has(entry.id);
    const state: ModelState =
      loading.length > 0
        ? 'downloading'
        : !entry.hub && presence.served.has(entry.id)
          ? 'bundled'
          : cached
            ? 'cached'
            : presence.served.has(entry.id)
              ? 'in models folder'
              : 'not installed';
    const progress =
      state === 'downloading'
        ? Math.round(own.reduce((s, b) => s + (b.progress ?? 0), 0) / Math.max(1, own.length))
        : undefined;
    return {
      id: entry.id,
      kind: entry.kind,
      licence: entry.licence,
      size: sizeText(entry),
      source: sourceText(entry),
      state,
      ...(progress !== undefined ? { progress } : {}),
      deletable: cached,
    };
  });
}
