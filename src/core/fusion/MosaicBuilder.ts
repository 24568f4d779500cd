import { OBJECT_CLASSES } from '../catalog/objectClass';
import type { CameraToWorld, Intrinsics, Vec3 } from '../geometry/types';
import { DEFAULT_UP, floorFrame, type FloorFrame } from '../mosaic/floorFrame';
import {
  MOSAIC_SCHEMA_VERSION,
  type Keyframe,
  type Mosaic,
  type MosaicObject,
  type OccupancyGrid,
} from '../mosaic/types';
import type { DepthImage, Detection } from '../perception/types';
import { associate, footprintCells, planarBounds } from './associate';
import { groupDetections } from './groupDetections';
import { DeltaTracker } from './DeltaTracker';
import { InstanceRegistry } from './InstanceRegistry';
import { labelsCompatible } from './labelCompatibility';
import { liftDetection, type LiftedDetection } from './liftDetection';
import { liftOrder } from './liftOrder';
import { mayStartObject } from './mayStartObject';
import type { ObjectInstance } from './objectInstance';
import { OccupancyAccumulator, type OccupancyDelta } from './occupancyGrid';
import { seenInPartOnly, shapeObject, type ObjectShape } from './shapeObject';
import { sizePrior } from './sizePriors';
import { completionReach } from './wallCompletion';

/**
 * Incremental fusion of per-keyframe detections into the mosaic: lift each box to 3D surface points,
 * associate them with existing instances (associate: compatible label + shared footprint cells), update or
 * create instances, and let their lifecycle run (InstanceRegistry: confirm, miss, merge duplicates, fold
 * fragments, prune). Objects are shaped from instances (shapeObject) only when something they depend on
 * changed, and the delta reports those that changed by value (DeltaTracker).
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

/** Classes that small things stand on (see explainedBy). */
const SUPPORTS = new Set(OBJECT_CLASSES.filter((c) => c.holdsSmallObjects).map((c) => c.key));

export class MosaicBuilder {
  readonly frame: FloorFrame;
  private readonly registry: InstanceRegistry;
  private readonly trajectory: Keyframe[] = [];
  private readonly occupancy: OccupancyAccumulator;
  private keyframes = 0;
  /**
   * Incremental output: each instance's shape as last computed (absent while not shown), the instances whose
   * object may have changed since (observed, merged, confirmed, missed, or a floor cell their wall completion
   * looks at was seen), and what changed since the last delta.
   */
  private readonly shapes = new Map<ObjectInstance, ObjectShape>();
  private readonly dirty = new Set<ObjectInstance>();
  private readonly delta = new DeltaTracker();
  /** The floor height objects are snapped to: follows the estimate only when it moves by over 5 mm. */
  private floorUsed?: number;
  private readonly minScore: number;
  private readonly floorSnap: number;

  constructor(private readonly opts: MosaicBuilderOptions = {}) {
    this.frame = floorFrame(opts.up ?? DEFAULT_UP);
    this.minScore = opts.minScore ?? 0.25;
    this.floorSnap = opts.floorSnap ?? 0.25;
    this.occupancy = new OccupancyAccumulator(opts.occupancyCellSize ?? 0.1);
    const lifecycle = {
      minObservations: opts.minObservations ?? 3,
      confirmWithinKeyframes: opts.confirmWithinKeyframes ?? 15,
    };
    this.registry = new InstanceRegistry(lifecycle, this.frame, {
      changed: (inst) => this.dirty.add(inst),
      removed: (inst) => this.forget(inst),
    });
  }

  get objectCount(): number {
    return this.registry.size;
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

    const hash = this.registry.hash;
    const matches = associate(
      lifted.map((l) => ({ label: l.detection.label, cells: footprintCells(l.points) })),
      lifted.map((l) => hash.query(hash.cellsOf(...planarBounds(l.points)))),
    );
    const touched: ObjectInstance[] = [];
    const owner: (ObjectInstance | undefined)[] = [];
    for (const { obs, track } of matches) {
      this.registry.observe(track, lifted[obs], input.frame, input.time, also[obs]);
      touched.push(track);
      owner[obs] = track;
    }
    let created = 0;
    lifted.forEach((l, i) => {
      if (owner[i] || !mayStartObject(l, input.intrinsics, owner)) return;
      const inst = this.registry.create(input.frame, input.time, this.keyframes);
      this.registry.observe(inst, l, input.frame, input.time, also[i]);
      touched.push(inst);
      owner[i] = inst;
      created++;
    });
    this.registry.countMisses(new Set(touched), input);
    this.registry.markApart(lifted, owner);

    let duplicatesMerged = 0;
    for (const inst of touched)
      if (this.registry.has(inst) && this.registry.mergeDuplicates(inst)) duplicatesMerged++;
    const pruned = this.registry.prune(this.keyframes, (o) => {
      this.refresh();
      return this.shapes.get(o)?.extent;
    });
    return { created, merged: matches.length, pruned, duplicatesMerged };
  }

  /** Points on the surface of a confirmed object whose label this detection cannot be (see liftDetection). */
  private explainedBy(label: string): (a: number, b: number, h: number) => boolean {
    const byCell = new Map<number, ObjectInstance[]>();
    const prior = sizePrior(label);
    const small = prior !== undefined && prior[0] <= 0.6 && prior[2] <= 0.5;
    const hash = this.registry.hash;
    return (a, b, h) => {
      const [key] = hash.cellsOf(a, b, a, b);
      let near = byCell.get(key);
      if (!near) {
        near = [...hash.query([key])].filter(
          (o) => this.registry.isConfirmed(o) && !labelsCompatible(o.label, label),
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

  /** An instance left the registry: its object leaves the mosaic, its footprint the occupancy grid. */
  private forget(inst: ObjectInstance): void {
    this.delta.delete(inst.id);
    const shape = this.shapes.get(inst);
    if (shape) this.occupancy.block(shape.blocked, []);
    this.shapes.delete(inst);
    this.dirty.delete(inst);
  }

  /**
   * Follows the floor estimate (objects standing on it are completed down to it; a move of over 5 mm redoes
   * them all) and marks the objects whose wall completion looks at a floor cell whose state changed.
   */
  private trackFloor(): void {
    const floorH = this.occupancy.floorHeight();
    if (floorH !== undefined && (this.floorUsed === undefined || Math.abs(floorH - this.floorUsed) > 0.005)) {
      this.floorUsed = floorH;
      for (const inst of this.registry.all()) this.dirty.add(inst);
      return;
    }
    const changed = this.occupancy.floorSeenChanged;
    if (changed.size === 0) return;
    const hash = this.registry.hash;
    const near = new Map<number, ObjectInstance[]>();
    for (const [a, b] of changed.values()) {
      const cs = this.occupancy.cellSize;
      const [key] = hash.cellsOf(a, b, a, b);
      let cands = near.get(key);
      if (!cands) {
        // Reaches stay under 2.5 m: instances registered within that of the hash cell.
        cands = [...hash.query(hash.cellsOf(a - 2.5, b - 2.5, a + 2.5, b + 2.5))].filter(
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

  /** Reshapes the objects of the instances marked since the last refresh: O(changed instances). */
  private refresh(): void {
    for (const inst of this.dirty) {
      if (!this.registry.has(inst)) continue;
      const shaped = this.registry.shown(inst)
        ? shapeObject(inst, {
            frame: this.frame,
            floorHeight: this.floorUsed,
            floorSnap: this.floorSnap,
            cells: this.occupancy,
          })
        : undefined;
      // Not sized until a view shows it whole (or its views add up to a box its class can have).
      const shape = shaped && !seenInPartOnly(inst, shaped.obj.size) ? shaped : undefined;
      const before = this.shapes.get(inst);
      if (shape) this.shapes.set(inst, shape);
      else this.shapes.delete(inst);
      this.occupancy.block(before?.blocked ?? [], shape?.blocked ?? []);
      this.delta.set(inst.id, shape?.obj);
    }
    this.dirty.clear();
  }

  /**
   * What changed since the last call: objects shown for the first time or changed (by value), and ids no
   * longer shown (pruned, merged into another, or hidden again). Costs O(instances changed), never O(map).
   */
  takeDelta(): { upserts: MosaicObject[]; removed: string[] } {
    this.refresh();
    return this.delta.take();
  }

  /** The mosaic so far: confirmed objects (oriented boxes), keyframe poses, occupancy and the room estimate. */
  toMosaic(opts: { full?: boolean } = {}): Mosaic {
    if (opts.full) for (const inst of this.registry.all()) this.dirty.add(inst);
    this.refresh();
    return {
      schemaVersion: MOSAIC_SCHEMA_VERSION,
      up: this.frame.up,
      objects: this.delta.objects(),
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
}
