import { createStore, del, delMany, get, getMany, keys, set, setMany, type UseStore } from 'idb-keyval';

/**
 * The small key-value interface the storage logic is written against. The browser uses IndexedDB through
 * idb-keyval with our own database; Node tests use `MemoryKvStore`. Values must be structured-cloneable.
 */
export interface KvStore {
  get<T>(key: string): Promise<T | undefined>;
  getMany<T>(keys: string[]): Promise<(T | undefined)[]>;
  set(key: string, value: unknown): Promise<void>;
  setMany(entries: [string, unknown][]): Promise<void>;
  del(key: string): Promise<void>;
  delMany(keys: string[]): Promise<void>;
  keys(): Promise<string[]>;
}

export const DB_NAME = 'spatial-mosaic';
export const STORE_NAME = 'kv';

/** IndexedDB-backed store. Opening is lazy, so importing this module never touches `indexedDB`. */
export function idbKvStore(dbName = DB_NAME, storeName = STORE_NAME): KvStore {
  let store: UseStore | undefined;
  const s = (): UseStore => (store ??= createStore(dbName, storeName));
  return {
    get: (key) => get(key, s()),
    getMany: (ks) => getMany(ks, s()),
    set: (key, value) => set(key, value, s()),
    setMany: (entries) => setMany(entries, s()),
    del: (key) => del(key, s()),
    delMany: (ks) => delMany(ks, s()),
    keys: async () => (await keys(s())).map(String),
  };
}

/** Map-backed store with IndexedDB's copy semantics (values are cloned in and out). */
export class MemoryKvStore implements KvStore {
  readonly map = new Map<string, unknown>();

  async get<T>(key: string): Promise<T | undefined> {
    return this.map.has(key) ? (structuredClone(this.map.get(key)) as T) : undefined;
  }
  async getMany<T>(ks: string[]): Promise<(T | undefined)[]> {
    return Promise.all(ks.map((k) => this.get<T>(k)));
  }
  async set(key: string, value: unknown): Promise<void> {
    this.map.set(key, structuredClone(value));
  }
  async setMany(entries: [string, unknown][]): Promise<void> {
    for (const [k, v] of entries) await this.set(k, v);
  }
  async del(key: string): Promise<void> {
    this.map.delete(key);
  }
  async delMany(ks: string[]): Promise<void> {
    for (const k of ks) this.map.delete(k);
  }
  async keys(): Promise<string[]> {
    return [...this.map.keys()];
  }
}
