import {
  BufferAttribute,
  BufferGeometry,
  DoubleSide,
  Group,
  LineBasicMaterial,
  LineLoop,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
} from 'three';
import type { Mosaic, RoomEstimate } from '../core/mosaic/types';
import { floorFrame, fromFloor, toFloor, type FloorFrame } from '../core/mosaic/floorFrame';

/**
 * The floor: a 1 m grid under the scene, plus the bird's-eye occupancy cells (free = dim blue, occupied =
 * orange). Drawn in the mosaic's floor frame, where occupancy keys "i,j" are floor(a / cellSize), floor(b / cellSize).
 */
export function buildFloorLayer(mosaic: Mosaic): Group {
  const group = new Group();
  group.name = 'floor';
  const f = floorFrame(mosaic.up);
  const h = floorHeight(mosaic, f);

  // Extent on the floor from everything we know, padded by half a metre to whole metres.
  let minA = Infinity,
    maxA = -Infinity,
    minB = Infinity,
    maxB = -Infinity;
  const grow = (a: number, b: number, r = 0) => {
    minA = Math.min(minA, a - r);
    maxA = Math.max(maxA, a + r);
    minB = Math.min(minB, b - r);
    maxB = Math.max(maxB, b + r);
  };
  for (const o of mosaic.objects) {
    const [a, b] = toFloor(f, o.center);
    grow(a, b, Math.hypot(o.size[0], o.size[1]) / 2);
  }
  for (const k of mosaic.trajectory) {
    const [a, b] = toFloor(f, [k.pose[3], k.pose[7], k.pose[11]]);
    grow(a, b);
  }
  if (!Number.isFinite(minA)) [minA, maxA, minB, maxB] = [-3, 3, -3, 3];
  minA = Math.floor(minA - 0.5);
  maxA = Math.ceil(maxA + 0.5);
  minB = Math.floor(minB - 0.5);
  maxB = Math.ceil(maxB + 0.5);

  const lines: number[] = [];
  for (let a = minA; a <= maxA; a++) lines.push(...fromFloor(f, a, minB, h), ...fromFloor(f, a, maxB, h));
  for (let b = minB; b <= maxB; b++) lines.push(...fromFloor(f, minA, b, h), ...fromFloor(f, maxA, b, h));
  const gridGeom = new BufferGeometry();
  gridGeom.setAttribute('position', new BufferAttribute(new Float32Array(lines), 3));
  const grid = new LineSegments(gridGeom, new LineBasicMaterial({ color: 0x3a4656 }));
  grid.name = 'grid';
  group.add(grid);

  const occ = mosaic.occupancy;
  if (occ?.room) group.add(roomOutline(occ.room, f, h + 0.006));
  if (occ && occ.cellSize > 0) {
    // A hair above the grid so the cells never z-fight with it.
    group.add(cellsMesh(occ.free, occ.cellSize, f, h + 0.002, 0x1f4a6b, 0.5, 'free'));
    group.add(cellsMesh(occ.occupied, occ.cellSize, f, h + 0.004, 0xc07030, 0.7, 'occupied'));
  }
  return group;
}

/**
 * Floor height along up: fusion's own estimate from depth when it has one, else the lowest object bottom,
 * else 1.4 m under the lowest camera, else 0.
 */
export function floorHeight(mosaic: Mosaic, f: FloorFrame = floorFrame(mosaic.up)): number {
  if (mosaic.occupancy?.floorHeight !== undefined && Number.isFinite(mosaic.occupancy.floorHeight))
    return mosaic.occupancy.floorHeight;
  let h = Infinity;
  for (const o of mosaic.objects) h = Math.min(h, toFloor(f, o.center)[2] - o.size[2] / 2);
  if (Number.isFinite(h)) return h;
  for (const k of mosaic.trajectory) h = Math.min(h, toFloor(f, [k.pose[3], k.pose[7], k.pose[11]])[2] - 1.4);
  return Number.isFinite(h) ? h : 0;
}

function cellsMesh(
  keys: readonly string[],
  cell: number,
  f: FloorFrame,
  h: number,
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
      a1 = a0 + cell,
      b0 = j * cell,
      b1 = b0 + cell;
    for (const [a, b] of [
      [a0, b0],
      [a1, b0],
      [a1, b1],
      [a0, b0],
      [a1, b1],
      [a0, b1],
    ]) {
      pos.set(fromFloor(f, a, b, h), n);
      n += 3;
    }
  }
  const geom = new BufferGeometry();
  geom.setAttribute('position', new BufferAttribute(pos.subarray(0, n), 3));
  const mat = new MeshBasicMaterial({
    color,
    transparent: true,
    opacity,
    side: DoubleSide,
    depthWrite: false,
  });
  const mesh = new Mesh(geom, mat);
  mesh.name = name;
  mesh.renderOrder = -1;
  return mesh;
}

/** The estimated room: an oriented rectangle on the floor (centre, size, yaw about up from e1). */
function roomOutline(room: RoomEstimate, f: FloorFrame, h: number): LineLoop {
  const [ca, cb] = room.center;
  const [hx, hy] = [room.size[0] / 2, room.size[1] / 2];
  const c = Math.cos(room.yaw);
  const s = Math.sin(room.yaw);
  const pos: number[] = [];
  for (const [x, y] of [
    [-hx, -hy],
    [hx, -hy],
    [hx, hy],
    [-hx, hy],
  ]) {
    pos.push(...fromFloor(f, ca + x * c - y * s, cb + x * s + y * c, h));
  }
  const geom = new BufferGeometry();
  geom.setAttribute('position', new BufferAttribute(new Float32Array(pos), 3));
  const loop = new LineLoop(geom, new LineBasicMaterial({ color: 0x8fd3ff }));
  loop.name = 'room';
  return loop;
}
