import { describe, expect, it } from 'vitest';
import { migrateStore, type V0SceneRecord } from './migrations';
import { MemoryKvStore } from './kv';
import { SCHEMA_VERSION_KEY, STORAGE_SCHEMA_VERSION } from './keys';
import { SceneStore } from './SceneStore';
import { StorageVersionError } from './errors';
import { makeKeyframe, makeObject } from '../../test/storage/storeFixtures';

// A database as the pre-incremental app left it: one whole-scene record, file-format objects only.
const v0Scene: V0SceneRecord = {
  name: 'Living room',
  savedAt: 1_700_000_000_000,
  mosaic: {
    up: [0, 0, 1],
    objects: [
      {
        id: 'o1',
        label: 'sofa',
        center: [1, 2, 0.4],
        size: [2, 0.9, 0.8],
        yaw: 0.1,
        confidence: 0.8,
        firstSeenFrame: 3,
        observations: 7,
      },
    ],
    trajectory: [{ frame: 0, time: 0, pose: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] }],
  },
};

describe('migrateStore', () => {
  it('migrates a v0 whole-scene record to meta + snapshot and fills the new object fields', async () => {
    const kv = new MemoryKvStore();
    await kv.set('scene:living', v0Scene);
    expect(await migrateStore(kv)).toBe(0);
    expect(await kv.get(SCHEMA_VERSION_KEY)).toBe(STORAGE_SCHEMA_VERSION);
    expect(await kv.get('scene:living')).toBeUndefined();
    const store = new SceneStore(kv);
    const { meta, mosaic } = await store.load('living');
    expect(meta).toMatchObject({
      name: 'Living room',
      createdAt: 1_700_000_000_000,
      schemaVersion: STORAGE_SCHEMA_VERSION,
      objectCount: 1,
    });
    expect(mosaic.up).toEqual([0, 0, 1]);
    expect(mosaic.objects[0]).toMatchObject({
      id: 'o1',
      labels: [{ label: 'sofa', weight: 0.8, count: 7 }],
      firstSeenTime: 0,
      lastSeenFrame: 3,
    });
    expect(mosaic.trajectory).toHaveLength(1);
    // Re-running is a no-op.
    expect(await migrateStore(kv)).toBe(STORAGE_SCHEMA_VERSION);
    expect((await store.list()).length).toBe(1);
  });

  it('is idempotent if interrupted after writing the new records but before deleting the old one', async () => {
    const kv = new MemoryKvStore();
    await kv.set('scene:living', v0Scene);
    await migrateStore(kv);
    await kv.set('scene:living', v0Scene); // as if the delete and the version bump never happened
    await kv.del(SCHEMA_VERSION_KEY);
    await migrateStore(kv);
    expect((await new SceneStore(kv).list()).map((m) => m.id)).toEqual(['living']);
  });

  it('migrates v1 (keyframe records holding the whole occupancy grid) to v2 cell deltas without losing the grid', async () => {
    const kv = new MemoryKvStore();
    // A v1 scene: a compacted snapshot with a grid, then keyframe records that each replaced the whole grid.
    const v1Grid = (free: string[], occupied: string[]) => ({
      cellSize: 0.1,
      free,
      occupied,
      floorHeight: 0.01,
    });
    await kv.set(SCHEMA_VERSION_KEY, 1);
    await kv.set('scene:v1:base:00000001:rest', {
      trajectory: [makeKeyframe(0)],
      occupancy: v1Grid(['0,0'], []),
    });
    await kv.set('scene:v1:kf:00000001', {
      keyframe: makeKeyframe(1),
      upserts: [makeObject('a', 'chair', 1)],
      occupancy: v1Grid(['0,0', '0,1'], ['5,5']),
    });
    await kv.set('scene:v1:kf:00000002', { keyframe: makeKeyframe(2), upserts: [] });
    await kv.set('scene:v1:meta', {
      schemaVersion: 1,
      id: 'v1',
      name: 'old',
      createdAt: 1,
      updatedAt: 2,
      up: [0, 0, 1],
      objectCount: 1,
      commit: { keyframes: 3, base: { gen: 1, chunks: 0, keyframes: 1 } },
    });
    expect(await migrateStore(kv)).toBe(1);
    expect(await kv.get(SCHEMA_VERSION_KEY)).toBe(2);
    const store = new SceneStore(kv);
    const loaded = await store.load('v1');
    expect(loaded.mosaic.occupancy).toEqual(v1Grid(['0,0', '0,1'], ['5,5']));
    expect(loaded.mosaic.trajectory.map((k) => k.frame)).toEqual([0, 1, 2]);
    // v2 delta records on top of the v1 ones apply to the grid the v1 record left.
    await store.appendKeyframe('v1', {
      keyframe: makeKeyframe(3),
      upserts: [],
      occupancy: {
        cellSize: 0.1,
        addFree: ['0,2', '5,5'],
        removeFree: ['0,0'],
        addOccupied: ['0,0'],
        removeOccupied: ['5,5'],
        floorHeight: 0.02,
      },
    });
    expect((await store.load('v1')).mosaic.occupancy).toEqual({
      cellSize: 0.1,
      free: ['0,1', '0,2', '5,5'],
      occupied: ['0,0'],
      floorHeight: 0.02,
    });
    // …and survive compaction (the snapshot holds the whole grid).
    await store.compact('v1');
    expect((await store.load('v1')).mosaic.occupancy?.free).toEqual(['0,1', '0,2', '5,5']);
  });

  it('marks a new empty database as current without migrating', async () => {
    const kv = new MemoryKvStore();
    expect(await migrateStore(kv)).toBe(STORAGE_SCHEMA_VERSION);
    expect([...kv.map.entries()]).toEqual([[SCHEMA_VERSION_KEY, STORAGE_SCHEMA_VERSION]]);
  });

  it('refuses a database written by a newer app', async () => {
    const kv = new MemoryKvStore();
    await kv.set(SCHEMA_VERSION_KEY, STORAGE_SCHEMA_VERSION + 1);
    await expect(migrateStore(kv)).rejects.toThrow(StorageVersionError);
  });
});
