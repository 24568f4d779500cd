import type { CameraToWorld, Intrinsics } from '../geometry/types';
import type { FloorFrame } from '../mosaic/floorFrame';
import type { OccupancyGrid, RoomEstimate } from '../mosaic/types';
import type { DepthImage } from '../perception/types';

/**
 * A sparse floor-plane grid built from depth: each sampled depth point votes "floor" (near the floor
 * height) or "obstacle" (0.1–2 m above it) for its cell; cells under the camera path are free. The floor
 * height is the lowest strong peak of a height histogram of all samples. Memory grows with the area seen,
 * cost per keyframe with the samples taken (bounded), never with the number of frames.
 *
 * The grid is kept incrementally: each cell's state (free / occupied, object footprints included through
 * `block`) is updated when one of its inputs changes, the cells whose state changed since the last
 * `takeDelta` are tracked, and the room estimate is read from per-yaw projection histograms updated per
 * changed cell. So a keyframe costs O(cells it touched), never O(cells seen).
 */
const HBIN = 0.05;
/** Yaw steps of the room estimate (3° over [0°, 90°), as the room's former fitFloorBox(…, 3)). */
const ROOM_STEP_DEG = 3;
const ROOM_YAWS = 90 / ROOM_STEP_DEG;
/** Projection histogram bin, as a fraction of the cell size: trimmed extents are exact to ±half a bin. */
const ROOM_BIN = 0.1;

const FREE = 1;
const OCCUPIED = 2;
type CellState = 0 | typeof FREE | typeof OCCUPIED;

/**
 * What a keyframe changed in the occupancy grid: cells that became / stopped being free or occupied (a cell
 * turning from free to occupied is in removeFree and addOccupied), and the floor height and room estimate
 * as they are now. Applying the deltas in order to an empty grid (`OccupancyReplay`) gives the grid.
 */
export interface OccupancyDelta {
  readonly cellSize: number;
  readonly addFree: string[];
  readonly removeFree: string[];
  readonly addOccupied: string[];
  readonly removeOccupied: string[];
  readonly floorHeight?: number;
  readonly room?: RoomEstimate;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const round = (x: number): number => Math.round(x * 10000) / 10000;

export class OccupancyAccumulator {
  private readonly cells = new Map<string, { floor: number; obstacle: number }>();
  private readonly visited = new Set<string>();
  private readonly heights = new Map<number, { n: number; sum: number }>();
  private samples = 0;
  private readonly changed = new Map<string, [number, number]>();
  /** Object footprints: cell → number of shown objects covering it. */
  private readonly blocked = new Map<string, number>();
  /** Current state of every seen cell (free or occupied). */
  private readonly state = new Map<string, CellState>();
  /** Cells whose state changed since the last takeDelta → their state then. */
  private readonly dirty = new Map<string, CellState>();
  /** Per yaw step: histogram of the seen cells' centres projected on the yawed e1 / e2 (bin → count). */
  private readonly projU: Map<number, number>[] = [];
  private readonly projW: Map<number, number>[] = [];
  private readonly projRange: [number, number, number, number][] = [];
  private readonly trig: [number, number][] = [];
  private seenCount = 0;
  private roomCache?: RoomEstimate;
  private roomStale = false;
  private lastFloor?: number;
  private lastRoom?: RoomEstimate;

  constructor(
    readonly cellSize = 0.1,
    readonly maxSamples = 1200,
  ) {
    for (let i = 0; i < ROOM_YAWS; i++) {
      const yaw = (i * ROOM_STEP_DEG * Math.PI) / 180;
      this.trig.push([Math.cos(yaw), Math.sin(yaw)]);
      this.projU.push(new Map());
      this.projW.push(new Map());
      this.projRange.push([Infinity, -Infinity, Infinity, -Infinity]);
    }
  }

  /** Height of the floor along up (metres), or undefined before any depth was seen. */
  floorHeight(): number | undefined {
    if (this.samples === 0) return undefined;
    const bins = [...this.heights.entries()].sort((a, b) => a[0] - b[0]);
    // Lowest bin at the 0.5th percentile, then the strongest bin within 30 cm above it (the floor peak),
    // refined to the mean height of the samples around that peak.
    let acc = 0;
    let start = 0;
    for (let i = 0; i < bins.length; i++) {
      acc += bins[i][1].n;
      if (acc >= 0.005 * this.samples) {
        start = i;
        break;
      }
    }
    let best = start;
    for (let i = start; i < bins.length && bins[i][0] <= bins[start][0] + 6; i++)
      if (bins[i][1].n > bins[best][1].n) best = i;
    let n = 0;
    let sum = 0;
    for (let i = Math.max(0, best - 1); i <= Math.min(bins.length - 1, best + 1); i++) {
      if (Math.abs(bins[i][0] - bins[best][0]) > 1) continue;
      n += bins[i][1].n;
      sum += bins[i][1].sum;
    }
    return sum / n;
  }

  addKeyframe(pose: CameraToWorld, k: Intrinsics, depth: DepthImage, frame: FloorFrame): void {
    const rows = [frame.e1, frame.e2, frame.up].map((e) => [
      e[0] * pose[0] + e[1] * pose[4] + e[2] * pose[8],
      e[0] * pose[1] + e[1] * pose[5] + e[2] * pose[9],
      e[0] * pose[2] + e[1] * pose[6] + e[2] * pose[10],
      e[0] * pose[3] + e[1] * pose[7] + e[2] * pose[11],
    ]);
    const camKey = this.cellKey(rows[0][3], rows[1][3]);
    if (!this.visited.has(camKey)) {
      this.visited.add(camKey);
      this.update(camKey);
    }
    const sx = depth.width / k.width,
      sy = depth.height / k.height;
    const fx = k.fx * sx,
      fy = k.fy * sy,
      cx = (k.cx + 0.5) * sx - 0.5,
      cy = (k.cy + 0.5) * sy - 0.5;
    const stride = Math.max(1, Math.floor(Math.sqrt((depth.width * depth.height) / this.maxSamples)));
    const pts: number[] = [];
    for (let v = stride >> 1; v < depth.height; v += stride) {
      for (let u = stride >> 1; u < depth.width; u += stride) {
        const z = depth.data[v * depth.width + u];
        if (!(z > 0.05 && z < 10)) continue;
        const x = ((u - cx) * z) / fx,
          y = ((v - cy) * z) / fy;
        const p = rows.map((r) => r[0] * x + r[1] * y + r[2] * z + r[3]);
        pts.push(p[0], p[1], p[2]);
        const bin = Math.floor(p[2] / HBIN);
        const hb = this.heights.get(bin);
        if (hb) {
          hb.n++;
          hb.sum += p[2];
        } else this.heights.set(bin, { n: 1, sum: p[2] });
        this.samples++;
      }
    }
    const floorH = this.floorHeight() ?? 0;
    this.changed.clear();
    for (let i = 0; i < pts.length; i += 3) {
      const rel = pts[i + 2] - floorH;
      if (rel > 2.0) continue;
      const key = this.cellKey(pts[i], pts[i + 1]);
      let c = this.cells.get(key);
      if (!c) this.cells.set(key, (c = { floor: 0, obstacle: 0 }));
      const seen = c.floor > 0 && c.obstacle === 0;
      if (rel < 0.06) c.floor++;
      else if (rel > 0.1) c.obstacle++;
      if (seen !== (c.floor > 0 && c.obstacle === 0)) this.changed.set(key, [pts[i], pts[i + 1]]);
      this.update(key);
    }
  }

  /** Cells whose `floorSeen` answer changed in the last keyframe (key → a point in the cell). */
  get floorSeenChanged(): ReadonlyMap<string, readonly [number, number]> {
    return this.changed;
  }

  /** Whether floor was seen in the cell holding (a, b) and nothing stood there. */
  floorSeen(a: number, b: number): boolean {
    const c = this.cells.get(this.cellKey(a, b));
    return c !== undefined && c.floor > 0 && c.obstacle === 0;
  }

  cellKey(a: number, b: number): string {
    return `${Math.floor(a / this.cellSize)},${Math.floor(b / this.cellSize)}`;
  }

  /** Moves object footprints: `remove` are cells an object no longer covers, `add` the cells it covers now. */
  block(remove: readonly string[], add: readonly string[]): void {
    for (const k of remove) {
      const n = (this.blocked.get(k) ?? 0) - 1;
      if (n > 0) this.blocked.set(k, n);
      else this.blocked.delete(k);
    }
    for (const k of add) this.blocked.set(k, (this.blocked.get(k) ?? 0) + 1);
    for (const k of remove) this.update(k);
    for (const k of add) this.update(k);
  }

  /** Recomputes one cell's state from its inputs; records the change and feeds the room histograms. */
  private update(key: string): void {
    const c = this.cells.get(key);
    const next: CellState =
      this.blocked.has(key) || (c !== undefined && c.obstacle > c.floor)
        ? OCCUPIED
        : this.visited.has(key) || (c !== undefined && c.floor > 0)
          ? FREE
          : 0;
    const prev = this.state.get(key) ?? 0;
    if (next === prev) return;
    if (!this.dirty.has(key)) this.dirty.set(key, prev);
    else if (this.dirty.get(key) === next) this.dirty.delete(key);
    if (next) this.state.set(key, next);
    else this.state.delete(key);
    if (!prev !== !next) this.project(key, next ? 1 : -1);
  }

  private project(key: string, dn: number): void {
    const comma = key.indexOf(',');
    const cs = this.cellSize;
    const a = (Number(key.slice(0, comma)) + 0.5) * cs;
    const b = (Number(key.slice(comma + 1)) + 0.5) * cs;
    const bin = cs * ROOM_BIN;
    this.seenCount += dn;
    this.roomStale = true;
    for (let i = 0; i < ROOM_YAWS; i++) {
      const [c, s] = this.trig[i];
      const u = Math.floor((c * a + s * b) / bin);
      const w = Math.floor((-s * a + c * b) / bin);
      const hu = this.projU[i],
        hw = this.projW[i];
      const nu = (hu.get(u) ?? 0) + dn;
      if (nu) hu.set(u, nu);
      else hu.delete(u);
      const nw = (hw.get(w) ?? 0) + dn;
      if (nw) hw.set(w, nw);
      else hw.delete(w);
      const r = this.projRange[i];
      if (u < r[0]) r[0] = u;
      if (u > r[1]) r[1] = u;
      if (w < r[2]) r[2] = w;
      if (w > r[3]) r[3] = w;
    }
  }

  /**
   * The room: the smallest oriented rectangle (yaw in 3° steps) around the seen cells' centres, 1% trimmed
   * on each side once there are 100 cells (as fitFloorBox(…, 3) on the cells), plus one cell. Read from the
   * projection histograms: O(yaw steps × bins walked at the edges), not O(cells seen).
   */
  room(): RoomEstimate | undefined {
    if (!this.roomStale) return this.roomCache;
    this.roomStale = false;
    const n = this.seenCount;
    if (n < 10) return (this.roomCache = undefined);
    const trim = n >= 100 ? Math.floor(n * 0.01) : 0;
    const bin = this.cellSize * ROOM_BIN;
    // Centre of the bin holding the value of rank `trim` from the low (dir 1) or high (dir -1) end.
    const ranked = (h: Map<number, number>, from: number, to: number, dir: number): number => {
      let acc = 0;
      for (let k = from; dir > 0 ? k <= to : k >= to; k += dir) {
        acc += h.get(k) ?? 0;
        if (acc > trim) return (k + 0.5) * bin;
      }
      return (from + 0.5) * bin;
    };
    let best = { cost: Infinity, i: 0, u0: 0, u1: 0, w0: 0, w1: 0 };
    for (let i = 0; i < ROOM_YAWS; i++) {
      const r = this.projRange[i];
      const u0 = ranked(this.projU[i], r[0], r[1], 1),
        u1 = ranked(this.projU[i], r[1], r[0], -1);
      const w0 = ranked(this.projW[i], r[2], r[3], 1),
        w1 = ranked(this.projW[i], r[3], r[2], -1);
      const cost = (u1 - u0) * (w1 - w0);
      if (cost < best.cost - 1e-9 * Math.abs(cost)) best = { cost, i, u0, u1, w0, w1 };
    }
    const [c, s] = this.trig[best.i];
    const um = (best.u0 + best.u1) / 2,
      wm = (best.w0 + best.w1) / 2;
    const cs = this.cellSize;
    const size: [number, number] = [round(best.u1 - best.u0 + cs), round(best.w1 - best.w0 + cs)];
    return (this.roomCache = {
      center: [round(c * um - s * wm), round(s * um + c * wm)],
      size,
      yaw: round((best.i * ROOM_STEP_DEG * Math.PI) / 180),
      area: round(size[0] * size[1]),
    });
  }

  /** The whole grid (sorted cell keys): O(cells seen), for snapshots only. */
  grid(): OccupancyGrid {
    const free: string[] = [];
    const occupied: string[] = [];
    for (const [k, st] of this.state) (st === OCCUPIED ? occupied : free).push(k);
    const floorH = this.floorHeight();
    return {
      cellSize: this.cellSize,
      free: free.sort(byKey),
      occupied: occupied.sort(byKey),
      floorHeight: floorH === undefined ? undefined : round(floorH),
      room: this.room(),
    };
  }

  /**
   * The cells whose state changed since the last call, with the floor height and room now; undefined when
   * nothing (cells, floor height, room) changed. O(cells changed).
   */
  takeDelta(): OccupancyDelta | undefined {
    const addFree: string[] = [],
      removeFree: string[] = [],
      addOccupied: string[] = [],
      removeOccupied: string[] = [];
    for (const [k, prev] of this.dirty) {
      const now = this.state.get(k) ?? 0;
      if (now === prev) continue;
      if (prev === FREE) removeFree.push(k);
      if (prev === OCCUPIED) removeOccupied.push(k);
      if (now === FREE) addFree.push(k);
      if (now === OCCUPIED) addOccupied.push(k);
    }
    this.dirty.clear();
    const fh = this.floorHeight();
    const floorHeight = fh === undefined ? undefined : round(fh);
    const room = this.room();
    const cellsChanged = addFree.length + removeFree.length + addOccupied.length + removeOccupied.length > 0;
    if (!cellsChanged && floorHeight === this.lastFloor && sameRoom(room, this.lastRoom)) return undefined;
    this.lastFloor = floorHeight;
    this.lastRoom = room;
    return {
      cellSize: this.cellSize,
      addFree: addFree.sort(byKey),
      removeFree: removeFree.sort(byKey),
      addOccupied: addOccupied.sort(byKey),
      removeOccupied: removeOccupied.sort(byKey),
      ...(floorHeight === undefined ? {} : { floorHeight }),
      ...(room ? { room } : {}),
    };
  }
}

function sameRoom(a?: RoomEstimate, b?: RoomEstimate): boolean {
  if (!a || !b) return a === b;
  return (
    a.center[0] === b.center[0] &&
    a.center[1] === b.center[1] &&
    a.size[0] === b.size[0] &&
    a.size[1] === b.size[1] &&
    a.yaw === b.yaw
  );
}

/** Folds two consecutive deltas into one (a write that failed carried into the next). */
export function mergeOccupancyDeltas(
  prev: OccupancyDelta | undefined,
  next: OccupancyDelta | undefined,
): OccupancyDelta | undefined {
  if (!prev || !next) return next ?? prev;
  // Net effect of prev then next on each touched cell, as (was, is) pairs.
  const before = new Map<string, CellState>();
  const after = new Map<string, CellState>();
  const visit = (d: OccupancyDelta): void => {
    for (const k of d.removeFree) if (!before.has(k)) before.set(k, FREE);
    for (const k of d.removeOccupied) if (!before.has(k)) before.set(k, OCCUPIED);
    for (const k of [...d.addFree, ...d.addOccupied]) if (!before.has(k)) before.set(k, 0);
    for (const k of d.removeFree) after.set(k, 0);
    for (const k of d.removeOccupied) after.set(k, 0);
    for (const k of d.addFree) after.set(k, FREE);
    for (const k of d.addOccupied) after.set(k, OCCUPIED);
  };
  visit(prev);
  visit(next);
  const out = {
    addFree: [] as string[],
    removeFree: [] as string[],
    addOccupied: [] as string[],
    removeOccupied: [] as string[],
  };
  for (const [k, is] of after) {
    const was = before.get(k) ?? 0;
    if (was === is) continue;
    if (was === FREE) out.removeFree.push(k);
    if (was === OCCUPIED) out.removeOccupied.push(k);
    if (is === FREE) out.addFree.push(k);
    if (is === OCCUPIED) out.addOccupied.push(k);
  }
  return {
    cellSize: next.cellSize,
    addFree: out.addFree.sort(byKey),
    removeFree: out.removeFree.sort(byKey),
    addOccupied: out.addOccupied.sort(byKey),
    removeOccupied: out.removeOccupied.sort(byKey),
    ...(next.floorHeight === undefined ? {} : { floorHeight: next.floorHeight }),
    ...(next.room ? { room: next.room } : {}),
  };
}

/** Rebuilds a grid from a snapshot and the deltas after it (storage replay). */
export class OccupancyReplay {
  private cellSize?: number;
  private readonly free = new Set<string>();
  private readonly occupied = new Set<string>();
  private floorHeight?: number;
  private room?: RoomEstimate;

  /** Starts over from a whole grid (a snapshot, or a record of the old whole-grid format). */
  reset(grid: OccupancyGrid): void {
    this.cellSize = grid.cellSize;
    this.free.clear();
    this.occupied.clear();
    for (const k of grid.free) this.free.add(k);
    for (const k of grid.occupied) this.occupied.add(k);
    this.floorHeight = grid.floorHeight;
    this.room = grid.room;
  }

  apply(d: OccupancyDelta): void {
    this.cellSize = d.cellSize;
    for (const k of d.removeFree) this.free.delete(k);
    for (const k of d.removeOccupied) this.occupied.delete(k);
    for (const k of d.addFree) this.free.add(k);
    for (const k of d.addOccupied) this.occupied.add(k);
    this.floorHeight = d.floorHeight;
    this.room = d.room;
  }

  grid(): OccupancyGrid | undefined {
    if (this.cellSize === undefined) return undefined;
    return {
      cellSize: this.cellSize,
      free: [...this.free].sort(byKey),
      occupied: [...this.occupied].sort(byKey),
      floorHeight: this.floorHeight,
      ...(this.room ? { room: this.room } : {}),
    };
  }
}

/** Whether a stored occupancy value is a delta (storage v2) rather than a whole grid (v1 records). */
export function isOccupancyDelta(x: OccupancyDelta | OccupancyGrid): x is OccupancyDelta {
  return Array.isArray((x as OccupancyDelta).addFree);
}
