import { describe, expect, it } from 'vitest';
import { declutter } from './declutterLabels';

const r = (x: number, y: number, priority = 0) => ({ x, y, w: 40, h: 14, priority });

describe('declutter', () => {
  it('keeps labels that do not overlap', () => {
    expect(declutter([r(0, 0), r(100, 0), r(0, 50)])).toEqual([true, true, true]);
  });
  it('drops the lower-priority one of an overlapping pair, whatever the order', () => {
    expect(declutter([r(0, 0, 1), r(20, 5, 5)])).toEqual([false, true]);
    expect(declutter([r(20, 5, 5), r(0, 0, 1)])).toEqual([true, false]);
  });
  it('equal priority: the first wins; a label only 1 px apart counts as touching within the gap', () => {
    expect(declutter([r(0, 0), r(41, 0)])).toEqual([true, false]);
    expect(declutter([r(0, 0), r(43, 0)])).toEqual([true, true]);
  });
  it('skips labels that are not laid out', () => {
    expect(declutter([{ x: 0, y: 0, w: 0, h: 0, priority: 9 }, r(0, 0)])).toEqual([false, true]);
  });
});
