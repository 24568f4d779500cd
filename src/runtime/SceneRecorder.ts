/**
 * The fused scene of the perception worker and where it is stored: the fuser for the current world frame, the
 * stored scene keyframes are appended to (when one is open), and the delta a failed write left unsaved, which
 * the next write carries so the stored objects catch up once there is room again.
 */
import { mergeOccupancyDeltas } from '../core/fusion/occupancyGrid';
import { DEFAULT_UP } from '../core/geometry/floorFrame';
import type { Vec3 } from '../core/geometry/types';
import type { Mosaic } from '../core/mosaic/types';
import { openSceneLibrary } from '../storage/openSceneLibrary';
import type { SceneMeta, SceneStore } from '../storage/SceneStore';
import { InvalidRequestError } from './errors';
import type { SceneEnd, SceneInit } from './frames';
import type { KeyframeInput } from '../core/fusion/MosaicBuilder';
import { MosaicBuilderFuser, type FrameFuser, type FusionDelta } from './MosaicBuilderFuser';


export interface SceneRecorderDeps {
  /** Opens saved scenes; the browser default is IndexedDB, tests pass a MemoryKvStore-backed one. */
  readonly openLibrary?: () => Promise<SceneStore>;
  readonly createFuser?: (up: Vec3) => FrameFuser;
  /** A scene in a (possibly) new world frame starts: told before its first keyframe can arrive. */
  readonly onNewWorld?: (up: Vec3) => void;
}

export class SceneRecorder {
  private library?: Promise<SceneStore>;
  private fuser?: FrameFuser;
  private worldUp: Vec3 = DEFAULT_UP;
  private scene?: SceneMeta;
  private unsaved?: FusionDelta;

  constructor(private readonly deps: SceneRecorderDeps = {}) {}

  /** The stored scene keyframes go to, when one is open. */
  get sceneId(): string | undefined {
    return this.scene?.id;
  }

  /** The fuser of the current world frame, if one was made (a build's, for later frames of its sequence). */
  get currentFuser(): FrameFuser | undefined {
    return this.fuser;
  }

  get objectCount(): number {
    return this.fuser?.objectCount ?? 0;
  }

  /** A new stored scene, and an empty fuser in its world frame. */
  async open(init: SceneInit): Promise<SceneMeta> {
    const store = await this.openLibrary();
    const exists = !!init.id && (await store.list()).some((m) => m.id === init.id);
    if (exists && init.replace) await store.delete(init.id!);
    else if (exists) {
      throw new InvalidRequestError(
        `openScene: a scene with id "${init.id}" already exists; pick another id or delete it first.`,
      );
    }
    this.restart(init.up ?? DEFAULT_UP);
    this.scene = await store.create({
      name: init.name,
      up: this.worldUp,
      ...(init.id ? { id: init.id } : {}),
    });
    return this.scene;
  }

  /**
   * Continues a stored scene after this context restarted (a crashed worker): later keyframes append to its
   * commit. The fuser starts empty, so objects seen again are re-fused from the next frames on.
   */
  async resume(id: string): Promise<SceneMeta> {
    const meta = await (await this.openLibrary()).meta(id);
    this.restart([...meta.up]);
    this.scene = meta;
    return meta;
  }

  async close(end: SceneEnd = {}): Promise<void> {
    const scene = this.scene;
    this.scene = undefined;
    if (!scene) return;
    const store = await this.openLibrary();
    if (end.discard) await store.delete(scene.id);
    else if (end.partial) await store.setPartial(scene.id, end.partial);
  }

  /** Forgets the fused mosaic and stops storing (a new scene follows). */
  reset(): void {
    this.unsaved = undefined;
    this.fuser = undefined;
    this.scene = undefined;
  }

  mosaic(): Mosaic {
    return this.fuserNow().mosaic();
  }

  /** Fuses one keyframe; the fused state has changed once this returns. */
  fuse(input: KeyframeInput): FusionDelta {
    return this.fuserNow().fuse(input);
  }

  /**
   * Appends a fused keyframe's delta to the open scene (no-op without one) and returns whether it wrote. A write
   * that fails keeps the delta, folded into the next one, and throws.
   */
  async persist(delta: FusionDelta): Promise<boolean> {
    const scene = this.scene;
    if (!scene) return false;
    const store = await this.openLibrary();
    const toWrite = this.withUnsaved(delta);
    try {
      this.scene = await store.appendKeyframe(scene.id, toWrite, this.objectCount);
      this.unsaved = undefined;
    } catch (err) {
      // Fusion moved on but storage did not (e.g. quota full): carry this delta into the next write.
      this.unsaved = toWrite;
      throw err;
    }
    return true;
  }

  private restart(up: Vec3): void {
    this.worldUp = up;
    this.deps.onNewWorld?.(up);
    this.fuser = this.createFuser();
    this.unsaved = undefined;
  }

  private fuserNow(): FrameFuser {
    return (this.fuser ??= this.createFuser());
  }

  /** Folds a delta that failed to save into the next one: later upserts and removals win. */
  private withUnsaved(delta: FusionDelta): FusionDelta {
    const prev = this.unsaved;
    if (!prev) return delta;
    const upserts = new Map(prev.upserts.map((o) => [o.id, o]));
    const removed = new Set(prev.removed);
    for (const id of delta.removed) {
      upserts.delete(id);
      removed.add(id);
    }
    for (const o of delta.upserts) {
      upserts.set(o.id, o);
      removed.delete(o.id);
    }
    const occupancy = mergeOccupancyDeltas(prev.occupancy, delta.occupancy);
    return {
      keyframe: delta.keyframe,
      upserts: [...upserts.values()],
      removed: [...removed],
      ...(occupancy ? { occupancy } : {}),
    };
  }

  private createFuser(): FrameFuser {
    return (this.deps.createFuser ?? ((up) => new MosaicBuilderFuser({ up })))(this.worldUp);
  }

  /** The scene library (opened on first need). */
  openLibrary(): Promise<SceneStore> {
    return (this.library ??= (this.deps.openLibrary ?? (() => openSceneLibrary()))());
  }
}
