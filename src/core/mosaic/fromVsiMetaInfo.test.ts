import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countLabel, labelDistance, longestDimension, objectsLabelled } from '../reasoning/spatialTools';
import { mosaicFromVsiScene, mosaicsFromVsiMetaInfo, orientBox, VsiMetaInfoError } from './fromVsiMetaInfo';

describe('VSI-Bench meta_info → mosaic', () => {
  it('reads an oriented box: height along the axis nearest z, yaw from the first horizontal axis', () => {
    const c = Math.cos(0.5);
    const s = Math.sin(0.5);
    // Rows: height axis first (z), then two horizontal axes rotated by 0.5 rad.
    const b = orientBox({
      centroid: [0, 0, 0],
      axesLengths: [0.8, 2, 1],
      normalizedAxes: [0, 0, 1, c, s, 0, -s, c, 0],
    });
    expect(b.size).toEqual([2, 1, 0.8]);
    expect(b.yaw).toBeCloseTo(0.5, 12);
  });
  it('makes a z-up mosaic with one object per box, labels without underscores', () => {
    const m = mosaicFromVsiScene({
      object_bbox: {
        tv_monitor: [{ centroid: [1, 2, 1], axesLengths: [1, 0.1, 0.6] }],
        chair: [
          { centroid: [0, 0, 0.4], axesLengths: [0.5, 0.5, 0.8] },
          { centroid: [2, 0, 0.4], axesLengths: [0.5, 0.5, 0.8] },
        ],
      },
    });
    expect(m.up).toEqual([0, 0, 1]);
    expect(m.objects.map((o) => o.id)).toEqual(['tv-monitor-0', 'chair-0', 'chair-1']);
    expect(countLabel(m, 'chair')).toBe(2);
    expect(labelDistance(m, 'chair', 'chair')).toBeCloseTo(1.5, 9);
  });
  it('names the scene and box that cannot be read', () => {
    expect(() => mosaicsFromVsiMetaInfo({ s1: { object_bbox: { bed: [{ centroid: [0, 0] }] } } })).toThrow(
      new VsiMetaInfoError('scene s1: box 0 of "bed" needs "centroid" and "axesLengths" (3 numbers each)'),
    );
  });

  const META = path.resolve(
    __dirname,
    '../../../../shared/data/vsibench-dev/meta_info/arkitscenes_meta_info_val.json',
  );
  it.skipIf(!existsSync(META))('on the real scenes: counts are object_counts, sizes the longest side', () => {
    const raw = JSON.parse(readFileSync(META, 'utf8'));
    const mosaics = mosaicsFromVsiMetaInfo(raw);
    expect(mosaics.size).toBe(150);
    for (const [name, m] of mosaics) {
      for (const [label, n] of Object.entries(raw[name].object_counts as Record<string, number>))
        expect(countLabel(m, label.replace(/_/g, ' '))).toBe(n);
      for (const o of m.objects) expect(longestDimension(o)).toBeGreaterThan(0);
    }
    const first = mosaics.get('41069025')!;
    expect(Math.round(longestDimension(objectsLabelled(first, 'stove')[0]) * 100)).toBe(62);
  });
});
