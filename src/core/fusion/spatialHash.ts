/**
 * A 2D spatial hash on the floor plane: instances register in every cell their footprint's bounds touch,
 * so finding association candidates costs O(cells of the query), independent of how many objects or
 * frames the mosaic holds.
 */
export class SpatialHash<T> {
  private readonly cells = new Map<number, Set<T>>();

  constructor(readonly cellSize = 1) {}

  private key(i: number, j: number): number {
    return (i + 32768) * 65536 + (j + 32768);
  }

  /** Cell keys covering the floor rectangle [a0, a1] × [b0, b1]. */
  cellsOf(a0: number, b0: number, a1: number, b1: number): number[] {
    const keys: number[] = [];
    const s = this.cellSize;
    for (let i = Math.floor(a0 / s); i <= Math.floor(a1 / s); i++)
      for (let j = Math.floor(b0 / s); j <= Math.floor(b1 / s); j++) keys.push(this.key(i, j));
    return keys;
  }

  insert(item: T, keys: readonly number[]): void {
    for (const k of keys) {
      let set = this.cells.get(k);
      if (!set) this.cells.set(k, (set = new Set()));
      set.add(item);
    }
  }

  remove(item: T, keys: readonly number[]): void {
    for (const k of keys) {
      const set = this.cells.get(k);
      if (!set) continue;
      set.delete(item);
      if (set.size === 0) this.cells.delete(k);
    }
  }

  query(keys: readonly number[]): Set<T> {
    const out = new Set<T>();
    for (const k of keys) for (const item of this.cells.get(k) ?? []) out.add(item);
    return out;
  }
}
