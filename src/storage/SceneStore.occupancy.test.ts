import { describe, expect, it } from 'vitest';
import { generateScene, keyframeInput } from '../core/synthetic/generateScene';
import { MosaicBuilderFuser } from '../runtime/MosaicBuilderFuser';
import { MemoryKvStore } from './kv';
import { SceneStore } from './SceneStore';

describe('SceneStore occupancy deltas', () => {
  it('reloads exactly the grid the builder ended with, from per-keyframe cell deltas (and across compactions)', async () => {
    const scene = generateScene({ seed: 5, noise: 'realistic', frameCount: 30 });
    const fuser = new MosaicBuilderFuser({ up: scene.groundTruth.up });
    const kv = new MemoryKvStore();
    // compactEvery 12: the load folds a snapshot grid and the deltas after it.
    const store = new SceneStore(kv, { compactEvery: 12 });
    const { id } = await store.create({ name: 'seeded', up: scene.groundTruth.up });
    let withOccupancy = 0;
    let largest = 0;
    for (const f of scene.frames) {
      const delta = fuser.fuse(keyframeInput(scene, f));
      if (delta.occupancy) {
        withOccupancy++;
        const o = delta.occupancy;
        if (f.index > 5)
          largest = Math.max(
            largest,
            o.addFree.length + o.removeFree.length + o.addOccupied.length + o.removeOccupied.length,
          );
      }
      await store.appendKeyframe(id, delta);
    }
    const built = fuser.mosaic();
    const { mosaic } = await store.load(id);
    expect(JSON.stringify(mosaic.occupancy)).toBe(JSON.stringify(built.occupancy));
    const byId = (os: { id: string }[]) => JSON.stringify([...os].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(byId(mosaic.objects)).toBe(byId(built.objects));
    expect(built.occupancy!.free.length).toBeGreaterThan(100);
    expect(built.occupancy!.room).toBeDefined();
    expect(withOccupancy).toBeGreaterThan(10);
    // The records hold changed cells, not the grid: later keyframes change far fewer cells than the grid has.
    const cells = built.occupancy!.free.length + built.occupancy!.occupied.length;
    expect(largest).toBeLessThan(cells);
    const records = [...kv.map.entries()].filter(([k]) => k.includes(':kf:'));
    expect(records.length).toBeGreaterThan(0);
    for (const [, r] of records)
      expect((r as { occupancy?: object }).occupancy ?? {}).not.toHaveProperty('free');
  });
});
