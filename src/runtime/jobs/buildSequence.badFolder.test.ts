import { describe, expect, it } from 'vitest';
import { SequenceFormatError } from '../../core/sequence';
import { generateScene } from '../../core/synthetic/generateScene';
import { sceneToFiles } from '../../core/synthetic/sceneFiles';
import { MemoryKvStore, openSceneLibrary } from '../../storage';
import { makeKeyframe, makeObject } from '../../../test/storage/storeFixtures';
import { PerceptionService } from '../PerceptionService';

/**
 * A bad sequence folder picked in the app (through the perception worker's buildSequence job) is refused
 * with SequenceFormatError naming the file, and every scene stored before stays byte-identical. Bad frames
 * do not stop it: they are skipped and counted, and the new scene is marked partial with what was skipped.
 */

const scene = generateScene({ seed: 11, frameCount: 6, objectCount: 3 });

async function libraryWithKitchen(kv: MemoryKvStore) {
  const store = await openSceneLibrary(kv);
  await store.create({ name: 'Kitchen', up: [0, 0, 1], id: 'kitchen' });
  await store.appendKeyframe('kitchen', {
    keyframe: makeKeyframe(0),
    upserts: [makeObject('c1', 'cup', 0.5)],
  });
  await store.appendKeyframe('kitchen', {
    keyframe: makeKeyframe(1),
    upserts: [makeObject('b1', 'bowl', 1)],
  });
  return store;
}

const kitchenRecords = (kv: MemoryKvStore) =>
  [...kv.map.entries()]
    .filter(([k]) => k.startsWith('scene:kitchen:'))
    .map(([k, v]) => [k, JSON.stringify(v)])
    .sort();

function entries(change: (files: Map<string, Uint8Array>) => void) {
  const files = sceneToFiles(scene, { pngLevel: 1 });
  change(files);
  return [...files].map(([path, bytes]) => ({ path, file: new Blob([bytes as BlobPart]) }));
}

const service = (kv: MemoryKvStore) =>
  new PerceptionService({
    openLibrary: () => openSceneLibrary(kv),
    probe: async () => {
      throw new Error('not probed in this test');
    },
  });

describe('a bad sequence picked in the app leaves stored scenes untouched', () => {
  it.each<[string, (f: Map<string, Uint8Array>) => void, RegExp]>([
    [
      'a non-rigid trajectory (refused when opened)',
      (f) => {
        // The first rotation entry of matrix 0 becomes 2.5: a scaled, non-rigid matrix.
        const log = new TextDecoder().decode(f.get('trajectory.log'));
        f.set('trajectory.log', new TextEncoder().encode(log.replace(/\n(-?[\d.]+) /, '\n2.5 ')));
      },
      /^trajectory\.log: matrix 0 \(frame 0\) is not a camera pose/,
    ],
  ])('%s', async (_name, change, message) => {
    const kv = new MemoryKvStore();
    const store = await libraryWithKitchen(kv);
    const before = kitchenRecords(kv);
    const kitchen = await store.load('kitchen');
    const err = await service(kv)
      .buildSequence({ name: 'bad', files: entries(change) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SequenceFormatError);
    expect((err as Error).message).toMatch(message);
    expect(kitchenRecords(kv)).toEqual(before);
    expect(await store.load('kitchen')).toEqual(kitchen);
    console.log(
      _name,
      (await store.list()).map((m) => `${m.name}:${m.commit.keyframes}`),
    );
  });
});

describe('bad frames in a sequence picked in the app', () => {
  it('are skipped and counted; the scene is stored, marked partial, and stored scenes stay untouched', async () => {
    const kv = new MemoryKvStore();
    const store = await libraryWithKitchen(kv);
    const before = kitchenRecords(kv);
    const result = await service(kv).buildSequence({
      name: 'two bad frames',
      files: entries((f) => {
        f.set('image/00003.png', (f.get('image/00003.png') as Uint8Array).subarray(0, 60));
        f.set('depth/00002.png', f.get('image/00002.png') as Uint8Array); // 8-bit colour, not 16-bit depth
      }),
    });
    expect(result.partial).toBe('2 frames skipped: unreadable depth (00002), unreadable image (00003)');
    expect(result.keyframes).toBe(4);
    const meta = (await store.list()).find((m) => m.name === 'two bad frames');
    expect(meta).toMatchObject({ partial: result.partial, commit: { keyframes: 4 } });
    expect(meta?.objectCount).toBe(result.mosaic.objects.length);
    expect(kitchenRecords(kv)).toEqual(before);
  });

  it('a folder with no readable frame fails and leaves no scene behind', async () => {
    const kv = new MemoryKvStore();
    const store = await libraryWithKitchen(kv);
    const err = await service(kv)
      .buildSequence({
        name: 'all bad',
        files: entries((f) => {
          for (const p of [...f.keys()].filter((k) => k.startsWith('depth/')))
            f.set(p, f.get(p.replace('depth/', 'image/')) as Uint8Array);
        }),
      })
      .catch((e: unknown) => e as Error);
    expect((err as Error).message).toMatch(
      /^all bad: none of its frames could be read \(6 frames skipped: unreadable depth/,
    );
    expect((await store.list()).map((m) => m.name)).toEqual(['Kitchen']);
  });
});
