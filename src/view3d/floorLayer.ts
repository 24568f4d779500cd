import {
  BufferAttribute,
  BufferGeometry,
  Group,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
} from 'three';
import type { Mosaic } from '../core/mosaic/types';
import { floorAxisIndices, heightAlong } from './worldFrame';

/**
 * The floor: a 1 m grid under the scene, plus the bird's-eye occupancy cells (free = dim, occupied = bright).
 * Built in world coordinates at the floor height (the lowest object bottom, else the lowest camera minus 1.4 m).
 */
export function buildFloorLayer(mosaic: Mosaic): Group {
  const group = new Group();
  group.name = 'floor';
  const up = mosaic.up;
  const [ia, ib] = floorAxisIndices(up);
  const upAxis = 3 - ia - ib;
  const upSign = Math.sign(up[upAxis]) || 1;
  const floorH = floorHeight(mosaic);

  // Extent on the floor from everything we know.
  let minA = Infinity,
    maxA = -Infinity,
    minB = Infinity,
    maxB = -Infinity;
  const grow = (a: number, b: number) => {
    minA = Math.min(minA, a);
    maxA = Math.max(maxA, a);
    minB = Math.min(minB, b);
    maxB = Math.max(maxB, b);
  };
  for (const o of mosaic.objects) {
    const r = Math.hypot(o.size[0], o.size[1], o.size[2]) / 2;
    grow(o.center[ia] - r, o.center[ib] - r);
    grow(o.center[ia] + r, o.center[ib] + r);
  }
  for (const k of mosaic.trajectory) grow(k.pose[ia * 4 + 3], k.pose[ib * 4 + 3]);
  if (!Number.isFinite(minA)) {
    minA = -2;
    maxA = 2;
    minB = -2;
    maxB = 2;
  }
  minA = Math.floor(minA) - 1;
  maxA = Math.ceil(maxA) + 1;
  minB = Math.floor(minB) - 1;
  maxB = Math.ceil(maxB) + 1;

  const point = (a: number, b: number): number[] => {
    const p = [0, 0, 0];
    p[ia] = a;
    p[ib] = b;
    p[upAxis] = floorH * upSign;
    return p;
  };
  const lines: number[] = [];
  for (let a = minA; a <= maxA; a++) lines.push(...point(a, minB), ...point(a, maxB));
  for (let b = minB; b <= maxB; b++) lines.push(...point(minA, b), ...point(maxA, b));
  const gridGeom = new BufferGeometry();
  gridGeom.setAttribute('position', new BufferAttribute(new Float32Array(lines), 3));
  const grid = new LineSegments(gridGeom, new LineBasicMaterial({ color: 0x3a4656 }));
  grid.name = 'grid';
  group.add(grid);

  const occ = mosaic.occupancy;
  if (occ && occ.cellSize > 0) {
    group.add(cellsMesh(occ.free, occ.cellSize, point, 0x23405a, 0.55, 'free'));
    group.add(cellsMesh(occ.occupied, occ.cellSize, point, 0xc07030, 0.7, 'occupied'));
  }
  return group;
}

/** Floor height along `up` (a signed coordinate on the up axis, same sign convention as `heightAlong`). */
export function floorHeight(mosaic: Mosaic): number {
  const up = mosaic.up;
  let h = Infinity;
  for (const o of mosaic.objects) {
    // Half the extent along up (approximation that ignores yaw, which is about up anyway).
    const halfUp = Math.hypot(o.size[0] * up[0], o.size[1] * up[1], o.size[2] * up[2]) / 2;
    h = Math.min(h, heightAlong(up, o.center) - halfUp);
  }
  if (Number.isFinite(h)) return h;
  for (const k of mosaic.trajectory)
    h = Math.min(h, heightAlong(up, [k.pose[3], k.pose[7], k.pose[11]]) - 1.4);
  return Number.isFinite(h) ? h : 0;
}

function cellsMesh(
  keys: readonly string[],
  cell: number,
  point: (a: number, b: number) => number[],
  color: number,
  opacity: number,
  name: string,
): Mesh {
  const pos = new Float32Array(keys.length * 18);
  let n = 0;
  for (const key of keys) {
    const [i, j] = key.split(',').map(Number);
    if (!Number.isFinite(i) || !Number.isFinite(j)) continue;
    const a0 = i * cell,
      a1 = a0 + cell * 0.92,
      b0 = j * cell,
      b1 = b0 + cell * 0.92;
    for (const [a, b] of [
      [a0, b0],
      [a1, b0],
      [a1, b1],
      [a0, b0],
      [a1, b1],
      [a0, b1],
    ]) {
      pos.set(point(a, b), n);
      n += 3;
    }
  }
  const geom = new BufferGeometry();
  geom.setAttribute('position', new BufferAttribute(pos.subarray(0, n), 3));
  const mat = new MeshBasicMaterial({ color, transparent: true, opacity, side: 2, depthWrite: false });
  const mesh = new Mesh(geom, mat);
  mesh.name = name;
  mesh.renderOrder = -1;
  return mesh;
}
