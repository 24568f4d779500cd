import { describe, expect, it } from 'vitest';
import { multiply } from '../geometry/se3';
import type { Vec3 } from '../geometry/types';
import { absoluteTrajectoryError, alignPoints, relativePoseError } from './ate';
import { expSe3 } from './lie';

const at = (p: Vec3): number[] => [1, 0, 0, p[0], 0, 1, 0, p[1], 0, 0, 1, p[2], 0, 0, 0, 1];

describe('absoluteTrajectoryError', () => {
  // A rigid motion G (30° about a tilted axis plus a shift) that the alignment has to undo.
  const G = expSe3([0.4, -1.2, 2.5, 0.2, 0.45, -0.1]);
  const octahedron: Vec3[] = [
    [1, 0, 0],
    [-1, 0, 0],
    [0, 1, 0],
    [0, -1, 0],
    [0, 0, 1],
    [0, 0, -1],
  ];

  it('is zero for a rigidly moved copy, and the alignment undoes the motion', () => {
    const ref = octahedron.map(at);
    const est = ref.map((p) => multiply(G, p));
    const ate = absoluteTrajectoryError(est, ref);
    expect(ate.rmse).toBeLessThan(1e-9);
    const back = multiply(ate.alignment, G); // alignment ∘ G = identity
    [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1].forEach((v, i) => expect(back[i]).toBeCloseTo(v, 9));
  });

  it('leaves exactly the part no rigid motion can explain: a 10% radial scale error on a unit octahedron → 0.1 m', () => {
    // By symmetry the best rigid fit of the scaled octahedron is the unscaled one: each point is off by 0.1.
    const ref = octahedron.map(at);
    const est = octahedron.map((p) => multiply(G, at([1.1 * p[0], 1.1 * p[1], 1.1 * p[2]])));
    const ate = absoluteTrajectoryError(est, ref);
    expect(ate.rmse).toBeCloseTo(0.1, 9);
    expect(ate.max).toBeCloseTo(0.1, 9);
    expect(ate.median).toBeCloseTo(0.1, 9);
  });

  it('Horn alignment handles a 180° rotation (the quaternion w = 0 case)', () => {
    const pts: Vec3[] = [
      [1, 2, 3],
      [-1, 0.5, 2],
      [0.3, -2, 1],
      [2, 1, -1],
    ];
    const flipped = pts.map((p): Vec3 => [-p[0], -p[1], p[2]]); // 180° about z
    const m = alignPoints(pts, flipped);
    expect(m[0]).toBeCloseTo(-1, 9);
    expect(m[5]).toBeCloseTo(-1, 9);
    expect(m[10]).toBeCloseTo(1, 9);
  });

  it('rejects mismatched lengths', () => {
    expect(() => absoluteTrajectoryError([at([0, 0, 0])], [])).toThrow(/one estimate per reference pose/);
  });
});

describe('relativePoseError', () => {
  it('measures a constant 1 cm per-step overshoot along the direction of travel', () => {
    const ref = [0, 1, 2, 3, 4].map((i) => at([0.1 * i, 0, 0]));
    const est = [0, 1, 2, 3, 4].map((i) => at([0.11 * i, 0, 0]));
    const rpe = relativePoseError(est, ref, 1);
    expect(rpe.count).toBe(4);
    expect(rpe.translationRmse).toBeCloseTo(0.01, 12);
    expect(rpe.rotationRmse).toBe(0);
  });
});
