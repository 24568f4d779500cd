import { useCallback, useEffect, useState } from 'react';
import type { Mosaic } from '../core/mosaic/types';
import { openSceneLibrary, type SceneMeta, type SceneStore } from '../storage';
import type { SceneSummary } from './uiTypes';

export interface LibraryApi {
  /** undefined until storage opened; `error` then says why it did not. */
  readonly scenes: readonly SceneSummary[];
  readonly ready: boolean;
  readonly error?: string;
  readonly refresh: () => Promise<void>;
  readonly load: (id: string) => Promise<{ meta: SceneMeta; mosaic: Mosaic }>;
  readonly importFile: (file: File) => Promise<SceneMeta>;
  readonly saveMosaic: (mosaic: Mosaic, name: string) => Promise<SceneMeta>;
  readonly rename: (id: string, name: string) => Promise<void>;
  readonly remove: (id: string) => Promise<void>;
  readonly exportFile: (id: string) => Promise<void>;
}

const summary = (m: SceneMeta): SceneSummary => ({
  id: m.id,
  name: m.name,
  objectCount: m.objectCount,
  frameCount: m.commit.keyframes,
  updatedAt: m.updatedAt,
  ...(m.partial ? { partial: m.partial } : {}),
});

/** Saved scenes in IndexedDB (src/storage): list, load, import, rename, delete, export as a mosaic file. */
export function useSceneLibrary(): LibraryApi {
  const [store, setStore] = useState<SceneStore>();
  const [scenes, setScenes] = useState<readonly SceneSummary[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    openSceneLibrary().then(
      async (s) => {
        if (!live) return;
        // The list first: `ready` means the scenes are known (a reload reopens the last one from it).
        const list = (await s.list()).map(summary);
        if (!live) return;
        setScenes(list);
        setStore(s);
      },
      (e: Error) => live && setError(`Saved scenes are unavailable: ${e.message}`),
    );
    return () => {
      live = false;
    };
  }, []);

  const need = useCallback((): SceneStore => {
    if (!store) throw new Error('Scene storage is not open yet — try again in a moment.');
    return store;
  }, [store]);
  const refresh = useCallback(async () => setScenes((await need().list()).map(summary)), [need]);

  return {
    scenes,
    ready: !!store,
    error,
    refresh,
    load: useCallback((id: string) => need().load(id), [need]),
    importFile: useCallback(
      async (file: File) => {
        const meta = await need().importFile(await file.text(), file.name);
        await refresh();
        return meta;
      },
      [need, refresh],
    ),
    saveMosaic: useCallback(
      async (mosaic: Mosaic, name: string) => {
        const meta = await need().saveMosaic(mosaic, { name });
        await refresh();
        return meta;
      },
      [need, refresh],
    ),
    rename: useCallback(
      async (id: string, name: string) => {
        await need().rename(id, name);
        await refresh();
      },
      [need, refresh],
    ),
    remove: useCallback(
      async (id: string) => {
        await need().delete(id);
        await refresh();
      },
      [need, refresh],
    ),
    exportFile: useCallback(
      async (id: string) => {
        const { fileName, text } = await need().exportFile(id);
        downloadText(fileName, text);
      },
      [need],
    ),
  };
}

/** Saves text as a file through a temporary object URL (no server round trip, works offline). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
