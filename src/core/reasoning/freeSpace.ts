import type { Vec3 } from '../geometry/types';
import { floorFrame, toFloor, type FloorFrame } from '../mosaic/floorFrame';
import type { Mosaic, MosaicObject } from '../mosaic/types';

/**
 * Walking over the mosaic's free space: the occupancy grid (fusion's sparse floor grid, cells "i,j" =
 * floor coordinates / cellSize, floored) read as a map to walk on. A route leg "go forward until X" is checked
 * along its straight line (blocked where it crosses an occupied cell) and, when blocked, searched for a path
 * over cells seen free (A*, 8-connected, no corner cutting). The objects the leg starts and ends at stand on
 * cells fusion marks occupied, so their footprints (plus a small margin) count as walkable for that leg.
 */
export interface FreeSpace {
  readonly cellSize: number;
  readonly frame: FloorFrame;
  readonly free: ReadonlySet<string>;
  readonly occupied: ReadonlySet<string>;
}

export type P2 = readonly [number, number];

export interface LegCheck {
  /** Straight-line length, metres on the floor. */
  readonly straight: number;
  /** No occupied cell on the straight line (outside the endpoints' footprints). */
  readonly clear: boolean;
  /** The first occupied point on the straight line (floor coordinates), when blocked. */
  readonly blockedAt?: P2;
  /** When blocked: waypoints (cell centres, floor coordinates) of the shortest path over free space. */
  readonly path?: P2[];
  /** Length of that path, metres; undefined when blocked and no path over seen free space exists. */
  readonly length?: number;
}

/** Footprint margin that still counts as "at" the object. */
const AT_MARGIN = 0.15;

/** The mosaic's free space, or undefined when it has no occupancy cells. */
export function freeSpaceOf(m: Mosaic): FreeSpace | undefined {
  const occ = m.occupancy;
  if (!occ || occ.free.length + occ.occupied.length === 0) return undefined;
  return {
    cellSize: occ.cellSize,
    frame: floorFrame(m.up),
    free: new Set(occ.free),
    occupied: new Set(occ.occupied),
  };
}

const key = (i: number, j: number): string => `${i},${j}`;
const cellOf = (s: FreeSpace, p: P2): [number, number] => [
  Math.floor(p[0] / s.cellSize),
  Math.floor(p[1] / s.cellSize),
];
const floor2 = (s: FreeSpace, p: Vec3): P2 => {
  const f = toFloor(s.frame, p);
  return [f[0], f[1]];
};

/** Cells under an object's footprint (its yawed box on the floor), grown by `margin` metres. */
export function footprintCells(s: FreeSpace, o: MosaicObject, margin = AT_MARGIN): Set<string> {
  const [a, b] = floor2(s, o.center);
  const c = Math.cos(o.yaw);
  const sn = Math.sin(o.yaw);
  const hu = o.size[0] / 2 + margin;
  const hw = o.size[1] / 2 + margin;
  const step = s.cellSize / 2;
  const out = new Set<string>();
  for (let u = -hu; u <= hu + 1e-9; u += step)
    for (let w = -hw; w <= hw + 1e-9; w += step) {
      const [i, j] = cellOf(s, [a + c * u - sn * w, b + sn * u + c * w]);
      out.add(key(i, j));
    }
  return out;
}

/** Cells the straight segment a → b passes through, in order (sampled at a quarter cell). */
export function segmentCells(s: FreeSpace, a: P2, b: P2): { cell: string; at: P2 }[] {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const n = Math.max(1, Math.ceil(len / (s.cellSize / 4)));
  const out: { cell: string; at: P2 }[] = [];
  for (let k = 0; k <= n; k++) {
    const at: P2 = [a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n];
    const [i, j] = cellOf(s, at);
    const c = key(i, j);
    if (out.at(-1)?.cell !== c) out.push({ cell: c, at });
  }
  return out;
}

/** Shortest 8-connected path over walkable cells (A*); cell-centre waypoints, or undefined when none. */
export function findPath(
  s: FreeSpace,
  from: P2,
  to: P2,
  walkable: (cell: string) => boolean,
): P2[] | undefined {
  const [si, sj] = cellOf(s, from);
  const [gi, gj] = cellOf(s, to);
  const start = key(si, sj);
  const goal = key(gi, gj);
  const h = (i: number, j: number): number => {
    const dx = Math.abs(i - gi);
    const dy = Math.abs(j - gj);
    return Math.max(dx, dy) + (Math.SQRT2 - 1) * Math.min(dx, dy);
  };
  const g = new Map<string, number>([[start, 0]]);
  const prev = new Map<string, string>();
  const closed = new Set<string>();
  // A binary heap keyed on f = g + h.
  const heap: { f: number; i: number; j: number }[] = [];
  const push = (e: { f: number; i: number; j: number }): void => {
    heap.push(e);
    let k = heap.length - 1;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (heap[p].f <= heap[k].f) break;
      [heap[p], heap[k]] = [heap[k], heap[p]];
      k = p;
    }
  };
  const pop = (): { f: number; i: number; j: number } => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < heap.length && heap[l].f < heap[m].f) m = l;
        if (r < heap.length && heap[r].f < heap[m].f) m = r;
        if (m === k) break;
        [heap[m], heap[k]] = [heap[k], heap[m]];
        k = m;
      }
    }
    return top;
  };
  push({ f: h(si, sj), i: si, j: sj });
  while (heap.length) {
    const { i, j } = pop();
    const c = key(i, j);
    if (closed.has(c)) continue;
    closed.add(c);
    if (c === goal) {
      const cells: string[] = [c];
      while (prev.has(cells[0])) cells.unshift(prev.get(cells[0])!);
      return cells.map((k) => {
        const [a, b] = k.split(',').map(Number);
        return [(a + 0.5) * s.cellSize, (b + 0.5) * s.cellSize] as P2;
      });
    }
    for (let di = -1; di <= 1; di++)
      for (let dj = -1; dj <= 1; dj++) {
        if (di === 0 && dj === 0) continue;
        const n = key(i + di, j + dj);
        if (closed.has(n) || !walkable(n)) continue;
        // No cutting a corner between two cells that cannot be walked.
        if (di !== 0 && dj !== 0 && (!walkable(key(i + di, j)) || !walkable(key(i, j + dj)))) continue;
        const ng = g.get(c)! + (di !== 0 && dj !== 0 ? Math.SQRT2 : 1);
        if (ng < (g.get(n) ?? Infinity)) {
          g.set(n, ng);
          prev.set(n, c);
          push({ f: ng + h(i + di, j + dj), i: i + di, j: j + dj });
        }
      }
  }
  return undefined;
}

const pathLength = (p: readonly P2[]): number =>
  p.reduce((sum, q, k) => (k ? sum + Math.hypot(q[0] - p[k - 1][0], q[1] - p[k - 1][1]) : 0), 0);

/**
 * Checks the leg from `from` (a point, or the object it starts at) to the object `to` against free space:
 * clear when its straight line crosses no occupied cell, else the shortest path over free cells.
 */
export function checkLeg(s: FreeSpace, from: Vec3 | MosaicObject, to: MosaicObject): LegCheck {
  const fromObj = 'center' in from ? from : undefined;
  const a = floor2(s, fromObj ? fromObj.center : (from as Vec3));
  const b = floor2(s, to.center);
  const ends = new Set([...footprintCells(s, to), ...(fromObj ? footprintCells(s, fromObj) : [])]);
  const [si, sj] = cellOf(s, a);
  ends.add(key(si, sj));
  const straight = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const hit = segmentCells(s, a, b).find((c) => s.occupied.has(c.cell) && !ends.has(c.cell));
  if (!hit) return { straight, clear: true };
  const walkable = (c: string): boolean => ends.has(c) || (s.free.has(c) && !s.occupied.has(c));
  const path = findPath(s, a, b, walkable);
  if (!path) return { straight, clear: false, blockedAt: hit.at };
  // Exact endpoints instead of their cells' centres.
  const full: P2[] = [a, ...path.slice(1, -1), b];
  return { straight, clear: false, blockedAt: hit.at, path: full, length: pathLength(full) };
}

/** One line for the trace and the prompt. */
export function describeLeg(n: number, fromLabel: string, toLabel: string, c: LegCheck): string {
  const head = `route leg ${n} (${fromLabel} → ${toLabel}, ${c.straight.toFixed(1)} m)`;
  if (c.clear) return `${head}: straight line over free space`;
  const at = c.blockedAt ? ` at (${c.blockedAt[0].toFixed(1)}, ${c.blockedAt[1].toFixed(1)})` : '';
  return c.length === undefined
    ? `${head}: blocked${at}; no path over the free space seen so far`
    : `${head}: blocked${at}; ${c.length.toFixed(1)} m around it over free space`;
}
