import { MOSAIC_SCHEMA_VERSION } from '../core/mosaic/types';
import { StorageVersionError } from './errors';
import { SCHEMA_VERSION_KEY, STORAGE_SCHEMA_VERSION } from './keys';
import type { KvStore } from './kv';
import { validateMosaic } from './mosaicFile';
import { SceneStore } from './SceneStore';

/**
 * Storage migrations, as code. `migrations[v]` turns a version-v database into version v+1. Each one is
 * idempotent (safe to re-run after an interruption): it writes the new records before deleting the old,
 * and the version key is bumped only after it finished.
 */

/**
 * Version 0 (the pre-incremental layout): one record per scene, rewritten whole on every save.
 *   scene:<id> → { name, savedAt, mosaic: { objects: [{id, label, center, size, yaw, confidence,
 *                 firstSeenFrame, observations}], trajectory: [{frame, time, pose}], up } }
 */
export interface V0SceneRecord {
  name: string;
  savedAt: number;
  mosaic: { objects: unknown[]; trajectory: unknown[]; up: [number, number, number] };
}
export const V0_SCENE_KEY = /^scene:([A-Za-z0-9_-]+)$/;

type Migration = (kv: KvStore) => Promise<void>;

export const migrations: Record<number, Migration> = {
  0: async (kv) => {
    const keys = (await kv.keys()).filter((k) => V0_SCENE_KEY.test(k));
    for (const key of keys) {
      const id = V0_SCENE_KEY.exec(key)![1];
      const old = await kv.get<V0SceneRecord>(key);
      if (!old) continue;
      // The clock of the new meta is the old save time, so the library keeps its order.
      const store = new SceneStore(kv, { now: () => old.savedAt });
      const mosaic = validateMosaic(
        { schemaVersion: MOSAIC_SCHEMA_VERSION, ...old.mosaic },
        `saved scene "${old.name}"`,
      );
      await store.saveMosaic(mosaic, { name: old.name, id });
      await kv.del(key);
    }
  },
  /**
   * Version 1 → 2: keyframe records' `occupancy` became a cell delta (OccupancyDelta) instead of the whole
   * grid. The reader takes both (a whole grid replaces the grid so far), so v1 records stay as they are; the
   * bump keeps a v1 app, which would misread the deltas, from opening a v2 database.
   */
  1: async () => undefined,
};

/** Brings the database to STORAGE_SCHEMA_VERSION. Returns the version it found. */
export async function migrateStore(kv: KvStore): Promise<number> {
  const stored = await kv.get<number>(SCHEMA_VERSION_KEY);
  const keys = await kv.keys();
  // No version key: an empty database is new (current), anything else predates versioning (0).
  const found = stored ?? (keys.length === 0 ? STORAGE_SCHEMA_VERSION : 0);
  if (found > STORAGE_SCHEMA_VERSION) {
    throw new StorageVersionError(
      `Saved scenes were written by a newer version of Spatial Mosaic (storage v${found}, this app reads v${STORAGE_SCHEMA_VERSION}): reload to update the app.`,
    );
  }
  for (let v = found; v < STORAGE_SCHEMA_VERSION; v++) {
    const step = migrations[v];
    if (!step)
      throw new StorageVersionError(
        `No migration from storage v${v} to v${v + 1}: this is a bug, please report it.`,
      );
    await step(kv);
    await kv.set(SCHEMA_VERSION_KEY, v + 1);
  }
  if (stored === undefined) await kv.set(SCHEMA_VERSION_KEY, STORAGE_SCHEMA_VERSION);
  return found;
}
