import { describe, expect, it } from 'vitest';
import type { Mosaic } from '../mosaic/types';
import { parseTemplate } from '../questions/parseQuestion';
import { checkLeg, findPath, freeSpaceOf, segmentCells, type FreeSpace } from './freeSpace';
import { solveTask } from './solveTask';
import { obj, testScene } from '../../../test/core/reasoning/testScene';

/**
 * A 4 m × 4 m room (z up, 0.1 m cells), all floor seen free, with a wall of occupied cells at x = 2.0–2.2 m
 * from y = 1 m to the far wall: the straight line from the chair at (0.5, 2) to the tv at (3.5, 2) crosses
 * it, and the only way round is through the gap at y < 1 m.
 */
function room(wallFrom: number): Mosaic {
  const free: string[] = [];
  const occupied: string[] = [];
  for (let i = 0; i < 40; i++)
    for (let j = 0; j < 40; j++) (i >= 20 && i < 22 && j >= wallFrom ? occupied : free).push(`${i},${j}`);
  return {
    ...testScene(),
    objects: [
      obj('a', 'chair', [0.5, 2, 0.45], [0.5, 0.5, 0.9], 1),
      obj('b', 'tv', [3.5, 2, 1.2], [0.3, 1.2, 0.7], 2),
      obj('c', 'couch', [0.5, 3.5, 0.4], [0.8, 0.6, 0.8], 3),
    ],
    occupancy: { cellSize: 0.1, free, occupied },
  };
}

const space = (m: Mosaic): FreeSpace => freeSpaceOf(m)!;

describe('free space for routes', () => {
  it('has none without occupancy cells', () => {
    expect(freeSpaceOf(testScene())).toBeUndefined();
  });

  it('finds the straight leg clear when nothing stands in the way', () => {
    const m = room(99);
    const c = checkLeg(space(m), m.objects[0], m.objects[1]);
    expect(c).toMatchObject({ clear: true });
    expect(c.straight).toBeCloseTo(3, 9);
  });

  it('sees the wall across the straight leg and walks round it over free cells', () => {
    const m = room(10);
    const s = space(m);
    const c = checkLeg(s, m.objects[0], m.objects[1]);
    expect(c.clear).toBe(false);
    expect(c.blockedAt![0]).toBeGreaterThanOrEqual(2);
    expect(c.blockedAt![0]).toBeLessThan(2.2);
    // Down to the gap below y = 1 m and back up: about 1.9 + 1.9 m of diagonal-ish walking, not 3 m.
    expect(c.length!).toBeGreaterThan(3.6);
    expect(c.length!).toBeLessThan(4.6);
    const path = c.path!;
    expect(path[0]).toEqual([0.5, 2]);
    expect(path.at(-1)).toEqual([3.5, 2]);
    // It passes the wall's line below the wall, and never through an occupied cell.
    const crossing = path.filter((p) => p[0] > 2 && p[0] < 2.2);
    expect(crossing.length).toBeGreaterThan(0);
    for (const p of crossing) expect(p[1]).toBeLessThan(1);
    for (let k = 1; k < path.length; k++)
      for (const cell of segmentCells(s, path[k - 1], path[k]))
        expect(s.occupied.has(cell.cell), `segment ${k} crosses ${cell.cell}`).toBe(false);
  });

  it('reports no path when the wall closes the room', () => {
    const m = room(0);
    const c = checkLeg(space(m), m.objects[0], m.objects[1]);
    expect(c.clear).toBe(false);
    expect(c.path).toBeUndefined();
    expect(c.length).toBeUndefined();
    expect(findPath(space(m), [0.5, 2], [3.5, 2], (k) => space(m).free.has(k))).toBeUndefined();
  });

  it('puts each leg of a route question into the facts, without changing the turns', () => {
    const q = parseTemplate(
      "You are a robot beginning at the couch facing the chair. You want to navigate to the tv. You will perform the following actions (Note: for each [please fill in], choose either 'turn back,' 'turn left,' or 'turn right.'): 1. Go forward until the chair 2. [please fill in] 3. Go forward until the tv. You have reached the final destination.",
      ['A. Turn left', 'B. Turn right', 'C. Turn back'],
    )!;
    const blocked = solveTask(room(10), q);
    const open = solveTask(room(99), q);
    // Couch (0.5, 3.5) → chair (0.5, 2) heads −y; the tv at +x is then to the left.
    expect(blocked.answer).toBe('A');
    expect(open.answer).toBe('A');
    const legs = (facts: string[]) => facts.filter((f) => f.startsWith('route leg'));
    expect(legs(open.facts)).toEqual([
      'route leg 1 (couch → chair, 1.5 m): straight line over free space',
      'route leg 2 (chair → tv, 3.0 m): straight line over free space',
    ]);
    expect(legs(blocked.facts)[1]).toMatch(
      /^route leg 2 \(chair → tv, 3\.0 m\): blocked at \(2\.0, 2\.0\); [34]\.\d m around it/,
    );
  });
});
