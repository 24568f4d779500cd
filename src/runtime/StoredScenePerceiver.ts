import type { FramePerceiver } from '../core/reasoning/interfaces';
import type { Mosaic } from '../core/mosaic/types';
import type { SceneStore } from '../storage/SceneStore';
import type { SceneFrames } from './PerceptionApi';
import { throwIfAborted } from './errors';
import type { SceneFramePort } from './ReasonerApi';

let rounds = 0;

/**
 * The reasoning loop's FramePerceiver over a stored scene: perception (behind `port`, in its own worker)
 * perceives more frames of the scene's sequence and appends them to the stored scene, and the mosaic the loop
 * reads is the stored scene read back. Only frame numbers cross between the workers; objects go through storage.
 */
export class StoredScenePerceiver implements FramePerceiver {
  private frames: SceneFrames;
  private current: Mosaic;
  /** What perception said about the last round (frames it could not fuse, what the open-vocabulary detector found). */
  notes: readonly string[] = [];
  /** Frames were fused into the stored scene during this question. */
  changed = false;

  private constructor(
    private readonly port: SceneFramePort,
    private readonly store: SceneStore,
    private readonly sceneId: string,
    frames: SceneFrames,
    mosaic: Mosaic,
  ) {
    this.frames = frames;
    this.current = mosaic;
  }

  /** A perceiver for the scene, or undefined when perception holds none of its frames. */
  static async open(
    port: SceneFramePort,
    store: SceneStore,
    sceneId: string,
    mosaic: Mosaic,
  ): Promise<StoredScenePerceiver | undefined> {
    const frames = await port.perceiveSceneFrames({ sceneId });
    return frames ? new StoredScenePerceiver(port, store, sceneId, frames, mosaic) : undefined;
  }

  framesAvailable(): number[] {
    return [...this.frames.available];
  }

  framesPerceived(): number[] {
    return [...this.frames.perceived];
  }

  mosaic(): Mosaic {
    return this.current;
  }

  async perceive(frames: number[], signal?: AbortSignal, prompts?: readonly string[]): Promise<void> {
    throwIfAborted(signal);
    const before = this.frames.perceived.length;
    // A question stopped or superseded meanwhile stops the perceiving too (at its next frame).
    const requestId = `frames-${++rounds}`;
    const stop = () => void this.port.interrupt?.(requestId)?.catch(() => undefined);
    signal?.addEventListener('abort', stop, { once: true });
    let next: SceneFrames | null;
    try {
      next = await this.port.perceiveSceneFrames(
        { sceneId: this.sceneId, frames, ...(prompts?.length ? { prompts: [...prompts] } : {}) },
        { requestId },
      );
    } finally {
      signal?.removeEventListener('abort', stop);
    }
    throwIfAborted(signal);
    // Perception let the scene go meanwhile (its worker restarted): nothing more can be perceived.
    this.frames = next ?? {
      available: this.frames.perceived,
      perceived: this.frames.perceived,
      objectCount: 0,
    };
    this.notes = next ? (next.notes ?? []) : ['perception no longer holds this scene’s frames'];
    if (this.frames.perceived.length > before) {
      this.changed = true;
      this.current = (await this.store.load(this.sceneId)).mosaic;
    }
  }
}
