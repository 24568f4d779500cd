import { describe, expect, it } from 'vitest';
import type { MosaicObject } from '../mosaic/types';
import { DeltaTracker, sameObject } from './DeltaTracker';

/** A fresh object each call (as the shaper makes one per refresh). */
function obj(id: string, firstSeenFrame: number, over: Partial<MosaicObject> = {}): MosaicObject {
  return {
    id,
    label: 'chair',
    labels: [{ label: 'chair', weight: 1.2, count: 2 }],
    center: [1, 2, 0.4],
    size: [0.5, 0.5, 0.8],
    yaw: 0.1,
    confidence: 0.4,
    firstSeenFrame,
    firstSeenTime: firstSeenFrame / 10,
    lastSeenFrame: firstSeenFrame + 3,
    observations: 2,
    recentObservations: [
      { frame: firstSeenFrame, box: [10, 20, 30, 40], score: 0.6, label: 'chair' },
      { frame: firstSeenFrame + 3, box: [12, 20, 32, 40], score: 0.6, label: 'chair' },
    ],
    ...over,
  };
}

const ids = (d: { upserts: MosaicObject[]; removed: string[] }): [string[], string[]] => [
  d.upserts.map((o) => o.id),
  d.removed,
];

describe('DeltaTracker', () => {
  it('reports an object when first shown and when its value changes, not when recomputed the same', () => {
    const t = new DeltaTracker();
    t.set('a', obj('a', 0));
    expect(ids(t.take())).toEqual([['a'], []]);
    t.set('a', obj('a', 0));
    expect(ids(t.take())).toEqual([[], []]);
    // A change deep inside: one coordinate of an older sighting's box.
    const moved = obj('a', 0);
    moved.recentObservations![0] = { ...moved.recentObservations![0], box: [10, 20, 30, 41] };
    t.set('a', moved);
    expect(t.take().upserts).toEqual([moved]);
    t.set('a', obj('a', 0, { center: [1, 2, 0.41] }));
    expect(ids(t.take())).toEqual([['a'], []]);
  });

  it('removes only what a delta reported, and shows again what was hidden', () => {
    const t = new DeltaTracker();
    t.set('a', obj('a', 0));
    t.set('b', obj('b', 1));
    // Hidden before any delta reported it: it never was in the mosaic's record.
    t.set('b', undefined);
    expect(ids(t.take())).toEqual([['a'], []]);
    t.set('a', undefined);
    expect(ids(t.take())).toEqual([[], ['a']]);
    expect(ids(t.take())).toEqual([[], []]);
    // Shown again (unchanged from before it was hidden) is news.
    t.set('a', obj('a', 0));
    expect(ids(t.take())).toEqual([['a'], []]);
    // Hidden and shown again between two deltas: an upsert, no removal.
    t.set('a', undefined);
    t.set('a', obj('a', 0));
    expect(ids(t.take())).toEqual([['a'], []]);
    t.delete('a');
    t.delete('b');
    expect(ids(t.take())).toEqual([[], ['a']]);
    expect(t.objects()).toEqual([]);
  });

  it('lists upserts and the objects shown in order of first sight, then id', () => {
    const t = new DeltaTracker();
    for (const [id, f] of [
      ['c', 5],
      ['b', 2],
      ['a', 5],
    ] as const)
      t.set(id, obj(id, f));
    expect(t.objects().map((o) => o.id)).toEqual(['b', 'a', 'c']);
    expect(ids(t.take())).toEqual([['b', 'a', 'c'], []]);
    t.delete('c');
    t.delete('b');
    expect(ids(t.take())).toEqual([[], ['b', 'c']]);
  });
});

describe('sameObject', () => {
  it('tells a change in any field, however deep', () => {
    const a = obj('a', 3);
    expect(sameObject(a, obj('a', 3))).toBe(true);
    const changed: MosaicObject[] = [
      obj('b', 3),
      obj('a', 3, { label: 'couch' }),
      obj('a', 3, { labels: [{ label: 'chair', weight: 1.2, count: 3 }] }),
      obj('a', 3, { labels: [...a.labels, { label: 'couch', weight: 0.3, count: 1 }] }),
      obj('a', 3, { center: [1, 2.0001, 0.4] }),
      obj('a', 3, { size: [0.5, 0.5, 0.81] }),
      obj('a', 3, { yaw: 0.2 }),
      obj('a', 3, { confidence: 0.5 }),
      obj('a', 3, { firstSeenTime: 0.2 }),
      obj('a', 3, { lastSeenFrame: 9 }),
      obj('a', 3, { observations: 3 }),
      obj('a', 3, { recentObservations: a.recentObservations!.slice(1) }),
      obj('a', 3, { recentObservations: undefined }),
      obj('a', 3, {
        recentObservations: a.recentObservations!.map((o, i) => (i ? o : { ...o, box: [10, 20, 30, 39] })),
      }),
      obj('a', 3, { recentObservations: a.recentObservations!.map((o) => ({ ...o, score: 0.61 })) }),
      obj('a', 3, { recentObservations: a.recentObservations!.map((o) => ({ ...o, label: 'couch' })) }),
    ];
    for (const b of changed) {
      expect(sameObject(a, b), JSON.stringify(b)).toBe(false);
      expect(sameObject(b, a), JSON.stringify(b)).toBe(false);
    }
    // The first-seen frame moves with its own field (and the time with it).
    expect(sameObject(a, { ...a, firstSeenFrame: 2 })).toBe(false);
  });

  it('compares numbers as their JSON does: NaN equals NaN, 0 equals −0', () => {
    expect(sameObject(obj('a', 0, { yaw: NaN }), obj('a', 0, { yaw: NaN }))).toBe(true);
    expect(sameObject(obj('a', 0, { center: [-0, 2, 0.4] }), obj('a', 0, { center: [0, 2, 0.4] }))).toBe(
      true,
    );
    expect(
      sameObject(
        obj('a', 0, { recentObservations: undefined }),
        obj('a', 0, { recentObservations: undefined }),
      ),
    ).toBe(true);
  });
});
