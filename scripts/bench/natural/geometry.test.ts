import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  boxDistance,
  boxFromMetaInfo,
  footprint,
  height,
  length,
  longest,
  sideOf,
  sideWithBackTo,
  width,
  type BenchBox,
} from './geometry';
import { META_INFO } from './generateNatural';

const box = (
  x: number,
  y: number,
  z = 0.5,
  size: [number, number, number] = [1, 1, 1],
  yaw = 0,
): BenchBox => ({
  id: `${x},${y},${z}`,
  label: 'thing',
  center: [x, y, z],
  size,
  yaw,
});

/** The same scene turned by `t` about z. */
const turned = (b: BenchBox, t: number): BenchBox => ({
  ...b,
  center: [
    Math.cos(t) * b.center[0] - Math.sin(t) * b.center[1],
    Math.sin(t) * b.center[0] + Math.cos(t) * b.center[1],
    b.center[2],
  ],
  yaw: b.yaw + t,
});

describe('left and right from a standpoint (z up)', () => {
  const at = box(0, 0);
  const facing = box(3, 0);
  it('standing at the origin facing +x, +y is on the left and -y on the right', () => {
    expect(sideOf(at, facing, box(1, 2)).side).toBe('left');
    expect(sideOf(at, facing, box(1, -2)).side).toBe('right');
    expect(sideOf(at, facing, box(0, 2)).angle).toBeCloseTo(90, 6);
  });
  it('does not change when the whole room turns', () => {
    for (const t of [0.3, 1.9, -2.6])
      expect(sideOf(turned(at, t), turned(facing, t), turned(box(-1, 1.5), t)).side).toBe('left');
  });
  it('swaps when the facing object is behind you instead', () => {
    expect(sideWithBackTo(at, facing, box(1, 2)).side).toBe('right');
  });
});

describe('distance between the closest points of two boxes', () => {
  it('is the gap between facing sides, not the centre distance', () => {
    expect(boxDistance(box(0, 0), box(3, 0))).toBeCloseTo(2, 9);
  });
  it('reaches the corner of a turned box', () => {
    // A unit square turned 45° reaches x = √2/2; the other's side is at x = 1.5.
    expect(boxDistance(box(0, 0, 0.5, [1, 1, 1], Math.PI / 4), box(2, 0))).toBeCloseTo(1.5 - Math.SQRT1_2, 9);
  });
  it('adds the vertical gap to the floor gap', () => {
    expect(boxDistance(box(0, 0, 0.5), box(0, 0, 2.5))).toBeCloseTo(1, 9);
    expect(boxDistance(box(0, 0, 0.5), box(4, 0, 5.5))).toBeCloseTo(5, 9);
  });
  it('is zero for overlapping boxes and symmetric', () => {
    expect(boxDistance(box(0, 0), box(0.5, 0.5, 0.9))).toBe(0);
    const a = box(0, 0, 0.5, [2, 0.5, 1], 0.7);
    const b = box(1.5, 1.9, 1.2, [0.4, 0.9, 0.3], -0.4);
    expect(boxDistance(a, b)).toBeCloseTo(boxDistance(b, a), 12);
  });
});

describe('size axes', () => {
  it('height is the vertical extent; length and width the long and short horizontal sides', () => {
    const b = box(0, 0, 0.95, [0.5, 1.2, 1.9], 1);
    expect([height(b), length(b), width(b), longest(b)]).toEqual([1.9, 1.2, 0.5, 1.9]);
  });
  it('reads a meta_info box whose height axis is not the last row', () => {
    const [c, s] = [Math.cos(0.6), Math.sin(0.6)];
    const b = boxFromMetaInfo('o0', 'sofa', {
      centroid: [1, 2, 0.45],
      axesLengths: [0.9, 1.6, 0.7],
      normalizedAxes: [0, 0, 1, c, s, 0, -s, c, 0],
    });
    expect(b.size).toEqual([1.6, 0.7, 0.9]);
    expect(b.yaw).toBeCloseTo(0.6, 12);
  });
  it.skipIf(!existsSync(META_INFO))("matches the benchmark's own min/max of its upright boxes", () => {
    type M = {
      centroid: number[];
      axesLengths: number[];
      normalizedAxes: number[];
      min: number[];
      max: number[];
    };
    const meta = JSON.parse(readFileSync(META_INFO, 'utf8')) as Record<
      string,
      { object_bbox: Record<string, M[]> }
    >;
    let checked = 0;
    for (const s of Object.values(meta))
      for (const [label, list] of Object.entries(s.object_bbox))
        for (const m of list) {
          if (Math.max(...[2, 5, 8].map((i) => Math.abs(m.normalizedAxes[i]))) < 1 - 1e-9) continue;
          const b = boxFromMetaInfo('o', label, m);
          const xs = footprint(b).map((p) => p[0]);
          const ys = footprint(b).map((p) => p[1]);
          expect(Math.min(...xs)).toBeCloseTo(m.min[0], 4);
          expect(Math.max(...ys)).toBeCloseTo(m.max[1], 4);
          expect(b.center[2] + height(b) / 2).toBeCloseTo(m.max[2], 4);
          checked++;
        }
    expect(checked).toBeGreaterThan(100);
  });
});
