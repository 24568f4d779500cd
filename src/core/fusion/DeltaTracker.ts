import type { MosaicObject } from '../mosaic/types';

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
      if (before === undefined || !sameData(before, obj)) {
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

/**
 * Equality by value of JSON-like data (what storage would write): numbers by value (NaN equals NaN, 0 equals
 * −0, as their JSON does), arrays and typed arrays element-wise, plain objects key by key. Stops at the first
 * difference, so a moved object costs a few comparisons (its centre comes early).
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
