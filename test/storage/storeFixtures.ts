import type { CameraToWorld } from '../../src/core/geometry/types';
import type { Keyframe, MosaicObject } from '../../src/core/mosaic/types';
import { MemoryKvStore } from '../../src/storage/kv';

/** Small deterministic fixtures for storage tests (Node and e2e). */
export function makeObject(id: string, label: string, x: number, frame = 0): MosaicObject {
  return {
    id,
    label,
    labels: [{ label, weight: 0.9, count: 1 }],
    center: [x, 0.5, 2],
    size: [0.5, 1, 0.5],
    yaw: 0.25,
    confidence: 0.9,
    firstSeenFrame: frame,
    firstSeenTime: frame / 30,
    lastSeenFrame: frame,
    observations: 1,
  };
}

export function makeKeyframe(frame: number): Keyframe {
  const pose = [1, 0, 0, frame * 0.1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] as unknown as CameraToWorld;
  return { frame, time: frame / 30, pose };
}

/** A store that fails writes on demand, the way IndexedDB does when the quota is used up. */
export class FailingKvStore extends MemoryKvStore {
  /** Number of further setMany calls that succeed; after that every write throws `error`. */
  writesLeft = Infinity;
  error: Error = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

  override async setMany(entries: [string, unknown][]): Promise<void> {
    if (this.writesLeft <= 0) throw this.error;
    this.writesLeft--;
    return super.setMany(entries);
  }
  override async set(key: string, value: unknown): Promise<void> {
    if (this.writesLeft <= 0) throw this.error;
    return super.set(key, value);
  }
}
