import type { CameraToWorld, Intrinsics, Vec3 } from '../geometry/types';
import { floorFrame, fromFloor, type FloorFrame } from '../mosaic/floorFrame';
import {
  MOSAIC_SCHEMA_VERSION,
  type Keyframe,
  type Mosaic,
  type MosaicObject,
  type RoomEstimate,
} from '../mosaic/types';
import type { DepthImage, Detection } from '../perception/types';
import { labelsCompatible } from './labelCompatibility';
import { liftDetection, type LiftedDetection } from './liftDetection';
import { footprintKey, ObjectInstance, VOXEL } from './objectInstance';
import { OccupancyAccumulator } from './occupancyGrid';
import { orientedBox } from './orientedBox';
import { SpatialHash } from './spatialHash';
import { fitsPrior } from './sizePriors';

/**
 * Incremental fusion of per-keyframe detections into the mosaic: lift each box to 3D surface points,
 * associate with existing instances (compatible label + shared footprint cells), merge or create, merge
 * duplicates that turn out to be partial views of one object, prune instances that were never confirmed.
 * Per-keyframe cost depends on the detections and the objects near them, never on the number of past frames.
 */
export interface KeyframeInput {
  readonly frame: number;
  /** Seconds from the start of the sequence. */
  readonly time: number;
  readonly pose: CameraToWorld;
  readonly intrinsics: Intrinsics;
  readonly depth: DepthImage;
  readonly detections: readonly Detection[];
}

export interface MosaicBuilderOptions {
  /** World up (unit); default +z. */
  readonly up?: Vec3;
  /** An instance is confirmed after this many observations … */
  readonly minObservations?: number;
  /** … and pruned if not confirmed within this many keyframes of its creation. */
  readonly confirmWithinKeyframes?: number;
  /** Detections below this score are ignored. */
  readonly minScore?: number;
  /** Objects whose bottom is this close to the floor are taken to stand on it (their hidden base completed). */
  readonly floorSnap?: number;
  readonly occupancyCellSize?: number;
  readonly source?: Record<string, string>;
}

export interface KeyframeReport {
  readonly created: number;
  readonly merged: number;
  readonly pruned: number;
  readonly duplicatesMerged: number;
}

interface Candidate {
  obs: number;
  inst: ObjectInstance;
  score: number;
}

export class MosaicBuilder {
  readonly frame: FloorFrame;
  private readonly instances = new Map<string, ObjectInstance>();
  private readonly hash = new SpatialHash<ObjectInstance>(1);
  private readonly tentative: { inst: ObjectInstance; keyframe: number }[] = [];
  private readonly trajectory: Keyframe[] = [];
  private readonly occupancy: OccupancyAccumulator;
  private keyframes = 0;
  private nextId = 0;
  private readonly minObs: number;
  private readonly confirmWithin: number;
  private readonly minScore: number;
  private readonly floorSnap: number;

  constructor(private readonly opts: MosaicBuilderOptions = {}) {
    this.frame = floorFrame(opts.up ?? [0, 0, 1]);
    this.minObs = opts.minObservations ?? 3;
    this.confirmWithin = opts.confirmWithinKeyframes ?? 15;
    this.minScore = opts.minScore ?? 0.25;
    this.floorSnap = opts.floorSnap ?? 0.25;
    this.occupancy = new OccupancyAccumulator(opts.occupancyCellSize ?? 0.1);
  }

  get objectCount(): number {
    return this.instances.size;
  }

  addKeyframe(input: KeyframeInput): KeyframeReport {
    this.keyframes++;
    this.trajectory.push({ frame: input.frame, time: input.time, pose: input.pose });
    this.occupancy.addKeyframe(input.pose, input.intrinsics, input.depth, this.frame);

    const lifted: LiftedDetection[] = [];
    const floorHeight = this.occupancy.floorHeight();
    const claimed = new Uint8Array(input.depth.width * input.depth.height);
    const area = (d: Detection): number => (d.box[2] - d.box[0]) * (d.box[3] - d.box[1]);
    const bySize = input.detections.filter((d) => d.score >= this.minScore).sort((x, y) => area(x) - area(y));
    for (const det of bySize) {
      const l = liftDetection(det, input.depth, input.intrinsics, input.pose, this.frame, {
        floorHeight,
        claimed,
      });
      if (l) lifted.push(l);
    }
    const cells = lifted.map((l) => obsCells(l.points));

    // Score every (observation, nearby instance) pair, then assign greedily one-to-one.
    const cands: Candidate[] = [];
    lifted.forEach((l, i) => {
      const [a0, b0, a1, b1] = planarBounds(l.points);
      for (const inst of this.hash.query(this.hash.cellsOf(a0, b0, a1, b1))) {
        const sameLabel = inst.votes.has(l.detection.label);
        if (!sameLabel && !labelsCompatible(inst.label, l.detection.label)) continue;
        const overlap = footprintOverlap(cells[i], inst);
        if (overlap >= (sameLabel ? 0.25 : 0.4))
          cands.push({ obs: i, inst, score: overlap + (sameLabel ? 0.2 : 0) });
      }
    });
    cands.sort((x, y) => y.score - x.score || (x.inst.id < y.inst.id ? -1 : 1));
    const takenObs = new Set<number>();
    const takenInst = new Set<ObjectInstance>();
    const touched: ObjectInstance[] = [];
    for (const c of cands) {
      if (takenObs.has(c.obs) || takenInst.has(c.inst)) continue;
      takenObs.add(c.obs);
      takenInst.add(c.inst);
      this.observe(c.inst, lifted[c.obs], input);
      touched.push(c.inst);
    }
    let created = 0;
    lifted.forEach((l, i) => {
      if (takenObs.has(i)) return;
      const inst = new ObjectInstance(`obj-${this.nextId++}`, input.frame, input.time);
      this.instances.set(inst.id, inst);
      this.tentative.push({ inst, keyframe: this.keyframes });
      this.observe(inst, l, input);
      touched.push(inst);
      created++;
    });

    let duplicatesMerged = 0;
    for (const inst of touched)
      if (this.instances.has(inst.id) && this.mergeDuplicates(inst)) duplicatesMerged++;
    return { created, merged: takenObs.size, pruned: this.prune(), duplicatesMerged };
  }

  private observe(inst: ObjectInstance, l: LiftedDetection, input: KeyframeInput): void {
    const d = l.detection;
    inst.addObservation(l.points, { frame: input.frame, box: d.box, score: d.score, label: d.label });
    this.rehash(inst);
  }

  private rehash(inst: ObjectInstance): void {
    this.hash.remove(inst, inst.hashCells);
    const { lo, hi } = inst.bounds;
    inst.hashCells = this.hash.cellsOf(lo[0] - VOXEL, lo[1] - VOXEL, hi[0] + VOXEL, hi[1] + VOXEL);
    this.hash.insert(inst, inst.hashCells);
  }

  /**
   * Two instances of compatible labels are one object when one's footprint mostly lies in the other's,
   * or when their bounds touch and the union still fits the class (front and side views of a fridge).
   */
  private mergeDuplicates(inst: ObjectInstance): boolean {
    const { lo, hi } = inst.bounds;
    for (const other of this.hash.query(inst.hashCells)) {
      if (other === inst || !labelsCompatible(other.label, inst.label)) continue;
      const o = other.bounds;
      const gap = 0.05;
      if ([0, 1, 2].some((ax) => lo[ax] > o.hi[ax] + gap || o.lo[ax] > hi[ax] + gap)) continue;
      const [small, big] = inst.footprint.size <= other.footprint.size ? [inst, other] : [other, inst];
      let inside = 0;
      for (const key of small.footprint.keys()) if (big.footprint.has(key)) inside++;
      const union: [number, number, number] = [0, 1, 2].map(
        (ax) => Math.max(hi[ax], o.hi[ax]) - Math.min(lo[ax], o.lo[ax]),
      ) as [number, number, number];
      if (inside < 0.6 * small.footprint.size && !fitsPrior([inst.label, other.label], union)) continue;
      // Keep the older instance (its first-seen frame is the true one).
      const [keep, drop] =
        other.firstSeenFrame < inst.firstSeenFrame ||
        (other.firstSeenFrame === inst.firstSeenFrame && other.id < inst.id)
          ? [other, inst]
          : [inst, other];
      keep.absorb(drop);
      this.remove(drop);
      this.rehash(keep);
      return true;
    }
    return false;
  }

  private remove(inst: ObjectInstance): void {
    this.hash.remove(inst, inst.hashCells);
    this.instances.delete(inst.id);
  }

  /** Tentative instances are checked in creation order, so pruning is O(instances that expire now). */
  private prune(): number {
    let pruned = 0;
    while (this.tentative.length > 0 && this.keyframes - this.tentative[0].keyframe >= this.confirmWithin) {
      const { inst } = this.tentative.shift()!;
      if (this.instances.has(inst.id) && inst.observations < this.minObs) {
        this.remove(inst);
        pruned++;
      }
    }
    return pruned;
  }

  /** The mosaic so far: confirmed objects (oriented boxes), keyframe poses, occupancy and the room estimate. */
  toMosaic(): Mosaic {
    const floorH = this.occupancy.floorHeight();
    const objects: MosaicObject[] = [];
    const blocked: string[] = [];
    for (const inst of this.instances.values()) {
      if (inst.observations < this.minObs) continue;
      const box = orientedBox(inst.voxelMeans().pts);
      const [a, b] = box.center;
      let h = box.center[2];
      let height = box.size[2];
      const bottom = h - height / 2;
      if (floorH !== undefined && bottom - floorH < this.floorSnap && bottom > floorH - 0.1) {
        // The base of floor-standing furniture is usually hidden: complete it down to the floor.
        const top = h + height / 2;
        height = top - floorH;
        h = floorH + height / 2;
        this.footprintCells(a, b, box.size, box.yaw, blocked);
      }
      const votes = [...inst.votes.entries()]
        .map(([label, v]) => ({ label, weight: round(v.weight), count: v.count }))
        .sort((x, y) => y.weight - x.weight || (x.label < y.label ? -1 : 1));
      objects.push({
        id: inst.id,
        label: inst.label,
        labels: votes,
        center: fromFloor(this.frame, a, b, h).map(round) as [number, number, number],
        size: [round(box.size[0]), round(box.size[1]), round(height)],
        yaw: round(box.yaw),
        confidence: round((1 - Math.exp(-inst.observations / 3)) * (inst.scoreSum / inst.observations)),
        firstSeenFrame: inst.firstSeenFrame,
        firstSeenTime: inst.firstSeenTime,
        lastSeenFrame: inst.lastSeenFrame,
        observations: inst.observations,
        recentObservations: [...inst.recent],
      });
    }
    objects.sort((x, y) => x.firstSeenFrame - y.firstSeenFrame || (x.id < y.id ? -1 : 1));
    const cells = this.occupancy.cellsByState(blocked);
    return {
      schemaVersion: MOSAIC_SCHEMA_VERSION,
      up: this.frame.up,
      objects,
      trajectory: [...this.trajectory],
      occupancy: {
        cellSize: this.occupancy.cellSize,
        free: cells.free,
        occupied: cells.occupied,
        floorHeight: floorH === undefined ? undefined : round(floorH),
        room: this.roomEstimate([...cells.free, ...cells.occupied]),
      },
      ...(this.opts.source ? { source: { ...this.opts.source } } : {}),
    };
  }

  private footprintCells(a: number, b: number, size: readonly number[], yaw: number, out: string[]): void {
    const cs = this.occupancy.cellSize;
    const c = Math.cos(yaw),
      s = Math.sin(yaw);
    for (let u = -size[0] / 2; u <= size[0] / 2 + 1e-9; u += cs / 2)
      for (let w = -size[1] / 2; w <= size[1] / 2 + 1e-9; w += cs / 2)
        out.push(this.occupancy.cellKey(a + c * u - s * w, b + s * u + c * w));
  }

  /** Room estimate: the trimmed oriented rectangle around every cell seen (floor and obstacles). */
  private roomEstimate(keys: string[]): RoomEstimate | undefined {
    if (keys.length < 10) return undefined;
    const cs = this.occupancy.cellSize;
    const pts = new Float64Array(keys.length * 3);
    keys.forEach((k, i) => {
      const [ci, cj] = k.split(',').map(Number);
      pts[i * 3] = (ci + 0.5) * cs;
      pts[i * 3 + 1] = (cj + 0.5) * cs;
    });
    const box = orientedBox(pts, 3);
    const size: [number, number] = [round(box.size[0] + cs), round(box.size[1] + cs)];
    return {
      center: [round(box.center[0]), round(box.center[1])],
      size,
      yaw: round(box.yaw),
      area: round(size[0] * size[1]),
    };
  }
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

/** The observation's footprint cells → height interval. */
function obsCells(points: Float64Array): Map<number, [number, number]> {
  const cells = new Map<number, [number, number]>();
  for (let i = 0; i < points.length; i += 3) {
    const key = footprintKey(Math.floor(points[i] / VOXEL), Math.floor(points[i + 1] / VOXEL));
    const h = points[i + 2];
    const c = cells.get(key);
    if (!c) cells.set(key, [h, h]);
    else {
      if (h < c[0]) c[0] = h;
      if (h > c[1]) c[1] = h;
    }
  }
  return cells;
}

/** Share of the observation's footprint cells that the instance's (dilated) footprint holds at a matching height. */
function footprintOverlap(cells: Map<number, [number, number]>, inst: ObjectInstance): number {
  let hit = 0;
  for (const [key, [h0, h1]] of cells) {
    const c = inst.footprint.get(key);
    if (c && h0 <= c[1] + 0.1 && c[0] <= h1 + 0.1) hit++;
  }
  return cells.size === 0 ? 0 : hit / cells.size;
}

function planarBounds(p: Float64Array): [number, number, number, number] {
  let a0 = Infinity,
    b0 = Infinity,
    a1 = -Infinity,
    b1 = -Infinity;
  for (let i = 0; i < p.length; i += 3) {
    if (p[i] < a0) a0 = p[i];
    if (p[i] > a1) a1 = p[i];
    if (p[i + 1] < b0) b0 = p[i + 1];
    if (p[i + 1] > b1) b1 = p[i + 1];
  }
  return [a0, b0, a1, b1];
}
