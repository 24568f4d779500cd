import { describe, expect, it } from 'vitest';
import { ObjectInstance } from './objectInstance';

describe('ObjectInstance', () => {
  it('finds the top surface of a table seen from the side and above, and forgets it when updated', () => {
    // A 1.2 × 0.8 m top at 0.72 m (dense) and a front face from 0 to 0.72 m (spread over all heights).
    const pts: number[] = [];
    for (let a = 0; a < 1.2; a += 0.02) for (let b = 0; b < 0.8; b += 0.04) pts.push(a, b, 0.725);
    for (let a = 0; a < 1.2; a += 0.02) for (let h = 0; h < 0.72; h += 0.02) pts.push(a, 0, h);
    const t = new ObjectInstance('t', 0, 0);
    t.addObservation(
      Float64Array.from(pts),
      { frame: 0, box: [0, 0, 1, 1], score: 0.9, label: 'dining table' },
      0,
    );
    expect(t.topHeight()).toBeCloseTo(0.74, 5);
    // A cup it took in does not move its top.
    t.addObservation(
      Float64Array.from([0.6, 0.4, 0.8, 0.6, 0.4, 0.82]),
      { frame: 1, box: [0, 0, 1, 1], score: 0.9, label: 'dining table' },
      0,
    );
    expect(t.topHeight()).toBeCloseTo(0.74, 5);
  });
});
