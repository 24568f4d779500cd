import { describe, expect, it } from 'vitest';
import type { Mosaic } from '../core/mosaic/types';
import { SceneStore } from '../storage/SceneStore';
import { FailingKvStore, makeKeyframe, makeObject } from '../../test/storage/storeFixtures';
import type { FrameFuser, FusionDelta } from './MosaicBuilderFuser';
import { SceneRecorder } from './SceneRecorder';

/** A fuser that hands out the deltas it is given, one per keyframe (the recorder's storage side under test). */
function scriptedFuser(deltas: FusionDelta[]): FrameFuser {
  let shown = 0;
  return {
    fuse: () => {
      const d = deltas.shift()!;
      shown += d.upserts.length - d.removed.length;
      return d;
    },
    mosaic: () => ({ schemaVersion: 1, up: [0, 0, 1], objects: [], trajectory: [] }) as Mosaic,
    get objectCount() {
      return shown;
    },
  };
}

const input = { time: 0, pose: [], intrinsics: {}, depth: {}, detections: [] } as never as Omit<
  Parameters<FrameFuser['fuse']>[0],
  'frame'
>;

describe('SceneRecorder', () => {
  it('carries a delta that failed to save into the next write: later upserts and removals win', async () => {
    const kv = new FailingKvStore();
    const [a, b, c] = ['a', 'b', 'c'].map((id, i) => makeObject(id, 'chair', i));
    const deltas: FusionDelta[] = [
      { keyframe: makeKeyframe(0), upserts: [a, b], removed: [] },
      { keyframe: makeKeyframe(1), upserts: [c], removed: ['a'] },
      { keyframe: makeKeyframe(2), upserts: [{ ...b, label: 'sofa' }], removed: ['c'] },
    ];
    const recorder = new SceneRecorder({
      openLibrary: async () => new SceneStore(kv),
      createFuser: () => scriptedFuser(deltas),
    });
    const scene = await recorder.open({ name: 'room', id: 'r' });
    expect(await recorder.persist(recorder.fuse({ ...input, frame: 0 }))).toBe(true);
    kv.writesLeft = 0;
    await expect(recorder.persist(recorder.fuse({ ...input, frame: 1 }))).rejects.toMatchObject({
      name: 'StorageFullError',
    });
    kv.writesLeft = Infinity;
    await recorder.persist(recorder.fuse({ ...input, frame: 2 }));
    const { mosaic } = await new SceneStore(kv).load(scene.id);
    // a removed by the failed frame, c added by it and removed by the next, b updated by the next.
    expect(mosaic.objects.map((o) => [o.id, o.label])).toEqual([['b', 'sofa']]);
    expect(mosaic.trajectory.map((k) => k.frame)).toEqual([0, 2]);
  });

  it('stores nothing without an open scene, and forgets the scene on close', async () => {
    const kv = new FailingKvStore();
    const recorder = new SceneRecorder({
      openLibrary: async () => new SceneStore(kv),
      createFuser: () =>
        scriptedFuser([{ keyframe: makeKeyframe(0), upserts: [makeObject('a', 'chair', 0)], removed: [] }]),
    });
    expect(await recorder.persist(recorder.fuse({ ...input, frame: 0 }))).toBe(false);
    await recorder.open({ name: 'room' });
    expect(recorder.sceneId).toBeDefined();
    await recorder.close();
    expect(recorder.sceneId).toBeUndefined();
  });
});
