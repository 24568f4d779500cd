import type { MosaicBuilder } from '../fusion/MosaicBuilder';
import type { Mosaic } from '../mosaic/types';
import type { Detection } from '../perception/types';
import type { Sequence, SequenceFrame } from '../sequence/openSequence';
import { throwIfAborted } from '../abort';
import type { FramePerceiver } from './interfaces';

/**
 * Detections of one frame: from the sequence's detections.json, or from a detector run on the frame's pixels
 * (the caller adapts an engine to this; the core imports none).
 */
export type DetectFrame = (
  frame: SequenceFrame,
  signal?: AbortSignal,
  /** Names for an open-vocabulary detector (FramePerceiver.perceive); closed-set detectors ignore them. */
  prompts?: readonly string[],
) => Promise<readonly Detection[]>;

/** detections.json as a DetectFrame. */
export const fileDetections =
  (seq: Sequence): DetectFrame =>
  async (frame) =>
    seq.detections?.[frame.index] ?? [];

/**
 * A FramePerceiver over an imported sequence that carries its own poses and depth: perceiving a frame = detecting
 * (detections.json by default, or the given detector) and fusing into the builder. The reasoner reads `mosaic()`
 * after each round.
 */
export class SequencePerceiver implements FramePerceiver {
  private readonly perceived = new Set<number>();
  private cached: Mosaic | undefined;
  private readonly detect: DetectFrame;

  constructor(
    private readonly seq: Sequence,
    private readonly builder: MosaicBuilder,
    detect?: DetectFrame,
    /** Frame rate for first-seen times. */
    private readonly fps = 30,
  ) {
    if (!seq.poses || !seq.hasDepth || (!detect && !seq.detections))
      throw new Error(
        'SequencePerceiver needs trajectory.log, depth/ and detections.json (or a detector) in the sequence',
      );
    this.detect = detect ?? fileDetections(seq);
  }

  framesAvailable(): number[] {
    return Array.from({ length: this.seq.frameCount }, (_, i) => i);
  }

  framesPerceived(): number[] {
    return [...this.perceived].sort((a, b) => a - b);
  }

  async perceive(frames: number[], signal?: AbortSignal, prompts?: readonly string[]): Promise<void> {
    // Fusion is incremental; frames perceived later (earlier in time) still move first sightings earlier.
    for (const f of [...frames].sort((a, b) => a - b)) {
      throwIfAborted(signal);
      if (this.perceived.has(f)) continue;
      const fr = await this.seq.readFrame(f);
      if (!fr.depth) continue;
      const detections = await this.detect(fr, signal, prompts);
      this.builder.addKeyframe({
        frame: f,
        time: f / this.fps,
        pose: this.seq.poses![f],
        intrinsics: this.seq.intrinsics,
        depth: fr.depth,
        detections,
      });
      this.perceived.add(f);
    }
    this.cached = undefined;
  }

  mosaic(): Mosaic {
    return (this.cached ??= this.builder.toMosaic());
  }
}
