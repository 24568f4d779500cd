import { describe, expect, it } from 'vitest';
import { MosaicBuilder } from '../core/fusion/MosaicBuilder';
import { OccupancyReplay } from '../core/fusion/occupancyGrid';
import type { MosaicObject } from '../core/mosaic/types';
import { generateScene, keyframeInput } from '../core/synthetic/generateScene';
import { MosaicBuilderFuser } from './MosaicBuilderFuser';

describe('MosaicBuilderFuser deltas', () => {
  it('equal the full per-keyframe diff of every object (realistic noise: floor estimate moves, walls complete)', () => {
    const scene = generateScene({ seed: 3, noise: 'realistic', frameCount: 45 });
    const fuser = new MosaicBuilderFuser({ up: scene.groundTruth.up });
    // Reference: the whole mosaic recomputed from scratch each keyframe, diffed as JSON against the last one.
    const full = new MosaicBuilder({ up: scene.groundTruth.up });
    let last = new Map<string, string>();
    let upserted = 0;
    const grid = new OccupancyReplay();
    let occupancyDeltas = 0;
    for (const f of scene.frames) {
      const input = keyframeInput(scene, f);
      const delta = fuser.fuse(input);
      full.addKeyframe(input);
      const mosaic = full.toMosaic({ full: true });
      const next = new Map(mosaic.objects.map((o) => [o.id, JSON.stringify(o)]));
      const expectedUpserts = mosaic.objects.filter((o) => last.get(o.id) !== next.get(o.id));
      const expectedRemoved = [...last.keys()].filter((id) => !next.has(id)).sort();
      last = next;
      const ids = (os: MosaicObject[]): string[] => os.map((o) => o.id).sort();
      expect(ids(delta.upserts), `frame ${f.index}`).toEqual(ids(expectedUpserts));
      expect([...delta.removed].sort(), `frame ${f.index}`).toEqual(expectedRemoved);
      for (const o of delta.upserts) expect(JSON.stringify(o)).toBe(next.get(o.id));
      // The occupancy deltas so far, applied in order, give the whole grid of the reference at every keyframe.
      if (delta.occupancy) {
        grid.apply(delta.occupancy);
        occupancyDeltas++;
      }
      expect(JSON.stringify(grid.grid()), `frame ${f.index}`).toBe(JSON.stringify(mosaic.occupancy));
      upserted += delta.upserts.length;
    }
    // The fuser's whole mosaic is the reference's, and the scene did produce objects and changes.
    expect(JSON.stringify(fuser.mosaic().objects)).toBe(
      JSON.stringify(full.toMosaic({ full: true }).objects),
    );
    expect(last.size).toBeGreaterThan(5);
    expect(upserted).toBeGreaterThan(last.size);
    expect(occupancyDeltas).toBeGreaterThan(10);
  });
});
