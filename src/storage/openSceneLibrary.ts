import { idbKvStore, type KvStore } from './kv';
import { migrateStore } from './migrations';
import { SceneStore, type SceneStoreOptions } from './SceneStore';
import { webSceneLock } from './webSceneLock';

/**
 * The one way the app (page or worker) opens saved scenes: migrate first, then hand out the store.
 * Memoised per KvStore so that concurrent callers share one migration.
 */
const opened = new WeakMap<KvStore, Promise<SceneStore>>();
let defaultKv: KvStore | undefined;

export function openSceneLibrary(kv?: KvStore, opts?: SceneStoreOptions): Promise<SceneStore> {
  const store = kv ?? (defaultKv ??= idbKvStore());
  let p = opened.get(store);
  if (!p) {
    // Scenes are shared by every tab and worker of the origin: writes take the cross-context lock.
    const lock = webSceneLock();
    p = migrateStore(store).then(() => new SceneStore(store, { ...(lock ? { lock } : {}), ...opts }));
    // A failed open (e.g. a newer schema) is not cached, so a retry after an update can succeed.
    p.catch(() => opened.delete(store));
    opened.set(store, p);
  }
  return p;
}
