import {
  MOSAIC_SCHEMA_VERSION,
  type Keyframe,
  type Mosaic,
  type MosaicObject,
  type OccupancyGrid,
} from '../core/mosaic/types';
import type { Vec3 } from '../core/geometry/types';
import { isOccupancyDelta, OccupancyReplay, type OccupancyDelta } from '../core/fusion/occupancyGrid';
import { CorruptSceneError, SceneNotFoundError, StorageFullError, isQuotaError } from './errors';
import { STORAGE_SCHEMA_VERSION, assertSceneId, parseSceneKey, sceneKeys } from './keys';
import type { KvStore } from './kv';
import { MOSAIC_FILE_EXTENSION, parseMosaicFile, toMosaicFile } from './mosaicFile';

/**
 * Scenes in a key-value store, written incrementally: one append-only record per keyframe (a delta of the
 * objects it changed), and a meta record whose `commit` says how many keyframes are real. Meta is written
 * last, so a write interrupted midway (tab closed, quota full) leaves an orphan record that readers ignore
 * and the next write overwrites. `compact` folds the deltas into a chunked snapshot the same way.
 */
export interface SceneCommit {
  /** Keyframes committed so far (the next delta is kf:<keyframes>). */
  readonly keyframes: number;
  /** The snapshot that covers keyframes [0, base.keyframes), or null when every delta is still a record. */
  readonly base: { readonly gen: number; readonly chunks: number; readonly keyframes: number } | null;
}

export interface SceneMeta {
  readonly schemaVersion: number;
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly up: Vec3;
  readonly source?: Record<string, string>;
  readonly objectCount: number;
  readonly commit: SceneCommit;
  /**
   * Set when the scene is not all of what was asked for, in words ("2 frames skipped: unreadable depth
   * (00003, 00007)", "stopped after 40 of 120 keyframes"); absent for a complete scene.
   */
  readonly partial?: string;
}

/** What one keyframe changed: its pose, the objects created or updated, the ids pruned. */
export interface KeyframeDelta {
  readonly keyframe: Keyframe;
  readonly upserts: readonly MosaicObject[];
  readonly removed?: readonly string[];
  /**
   * The occupancy cells this keyframe changed (storage v2). Records written by storage v1 hold the whole
   * grid here instead, which replaces it; both load.
   */
  readonly occupancy?: OccupancyDelta | OccupancyGrid;
}

export interface StoredScene {
  readonly meta: SceneMeta;
  readonly mosaic: Mosaic;
}

interface BaseRest {
  trajectory: Keyframe[];
  occupancy?: OccupancyGrid;
}

export interface SceneStoreOptions {
  /** Objects per snapshot chunk (keeps each IndexedDB value small). */
  readonly chunkSize?: number;
  /** Compact automatically once this many deltas sit on top of the snapshot. */
  readonly compactEvery?: number;
  readonly now?: () => number;
  readonly newId?: () => string;
  /**
   * Excludes writers of the same scene in other JS contexts (tabs, workers) for the length of one
   * read-modify-write: without it two tabs appending to one scene both write kf:<n> and one keyframe is lost,
   * and a compaction can delete a generation another tab's commit still names. `webSceneLock` in the browser.
   */
  readonly lock?: SceneLock;
  /**
   * Test hook (fault-injection e2e only): runs after a keyframe's delta record is written and before the meta
   * that commits it, so a test can hold a write exactly there and close the tab.
   */
  readonly beforeCommit?: (sceneId: string, keyframe: number) => Promise<void>;
}

/** Runs `fn` while holding the named lock exclusively (navigator.locks.request has this shape). */
export type SceneLock = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

export class SceneStore {
  private readonly chunkSize: number;
  private readonly compactEvery: number;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly lock?: SceneLock;
  private readonly beforeCommit?: SceneStoreOptions['beforeCommit'];
  // One writer at a time per scene in this context: appends must see the commit the previous one wrote.
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly kv: KvStore,
    opts: SceneStoreOptions = {},
  ) {
    this.chunkSize = opts.chunkSize ?? 200;
    this.compactEvery = opts.compactEvery ?? 64;
    this.now = opts.now ?? Date.now;
    this.newId = opts.newId ?? (() => `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
    this.lock = opts.lock;
    this.beforeCommit = opts.beforeCommit;
  }

  async create(init: {
    name: string;
    up: Vec3;
    source?: Record<string, string>;
    id?: string;
  }): Promise<SceneMeta> {
    const meta = this.newMeta(init);
    await this.write(meta.id, [[sceneKeys.meta(meta.id), meta]]);
    return meta;
  }

  /** Stores a whole mosaic (import, CLI output): snapshot records first, then the meta that commits them. */
  async saveMosaic(mosaic: Mosaic, init: { name: string; id?: string }): Promise<SceneMeta> {
    const meta = this.newMeta({ name: init.name, up: mosaic.up, source: mosaic.source, id: init.id });
    return this.locked(meta.id, () => this.writeSnapshot(meta, mosaic, mosaic.trajectory.length, 1));
  }

  private newMeta(init: { name: string; up: Vec3; source?: Record<string, string>; id?: string }): SceneMeta {
    const id = init.id ?? this.newId();
    assertSceneId(id);
    const t = this.now();
    const meta: SceneMeta = {
      schemaVersion: STORAGE_SCHEMA_VERSION,
      id,
      name: init.name,
      createdAt: t,
      updatedAt: t,
      up: [...init.up],
      ...(init.source ? { source: init.source } : {}),
      objectCount: 0,
      commit: { keyframes: 0, base: null },
    };
    return meta;
  }

  /**
   * Appends one keyframe's delta: the record first, then the commit. `objectCount` is the writer's exact count
   * of the scene's objects after this keyframe (the fuser knows it); without it the list shows an estimate.
   */
  async appendKeyframe(id: string, delta: KeyframeDelta, objectCount?: number): Promise<SceneMeta> {
    const meta = await this.locked(id, async () => {
      const m = await this.meta(id);
      const n = m.commit.keyframes;
      const removed = new Set(delta.removed ?? []);
      const changed = delta.upserts.filter((o) => !removed.has(o.id)).length;
      await this.write(id, [[sceneKeys.keyframe(id, n), delta]]);
      await this.beforeCommit?.(id, n);
      const next: SceneMeta = {
        ...m,
        updatedAt: this.now(),
        // Without the writer's count: an upper bound for the library list (an upsert may update a known
        // object); load() gives the exact count.
        objectCount: objectCount ?? Math.max(0, m.objectCount + changed - removed.size),
        commit: { ...m.commit, keyframes: n + 1 },
      };
      await this.write(id, [[sceneKeys.meta(id), next]]);
      return next;
    });
    const pending = meta.commit.keyframes - (meta.commit.base?.keyframes ?? 0);
    return pending >= this.compactEvery ? this.compact(id) : meta;
  }

  async load(id: string): Promise<StoredScene> {
    const meta = await this.meta(id);
    const { mosaic } = await this.replay(meta);
    return { meta: { ...meta, objectCount: mosaic.objects.length }, mosaic };
  }

  /** Folds the deltas into a new snapshot generation and drops what the new commit no longer references. */
  async compact(id: string): Promise<SceneMeta> {
    return this.locked(id, async () => {
      const meta = await this.meta(id);
      const { mosaic } = await this.replay(meta);
      return this.writeSnapshot(meta, mosaic, meta.commit.keyframes, (meta.commit.base?.gen ?? 0) + 1);
    });
  }

  /** The scene as an ARCHITECTURE "Mosaic file", with a file name made from the scene's name. */
  async exportFile(id: string): Promise<{ fileName: string; text: string }> {
    const { meta, mosaic } = await this.load(id);
    const base = meta.name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || meta.id;
    return { fileName: `${base}${MOSAIC_FILE_EXTENSION}`, text: toMosaicFile(mosaic) };
  }

  /** Validates a mosaic file (MosaicFileError names the problem) and stores it as a new scene. */
  async importFile(text: string, fileName: string, name?: string): Promise<SceneMeta> {
    const mosaic = parseMosaicFile(text, fileName);
    const fallback = fileName.replace(/\.mosaic\.json$|\.json$/i, '') || 'Imported scene';
    return this.saveMosaic(mosaic, { name: name ?? fallback });
  }

  async list(): Promise<SceneMeta[]> {
    const metaKeys = (await this.kv.keys()).filter((k) => parseSceneKey(k)?.kind === 'meta');
    const metas = await this.kv.getMany<SceneMeta>(metaKeys);
    return metas.filter((m): m is SceneMeta => !!m).sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** Marks the scene partial with what it lacks, or (undefined) complete. */
  async setPartial(id: string, partial: string | undefined): Promise<SceneMeta> {
    return this.locked(id, async () => {
      const { partial: _old, ...rest } = await this.meta(id);
      const next: SceneMeta = partial ? { ...rest, partial } : rest;
      await this.write(id, [[sceneKeys.meta(id), next]]);
      return next;
    });
  }

  async rename(id: string, name: string): Promise<SceneMeta> {
    return this.locked(id, async () => {
      const next = { ...(await this.meta(id)), name, updatedAt: this.now() };
      await this.write(id, [[sceneKeys.meta(id), next]]);
      return next;
    });
  }

  /** Deletes meta first, so the scene vanishes from readers at once even if the rest is removed later. */
  async delete(id: string): Promise<void> {
    assertSceneId(id);
    await this.locked(id, async () => {
      await this.kv.del(sceneKeys.meta(id));
      const prefix = sceneKeys.prefix(id);
      await this.kv.delMany((await this.kv.keys()).filter((k) => k.startsWith(prefix)));
    });
  }

  async meta(id: string): Promise<SceneMeta> {
    assertSceneId(id);
    const meta = await this.kv.get<SceneMeta>(sceneKeys.meta(id));
    if (!meta)
      throw new SceneNotFoundError(
        `Scene "${id}" is not in this browser's storage: it was deleted or never saved.`,
      );
    return meta;
  }

  private async replay(meta: SceneMeta): Promise<{ mosaic: Mosaic }> {
    const { id, commit } = meta;
    const objects = new Map<string, MosaicObject>();
    let trajectory: Keyframe[] = [];
    let occupancy: OccupancyGrid | undefined;
    const grid = new OccupancyReplay();
    if (commit.base) {
      const { gen, chunks } = commit.base;
      const keys = Array.from({ length: chunks }, (_, c) => sceneKeys.baseObjects(id, gen, c));
      const [rest, ...parts] = await this.kv.getMany<unknown>([sceneKeys.baseRest(id, gen), ...keys]);
      if (!rest || parts.some((p) => !Array.isArray(p))) {
        throw new CorruptSceneError(
          `Scene "${meta.name}" (${id}) lost part of its saved snapshot: delete it or re-import its file.`,
        );
      }
      for (const part of parts as MosaicObject[][]) for (const o of part) objects.set(o.id, o);
      ({ trajectory, occupancy } = rest as BaseRest);
      trajectory = [...trajectory];
      if (occupancy) grid.reset(occupancy);
    }
    const from = commit.base?.keyframes ?? 0;
    const deltaKeys = Array.from({ length: commit.keyframes - from }, (_, i) =>
      sceneKeys.keyframe(id, from + i),
    );
    const deltas = await this.kv.getMany<KeyframeDelta>(deltaKeys);
    let changed = false;
    deltas.forEach((d, i) => {
      if (!d)
        throw new CorruptSceneError(
          `Scene "${meta.name}" (${id}) is missing keyframe ${from + i}: delete it or re-import its file.`,
        );
      trajectory.push(d.keyframe);
      for (const o of d.upserts) objects.set(o.id, o);
      for (const r of d.removed ?? []) objects.delete(r);
      if (d.occupancy) {
        if (isOccupancyDelta(d.occupancy)) grid.apply(d.occupancy);
        else grid.reset(d.occupancy);
        changed = true;
      }
    });
    if (changed) occupancy = grid.grid();
    const mosaic: Mosaic = {
      schemaVersion: MOSAIC_SCHEMA_VERSION,
      up: meta.up,
      objects: [...objects.values()],
      trajectory,
      ...(occupancy ? { occupancy } : {}),
      ...(meta.source ? { source: meta.source } : {}),
    };
    return { mosaic };
  }

  private async writeSnapshot(
    meta: SceneMeta,
    mosaic: Mosaic,
    keyframes: number,
    gen: number,
  ): Promise<SceneMeta> {
    const { id } = meta;
    const chunks: [string, unknown][] = [];
    for (let c = 0; c * this.chunkSize < mosaic.objects.length; c++) {
      chunks.push([
        sceneKeys.baseObjects(id, gen, c),
        mosaic.objects.slice(c * this.chunkSize, (c + 1) * this.chunkSize),
      ]);
    }
    const rest: BaseRest = {
      trajectory: mosaic.trajectory,
      ...(mosaic.occupancy ? { occupancy: mosaic.occupancy } : {}),
    };
    await this.write(id, [...chunks, [sceneKeys.baseRest(id, gen), rest]]);
    const next: SceneMeta = {
      ...meta,
      updatedAt: this.now(),
      objectCount: mosaic.objects.length,
      commit: { keyframes, base: { gen, chunks: chunks.length, keyframes } },
    };
    await this.write(id, [[sceneKeys.meta(id), next]]);
    await this.dropUnreferenced(next);
    return next;
  }

  /** Removes snapshot generations and deltas the commit does not reference (old ones, or orphans of a failed write). */
  private async dropUnreferenced(meta: SceneMeta): Promise<void> {
    const { base, keyframes } = meta.commit;
    const stale = (await this.kv.keys()).filter((k) => {
      const p = parseSceneKey(k);
      if (!p || p.id !== meta.id) return false;
      if (p.kind === 'base') return p.gen !== base?.gen;
      if (p.kind === 'kf') return p.n < (base?.keyframes ?? 0) || p.n >= keyframes;
      return false;
    });
    if (stale.length) await this.kv.delMany(stale);
  }

  private async write(id: string, entries: [string, unknown][]): Promise<void> {
    try {
      await this.kv.setMany(entries);
    } catch (err) {
      if (isQuotaError(err)) {
        throw new StorageFullError(
          `Browser storage is full while saving scene ${id}: the last keyframe was not saved, everything before it is kept. ` +
            'Delete or export old scenes, then continue.',
        );
      }
      throw err;
    }
  }

  private locked<T>(id: string, body: () => Promise<T>): Promise<T> {
    const lock = this.lock;
    const fn = lock ? () => lock(`spatial-mosaic:scene:${id}`, body) : body;
    const prev = this.locks.get(id) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.locks.set(id, tail);
    void tail.then(() => {
      if (this.locks.get(id) === tail) this.locks.delete(id);
    });
    return run;
  }
}
