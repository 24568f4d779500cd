import type { MosaicBuilder } from '../fusion/MosaicBuilder';
import type { Mosaic } from '../mosaic/types';
import { SequenceFuser, type DetectFrame, type FrameSequence } from '../pipeline';
import { AbortError } from '../abort';
import type { FramePerceiver } from './interfaces';

export { fileDetections, type DetectFrame } from '../pipeline';

/**
 * A FramePerceiver over an imported sequence that carries its own poses and depth: perceiving a frame = detecting
 * (detections.json by default, or the given detector) and fusing into the builder, through the pipeline's
 * SequenceFuser. The reasoner reads `mosaic()` after each round.
 */
export class SequencePerceiver implements FramePerceiver {
  private readonly perceived = new Set<number>();
  private cached: Mosaic | undefined;
  private readonly fuser: SequenceFuser;

  constructor(
    private readonly seq: FrameSequence & { readonly hasDepth: boolean },
    private readonly builder: Pick<MosaicBuilder, 'addKeyframe' | 'toMosaic'>,
    detect?: DetectFrame,
    /** Frame rate for first-seen times, or each frame's time in seconds. */
    fps: number | ((index: number) => number) = 30,
  ) {
    if (!seq.poses || !seq.hasDepth || (!detect && !seq.detections))
      throw new Error(
        'SequencePerceiver needs trajectory.log, depth/ and detections.json (or a detector) in the sequence',
      );
    this.fuser = new SequenceFuser(seq, builder, {
      ...(detect ? { detect } : {}),
      ...(typeof fps === 'number' ? { fps } : { time: fps }),
    });
  }

  framesAvailable(): number[] {
    return Array.from({ length: this.seq.frameCount }, (_, i) => i);
  }

  framesPerceived(): number[] {
    return [...this.perceived].sort((a, b) => a - b);
  }

  async perceive(frames: number[], signal?: AbortSignal, prompts?: readonly string[]): Promise<void> {
    // Fusion is incremental; frames perceived later (earlier in time) still move first sightings earlier.
    const todo = [...new Set(frames)].filter((f) => !this.perceived.has(f)).sort((a, b) => a - b);
    try {
      await this.fuser.fuse(todo, {
        ...(signal ? { signal } : {}),
        ...(prompts ? { prompts } : {}),
        stopped: () => new AbortError(),
        onFrame: ({ index, result }) => {
          if (result) this.perceived.add(index);
        },
      });
    } finally {
      this.cached = undefined;
    }
  }

  mosaic(): Mosaic {
    return (this.cached ??= this.builder.toMosaic());
  }
}
