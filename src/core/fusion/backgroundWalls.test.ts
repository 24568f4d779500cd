import { describe, expect, it } from 'vitest';
import { fitWalls, onWall, type RingSample } from './backgroundWalls';

/** Ring samples on the wall a = 2 (b from 0 to 1, heights 0.5–1.5), on the given sides of the box. */
function wallRing(sides: number[], a = 2): RingSample[] {
  const out: RingSample[] = [];
  for (const side of sides)
    for (let k = 0; k < 30; k++)
      out.push({ a, b: (k % 10) / 10, h: 0.5 + Math.floor(k / 10) * 0.5, z: 2, side });
  return out;
}

const innerAt = (a: number): Float64Array =>
  Float64Array.from({ length: 40 }, (_, i) => (i % 2 ? i / 80 : a));

describe('fitWalls', () => {
  it('finds the wall behind an object from ring samples on two sides and tells wall points from object points', () => {
    const walls = fitWalls(wallRing([0, 1]), innerAt(1.9));
    expect(walls).toHaveLength(1);
    // Exact samples: the offset is the wall's a = 2, the normal ±(1, 0), the tolerance its 1.5 cm floor.
    expect(Math.abs(walls[0].na)).toBeCloseTo(1, 9);
    expect(walls[0].d * walls[0].na).toBeCloseTo(2, 9);
    expect(walls[0].tol).toBeCloseTo(0.015, 9);
    expect(onWall(walls, 2.01, 0.3)).toBe(true);
    expect(onWall(walls, 1.97, 0.3)).toBe(false); // 3 cm in front: the object's back
  });

  it('finds no wall on one side only, nor a plane that holds most of the inner box (the object’s own face)', () => {
    expect(fitWalls(wallRing([0]), innerAt(1.9))).toHaveLength(0);
    expect(fitWalls(wallRing([0, 1]), innerAt(2))).toHaveLength(0);
  });

  it('fits the wall behind the box, not a line joining two walls across a corner', () => {
    // Wall a = 0 behind the box (top and left of the ring), wall b = 0 on the right: a line from the left
    // samples to the right ones would cut the corner diagonally.
    const ring: RingSample[] = [];
    for (let k = 0; k < 30; k++) {
      ring.push({ a: 0, b: 1 + (k % 10) * 0.03, h: 1.9 + Math.floor(k / 10) * 0.1, z: 5, side: 0 });
      ring.push({ a: 0, b: 1.1 + (k % 10) * 0.02, h: 0.5 + Math.floor(k / 10) * 0.3, z: 5, side: 3 });
      ring.push({ a: 0.8 + (k % 10) * 0.02, b: 0, h: 0.5 + Math.floor(k / 10) * 0.3, z: 5, side: 1 });
    }
    const inner = Float64Array.from({ length: 40 }, (_, i) => (i % 2 ? 0.4 + i / 100 : 0.7));
    const walls = fitWalls(ring, inner);
    expect(walls.length).toBeGreaterThanOrEqual(1);
    for (const w of walls) expect(Math.min(Math.abs(w.na), Math.abs(w.nb))).toBeLessThan(0.02);
    expect(Math.abs(walls[0].na)).toBeCloseTo(1, 6);
  });
});
