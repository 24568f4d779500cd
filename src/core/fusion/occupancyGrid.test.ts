import { describe, expect, it } from 'vitest';
import type { OccupancyGrid } from '../mosaic/types';
import { floorFrame } from '../mosaic/floorFrame';
import { Prng } from '../prng';
import { detectionStream } from '../../../test/core/fusion/detectionStream';
import {
  OccupancyAccumulator,
  OccupancyReplay,
  mergeOccupancyDeltas,
  type OccupancyDelta,
} from './occupancyGrid';
import { fitFloorBox } from './fitFloorBox';

type Internals = {
  cells: Map<string, { floor: number; obstacle: number }>;
  visited: Set<string>;
};

/** The grid as the former whole-grid code computed it, from the accumulator's votes and the live footprints. */
function fromScratch(
  acc: OccupancyAccumulator,
  footprints: Iterable<string[]>,
): { free: string[]; occupied: string[] } {
  const { cells, visited } = acc as unknown as Internals;
  const occupied = new Set<string>([...footprints].flat());
  const free = new Set<string>(visited);
  for (const [key, c] of cells) {
    if (c.obstacle > c.floor) occupied.add(key);
    else if (c.floor > 0 && !occupied.has(key)) free.add(key);
  }
  for (const key of occupied) free.delete(key);
  return { free: [...free].sort(), occupied: [...occupied].sort() };
}

/** The former room estimate: fitFloorBox over every seen cell's centre, 3° steps, plus one cell. */
function roomFromScratch(grid: OccupancyGrid): { center: number[]; size: number[]; yaw: number } {
  const keys = [...grid.free, ...grid.occupied];
  const cs = grid.cellSize;
  const pts = new Float64Array(keys.length * 3);
  keys.forEach((k, i) => {
    const [ci, cj] = k.split(',').map(Number);
    pts[i * 3] = (ci + 0.5) * cs;
    pts[i * 3 + 1] = (cj + 0.5) * cs;
  });
  const box = fitFloorBox(pts, 3);
  return { center: box.center.slice(0, 2), size: [box.size[0] + cs, box.size[1] + cs], yaw: box.yaw };
}

function run(frames: number, seed: number) {
  const acc = new OccupancyAccumulator(0.1, 300);
  const frame = floorFrame([0, 0, 1]);
  const rng = new Prng(seed);
  const stream = detectionStream({ objects: 30, seed, width: 80, height: 60 });
  const footprints = new Map<number, string[]>();
  const replay = new OccupancyReplay();
  const deltas: OccupancyDelta[] = [];
  let nextId = 0;
  for (let f = 0; f < frames; f++) {
    const input = stream.next().value!;
    acc.addKeyframe(input.pose, input.intrinsics, input.depth, frame);
    // Objects appear, move and vanish: their footprints block cells, overlapping each other and seen floor.
    for (let n = 0; n < 3; n++) {
      const r = rng.next();
      const ids = [...footprints.keys()];
      if (r < 0.4 || ids.length === 0) {
        const [a, b] = [rng.uniform(0, 8), rng.uniform(0, 8)];
        const cells = [];
        for (let i = 0; i < 4; i++)
          for (let j = 0; j < 3; j++) cells.push(acc.cellKey(a + i * 0.1, b + j * 0.1));
        footprints.set(nextId++, cells);
        acc.block([], cells);
      } else {
        const id = ids[Math.floor(rng.next() * ids.length)];
        const old = footprints.get(id)!;
        if (r < 0.7) {
          const moved = old.map((k) => k.split(',').map(Number)).map(([i, j]) => `${i + 1},${j}`);
          footprints.set(id, moved);
          acc.block(old, moved);
        } else {
          footprints.delete(id);
          acc.block(old, []);
        }
      }
    }
    const d = acc.takeDelta();
    if (d) {
      replay.apply(d);
      deltas.push(d);
    }
  }
  return { acc, footprints, replay, deltas };
}

describe('OccupancyAccumulator (incremental grid)', () => {
  it('keeps the same free/occupied cells as a whole-grid rebuild, and its deltas replay to the grid', () => {
    const { acc, footprints, replay, deltas } = run(120, 7);
    const grid = acc.grid();
    const expected = fromScratch(acc, footprints.values());
    expect(grid.free).toEqual(expected.free);
    expect(grid.occupied).toEqual(expected.occupied);
    expect(grid.free.length).toBeGreaterThan(100);
    expect(grid.occupied.length).toBeGreaterThan(50);
    expect(replay.grid()).toEqual(JSON.parse(JSON.stringify(grid)));
    // Cells also leave the grid (an object moved off a cell nothing else saw) and change state.
    expect(deltas.some((d) => d.removeOccupied.length > 0)).toBe(true);
    expect(deltas.some((d) => d.removeFree.length > 0)).toBe(true);
    // Every keyframe's delta carries only what changed, not the grid.
    const sizes = deltas.map(
      (d) => d.addFree.length + d.removeFree.length + d.addOccupied.length + d.removeOccupied.length,
    );
    expect(Math.max(...sizes.slice(10))).toBeLessThan(grid.free.length / 2);
  });

  it('reports no delta when nothing changed', () => {
    const { acc } = run(20, 3);
    expect(acc.takeDelta()).toBeUndefined();
    acc.block([], ['500,500']);
    expect(acc.takeDelta()?.addOccupied).toEqual(['500,500']);
    acc.block(['500,500'], []);
    acc.block([], ['500,500']);
    acc.block(['500,500'], ['500,501']);
    const d = acc.takeDelta()!;
    expect([d.addOccupied, d.removeOccupied]).toEqual([['500,501'], ['500,500']]);
  });

  it('estimates the room as the whole-cell-set oriented box did (within a centimetre)', () => {
    const { acc } = run(150, 11);
    const grid = acc.grid();
    const ref = roomFromScratch(grid);
    const room = grid.room!;
    expect(room.yaw).toBeCloseTo(ref.yaw, 3);
    for (let i = 0; i < 2; i++) {
      expect(Math.abs(room.center[i] - ref.center[i])).toBeLessThan(0.01);
      expect(Math.abs(room.size[i] - ref.size[i])).toBeLessThan(0.01);
    }
    expect(room.area).toBeGreaterThan(4);
  });

  it('merges consecutive deltas into one with the same effect', () => {
    const { deltas } = run(60, 5);
    const a = new OccupancyReplay();
    const b = new OccupancyReplay();
    for (let i = 0; i < deltas.length; i += 2) {
      a.apply(deltas[i]);
      if (deltas[i + 1]) a.apply(deltas[i + 1]);
      b.apply(mergeOccupancyDeltas(deltas[i], deltas[i + 1])!);
    }
    expect(b.grid()).toEqual(a.grid());
    expect(mergeOccupancyDeltas(undefined, deltas[0])).toBe(deltas[0]);
    expect(mergeOccupancyDeltas(deltas[0], undefined)).toBe(deltas[0]);
  });
});
