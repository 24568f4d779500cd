import type { CameraToWorld, Intrinsics } from '../geometry/types';
import type { FloorFrame } from '../mosaic/floorFrame';
import type { DepthImage } from '../perception/types';
import { iou } from '../perception/yoloxDecode';
import { labelsCompatible } from './labelCompatibility';
import type { LiftedDetection } from './liftDetection';
import { ObjectInstance, VOXEL, type Bounds } from './objectInstance';
import { fitsPrior, hasPrior } from './sizePriors';
import { SpatialHash } from './spatialHash';
import { expectedInView } from './visibility';
import { voteWall } from './wallCompletion';

/**
 * The life of fused instances: created tentative, confirmed after enough sightings (or, seen fewer times, if
 * missed less often than seen), merged with duplicates that turn out to be partial views of one object, folded
 * into the object they are a fragment of, or pruned when never confirmed. Holds the spatial hash that finds an
 * instance's neighbours. Tells its owner which instances' objects may have changed and which are gone.
 */
export interface InstanceEvents {
  /** The instance's object may have changed (observed, merged, confirmed, missed). */
  changed(inst: ObjectInstance): void;
  /** The instance is gone (pruned, merged into another, or a fragment folded into one). */
  removed(inst: ObjectInstance): void;
}

export interface LifecycleOptions {
  /** Sightings that confirm an instance. */
  readonly minObservations: number;
  /** Keyframes after its creation at which an unconfirmed instance is confirmed, folded or pruned. */
  readonly confirmWithinKeyframes: number;
}

/** What a keyframe saw, for telling which tentative instances it should have detected. */
export interface View {
  readonly pose: CameraToWorld;
  readonly intrinsics: Intrinsics;
  readonly depth: DepthImage;
}

/** Mean detection score for an object seen fewer than `minObservations` times to count. */
const STRONG_SCORE = 0.55;
/** Bounds this far apart still touch (duplicates, fragments). */
const TOUCH_GAP = 0.05;

export class InstanceRegistry {
  /** Instances by the floor cells (1 m) their bounds touch: read it, never write it. */
  readonly hash = new SpatialHash<ObjectInstance>(1);
  private readonly instances = new Map<string, ObjectInstance>();
  /** Unconfirmed instances in order of creation, with the keyframe that created them. */
  private readonly tentative: { inst: ObjectInstance; keyframe: number }[] = [];
  /** Keyframes in which a tentative instance was expected in view but not detected. */
  private readonly misses = new Map<ObjectInstance, number>();
  private readonly confirmed = new Set<ObjectInstance>();
  private nextId = 0;

  constructor(
    private readonly opts: LifecycleOptions,
    private readonly frame: FloorFrame,
    private readonly events: InstanceEvents,
  ) {}

  get size(): number {
    return this.instances.size;
  }

  all(): IterableIterator<ObjectInstance> {
    return this.instances.values();
  }

  has(inst: ObjectInstance): boolean {
    return this.instances.get(inst.id) === inst;
  }

  isConfirmed(inst: ObjectInstance): boolean {
    return this.confirmed.has(inst);
  }

  /** A new tentative instance first seen in `frame` at `time`, created in keyframe number `keyframe`. */
  create(frame: number, time: number, keyframe: number): ObjectInstance {
    const inst = new ObjectInstance(`obj-${this.nextId++}`, frame, time);
    this.instances.set(inst.id, inst);
    this.tentative.push({ inst, keyframe });
    return inst;
  }

  /** A sighting of the instance in `frame` at `time`; `also` are the same box's other labels (votes). */
  observe(
    inst: ObjectInstance,
    l: LiftedDetection,
    frame: number,
    time: number,
    also: readonly { label: string; score: number }[],
  ): void {
    const d = l.detection;
    inst.addObservation(
      l.points,
      { frame, box: d.box, score: d.score, label: d.label },
      time,
      also,
      d.alternatives,
    );
    if (!l.imageCut && !l.depthCut) inst.wholeViews++;
    if (l.support !== undefined) inst.addSupport(l.support);
    for (const w of l.walls) voteWall(inst.walls, w);
    if (inst.observations >= this.opts.minObservations) this.confirmed.add(inst);
    this.rehash(inst);
    this.events.changed(inst);
  }

  /** Tentative instances expected in this view but not detected collect a miss. O(tentative instances). */
  countMisses(touched: ReadonlySet<ObjectInstance>, view: View): void {
    for (const { inst } of this.tentative) {
      if (touched.has(inst) || this.confirmed.has(inst) || !this.instances.has(inst.id)) continue;
      if (expectedInView(inst.bounds, view.pose, view.intrinsics, view.depth, this.frame)) {
        this.misses.set(inst, (this.misses.get(inst) ?? 0) + 1);
        this.events.changed(inst);
      }
    }
  }

  /**
   * Confirmed, or tentative with evidence that a few sightings suffice: strong detections (mean score), more
   * sightings than misses, and an extent its class can have (partial views only shrink an object, so a
   * "bottle" 70 cm tall is something else).
   */
  shown(inst: ObjectInstance): boolean {
    if (this.confirmed.has(inst)) return true;
    if (inst.observations <= (this.misses.get(inst) ?? 0)) return false;
    if (inst.scoreSum / inst.observations < STRONG_SCORE) return false;
    const { lo, hi } = inst.bounds;
    const size: [number, number, number] = [hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]];
    return !hasPrior(inst.label) || fitsPrior([inst.label], size, 1.3);
  }

  /**
   * Two instances of compatible labels are one object when one's footprint mostly lies in the other's,
   * or when their bounds touch and the union still fits the class (front and side views of a fridge).
   * Merges the first such neighbour into the older of the two; whether one was merged.
   */
  mergeDuplicates(inst: ObjectInstance): boolean {
    for (const other of this.hash.query(inst.hashCells)) {
      if (other === inst || !labelsCompatible(other.label, inst.label)) continue;
      const o = other.bounds;
      // Seen apart in one frame, but grown into the same space since: that frame's association was wrong
      // (two things cannot fill one box).
      if (inst.apart.has(other.id) && boundsIoU(inst.bounds, o) < 0.5) continue;
      if (apart(inst.bounds, o)) continue;
      const [small, big] = inst.footprint.size <= other.footprint.size ? [inst, other] : [other, inst];
      let inside = 0;
      for (const key of small.footprint.keys()) if (big.footprint.has(key)) inside++;
      // Partial views that barely overlap: the union must fit each label's class (a vase and a bottle a
      // hand apart make a vase-sized union, but no bottle is that wide).
      if (
        inside < 0.6 * small.footprint.size &&
        !fitsEach([inst.label, other.label], unionSize(inst.bounds, o))
      )
        continue;
      // Keep the older instance (its first-seen frame is the true one).
      const [keep, drop] =
        other.firstSeenFrame < inst.firstSeenFrame ||
        (other.firstSeenFrame === inst.firstSeenFrame && other.id < inst.id)
          ? [other, inst]
          : [inst, other];
      keep.absorb(drop);
      if (keep.observations >= this.opts.minObservations || this.confirmed.has(drop))
        this.confirmed.add(keep);
      this.misses.set(keep, Math.min(this.misses.get(keep) ?? 0, this.misses.get(drop) ?? 0));
      this.remove(drop);
      this.rehash(keep);
      this.events.changed(keep);
      return true;
    }
    return false;
  }

  /**
   * Settles the tentative instances created `confirmWithinKeyframes` keyframes before keyframe number `keyframe`:
   * a fragment of a confirmed object is folded into it, one that is shown is confirmed, the rest are pruned.
   * `extentOf` gives a confirmed instance's box as shown (undefined: none). Checked in creation order, so this
   * is O(instances that expire now). Returns how many instances went.
   */
  prune(keyframe: number, extentOf: (inst: ObjectInstance) => Bounds | undefined): number {
    let pruned = 0;
    while (
      this.tentative.length > 0 &&
      keyframe - this.tentative[0].keyframe >= this.opts.confirmWithinKeyframes
    ) {
      const { inst } = this.tentative.shift()!;
      if (!this.instances.has(inst.id) || this.confirmed.has(inst)) continue;
      const whole = this.fragmentOf(inst, extentOf);
      if (whole) {
        whole.absorbSightings(inst);
        this.remove(inst);
        this.events.changed(whole);
        pruned++;
      } else if (this.shown(inst)) {
        this.confirmed.add(inst);
        this.misses.delete(inst);
        this.events.changed(inst);
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
  private fragmentOf(
    inst: ObjectInstance,
    extentOf: (inst: ObjectInstance) => Bounds | undefined,
  ): ObjectInstance | undefined {
    if (inst.observations >= this.opts.minObservations) return undefined;
    const { lo, hi } = inst.bounds;
    const g = TOUCH_GAP;
    for (const other of this.hash.query(this.hash.cellsOf(lo[0] - g, lo[1] - g, hi[0] + g, hi[1] + g))) {
      if (other === inst || !this.confirmed.has(other) || inst.apart.has(other.id)) continue;
      if (other.observations < 3 * inst.observations || !labelsCompatible(other.label, inst.label)) continue;
      const box = extentOf(other);
      if (!box || apart(inst.bounds, box)) continue;
      if (fitsEach([inst.label, other.label], unionSize(inst.bounds, box))) return other;
    }
    return undefined;
  }

  /**
   * Two compatible-label instances detected in one frame on separate boxes are two objects (a vase beside a
   * bottle): they must never be merged as duplicates later.
   */
  markApart(lifted: readonly LiftedDetection[], owner: readonly (ObjectInstance | undefined)[]): void {
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

  private remove(inst: ObjectInstance): void {
    this.events.removed(inst);
    this.hash.remove(inst, inst.hashCells);
    this.instances.delete(inst.id);
    this.misses.delete(inst);
    this.confirmed.delete(inst);
  }

  private rehash(inst: ObjectInstance): void {
    this.hash.remove(inst, inst.hashCells);
    const { lo, hi } = inst.bounds;
    inst.hashCells = this.hash.cellsOf(lo[0] - VOXEL, lo[1] - VOXEL, hi[0] + VOXEL, hi[1] + VOXEL);
    this.hash.insert(inst, inst.hashCells);
  }
}

/** Whether two floor-frame boxes are more than TOUCH_GAP apart along some axis. */
function apart(x: Bounds, y: Bounds): boolean {
  return [0, 1, 2].some((ax) => x.lo[ax] > y.hi[ax] + TOUCH_GAP || y.lo[ax] > x.hi[ax] + TOUCH_GAP);
}

function unionSize(x: Bounds, y: Bounds): [number, number, number] {
  return [0, 1, 2].map((ax) => Math.max(x.hi[ax], y.hi[ax]) - Math.min(x.lo[ax], y.lo[ax])) as [
    number,
    number,
    number,
  ];
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
