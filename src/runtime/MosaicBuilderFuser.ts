import { MosaicBuilder, type MosaicBuilderOptions } from '../core/fusion/MosaicBuilder';
import type { CameraToWorld, Intrinsics, Mat4 } from '../core/geometry/types';
import type { Keyframe, Mosaic, MosaicObject, OccupancyGrid } from '../core/mosaic/types';
import type { DepthImage, Detection } from '../core/perception/types';

/**
 * What the perception service needs from fusion: fuse one keyframe, say what changed (so storage writes a
 * delta, not the whole map), hand out the mosaic. `MosaicBuilderFuser` adapts src/core/fusion's builder.
 */
export interface FusionInput {
  readonly frame: number;
  readonly time: number;
  readonly pose: Mat4;
  readonly intrinsics: Intrinsics;
  readonly depth: DepthImage;
  readonly detections: readonly Detection[];
}

export interface FusionDelta {
  readonly keyframe: Keyframe;
  /** Confirmed objects created or changed by this keyframe. */
  readonly upserts: MosaicObject[];
  /** Objects gone from the mosaic (pruned, or merged into another). */
  readonly removed: string[];
  /** The occupancy grid, when it changed. */
  readonly occupancy?: OccupancyGrid;
}

export interface FrameFuser {
  fuse(input: FusionInput): FusionDelta;
  mosaic(): Mosaic;
}

export class MosaicBuilderFuser implements FrameFuser {
  private readonly builder: MosaicBuilder;
  // The serialized form of each object as last reported: the delta is what differs from it.
  private last = new Map<string, string>();
  private lastOccupancy = '';
  private current?: Mosaic;

  constructor(opts: MosaicBuilderOptions = {}) {
    this.builder = new MosaicBuilder(opts);
  }

  fuse(input: FusionInput): FusionDelta {
    const pose = [...input.pose] as unknown as CameraToWorld;
    this.builder.addKeyframe({ ...input, pose });
    const mosaic = this.builder.toMosaic();
    this.current = mosaic;
    const next = new Map(mosaic.objects.map((o) => [o.id, JSON.stringify(o)]));
    const upserts = mosaic.objects.filter((o) => this.last.get(o.id) !== next.get(o.id));
    const removed = [...this.last.keys()].filter((id) => !next.has(id));
    this.last = next;
    const occ = mosaic.occupancy ? JSON.stringify(mosaic.occupancy) : '';
    const occupancyChanged = occ !== this.lastOccupancy;
    this.lastOccupancy = occ;
    return {
      keyframe: mosaic.trajectory[mosaic.trajectory.length - 1],
      upserts,
      removed,
      ...(occupancyChanged && mosaic.occupancy ? { occupancy: mosaic.occupancy } : {}),
    };
  }

  mosaic(): Mosaic {
    return this.current ?? this.builder.toMosaic();
  }
}
