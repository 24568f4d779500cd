import type { Observation } from '../mosaic/types';
import type { WallVote } from './wallCompletion';

/**
 * One fused object: a bounded voxel summary of the surface points seen so far (5 cm voxels holding point
 * sums, so bounds keep sub-voxel precision), a coarser footprint map used for association, and the label
 * distribution. Every update costs O(points of this observation + voxels of this object), never O(frames).
 */
export const VOXEL = 0.05;
const MAX_VOXELS = 2500;
const RECENT = 8;
const K = 1 << 20;
const M = 1 << 21;

export interface Bounds {
  /** Floor-frame axis-aligned bounds [a, b, h]. */
  lo: [number, number, number];
  hi: [number, number, number];
}

interface VoxelStat {
  n: number;
  sa: number;
  sb: number;
  sh: number;
}

export const footprintKey = (ia: number, ib: number): number => (ia + K) * M + (ib + K);

export class ObjectInstance {
  readonly votes = new Map<string, { weight: number; count: number }>();
  /** The detector's next-best classes for its boxes (Detection.alternatives), score sums per label. */
  readonly alternatives = new Map<string, number>();
  readonly recent: Observation[] = [];
  observations = 0;
  /** Observations whose box showed all of it (not cut by the image border nor by the depth's view). */
  wholeViews = 0;
  scoreSum = 0;
  /** Support surfaces (table tops) found under this object: sum and count of their heights. */
  supportSum = 0;
  supportCount = 0;
  lastSeenFrame: number;
  bounds: Bounds = { lo: [0, 0, 0], hi: [0, 0, 0] };
  /** Footprint cells (VOXEL grid, dilated by one cell) → height interval, for association. */
  readonly footprint = new Map<number, [number, number]>();
  /** Walls found behind it in its views (for completing a hidden back to the wall). */
  readonly walls: WallVote[] = [];
  /** Ids of compatible-label instances seen as separate objects in one frame (never duplicates). */
  readonly apart = new Set<string>();
  /** Cells of the spatial hash this instance is registered in. */
  hashCells: number[] = [];
  private voxels = new Map<number, VoxelStat>();
  private voxel = VOXEL;
  private top?: number;
  /** Cached oriented box, recomputed lazily after updates. */
  orientedDirty = true;

  constructor(
    readonly id: string,
    /** The earliest frame seen so far (frames perceived out of order can move it earlier). */
    public firstSeenFrame: number,
    public firstSeenTime: number,
  ) {
    this.lastSeenFrame = firstSeenFrame;
  }

  get label(): string {
    let best = '';
    let bestW = -1;
    for (const [label, v] of this.votes)
      if (v.weight > bestW || (v.weight === bestW && label < best)) [best, bestW] = [label, v.weight];
    return best;
  }

  get voxelCount(): number {
    return this.voxels.size;
  }

  /**
   * One detection's points. `alsoLabels` are the same frame's other labels for the same box (a detector that
   * says bed 0.5 and chair 0.4 for one armchair): votes, not extra observations.
   */
  addObservation(
    points: Float64Array,
    obs: Observation,
    time: number,
    alsoLabels: readonly { label: string; score: number }[] = [],
    alternatives: readonly { label: string; score: number }[] = [],
  ): void {
    for (const v of alternatives)
      this.alternatives.set(v.label, (this.alternatives.get(v.label) ?? 0) + v.score);
    this.observations++;
    this.scoreSum += obs.score;
    this.lastSeenFrame = Math.max(this.lastSeenFrame, obs.frame);
    if (obs.frame < this.firstSeenFrame) {
      this.firstSeenFrame = obs.frame;
      this.firstSeenTime = time;
    }
    for (const v of [{ label: obs.label, score: obs.score }, ...alsoLabels]) {
      const vote = this.votes.get(v.label) ?? { weight: 0, count: 0 };
      vote.weight += v.score;
      vote.count++;
      this.votes.set(v.label, vote);
    }
    this.recent.push(obs);
    if (this.recent.length > RECENT) this.recent.shift();
    for (let i = 0; i < points.length; i += 3) this.addPoint(points[i], points[i + 1], points[i + 2]);
    if (this.voxels.size > MAX_VOXELS) this.coarsen();
    this.updateBounds();
    this.orientedDirty = true;
  }

  /**
   * Takes another instance's sightings (count, scores, label votes, first and last seen) but not its
   * surface: it was a piece of this object whose points were lifted wrong (see InstanceRegistry.fragmentOf).
   */
  absorbSightings(other: ObjectInstance): void {
    this.observations += other.observations;
    this.wholeViews += other.wholeViews;
    this.scoreSum += other.scoreSum;
    for (const id of other.apart) this.apart.add(id);
    this.lastSeenFrame = Math.max(this.lastSeenFrame, other.lastSeenFrame);
    if (other.firstSeenFrame < this.firstSeenFrame) {
      this.firstSeenFrame = other.firstSeenFrame;
      this.firstSeenTime = other.firstSeenTime;
    }
    for (const [label, v] of other.votes) {
      const mine = this.votes.get(label) ?? { weight: 0, count: 0 };
      this.votes.set(label, { weight: mine.weight + v.weight, count: mine.count + v.count });
    }
    for (const [label, w] of other.alternatives)
      this.alternatives.set(label, (this.alternatives.get(label) ?? 0) + w);
  }

  /** Absorbs another instance (a duplicate found later). */
  absorb(other: ObjectInstance): void {
    this.absorbSightings(other);
    this.supportSum += other.supportSum;
    this.supportCount += other.supportCount;
    for (const s of other.voxels.values()) {
      const a = s.sa / s.n,
        b = s.sb / s.n,
        h = s.sh / s.n;
      this.addVoxelStat(a, b, h, s);
    }
    if (this.voxels.size > MAX_VOXELS) this.coarsen();
    this.updateBounds();
    this.orientedDirty = true;
  }

  /** The mean height of the supports seen under it (undefined when none was). */
  get support(): number | undefined {
    return this.supportCount ? this.supportSum / this.supportCount : undefined;
  }

  addSupport(h: number): void {
    this.supportSum += h;
    this.supportCount++;
  }

  /** Whether a surface point falls in a voxel this instance holds (its surface, as seen so far). */
  hasVoxelAt(a: number, b: number, h: number): boolean {
    return this.voxels.has(this.key(a, b, h));
  }

  /** Voxel means (a, b, h) and their point counts. */
  voxelMeans(): { pts: Float64Array; counts: Float64Array } {
    const pts = new Float64Array(this.voxels.size * 3);
    const counts = new Float64Array(this.voxels.size);
    let i = 0;
    for (const s of this.voxels.values()) {
      pts[i * 3] = s.sa / s.n;
      pts[i * 3 + 1] = s.sb / s.n;
      pts[i * 3 + 2] = s.sh / s.n;
      counts[i++] = s.n;
    }
    return { pts, counts };
  }

  private key(a: number, b: number, h: number): number {
    const v = this.voxel;
    return (
      ((Math.floor(a / v) + K) * M + (Math.floor(b / v) + K)) * 1024 +
      Math.min(1023, Math.max(0, Math.floor(h / v) + 512))
    );
  }

  private addPoint(a: number, b: number, h: number): void {
    const key = this.key(a, b, h);
    const s = this.voxels.get(key);
    if (s) {
      s.n++;
      s.sa += a;
      s.sb += b;
      s.sh += h;
    } else {
      this.voxels.set(key, { n: 1, sa: a, sb: b, sh: h });
      this.touchFootprint(a, b, h);
    }
  }

  private addVoxelStat(a: number, b: number, h: number, s: VoxelStat): void {
    const key = this.key(a, b, h);
    const mine = this.voxels.get(key);
    if (mine) {
      mine.n += s.n;
      mine.sa += s.sa;
      mine.sb += s.sb;
      mine.sh += s.sh;
    } else {
      this.voxels.set(key, { ...s });
      this.touchFootprint(a, b, h);
    }
  }

  private touchFootprint(a: number, b: number, h: number): void {
    const ia = Math.floor(a / VOXEL),
      ib = Math.floor(b / VOXEL);
    for (let da = -1; da <= 1; da++) {
      for (let db = -1; db <= 1; db++) {
        const key = footprintKey(ia + da, ib + db);
        const cell = this.footprint.get(key);
        if (!cell) this.footprint.set(key, [h, h]);
        else {
          if (h < cell[0]) cell[0] = h;
          if (h > cell[1]) cell[1] = h;
        }
      }
    }
  }

  /** Too many voxels (a huge or very noisy object): double the voxel size so the summary stays bounded. */
  private coarsen(): void {
    const old = [...this.voxels.values()];
    this.voxel *= 2;
    this.voxels = new Map();
    for (const s of old) this.addVoxelStat(s.sa / s.n, s.sb / s.n, s.sh / s.n, s);
  }

  /**
   * The height of its main horizontal surface (a table's top): the 2 cm height band holding the most
   * points. Cached until the next update.
   */
  topHeight(): number {
    if (this.top === undefined) {
      const bands = new Map<number, number>();
      let best = 0,
        bestN = -1;
      for (const s of this.voxels.values()) {
        const band = Math.floor(s.sh / s.n / 0.02);
        const n = (bands.get(band) ?? 0) + s.n;
        bands.set(band, n);
        if (n > bestN || (n === bestN && band > best)) [best, bestN] = [band, n];
      }
      this.top = (best + 1) * 0.02;
    }
    return this.top;
  }

  /** Robust axis-aligned floor bounds: 1st–99th percentile of voxel means, plain min/max for small objects. */
  private updateBounds(): void {
    this.top = undefined;
    const n = this.voxels.size;
    const cols = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    let i = 0;
    for (const s of this.voxels.values()) {
      cols[0][i] = s.sa / s.n;
      cols[1][i] = s.sb / s.n;
      cols[2][i] = s.sh / s.n;
      i++;
    }
    const trim = n >= 100 ? Math.floor(n * 0.01) : 0;
    for (let axis = 0; axis < 3; axis++) {
      const c = cols[axis].sort();
      this.bounds.lo[axis] = c[trim];
      this.bounds.hi[axis] = c[n - 1 - trim];
    }
  }
}
