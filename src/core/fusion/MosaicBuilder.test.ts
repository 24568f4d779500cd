import { describe, expect, it } from 'vitest';
import { MosaicBuilder } from './MosaicBuilder';
import { testRoom, viewOf } from '../../../test/core/fusion/testScenes';

const chair = {
  label: 'chair',
  center: [3, 3, 0.45] as [number, number, number],
  size: [0.5, 0.5, 0.9] as [number, number, number],
};
const table = {
  label: 'dining table',
  center: [3, 5, 0.375] as [number, number, number],
  size: [1.2, 0.8, 0.75] as [number, number, number],
};

describe('MosaicBuilder confirmation and first sight', () => {
  it('keeps an object seen in one frame with a strong detection when later views never look at it', () => {
    const room = testRoom([chair, table]);
    const b = new MosaicBuilder({ minObservations: 3, confirmWithinKeyframes: 4 });
    b.addKeyframe(viewOf(room, 0, [3, 1, 1.5], [3, 3, 0.45]));
    // Then it looks along +x at the table from (1, 5): the chair is 45° off the axis, out of the 60° view.
    for (let f = 1; f < 8; f++) b.addKeyframe(viewOf(room, f, [1 + f * 0.05, 5, 1.5], [5, 5, 0.375]));
    const labels = b
      .toMosaic()
      .objects.map((o) => o.label)
      .sort();
    expect(labels).toEqual(['chair', 'dining table']);
  });

  it('moves first sight earlier when an earlier frame is perceived later (the reasoning loop fills gaps)', () => {
    const room = testRoom([chair]);
    const b = new MosaicBuilder();
    for (const f of [8, 16, 24]) b.addKeyframe(viewOf(room, f, [3 + (f - 16) * 0.05, 1, 1.5], [3, 3, 0.45]));
    expect(b.toMosaic().objects[0].firstSeenFrame).toBe(8);
    b.addKeyframe(viewOf(room, 3, [2.4, 1.1, 1.5], [3, 3, 0.45]));
    const [o] = b.toMosaic().objects;
    expect(o.firstSeenFrame).toBe(3);
    expect(o.firstSeenTime).toBeCloseTo(0.3, 9);
  });

  it('counts two labels on one box in one frame as one sighting with both votes', () => {
    const room = testRoom([{ ...chair, size: [0.9, 0.9, 0.8], center: [3, 3, 0.4] }]);
    const b = new MosaicBuilder();
    for (let f = 0; f < 4; f++) {
      const v = viewOf(room, f, [3 + 0.2 * f, 1, 1.5], [3, 3, 0.4], ['bed']);
      const d = v.detections[0];
      b.addKeyframe({ ...v, detections: [d, { ...d, label: 'chair', score: 0.5 }] });
    }
    const m = b.toMosaic();
    expect(m.objects).toHaveLength(1);
    expect(m.objects[0].observations).toBe(4);
    expect(m.objects[0].labels.map((v) => [v.label, v.count])).toEqual([
      ['bed', 4],
      ['chair', 4],
    ]);
  });
});
