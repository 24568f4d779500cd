import { Box3, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import type { Mosaic, MosaicObject } from '../core/mosaic/types';
import { buildFloorLayer, floorHeight } from './floorLayer';

const chair = { id: 'o1', label: 'chair', center: [2, 3, 0.5], size: [0.5, 0.5, 0.8] } as MosaicObject;
const base: Mosaic = { schemaVersion: 1, up: [0, 0, 1], objects: [chair], trajectory: [] };

describe('floorHeight', () => {
  it("prefers fusion's floor estimate, else the lowest object bottom", () => {
    expect(floorHeight(base)).toBeCloseTo(0.1); // 0.5 − 0.8 / 2
    expect(
      floorHeight({ ...base, occupancy: { cellSize: 0.1, free: [], occupied: [], floorHeight: -0.02 } }),
    ).toBe(-0.02);
  });
});

describe('buildFloorLayer', () => {
  it('z-up: a whole-metre grid around the objects at the floor height, and occupancy cells where the keys say', () => {
    const layer = buildFloorLayer({
      ...base,
      occupancy: { cellSize: 0.5, free: ['4,6'], occupied: [], floorHeight: 0 },
    });
    const grid = new Box3().setFromObject(layer.getObjectByName('grid')!);
    // Chair footprint radius ≈ 0.35 m around (2, 3), padded by 0.5 m and rounded out to whole metres.
    expect(grid.min).toEqual(new Vector3(1, 2, 0));
    expect(grid.max).toEqual(new Vector3(3, 4, 0));
    // Cell "4,6" of 0.5 m spans a ∈ [2, 2.5], b ∈ [3, 3.5], just above the floor.
    const cell = new Box3().setFromObject(layer.getObjectByName('free')!);
    expect(cell.min.x).toBeCloseTo(2);
    expect(cell.max.x).toBeCloseTo(2.5);
    expect(cell.min.y).toBeCloseTo(3);
    expect(cell.max.y).toBeCloseTo(3.5);
    expect(cell.min.z).toBeGreaterThan(0);
    expect(cell.max.z).toBeLessThan(0.01);
  });
});
