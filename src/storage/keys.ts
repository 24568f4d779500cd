/**
 * The persisted key layout, in one place. Changing a key or a record shape means a new
 * STORAGE_SCHEMA_VERSION and a migration in migrations.ts.
 *
 *   db:schemaVersion                     number
 *   scene:<id>:meta                      SceneMeta — holds the commit marker; written last
 *   scene:<id>:kf:<n>                    KeyframeDelta — one per keyframe, append-only (delta); since v2 its
 *                                        `occupancy` holds the cells that changed, in v1 the whole grid
 *   scene:<id>:base:<gen>:objects:<c>    MosaicObject[] — compacted snapshot, chunked
 *   scene:<id>:base:<gen>:rest           { trajectory, occupancy } of the snapshot
 */
export const STORAGE_SCHEMA_VERSION = 2;

export const SCHEMA_VERSION_KEY = 'db:schemaVersion';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function assertSceneId(id: string): void {
  if (!ID_PATTERN.test(id)) {
    throw new RangeError(
      `Scene id "${id}" is not usable as a storage key: use 1–64 letters, digits, '-' or '_'.`,
    );
  }
}

// Zero-padded so that keys sort in keyframe order in any key listing.
const pad = (n: number): string => String(n).padStart(8, '0');

export const sceneKeys = {
  prefix: (id: string) => `scene:${id}:`,
  meta: (id: string) => `scene:${id}:meta`,
  keyframe: (id: string, n: number) => `scene:${id}:kf:${pad(n)}`,
  baseObjects: (id: string, gen: number, chunk: number) =>
    `scene:${id}:base:${pad(gen)}:objects:${pad(chunk)}`,
  baseRest: (id: string, gen: number) => `scene:${id}:base:${pad(gen)}:rest`,
  basePrefix: (id: string, gen: number) => `scene:${id}:base:${pad(gen)}:`,
};

export type ParsedSceneKey =
  | { kind: 'meta'; id: string }
  | { kind: 'kf'; id: string; n: number }
  | { kind: 'base'; id: string; gen: number }
  | { kind: 'other'; id: string };

export function parseSceneKey(key: string): ParsedSceneKey | undefined {
  const m = /^scene:([A-Za-z0-9_-]+):(.*)$/.exec(key);
  if (!m) return undefined;
  const [, id, rest] = m;
  if (rest === 'meta') return { kind: 'meta', id };
  const kf = /^kf:(\d+)$/.exec(rest);
  if (kf) return { kind: 'kf', id, n: Number(kf[1]) };
  const base = /^base:(\d+):/.exec(rest);
  if (base) return { kind: 'base', id, gen: Number(base[1]) };
  return { kind: 'other', id };
}
