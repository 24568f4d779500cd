import { describe, expect, it } from 'vitest';
import { rigidityProblem } from '../geometry/se3';
import { expSe3, orthonormalize, rotationAngle, solveSym6 } from './lie';

describe('expSe3', () => {
  it('gives a rotation about z by θ and a pure translation', () => {
    const r = expSe3([0, 0, 0, 0, 0, Math.PI / 6]);
    expect(r[0]).toBeCloseTo(Math.cos(Math.PI / 6), 12);
    expect(r[1]).toBeCloseTo(-0.5, 12);
    expect(r[4]).toBeCloseTo(0.5, 12);
    expect(rotationAngle(r)).toBeCloseTo(Math.PI / 6, 12);
    expect(expSe3([0.1, -0.2, 0.3, 0, 0, 0]).slice(0, 12)).toEqual([
      1, 0, 0, 0.1, 0, 1, 0, -0.2, 0, 0, 1, 0.3,
    ]);
  });

  it('moves along the arc for a screw motion: rotating by π about z while moving (0, π, 0) ends at (−2, 0, 0)', () => {
    // The twist v = (0, π, 0), ω = (0, 0, π) traces a half circle of radius 1 around (−1, 0, 0).
    const m = expSe3([0, Math.PI, 0, 0, 0, Math.PI]);
    expect(m[3]).toBeCloseTo(-2, 9);
    expect(m[7]).toBeCloseTo(0, 9);
    expect(rigidityProblem(m, 1e-9)).toBeUndefined();
  });
});

describe('solveSym6', () => {
  it('solves a diagonal-plus-coupling system and refuses a singular one', () => {
    // H = diag(1…6) with H[0][1] = H[1][0] = 0.5; upper triangle row by row.
    const upper = [1, 0.5, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 5, 0, 6];
    const x = [1, -1, 2, 0.5, -3, 1];
    const g = [1 * 1 + 0.5 * -1, 0.5 * 1 + 2 * -1, 6, 2, -15, 6];
    solveSym6(upper, g)?.forEach((v, i) => expect(v).toBeCloseTo(x[i], 12));
    expect(solveSym6(new Array(21).fill(0), g)).toBeUndefined();
  });
});

describe('orthonormalize', () => {
  it('repairs a slightly sheared rotation and keeps the translation', () => {
    const m = expSe3([1, 2, 3, 0.3, -0.2, 0.1]);
    const bent = m.slice();
    bent[1] += 1e-3;
    expect(rigidityProblem(bent, 1e-5)).toBeDefined();
    const fixed = orthonormalize(bent);
    expect(rigidityProblem(fixed, 1e-12)).toBeUndefined();
    expect([fixed[3], fixed[7], fixed[11]]).toEqual([m[3], m[7], m[11]]);
    expect(Math.abs(fixed[1] - m[1])).toBeLessThan(1e-3);
  });
});
