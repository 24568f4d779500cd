import { MosaicBuilder, type KeyframeInput, type MosaicBuilderOptions } from '../core/fusion/MosaicBuilder';
import { asCameraToWorld } from '../core/geometry/types';
import type { OccupancyDelta } from '../core/fusion/occupancyGrid';
import type { Keyframe, Mosaic, MosaicObject } from '../core/mosaic/types';

export interface FusionDelta {
  readonly keyframe: Keyframe;
  /** Confirmed objects created or changed by this keyframe. */
  readonly upserts: MosaicObject[];
  /** Objects gone from the mosaic (pruned, or merged into another). */
  readonly removed: string[];
  /** The occupancy cells this keyframe changed (and the floor height and room now), when anything changed. */
  readonly occupancy?: OccupancyDelta;
}

/**
 * What the perception service needs from fusion: fuse one keyframe (the builder's own input), say what changed
 * (so storage writes a delta, not the whole map), hand out the mosaic. `MosaicBuilderFuser` adapts
 * src/core/fusion's builder.
 */
export interface FrameFuser {
  fuse(input: KeyframeInput): FusionDelta;
  mosaic(): Mosaic;
  /** Confirmed objects in the mosaic now, without building it (the library's count, every keyframe). */
  readonly objectCount: number;
}

export class MosaicBuilderFuser implements FrameFuser {
  private readonly builder: MosaicBuilder;
  private lastKeyframe?: Keyframe;
  /** Ids of the confirmed objects, kept from the deltas: upserts add, removals delete. */
  private readonly shown = new Set<string>();

  constructor(opts: MosaicBuilderOptions = {}) {
    this.builder = new MosaicBuilder(opts);
  }

  /**
   * The builder recomputes and diffs only the objects this keyframe touched (observed, merged, confirmed,
   * missed, or whose wall completion depends on floor seen now), so the delta costs O(changed objects); the
   * occupancy grid tracks the cells whose state changed, so its delta costs O(changed cells).
   */
  fuse(input: KeyframeInput): FusionDelta {
    // A copy: the keyframe is kept (and handed out) after the caller's matrix may be reused.
    const pose = asCameraToWorld([...input.pose]);
    this.builder.addKeyframe({ ...input, pose });
    const { upserts, removed } = this.builder.takeDelta();
    for (const o of upserts) this.shown.add(o.id);
    for (const id of removed) this.shown.delete(id);
    const occupancy = this.builder.takeOccupancyDelta();
    this.lastKeyframe = { frame: input.frame, time: input.time, pose };
    return {
      keyframe: this.lastKeyframe,
      upserts,
      removed,
      ...(occupancy ? { occupancy } : {}),
    };
  }

  mosaic(): Mosaic {
    return this.builder.toMosaic();
  }

  get objectCount(): number {
    return this.shown.size;
  }
}
