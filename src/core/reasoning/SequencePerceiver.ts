import type { MosaicBuilder } from '../fusion/MosaicBuilder';
import type { Mosaic } from '../mosaic/types';
import type { Sequence } from '../sequence/openSequence';
import { throwIfAborted, type FramePerceiver } from './interfaces';

/**
 * A FramePerceiver over an imported sequence that carries its own poses, depth and detections.json: perceiving
 * a frame = fusing its detections into the builder. The reasoner reads `mosaic()` after each round.
 */
export class SequencePerceiver implements FramePerceiver {
  private readonly perceived = new Set<number>();
  private cached: Mosaic | undefined;

  constructor(
    private readonly seq: Sequence,
    private readonly builder: MosaicBuilder,
  ) {
    if (!seq.poses || !seq.detections || !seq.hasDepth)
      throw new Error('SequencePerceiver needs trajectory.log, depth/ and detections.json in the sequence');
  }

  framesAvailable(): number[] {
    return Array.from({ length: this.seq.frameCount }, (_, i) => i);
  }

  framesPerceived(): number[] {
    return [...this.perceived].sort((a, b) => a - b);
  }

  async perceive(frames: number[], signal?: AbortSignal): Promise<void> {
    // Fusion is incremental in time order; frames perceived later are still fused as they come.
    for (const f of [...frames].sort((a, b) => a - b)) {
      throwIfAborted(signal);
      if (this.perceived.has(f)) continue;
      const fr = await this.seq.readFrame(f);
      if (!fr.depth) continue;
      this.builder.addKeyframe({
        frame: f,
        time: f / 30,
        pose: this.seq.poses![f],
        intrinsics: this.seq.intrinsics,
        depth: fr.depth,
        detections: this.seq.detections![f] ?? [],
      });
      this.perceived.add(f);
    }
    this.cached = undefined;
  }

  mosaic(): Mosaic {
    return (this.cached ??= this.builder.toMosaic());
  }
}
