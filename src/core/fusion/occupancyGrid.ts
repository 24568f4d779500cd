import type { CameraToWorld, Intrinsics } from '../geometry/types';
import type { FloorFrame } from '../mosaic/floorFrame';
import type { DepthImage } from '../perception/types';

/**
 * A sparse floor-plane grid built from depth: each sampled depth point votes "floor" (near the floor
 * height) or "obstacle" (0.1–2 m above it) for its cell; cells under the camera path are free. The floor
 * height is the lowest strong peak of a height histogram of all samples. Memory grows with the area seen,
 * cost per keyframe with the samples taken (bounded), never with the number of frames.
 */
const HBIN = 0.05;

export class OccupancyAccumulator {
  private readonly cells = new Map<string, { floor: number; obstacle: number }>();
  private readonly visited = new Set<string>();
  private readonly heights = new Map<number, { n: number; sum: number }>();
  private samples = 0;
  private readonly changed = new Map<string, [number, number]>();

  constructor(
    readonly cellSize = 0.1,
    readonly maxSamples = 1200,
  ) {}

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
    this.visited.add(this.cellKey(rows[0][3], rows[1][3]));
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

  /** Free and occupied cells ("i,j" in floor coordinates / cellSize); `blocked` adds object footprints. */
  cellsByState(blocked: Iterable<string>): { free: string[]; occupied: string[] } {
    const occupied = new Set<string>(blocked);
    const free = new Set<string>(this.visited);
    for (const [key, c] of this.cells) {
      if (c.obstacle > c.floor) occupied.add(key);
      else if (c.floor > 0 && !occupied.has(key)) free.add(key);
    }
    for (const key of occupied) free.delete(key);
    const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    return { free: [...free].sort(byKey), occupied: [...occupied].sort(byKey) };
  }
}
