import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boxDistance, pointBoxDistance, segmentDistance } from './boxDistance';
import { boxCorners, boxFrom, type V3 } from './orientedBox';

const Z: V3 = [0, 0, 1];

describe('boxDistance (exact closest-point distance between oriented boxes)', () => {
  it('is the face gap for axis-aligned boxes side by side', () => {
    const a = boxFrom([0, 0, 0], [2, 2, 2], 0, Z);
    const b = boxFrom([5, 0, 0], [2, 2, 2], 0, Z);
    expect(boxDistance(a, b)).toBeCloseTo(3, 12);
  });

  it('is the corner-to-corner distance for diagonal offsets', () => {
    const a = boxFrom([0, 0, 0], [2, 2, 2], 0, Z);
    const b = boxFrom([4, 4, 4], [2, 2, 2], 0, Z);
    // Nearest corners (1,1,1) and (3,3,3): √12.
    expect(boxDistance(a, b)).toBeCloseTo(Math.sqrt(12), 12);
  });

  it('sees a 45°-rotated box by its corner', () => {
    // Unit-half cube rotated 45° about z at x = 3: its corner reaches x = 3 − √2·1.
    const a = boxFrom([0, 0, 0], [2, 2, 2], 0, Z);
    const b = boxFrom([3, 0, 0], [2, 2, 2], Math.PI / 4, Z);
    expect(boxDistance(a, b)).toBeCloseTo(3 - Math.SQRT2 - 1, 12);
  });

  it('adds vertical and horizontal gaps (a cup above and beside a table)', () => {
    const table = boxFrom([0, 0, 0.4], [1.2, 0.8, 0.8], 0, Z); // top at 0.8, x ∈ [−0.6, 0.6]
    const cup = boxFrom([1.0, 0, 1.1], [0.1, 0.1, 0.2], 0, Z); // bottom at 1.0, x ∈ [0.95, 1.05]
    expect(boxDistance(table, cup)).toBeCloseTo(Math.hypot(0.35, 0.2), 12);
  });

  it('is 0 for overlapping or touching boxes', () => {
    const a = boxFrom([0, 0, 0], [2, 2, 2], 0, Z);
    expect(boxDistance(a, boxFrom([1.5, 0.3, 0], [2, 2, 2], 0.7, Z))).toBe(0);
    expect(boxDistance(a, boxFrom([2, 0, 0], [2, 2, 2], 0, Z))).toBe(0);
  });

  it('works with a y-up world (yaw about y)', () => {
    const up: V3 = [0, 1, 0];
    const a = boxFrom([0, 0, 0], [2, 2, 2], 0, up);
    const b = boxFrom([0, 0, 3], [2, 2, 2], Math.PI / 4, up);
    expect(boxDistance(a, b)).toBeCloseTo(3 - Math.SQRT2 - 1, 12);
  });

  it('edge-to-edge: crossed bars', () => {
    // Bar along x at z=0, bar along y at z=1: thin, so the distance is the gap between their faces.
    const a = boxFrom([0, 0, 0], [4, 0.2, 0.2], 0, Z);
    const b = boxFrom([0, 0, 1], [0.2, 4, 0.2], 0, Z);
    expect(boxDistance(a, b)).toBeCloseTo(0.8, 12);
  });

  it('never exceeds any sampled point-pair distance and matches dense sampling closely', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.double({ min: -3, max: 3, noNaN: true }),
          fc.double({ min: -3, max: 3, noNaN: true }),
          fc.double({ min: -1, max: 1, noNaN: true }),
        ),
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        (c, ya, yb) => {
          const a = boxFrom([0, 0, 0], [1, 0.6, 0.8], ya, Z);
          const b = boxFrom(c as V3, [0.5, 1.2, 0.4], yb, Z);
          const d = boxDistance(a, b);
          // Upper bound: the distance from every corner of b to box a.
          for (const p of boxCorners(b)) expect(d).toBeLessThanOrEqual(pointBoxDistance(p, a) + 1e-9);
          // Sampled surface points of b (5×5×5 grid) give an upper bound that approaches d.
          let sampled = Infinity;
          for (let i = 0; i <= 4; i++)
            for (let j = 0; j <= 4; j++)
              for (let k = 0; k <= 4; k++) {
                const p: V3 = [...b.center];
                const s = [i / 2 - 1, j / 2 - 1, k / 2 - 1];
                for (let ax = 0; ax < 3; ax++)
                  for (let q = 0; q < 3; q++) p[q] += b.axes[ax][q] * s[ax] * b.half[ax];
                sampled = Math.min(sampled, pointBoxDistance(p, a));
              }
          expect(d).toBeLessThanOrEqual(sampled + 1e-9);
          expect(sampled - d).toBeLessThan(0.45);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('segmentDistance', () => {
  it('handles skew, parallel and degenerate segments', () => {
    expect(segmentDistance([0, 0, 0], [1, 0, 0], [0.5, -1, 1], [0.5, 1, 1])).toBeCloseTo(1, 12);
    expect(segmentDistance([0, 0, 0], [1, 0, 0], [2, 1, 0], [3, 1, 0])).toBeCloseTo(Math.SQRT2, 12);
    expect(segmentDistance([0, 0, 0], [0, 0, 0], [3, 4, 0], [3, 4, 0])).toBeCloseTo(5, 12);
  });
});
