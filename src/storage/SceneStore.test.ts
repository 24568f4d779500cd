import { describe, expect, it } from 'vitest';
import { SceneStore } from './SceneStore';
import { MemoryKvStore } from './kv';
import { sceneKeys, parseSceneKey } from './keys';
import { CorruptSceneError, SceneNotFoundError, StorageFullError } from './errors';
import { FailingKvStore, makeKeyframe, makeObject } from '../../test/storage/storeFixtures';

const UP = [0, -1, 0] as const;
const clock = () => {
  let t = 1000;
  return () => ++t;
};

describe('SceneStore', () => {
  it('writes one record per keyframe plus the meta commit, never rewriting earlier records', async () => {
    const kv = new MemoryKvStore();
    const store = new SceneStore(kv, { now: clock() });
    await store.create({ name: 'room', up: UP, id: 'a' });
    await store.appendKeyframe('a', { keyframe: makeKeyframe(0), upserts: [makeObject('o1', 'chair', 1)] });
    const kf0 = kv.map.get(sceneKeys.keyframe('a', 0));
    await store.appendKeyframe('a', { keyframe: makeKeyframe(5), upserts: [makeObject('o2', 'tv', 2, 5)] });
    expect(kv.map.get(sceneKeys.keyframe('a', 0))).toBe(kf0); // same stored value object: untouched
    expect([...kv.map.keys()].sort()).toEqual(['scene:a:kf:00000000', 'scene:a:kf:00000001', 'scene:a:meta']);
    const { meta, mosaic } = await store.load('a');
    expect(meta.commit.keyframes).toBe(2);
    expect(mosaic.objects.map((o) => o.id)).toEqual(['o1', 'o2']);
    expect(mosaic.trajectory.map((k) => k.frame)).toEqual([0, 5]);
    expect(mosaic.up).toEqual([0, -1, 0]);
  });

  it("lists the writer's exact object count, not one per upsert, and marks a scene partial or complete", async () => {
    const store = new SceneStore(new MemoryKvStore());
    await store.create({ name: 'r', up: UP, id: 'n' });
    // The same object updated on three keyframes is one object.
    for (let k = 0; k < 3; k++)
      await store.appendKeyframe(
        'n',
        { keyframe: makeKeyframe(k), upserts: [makeObject('o1', 'chair', 1)] },
        1,
      );
    const [listed] = await store.list();
    expect(listed).toMatchObject({ objectCount: 1, commit: { keyframes: 3 } });
    expect(listed.partial).toBeUndefined();
    await store.setPartial('n', '1 frame skipped: unreadable depth (00002)');
    expect((await store.list())[0].partial).toBe('1 frame skipped: unreadable depth (00002)');
    expect((await store.load('n')).meta.partial).toBe('1 frame skipped: unreadable depth (00002)');
    await store.setPartial('n', undefined);
    expect('partial' in (await store.meta('n'))).toBe(false);
  });

  it('replays updates and removals in keyframe order', async () => {
    const store = new SceneStore(new MemoryKvStore());
    await store.create({ name: 'r', up: UP, id: 'b' });
    await store.appendKeyframe('b', {
      keyframe: makeKeyframe(0),
      upserts: [makeObject('o1', 'chair', 1), makeObject('o2', 'cup', 2)],
    });
    await store.appendKeyframe('b', {
      keyframe: makeKeyframe(1),
      upserts: [{ ...makeObject('o1', 'chair', 1.5), observations: 2 }],
      removed: ['o2'],
      occupancy: { cellSize: 0.1, free: ['0,0'], occupied: ['1,0'] },
    });
    const { mosaic } = await store.load('b');
    expect(mosaic.objects).toHaveLength(1);
    expect(mosaic.objects[0].center[0]).toBe(1.5);
    expect(mosaic.objects[0].observations).toBe(2);
    expect(mosaic.occupancy?.occupied).toEqual(['1,0']);
  });

  it('ignores a keyframe record whose commit never happened (interrupted write)', async () => {
    const kv = new MemoryKvStore();
    const store = new SceneStore(kv);
    await store.create({ name: 'r', up: UP, id: 'c' });
    await store.appendKeyframe('c', { keyframe: makeKeyframe(0), upserts: [makeObject('o1', 'chair', 1)] });
    // The tab died after writing kf:1 but before the meta commit.
    await kv.set(sceneKeys.keyframe('c', 1), {
      keyframe: makeKeyframe(1),
      upserts: [makeObject('junk', 'x', 9)],
    });
    expect((await store.load('c')).mosaic.objects.map((o) => o.id)).toEqual(['o1']);
    // The next append overwrites the orphan.
    await store.appendKeyframe('c', { keyframe: makeKeyframe(2), upserts: [makeObject('o3', 'tv', 3)] });
    const { mosaic } = await store.load('c');
    expect(mosaic.objects.map((o) => o.id)).toEqual(['o1', 'o3']);
    expect(mosaic.trajectory.map((k) => k.frame)).toEqual([0, 2]);
  });

  it('turns a full quota into StorageFullError and keeps the committed scene readable', async () => {
    const kv = new FailingKvStore();
    const store = new SceneStore(kv);
    await store.create({ name: 'r', up: UP, id: 'd' });
    await store.appendKeyframe('d', { keyframe: makeKeyframe(0), upserts: [makeObject('o1', 'chair', 1)] });
    kv.writesLeft = 1; // the delta record gets written, the commit does not
    const err = await store
      .appendKeyframe('d', { keyframe: makeKeyframe(1), upserts: [makeObject('o2', 'tv', 2)] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as Error).message).toMatch(/storage is full.*everything before it is kept/);
    kv.writesLeft = Infinity;
    const { mosaic, meta } = await store.load('d');
    expect(meta.commit.keyframes).toBe(1);
    expect(mosaic.objects.map((o) => o.id)).toEqual(['o1']);
  });

  it('compacts deltas into chunked snapshots, drops old records, and loads the same mosaic', async () => {
    const kv = new MemoryKvStore();
    const store = new SceneStore(kv, { chunkSize: 2, compactEvery: 3 });
    await store.create({ name: 'r', up: UP, id: 'e' });
    for (let i = 0; i < 5; i++) {
      await store.appendKeyframe('e', {
        keyframe: makeKeyframe(i),
        upserts: [makeObject(`o${i}`, 'chair', i, i)],
      });
    }
    // Compaction ran after the 3rd keyframe: snapshot gen 1 covers kf 0..2, kf 3..4 are deltas.
    const meta = await store.meta('e');
    expect(meta.commit).toEqual({ keyframes: 5, base: { gen: 1, chunks: 2, keyframes: 3 } });
    const kinds = [...kv.map.keys()].map((k) => parseSceneKey(k)!.kind).sort();
    expect(kinds).toEqual(['base', 'base', 'base', 'kf', 'kf', 'meta']);
    const before = await store.load('e');
    await store.compact('e');
    const after = await store.load('e');
    expect(after.mosaic).toEqual(before.mosaic);
    expect(after.mosaic.objects).toHaveLength(5);
    expect(after.mosaic.trajectory).toHaveLength(5);
    expect([...kv.map.keys()].some((k) => k.includes(':base:00000001:'))).toBe(false);
  });

  it('reports a snapshot chunk lost from under a commit as CorruptSceneError', async () => {
    const kv = new MemoryKvStore();
    const store = new SceneStore(kv, { chunkSize: 1 });
    await store.saveMosaic(
      {
        schemaVersion: 1,
        up: UP,
        objects: [makeObject('o1', 'a', 1), makeObject('o2', 'b', 2)],
        trajectory: [makeKeyframe(0)],
      },
      { name: 'r', id: 'f' },
    );
    kv.map.delete(sceneKeys.baseObjects('f', 1, 1));
    await expect(store.load('f')).rejects.toBeInstanceOf(CorruptSceneError);
  });

  it('lists newest first, renames, deletes every key of a scene and only that scene', async () => {
    const kv = new MemoryKvStore();
    const store = new SceneStore(kv, { now: clock() });
    await store.create({ name: 'old', up: UP, id: 'g1' });
    await store.create({ name: 'new', up: UP, id: 'g2' });
    await store.appendKeyframe('g1', { keyframe: makeKeyframe(0), upserts: [makeObject('o', 'cup', 0)] });
    expect((await store.list()).map((m) => m.id)).toEqual(['g1', 'g2']);
    await store.rename('g2', 'kitchen');
    expect((await store.meta('g2')).name).toBe('kitchen');
    await store.delete('g1');
    expect([...kv.map.keys()]).toEqual(['scene:g2:meta']);
    await expect(store.load('g1')).rejects.toBeInstanceOf(SceneNotFoundError);
  });

  it('serialises concurrent appends to one scene so no keyframe is lost', async () => {
    const store = new SceneStore(new MemoryKvStore());
    await store.create({ name: 'r', up: UP, id: 'h' });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.appendKeyframe('h', { keyframe: makeKeyframe(i), upserts: [makeObject(`o${i}`, 'chair', i)] }),
      ),
    );
    const { mosaic } = await store.load('h');
    expect(mosaic.trajectory.map((k) => k.frame)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('refuses ids that would break the key layout', async () => {
    const store = new SceneStore(new MemoryKvStore());
    await expect(store.create({ name: 'r', up: UP, id: 'a:b' })).rejects.toThrow(
      /not usable as a storage key/,
    );
  });
});
