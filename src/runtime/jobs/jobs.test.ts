import { describe, expect, it } from 'vitest';
import { generateScene } from '../../core/synthetic/generateScene';
import { sceneToFiles } from '../../core/synthetic/sceneFiles';
import { MemoryKvStore, openSceneLibrary } from '../../storage';
import { PerceptionService } from '../PerceptionService';
import type { BuildUpdate } from './types';

const service = (kv = new MemoryKvStore()) =>
  new PerceptionService({
    openLibrary: () => openSceneLibrary(kv),
    probe: async () => {
      throw new Error('not probed in this test');
    },
  });

describe('buildDemoScene (worker job)', () => {
  it('renders and fuses all 60 frames into a stored scene, progress in order, mosaic streamed', async () => {
    const kv = new MemoryKvStore();
    const updates: BuildUpdate[] = [];
    const result = await service(kv).buildDemoScene((u) => updates.push(u));
    expect(result.keyframes).toBe(60);
    expect(result.up).toEqual([0, 0, 1]);
    const done = updates.map((u) => u.done);
    expect(done[0]).toBe(0);
    expect(done.at(-1)).toBe(60);
    expect(done.every((d, i) => i === 0 || d >= done[i - 1])).toBe(true);
    // A mosaic every 5 keyframes (not at 60: that one comes with the final update).
    const withMosaic = updates.filter((u) => u.mosaic).map((u) => u.done);
    expect(withMosaic.slice(0, 3)).toEqual([5, 10, 15]);
    expect(withMosaic.at(-1)).toBe(60);
    expect(result.mosaic.objects.length).toBeGreaterThan(5);
    const stored = await (await openSceneLibrary(kv)).load(result.sceneId);
    expect(stored.meta.name).toBe('Demo scene');
    expect(stored.mosaic.trajectory).toHaveLength(60);
  });

  it('stops on interrupt with how far it got, showing what was fused', async () => {
    const s = service();
    const updates: BuildUpdate[] = [];
    const p = s.buildDemoScene(
      (u) => {
        updates.push(u);
        if (u.done === 3 && !u.mosaic) void s.interrupt('demo-1');
      },
      { requestId: 'demo-1' },
    );
    await expect(p).rejects.toMatchObject({
      name: 'AbortError',
      message: 'Demo scene: stopped after 3 of 60 keyframes',
    });
    expect(updates.at(-1)?.mosaic?.trajectory).toHaveLength(3);
  });
});

describe('buildSequence (worker job)', () => {
  it('reads posted Blobs, decodes in the job, takes up from groundtruth.json, and fuses', async () => {
    const files = sceneToFiles(generateScene({ seed: 7, frameCount: 6, objectCount: 4 }), { pngLevel: 1 });
    const entries = [...files].map(([path, bytes]) => ({ path, file: new Blob([bytes as BlobPart]) }));
    const updates: BuildUpdate[] = [];
    const r = await service().buildSequence({ name: 'tiny', files: entries }, (u) => updates.push(u));
    expect(r.keyframes).toBe(6);
    expect(r.up).toEqual([0, 0, 1]);
    expect(r.mosaic.trajectory).toHaveLength(6);
    expect(updates.at(-1)).toMatchObject({ done: 6, total: 6, label: 'Fusing tiny' });
  });

  it('says what to do when no files are posted', async () => {
    await expect(service().buildSequence({ name: 'empty', files: [] })).rejects.toThrow(
      /empty: no files posted — pick a sequence folder/,
    );
  });
});
