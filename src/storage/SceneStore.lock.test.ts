/**
 * Two tabs on one scene: two SceneStore instances (no shared in-memory queue) over one store. With the
 * cross-context lock every append lands and reads are whole; without it concurrent appends overwrite each
 * other's kf:<n> (lost keyframes) and a compaction can drop a generation the other tab's commit names.
 */
import { describe, expect, it } from 'vitest';
import { MemoryKvStore } from './kv';
import { SceneStore, type SceneLock } from './SceneStore';
import { makeKeyframe, makeObject } from '../../test/storage/storeFixtures';
import { webSceneLock } from './webSceneLock';

const UP = [0, -1, 0] as const;

/** An in-memory exclusive lock per name: the semantics of navigator.locks.request(name, fn). */
function memoryLock(): SceneLock {
  const tails = new Map<string, Promise<unknown>>();
  return (name, fn) => {
    const run = (tails.get(name) ?? Promise.resolve()).then(fn, fn);
    tails.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  };
}

async function twoTabs(lock: SceneLock | undefined) {
  const kv = new MemoryKvStore();
  const opts = { compactEvery: 5, ...(lock ? { lock } : {}) };
  const [a, b] = [new SceneStore(kv, opts), new SceneStore(kv, opts)];
  await a.create({ name: 'shared', up: UP, id: 's' });
  const append = (store: SceneStore, tab: number, i: number) =>
    store.appendKeyframe('s', {
      keyframe: makeKeyframe(tab * 1000 + i),
      upserts: [makeObject(`t${tab}-o${i}`, 'chair', i)],
    });
  await Promise.all([
    ...Array.from({ length: 12 }, (_, i) => append(a, 1, i)),
    ...Array.from({ length: 12 }, (_, i) => append(b, 2, i)),
    b.rename('s', 'renamed in tab 2'),
  ]);
  return a.load('s');
}

describe('SceneStore across tabs', () => {
  it('keeps every keyframe of two concurrent writers, and the rename, when writes take the lock', async () => {
    const { meta, mosaic } = await twoTabs(memoryLock());
    expect(meta.commit.keyframes).toBe(24);
    expect(meta.name).toBe('renamed in tab 2');
    expect(new Set(mosaic.trajectory.map((k) => k.frame)).size).toBe(24);
    expect(mosaic.objects).toHaveLength(24);
  });

  it('loses keyframes without the lock (why the lock exists)', async () => {
    const out = await twoTabs(undefined).catch((e: Error) => e);
    // Either the read fails outright or keyframes are missing: both are what the lock prevents.
    if (!(out instanceof Error)) expect(out.meta.commit.keyframes).toBeLessThan(24);
  });

  it('webSceneLock maps to navigator.locks.request(name, {mode: exclusive}, fn), or is absent', async () => {
    const asked: unknown[] = [];
    const locks = {
      request: (name: string, opts: unknown, fn: () => Promise<unknown>) => {
        asked.push(name, opts);
        return fn();
      },
    } as unknown as LockManager;
    const lock = webSceneLock(locks);
    expect(await lock?.('x', async () => 7)).toBe(7);
    expect(asked).toEqual(['x', { mode: 'exclusive' }]);
    expect(webSceneLock({} as LockManager)).toBeUndefined();
  });
});
