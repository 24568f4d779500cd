import { OBJECT_CLASSES } from '../catalog/objectClass';
import type { CameraToWorld, Intrinsics, Vec3 } from '../geometry/types';
import { floorFrame, fromFloor, type FloorFrame } from '../mosaic/floorFrame';
import {
  MOSAIC_SCHEMA_VERSION,
  type Keyframe,
  type Mosaic,
  type MosaicObject,
  type OccupancyGrid,
} from '../mosaic/types';
import type { DepthImage, Detection } from '../perception/types';
import { labelsCompatible } from './labelCompatibility';
import { liftDetection, type LiftedDetection } from './liftDetection';
import { liftOrder } from './liftOrder';
import { footprintKey, ObjectInstance, VOXEL, type Bounds } from './objectInstance';
import { OccupancyAccumulator, type OccupancyDelta } from './occupancyGrid';
import { orientedBox } from './orientedBox';
import { SpatialHash } from './spatialHash';
import { verifyLabel } from './labelVerification';
import { fitsPrior, hasPrior, sizePrior } from './sizePriors';
import { expectedInView } from './visibility';
import { completeToWall, completionReach, dropWallPoints, voteWall } from './wallCompletion';

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
  /**
   * An instance is confirmed after this many observations, or, when it was seen fewer times, if it was missed
   * (expected in view but not detected) less often than it was seen; unconfirmed instances are pruned this many
   * keyframes after their creation. Before that they show in the mosaic while their hits outnumber their misses.
   */
  readonly minObservations?: number;
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

/** A detection, with the same frame's other labels for (nearly) the same box. */
interface GroupedDetection {
  readonly det: Detection;
  readonly also: { label: string; score: number }[];
}

interface Candidate {
  obs: number;
  inst: ObjectInstance;
  score: number;
}

/** Mean detection score for an object seen fewer than `minObservations` times to count. */
const STRONG_SCORE = 0.55;
/** Association score bonus of an observation of the instance's (leading) label (overlap is at most 1). */
const SAME_LABEL_BONUS = 1;
/** Classes that small things stand on (see explainedBy). */
const SUPPORTS = new Set(OBJECT_CLASSES.filter((c) => c.holdsSmallObjects).map((c) => c.key));
/** Furniture that stands on the floor: its hidden part below a table in front of it is completed (catalogue). */
const FLOOR_STANDING = new Set(OBJECT_CLASSES.filter((c) => c.standsOnFloor).map((c) => c.key));

export class MosaicBuilder {
  readonly frame: FloorFrame;
  private readonly instances = new Map<string, ObjectInstance>();
  private readonly hash = new SpatialHash<ObjectInstance>(1);
  private readonly tentative: { inst: ObjectInstance; keyframe: number }[] = [];
  /** Keyframes in which a tentative instance was expected in view but not detected. */
  private readonly misses = new Map<ObjectInstance, number>();
  private readonly confirmed = new Set<ObjectInstance>();
  private readonly trajectory: Keyframe[] = [];
  private readonly occupancy: OccupancyAccumulator;
  private keyframes = 0;
  private nextId = 0;
  /**
   * Incremental output: each instance's object as last computed (undefined while not shown) with its floor
   * footprint cells, the instances whose object may have changed since (observed, merged, confirmed, missed,
   * or a floor cell their wall completion looks at was seen), and the ids gone since the last delta.
   */
  private readonly cache = new Map<
    ObjectInstance,
    { obj?: MosaicObject; json: string; blocked: string[]; extent?: Bounds }
  >();
  private readonly dirty = new Set<ObjectInstance>();
  private readonly reported = new Set<string>();
  private readonly gone = new Set<string>();
  private readonly pending = new Map<string, MosaicObject>();
  /** The floor height objects are snapped to: follows the estimate only when it moves by over 5 mm. */
  private floorUsed?: number;
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
    this.trackFloor();

    const lifted: LiftedDetection[] = [];
    const floorHeight = this.occupancy.floorHeight();
    const claimed = new Uint8Array(input.depth.width * input.depth.height);
    const also: { label: string; score: number }[][] = [];
    const order = liftOrder(
      groupDetections(input.detections.filter((d) => d.score >= this.minScore)),
      (g) => g.det.box,
      input.depth,
      input.intrinsics,
    );
    for (const g of order) {
      const l = liftDetection(g.det, input.depth, input.intrinsics, input.pose, this.frame, {
        floorHeight,
        claimed,
        explained: this.explainedBy(g.det.label),
      });
      if (l) {
        lifted.push(l);
        also.push(g.also);
      }
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
        // The instance's own label outranks a merely compatible one: when a couch's box also lands
        // on the chair in front of it, the chair's own detection keeps the chair.
        if (overlap >= (sameLabel ? 0.25 : 0.4))
          cands.push({
            obs: i,
            inst,
            score: overlap + (inst.label === l.detection.label ? SAME_LABEL_BONUS : sameLabel ? 0.2 : 0),
          });
      }
    });
    cands.sort((x, y) => y.score - x.score || (x.inst.id < y.inst.id ? -1 : 1));
    const takenObs = new Set<number>();
    const takenInst = new Set<ObjectInstance>();
    const touched: ObjectInstance[] = [];
    const owner: (ObjectInstance | undefined)[] = [];
    for (const c of cands) {
      if (takenObs.has(c.obs) || takenInst.has(c.inst)) continue;
      takenObs.add(c.obs);
      takenInst.add(c.inst);
      this.observe(c.inst, lifted[c.obs], input, also[c.obs]);
      touched.push(c.inst);
      owner[c.obs] = c.inst;
    }
    let created = 0;
    lifted.forEach((l, i) => {
      if (
        takenObs.has(i) ||
        ((borderSliver(l.detection, input.intrinsics) || l.depthCut) && !muchOfItsClass(l))
      )
        return;
      // Its surface is another detection's of this frame (a plant half-hidden behind another, whose box
      // holds mostly the front plant): that detection explains it, it starts no object.
      if (
        owner.some(
          (o) => o !== undefined && labelsCompatible(o.label, l.detection.label) && onSurface(l.points, o),
        )
      )
        return;
      const inst = new ObjectInstance(`obj-${this.nextId++}`, input.frame, input.time);
      this.instances.set(inst.id, inst);
      this.tentative.push({ inst, keyframe: this.keyframes });
      this.observe(inst, l, input, also[i]);
      touched.push(inst);
      owner[i] = inst;
      created++;
    });
    this.countMisses(new Set(touched), input);
    markApart(lifted, owner);

    let duplicatesMerged = 0;
    for (const inst of touched)
      if (this.instances.has(inst.id) && this.mergeDuplicates(inst)) duplicatesMerged++;
    return { created, merged: takenObs.size, pruned: this.prune(), duplicatesMerged };
  }

  /** Points on the surface of a confirmed object whose label this detection cannot be (see liftDetection). */
  private explainedBy(label: string): (a: number, b: number, h: number) => boolean {
    const byCell = new Map<number, ObjectInstance[]>();
    const prior = sizePrior(label);
    const small = prior !== undefined && prior[0] <= 0.6 && prior[2] <= 0.5;
    return (a, b, h) => {
      const [key] = this.hash.cellsOf(a, b, a, b);
      let near = byCell.get(key);
      if (!near) {
        near = [...this.hash.query([key])].filter(
          (o) => this.confirmed.has(o) && !labelsCompatible(o.label, label),
        );
        byCell.set(key, near);
      }
      // For an object that stands on tables, a support's voxels above its top surface are what stood there
      // when the support was lifted (this very cup, taken in before it was detected): they do not explain it.
      // For a couch behind the table they still do (the laptop on it is not the couch).
      for (const o of near)
        if (o.hasVoxelAt(a, b, h) && !(small && SUPPORTS.has(o.label) && h > o.topHeight() + 0.03))
          return true;
      return false;
    };
  }

  private observe(
    inst: ObjectInstance,
    l: LiftedDetection,
    input: KeyframeInput,
    alsoLabels: readonly { label: string; score: number }[],
  ): void {
    const d = l.detection;
    inst.addObservation(
      l.points,
      { frame: input.frame, box: d.box, score: d.score, label: d.label },
      input.time,
      alsoLabels,
      d.alternatives,
    );
    if (l.support !== undefined) inst.addSupport(l.support);
    for (const w of l.walls) voteWall(inst.walls, w);
    if (inst.observations >= this.minObs) this.confirmed.add(inst);
    this.rehash(inst);
    this.dirty.add(inst);
  }

  /** Tentative instances expected in this keyframe but not detected collect a miss. O(tentative instances). */
  private countMisses(touched: ReadonlySet<ObjectInstance>, input: KeyframeInput): void {
    for (const { inst } of this.tentative) {
      if (touched.has(inst) || this.confirmed.has(inst) || !this.instances.has(inst.id)) continue;
      if (expectedInView(inst.bounds, input.pose, input.intrinsics, input.depth, this.frame)) {
        this.misses.set(inst, (this.misses.get(inst) ?? 0) + 1);
        this.dirty.add(inst);
      }
    }
  }

  /**
   * Confirmed, or tentative with evidence that a few sightings suffice: strong detections (mean score), more
   * sightings than misses, and an extent its class can have (partial views only shrink an object, so a
   * "bottle" 70 cm tall is something else).
   */
  private shown(inst: ObjectInstance): boolean {
    if (this.confirmed.has(inst)) return true;
    if (inst.observations <= (this.misses.get(inst) ?? 0)) return false;
    if (inst.scoreSum / inst.observations < STRONG_SCORE) return false;
    const { lo, hi } = inst.bounds;
    const size: [number, number, number] = [hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]];
    return !hasPrior(inst.label) || fitsPrior([inst.label], size, 1.3);
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
      // Seen apart in one frame, but grown into the same space since: that frame's association was wrong
      // (two things cannot fill one box).
      if (inst.apart.has(other.id) && boundsIoU(inst.bounds, o) < 0.5) continue;
      const gap = 0.05;
      if ([0, 1, 2].some((ax) => lo[ax] > o.hi[ax] + gap || o.lo[ax] > hi[ax] + gap)) continue;
      const [small, big] = inst.footprint.size <= other.footprint.size ? [inst, other] : [other, inst];
      let inside = 0;
      for (const key of small.footprint.keys()) if (big.footprint.has(key)) inside++;
      const union: [number, number, number] = [0, 1, 2].map(
        (ax) => Math.max(hi[ax], o.hi[ax]) - Math.min(lo[ax], o.lo[ax]),
      ) as [number, number, number];
      // Partial views that barely overlap: the union must fit each label's class (a vase and a bottle a
      // hand apart make a vase-sized union, but no bottle is that wide).
      if (inside < 0.6 * small.footprint.size && !fitsEach([inst.label, other.label], union)) continue;
      // Keep the older instance (its first-seen frame is the true one).
      const [keep, drop] =
        other.firstSeenFrame < inst.firstSeenFrame ||
        (other.firstSeenFrame === inst.firstSeenFrame && other.id < inst.id)
          ? [other, inst]
          : [inst, other];
      keep.absorb(drop);
      if (keep.observations >= this.minObs || this.confirmed.has(drop)) this.confirmed.add(keep);
      this.misses.set(keep, Math.min(this.misses.get(keep) ?? 0, this.misses.get(drop) ?? 0));
      this.remove(drop);
      this.rehash(keep);
      this.dirty.add(keep);
      return true;
    }
    return false;
  }

  private remove(inst: ObjectInstance): void {
    if (this.reported.has(inst.id)) this.gone.add(inst.id);
    this.pending.delete(inst.id);
    const cached = this.cache.get(inst);
    if (cached?.obj) this.occupancy.block(cached.blocked, []);
    this.cache.delete(inst);
    this.dirty.delete(inst);
    this.hash.remove(inst, inst.hashCells);
    this.instances.delete(inst.id);
    this.misses.delete(inst);
    this.confirmed.delete(inst);
  }

  /** Tentative instances are checked in creation order, so pruning is O(instances that expire now). */
  private prune(): number {
    let pruned = 0;
    while (this.tentative.length > 0 && this.keyframes - this.tentative[0].keyframe >= this.confirmWithin) {
      const { inst } = this.tentative.shift()!;
      if (!this.instances.has(inst.id) || this.confirmed.has(inst)) continue;
      const whole = this.fragmentOf(inst);
      if (whole) {
        whole.absorbSightings(inst);
        this.remove(inst);
        this.dirty.add(whole);
        pruned++;
      } else if (this.shown(inst)) {
        this.confirmed.add(inst);
        this.misses.delete(inst);
        this.dirty.add(inst);
      } else {
        this.remove(inst);
        pruned++;
      }
    }
    return pruned;
  }

  /**
   * A few-view instance (fewer sightings than confirm one) that is a piece of a confirmed object of a
   * compatible label: it touches that object's box as shown (its hidden back completed to the wall, its base
   * to the floor), the union still fits the class, and the object was seen far more often (a strip of wall
   * beside a fridge, lifted from a view that held only the fridge's edge). Never one seen apart from it.
   */
  private fragmentOf(inst: ObjectInstance): ObjectInstance | undefined {
    if (inst.observations >= this.minObs) return undefined;
    const { lo, hi } = inst.bounds;
    const gap = 0.05;
    for (const other of this.hash.query(
      this.hash.cellsOf(lo[0] - gap, lo[1] - gap, hi[0] + gap, hi[1] + gap),
    )) {
      if (other === inst || !this.confirmed.has(other) || inst.apart.has(other.id)) continue;
      if (other.observations < 3 * inst.observations || !labelsCompatible(other.label, inst.label)) continue;
      this.refresh();
      const box = this.cache.get(other)?.extent;
      if (!box) continue;
      if ([0, 1, 2].some((ax) => lo[ax] > box.hi[ax] + gap || box.lo[ax] > hi[ax] + gap)) continue;
      const union = [0, 1, 2].map((ax) => Math.max(hi[ax], box.hi[ax]) - Math.min(lo[ax], box.lo[ax])) as [
        number,
        number,
        number,
      ];
      if (fitsEach([inst.label, other.label], union)) return other;
    }
    return undefined;
  }

  /**
   * Follows the floor estimate (objects standing on it are completed down to it; a move of over 5 mm redoes
   * them all) and marks the objects whose wall completion looks at a floor cell whose state changed.
   */
  private trackFloor(): void {
    const floorH = this.occupancy.floorHeight();
    if (floorH !== undefined && (this.floorUsed === undefined || Math.abs(floorH - this.floorUsed) > 0.005)) {
      this.floorUsed = floorH;
      for (const inst of this.instances.values()) this.dirty.add(inst);
      return;
    }
    const changed = this.occupancy.floorSeenChanged;
    if (changed.size === 0) return;
    const near = new Map<number, ObjectInstance[]>();
    for (const [a, b] of changed.values()) {
      const cs = this.occupancy.cellSize;
      const [key] = this.hash.cellsOf(a, b, a, b);
      let cands = near.get(key);
      if (!cands) {
        // Reaches stay under 2.5 m: instances registered within that of the hash cell.
        cands = [...this.hash.query(this.hash.cellsOf(a - 2.5, b - 2.5, a + 2.5, b + 2.5))].filter(
          (o) => o.walls.length > 0 && completionReach(o.label) !== undefined,
        );
        near.set(key, cands);
      }
      for (const o of cands) {
        const r = completionReach(o.label)! + cs;
        const { lo, hi } = o.bounds;
        if (a >= lo[0] - r && a <= hi[0] + r && b >= lo[1] - r && b <= hi[1] + r) this.dirty.add(o);
      }
    }
  }

  /** One instance's object (undefined while it is not shown) and the floor cells it covers. */
  private objectOf(inst: ObjectInstance): { obj?: MosaicObject; blocked: string[]; extent?: Bounds } {
    const blocked: string[] = [];
    if (!this.shown(inst)) return { blocked };
    const floorH = this.floorUsed;
    const minWallVotes = Math.max(2, Math.ceil(0.2 * inst.observations));
    const pts = completeToWall(
      inst.label,
      dropWallPoints(coreVoxels(inst), inst.walls, minWallVotes),
      inst.walls,
      Math.min(2, inst.observations),
      (a, b) => this.occupancy.floorSeen(a, b),
    );
    const box = orientedBox(pts, 2, 'closeness');
    const [a, b] = box.center;
    let h = box.center[2];
    let height = box.size[2];
    const bottom = h - height / 2;
    const prior = sizePrior(inst.label);
    const standing =
      floorH !== undefined &&
      FLOOR_STANDING.has(inst.label) &&
      prior !== undefined &&
      bottom > floorH &&
      h + height / 2 - floorH <= prior[2] * 1.15;
    if (floorH !== undefined && ((bottom - floorH < this.floorSnap && bottom > floorH - 0.1) || standing)) {
      // The base of floor-standing furniture is usually hidden: complete it down to the floor.
      const top = h + height / 2;
      height = top - floorH;
      h = floorH + height / 2;
      this.footprintCells(a, b, box.size, box.yaw, blocked);
    } else if (inst.support !== undefined && bottom - inst.support < 0.05 && bottom > inst.support - 0.02) {
      // Likewise on a table: the slice just above the table top went with the table when lifting.
      const top = h + height / 2;
      height = top - inst.support;
      h = inst.support + height / 2;
    }
    const votes = [...inst.votes.entries()]
      .map(([label, v]) => ({ label, weight: round(v.weight), count: v.count }))
      .sort((x, y) => y.weight - x.weight || (x.label < y.label ? -1 : 1));
    const obj: MosaicObject = {
      id: inst.id,
      label: verifyLabel(inst, [box.size[0], box.size[1], height]).label,
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
    };
    // The box's floor-frame axis-aligned extent (for telling fragments of it).
    const c = Math.abs(Math.cos(box.yaw)),
      sn = Math.abs(Math.sin(box.yaw));
    const ea = (c * box.size[0] + sn * box.size[1]) / 2,
      eb = (sn * box.size[0] + c * box.size[1]) / 2;
    const extent: Bounds = { lo: [a - ea, b - eb, h - height / 2], hi: [a + ea, b + eb, h + height / 2] };
    return { obj, blocked, extent };
  }

  /** Recomputes the objects of the instances marked since the last refresh: O(changed instances). */
  private refresh(): void {
    for (const inst of this.dirty) {
      if (!this.instances.has(inst.id)) continue;
      const { obj, blocked, extent } = this.objectOf(inst);
      const json = obj ? JSON.stringify(obj) : '';
      const before = this.cache.get(inst);
      this.cache.set(inst, { obj, json, blocked, extent });
      this.occupancy.block(before?.obj ? before.blocked : [], obj ? blocked : []);
      if (obj && before?.json !== json) {
        this.pending.set(inst.id, obj);
        this.gone.delete(inst.id);
      } else if (!obj && before?.obj) {
        // Hidden again (a tentative instance missed more often than seen).
        this.pending.delete(inst.id);
        if (this.reported.has(inst.id)) this.gone.add(inst.id);
      }
    }
    this.dirty.clear();
  }

  /**
   * What changed since the last call: objects shown for the first time or changed (by value), and ids no
   * longer shown (pruned, merged into another, or hidden again). Costs O(instances changed), never O(map).
   */
  takeDelta(): { upserts: MosaicObject[]; removed: string[] } {
    this.refresh();
    const upserts = [...this.pending.values()].sort(
      (x, y) => x.firstSeenFrame - y.firstSeenFrame || (x.id < y.id ? -1 : 1),
    );
    for (const o of upserts) this.reported.add(o.id);
    const removed = [...this.gone].sort();
    for (const id of removed) this.reported.delete(id);
    this.pending.clear();
    this.gone.clear();
    return { upserts, removed };
  }

  /** The mosaic so far: confirmed objects (oriented boxes), keyframe poses, occupancy and the room estimate. */
  toMosaic(opts: { full?: boolean } = {}): Mosaic {
    if (opts.full) for (const inst of this.instances.values()) this.dirty.add(inst);
    this.refresh();
    const objects: MosaicObject[] = [];
    for (const c of this.cache.values()) if (c.obj) objects.push(c.obj);
    objects.sort((x, y) => x.firstSeenFrame - y.firstSeenFrame || (x.id < y.id ? -1 : 1));
    return {
      schemaVersion: MOSAIC_SCHEMA_VERSION,
      up: this.frame.up,
      objects,
      trajectory: [...this.trajectory],
      occupancy: this.occupancyGrid(),
      ...(this.opts.source ? { source: { ...this.opts.source } } : {}),
    };
  }

  /** The occupancy grid with the shown floor-standing objects' footprints: O(cells seen) (snapshots only). */
  occupancyGrid(): OccupancyGrid {
    this.refresh();
    return this.occupancy.grid();
  }

  /** What the occupancy grid changed since the last call (undefined: nothing): O(cells changed). */
  takeOccupancyDelta(): OccupancyDelta | undefined {
    this.refresh();
    return this.occupancy.takeDelta();
  }

  private footprintCells(a: number, b: number, size: readonly number[], yaw: number, out: string[]): void {
    const cs = this.occupancy.cellSize;
    const c = Math.cos(yaw),
      s = Math.sin(yaw);
    for (let u = -size[0] / 2; u <= size[0] / 2 + 1e-9; u += cs / 2)
      for (let w = -size[1] / 2; w <= size[1] / 2 + 1e-9; w += cs / 2)
        out.push(this.occupancy.cellKey(a + c * u - s * w, b + s * u + c * w));
  }
}

/**
 * An object's voxel means; for a hand-sized thing (a cup, a book: at most 30 cm long), only the voxels that hold a real share of its samples.
 * Its views each see part of it, a few pixels off where colour and depth disagree: a voxel that one view's
 * stray samples reached would widen a 9 cm mug's box by 5 cm. Only for a box too big for the class.
 */
function coreVoxels(inst: ObjectInstance): Float64Array {
  const { pts, counts } = inst.voxelMeans();
  const prior = sizePrior(inst.label);
  if (!prior || prior[0] > 0.3 || counts.length < 4) return pts;
  // Only when all of them make a box the class cannot have (a 29 cm mug).
  const lo = [Infinity, Infinity, Infinity],
    hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < pts.length; i++) {
    lo[i % 3] = Math.min(lo[i % 3], pts[i]);
    hi[i % 3] = Math.max(hi[i % 3], pts[i]);
  }
  if (fitsPrior([inst.label], [hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]])) return pts;
  // Whole columns of the footprint (all heights of a cell), so the thing's top and base stay.
  const column = (i: number): number =>
    footprintKey(Math.floor(pts[i * 3] / VOXEL), Math.floor(pts[i * 3 + 1] / VOXEL));
  const inColumn = new Map<number, number>();
  counts.forEach((c, i) => inColumn.set(column(i), (inColumn.get(column(i)) ?? 0) + c));
  const max = Math.max(...inColumn.values());
  const keep: number[] = [];
  counts.forEach((_, i) => {
    if (inColumn.get(column(i))! >= 0.1 * max) keep.push(i);
  });
  if (keep.length < 2 || keep.length === counts.length) return pts;
  const out = new Float64Array(keep.length * 3);
  keep.forEach((i, j) => out.set(pts.subarray(i * 3, i * 3 + 3), j * 3));
  return out;
}

/** Volume intersection over union of two floor-frame boxes. */
function boundsIoU(x: Bounds, y: Bounds): number {
  let inter = 1,
    vx = 1,
    vy = 1;
  for (let ax = 0; ax < 3; ax++) {
    inter *= Math.max(0, Math.min(x.hi[ax], y.hi[ax]) - Math.max(x.lo[ax], y.lo[ax]));
    vx *= x.hi[ax] - x.lo[ax];
    vy *= y.hi[ax] - y.lo[ax];
  }
  return inter > 0 ? inter / (vx + vy - inter) : 0;
}

/** Whether an extent fits the class of every label that has a size prior (and at least one does). */
function fitsEach(labels: readonly string[], size: [number, number, number]): boolean {
  const known = [...new Set(labels)].filter(hasPrior);
  return known.length > 0 && known.every((l) => fitsPrior([l], size));
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

/**
 * Detections of compatible labels on nearly the same box in one frame are one object seen once (YOLOX calls
 * the ICL armchair "bed" and "chair" with the same box): the best-scoring one is lifted, the others vote.
 */
function groupDetections(dets: readonly Detection[]): GroupedDetection[] {
  const groups: GroupedDetection[] = [];
  for (const det of [...dets].sort((a, b) => b.score - a.score)) {
    const g = groups.find((x) => labelsCompatible(x.det.label, det.label) && iou(x.det.box, det.box) >= 0.7);
    if (g && g.det.label !== det.label && !g.also.some((a) => a.label === det.label))
      g.also.push({ label: det.label, score: det.score });
    else if (!g) groups.push({ det, also: [] });
  }
  return groups;
}

/**
 * Two compatible-label instances detected in one frame on separate boxes are two objects (a vase beside a
 * bottle): they must never be merged as duplicates later.
 */
function markApart(lifted: readonly LiftedDetection[], owner: readonly (ObjectInstance | undefined)[]): void {
  for (let i = 0; i < lifted.length; i++) {
    const a = owner[i];
    if (!a) continue;
    for (let j = i + 1; j < lifted.length; j++) {
      const b = owner[j];
      if (!b || b === a || !labelsCompatible(a.label, b.label)) continue;
      if (iou(lifted[i].detection.box, lifted[j].detection.box) >= 0.3) continue;
      a.apart.add(b.id);
      b.apart.add(a.id);
    }
  }
}

/**
 * A box cut by the image border to a thin strip: it may update an object, but its lift is too unreliable to
 * start one, unless the lift shows much of an object of its class (see muchOfItsClass).
 */
function borderSliver(d: Detection, k: { width: number; height: number }): boolean {
  const [x0, y0, x1, y1] = d.box;
  const cut = x0 <= 1 || y0 <= 1 || x1 >= k.width - 1 || y1 >= k.height - 1;
  return cut && (x1 - x0 < 0.04 * k.width || y1 - y0 < 0.04 * k.height);
}

/**
 * Whether a lift spans a good part of an object of its class (its longest horizontal side 40% of the class's
 * or more): a cup cut in half by the image border still shows most of a cup; a 10-pixel strip of a couch
 * shows 5% of one.
 */
function muchOfItsClass(l: LiftedDetection): boolean {
  const prior = sizePrior(l.detection.label);
  if (!prior) return false;
  const [a0, b0, a1, b1] = planarBounds(l.points);
  return Math.max(a1 - a0, b1 - b0) >= 0.4 * prior[0];
}

function iou(a: readonly number[], b: readonly number[]): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
}

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

/**
 * Whether most of an observation's points lie in an instance's occupied voxels (not its dilated footprint:
 * two cups side by side share few voxels).
 */
export function onSurface(points: Float64Array, inst: ObjectInstance): boolean {
  let hit = 0;
  for (let i = 0; i < points.length; i += 3)
    if (inst.hasVoxelAt(points[i], points[i + 1], points[i + 2])) hit++;
  return points.length > 0 && hit >= 0.6 * (points.length / 3);
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
