import type { LabelVote, MosaicObject, Observation } from '../mosaic/types';

/**
 * What the mosaic's objects did since the last delta: the objects shown for the first time or changed by value
 * (upserts), and the ids a delta had reported that are no longer shown (removed). The builder tells it each
 * recomputed object; one whose value equals the one shown is no change, so storage rewrites only what changed.
 * Costs O(objects told), never O(map).
 */
export class DeltaTracker {
  /** The object shown now for each id. */
  private readonly shown = new Map<string, MosaicObject>();
  private readonly pending = new Map<string, MosaicObject>();
  /** Ids that a delta has reported as shown (and not yet as removed). */
  private readonly reported = new Set<string>();
  private readonly gone = new Set<string>();

  /** The object shown for `id` now (undefined: not shown, as a tentative instance missed more often than seen). */
  set(id: string, obj: MosaicObject | undefined): void {
    const before = this.shown.get(id);
    if (obj) {
      this.shown.set(id, obj);
      if (before === undefined || !sameObject(before, obj)) {
        this.pending.set(id, obj);
        this.gone.delete(id);
      }
    } else if (before) {
      this.hide(id);
    }
  }

  /** `id` is gone for good (pruned, or merged into another). */
  delete(id: string): void {
    this.hide(id);
  }

  private hide(id: string): void {
    this.shown.delete(id);
    this.pending.delete(id);
    if (this.reported.has(id)) this.gone.add(id);
  }

  /** Every object shown now, in order of first sight (then id). */
  objects(): MosaicObject[] {
    return [...this.shown.values()].sort(byFirstSight);
  }

  take(): { upserts: MosaicObject[]; removed: string[] } {
    const upserts = [...this.pending.values()].sort(byFirstSight);
    for (const o of upserts) this.reported.add(o.id);
    const removed = [...this.gone].sort();
    for (const id of removed) this.reported.delete(id);
    this.pending.clear();
    this.gone.clear();
    return { upserts, removed };
  }
}

const byFirstSight = (x: MosaicObject, y: MosaicObject): number =>
  x.firstSeenFrame - y.firstSeenFrame || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Numbers as their JSON compares them: NaN equals NaN, 0 equals −0. */
const sameNumber = (a: number, b: number): boolean => a === b || (a !== a && b !== b);
const sameString = (a: string, b: string): boolean => a === b;

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameNumber(a[i], b[i])) return false;
  return true;
}

function sameList<T>(
  same: (a: T, b: T) => boolean,
): (a: readonly T[] | undefined, b: readonly T[] | undefined) => boolean {
  return (a, b) => {
    if (a === undefined || b === undefined) return a === b;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  };
}

/** How each field of a record compares: one that is not listed is a compile error, so none is missed. */
type FieldComparers<T> = { readonly [K in keyof Required<T>]: (a: T[K], b: T[K]) => boolean };

function sameRecord<T>(fields: FieldComparers<T>): (a: T, b: T) => boolean {
  const entries = Object.entries(fields) as [keyof T, (x: unknown, y: unknown) => boolean][];
  return (a, b) => {
    for (const [key, same] of entries) if (!same(a[key], b[key])) return false;
    return true;
  };
}

const sameVote = sameRecord<LabelVote>({ label: sameString, weight: sameNumber, count: sameNumber });
const sameObservation = sameRecord<Observation>({
  frame: sameNumber,
  box: sameNumbers,
  score: sameNumber,
  label: sameString,
});

/**
 * Equality by value of two mosaic objects, field by field (what storage would write), without serialising
 * them. The fields that change with most updates come first, so a moved object costs a few comparisons.
 */
export const sameObject = sameRecord<MosaicObject>({
  observations: sameNumber,
  lastSeenFrame: sameNumber,
  center: sameNumbers,
  size: sameNumbers,
  yaw: sameNumber,
  confidence: sameNumber,
  id: sameString,
  label: sameString,
  firstSeenFrame: sameNumber,
  firstSeenTime: sameNumber,
  labels: sameList(sameVote),
  recentObservations: sameList(sameObservation),
});
