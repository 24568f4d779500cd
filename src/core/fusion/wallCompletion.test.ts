import { describe, expect, it } from 'vitest';
import { completeToWall, dropWallPoints, voteWall, type WallVote } from './wallCompletion';

/** A fridge's front face: points at a = 0.7 (b 2–2.6, h 0–1.8); the wall behind it is a = 0. */
const face = (): Float64Array => {
  const out: number[] = [];
  for (let b = 2; b <= 2.6001; b += 0.1) for (let h = 0; h <= 1.8001; h += 0.3) out.push(0.7, b, h);
  return Float64Array.from(out);
};
const wall = (): WallVote[] => {
  const votes: WallVote[] = [];
  voteWall(votes, { na: 1, nb: 0, d: 0, tol: 0.015 });
  voteWall(votes, { na: -1, nb: 0, d: -0.01, tol: 0.015 }); // the same wall, normal flipped
  return votes;
};

describe('completeToWall', () => {
  it('extends a fridge seen only from the front back to the wall behind it when the gap was never seen', () => {
    const votes = wall();
    expect(votes).toHaveLength(1);
    expect(votes[0].count).toBe(2);
    const out = completeToWall('refrigerator', face(), votes, 2, () => false);
    const as = out.filter((_, i) => i % 3 === 0);
    expect(Math.min(...as)).toBeCloseTo(0, 9);
    expect(Math.max(...as)).toBeCloseTo(0.7, 9);
  });

  it('leaves it when the floor in the gap was seen free, for classes that do not stand at walls, or when too deep', () => {
    const pts = face();
    expect(completeToWall('refrigerator', pts, wall(), 2, () => true)).toBe(pts);
    expect(completeToWall('chair', pts, wall(), 2, () => false)).toBe(pts);
    const far = pts.map((x, i) => (i % 3 === 0 ? 1.2 : x)); // 1.2 m from the wall: deeper than a fridge
    expect(completeToWall('refrigerator', far, wall(), 2, () => false)).toBe(far);
  });
});

describe('dropWallPoints', () => {
  it('drops a strip of the wall that joined the object in views where the wall was not found', () => {
    const strip: number[] = [];
    for (let b = 2.7; b <= 2.8001; b += 0.1) for (let h = 0; h <= 1.8001; h += 0.3) strip.push(0.005, b, h);
    const pts = Float64Array.from([...face(), ...strip]);
    const out = dropWallPoints(pts, wall(), 2);
    expect(out.length).toBe(face().length);
    expect(Math.min(...out.filter((_, i) => i % 3 === 0))).toBeCloseTo(0.7, 9);
    // A wall seen in one view only does not count yet.
    expect(dropWallPoints(pts, wall(), 3)).toBe(pts);
  });

  it('leaves an object most of whose points lie within the wall tolerance (a TV on its wall)', () => {
    const tv = face().map((x, i) => (i % 3 === 0 ? 0.015 : x));
    expect(dropWallPoints(tv, wall(), 2)).toBe(tv);
  });
});
