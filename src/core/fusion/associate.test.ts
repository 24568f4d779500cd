import { describe, expect, it } from 'vitest';
import { associate, footprintCells, type Track } from './associate';
import { footprintKey, VOXEL } from './objectInstance';

/** Footprint cells (ia, ib) of a row of `n` cells starting at `ia0`, spanning heights [h0, h1]. */
function row(ia0: number, n: number, ib = 0, h0 = 0, h1 = 0.8): Map<number, [number, number]> {
  const cells = new Map<number, [number, number]>();
  for (let i = ia0; i < ia0 + n; i++) cells.set(footprintKey(i, ib), [h0, h1]);
  return cells;
}

const merge = (...ms: Map<number, [number, number]>[]): Map<number, [number, number]> =>
  new Map(ms.flatMap((m) => [...m]));

function track(id: string, labels: string[], footprint: Map<number, [number, number]>): Track {
  // The first label leads (the most votes).
  return { id, label: labels[0], votes: new Map(labels.map((l, i) => [l, labels.length - i])), footprint };
}

const ids = (ms: { obs: number; track: Track }[]): [number, string][] => ms.map((m) => [m.obs, m.track.id]);

describe('associate', () => {
  it('gives an instance to the sighting of its own label before a merely compatible one that covers more of it', () => {
    // A couch's box also lands on the chair in front of it: the couch sighting covers the whole chair, the
    // chair's own sighting only 70% of it (the rest of its cells lie outside the chair's footprint).
    const chair = track('obj-1', ['chair'], row(0, 10));
    const couch = track('obj-2', ['couch'], merge(row(5, 5), row(10, 10)));
    const couchSighting = { label: 'couch', cells: row(0, 10) };
    const chairSighting = { label: 'chair', cells: merge(row(0, 7), row(30, 3)) };
    const matches = associate([couchSighting, chairSighting], [[chair, couch], [chair]]);
    expect(ids(matches)).toEqual([
      [1, 'obj-1'],
      [0, 'obj-2'],
    ]);
  });

  it('needs less overlap for a label the instance was given before than for a merely compatible one', () => {
    const sighting = { label: 'chair', cells: merge(row(0, 3), row(20, 7)) }; // 30% on the instance
    const wasChair = track('obj-1', ['bed', 'chair'], row(0, 10));
    const couch = track('obj-2', ['couch'], row(0, 10));
    expect(ids(associate([sighting], [[wasChair]]))).toEqual([[0, 'obj-1']]);
    expect(associate([sighting], [[couch]])).toEqual([]);
    const more = { label: 'chair', cells: merge(row(0, 4), row(20, 6)) }; // 40%
    expect(ids(associate([more], [[couch]]))).toEqual([[0, 'obj-2']]);
  });

  it('never matches an incompatible label, or cells at another height', () => {
    const table = track('obj-1', ['dining table'], row(0, 10));
    expect(associate([{ label: 'chair', cells: row(0, 10) }], [[table]])).toEqual([]);
    const low = track('obj-2', ['chair'], row(0, 10, 0, 0, 0.3));
    expect(associate([{ label: 'chair', cells: row(0, 10, 0, 0.45, 0.9) }], [[low]])).toEqual([]);
    // Within 10 cm of its heights it counts.
    expect(ids(associate([{ label: 'chair', cells: row(0, 10, 0, 0.38, 0.9) }], [[low]]))).toEqual([
      [0, 'obj-2'],
    ]);
  });

  it('takes pairs best first, one-to-one: a sighting whose best instance went takes its next', () => {
    const a = track('obj-1', ['chair'], row(0, 10));
    const b = track('obj-2', ['chair'], row(20, 10));
    const s0 = { label: 'chair', cells: row(0, 10) }; // all on a
    const s1 = { label: 'chair', cells: merge(row(1, 9), row(20, 6), row(40, 1)) }; // 9 of 16 on a, 6 on b
    expect(ids(associate([s0, s1], [[a], [a, b]]))).toEqual([
      [0, 'obj-1'],
      [1, 'obj-2'],
    ]);
    // Only the instances listed as near a sighting are looked at.
    expect(ids(associate([s0, s1], [[a], [b]]))).toEqual([
      [0, 'obj-1'],
      [1, 'obj-2'],
    ]);
    expect(ids(associate([s0, s1], [[], [a]]))).toEqual([[1, 'obj-1']]);
  });

  it('breaks ties by instance id, then by sighting order', () => {
    const a = track('obj-2', ['chair'], row(0, 10));
    const b = track('obj-1', ['chair'], row(0, 10));
    const s = { label: 'chair', cells: row(0, 10) };
    expect(ids(associate([s], [[a, b]]))).toEqual([[0, 'obj-1']]);
    expect(ids(associate([s, s], [[a], [a]]))).toEqual([[0, 'obj-2']]);
  });

  it('changes none of its inputs', () => {
    const fp = row(0, 10);
    const t = track('obj-1', ['chair'], fp);
    const cells = row(0, 10);
    const before = JSON.stringify([[...fp], [...cells], [...t.votes]]);
    associate([{ label: 'chair', cells }], [[t]]);
    expect(JSON.stringify([[...fp], [...cells], [...t.votes]])).toBe(before);
  });

  it('bins points into footprint cells with the height range of each', () => {
    const v = VOXEL;
    const pts = Float64Array.from([0.2 * v, 0.5 * v, 0.4, 0.9 * v, 0.1 * v, 0.1, 1.5 * v, 0.5 * v, 0.7]);
    const cells = footprintCells(pts);
    expect([...cells]).toEqual([
      [footprintKey(0, 0), [0.1, 0.4]],
      [footprintKey(1, 0), [0.7, 0.7]],
    ]);
  });
});
