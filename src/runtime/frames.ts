import type { Detection } from '../core/perception/types';
import type { PipelineFrame } from '../core/pipeline/frames';
import type { FrameSources } from './frameSources';

/** Keyframes in, what became of them out, and the stored scene they go into (perception worker and jobs). */

/** One frame for perception + fusion: the pipeline core's frame. Send with `transferFrame` so the buffers move. */
export type PerceptionFrame = PipelineFrame;

export interface StageTiming {
  readonly stage: 'validate' | 'detect' | 'depth' | 'pose' | 'fuse' | 'persist';
  readonly ms: number;
}

export type ProcessFrameResult =
  | { readonly dropped: true; readonly frame: number; readonly reason: 'busy' }
  | {
      readonly dropped: false;
      readonly frame: number;
      readonly timings: readonly StageTiming[];
      /** Objects created or updated by this frame, and removed. */
      readonly upserted: number;
      readonly removed: number;
      readonly objectCount: number;
      /** What was perceived (the frame's own detections, or the detector's). */
      readonly detections?: readonly Detection[];
      readonly sources?: FrameSources;
      /** The scene this keyframe was committed to, when one is open. */
      readonly sceneId?: string;
    };

/** A new stored scene: `id` to choose it, `replace` to drop an earlier one stored under that id. */
export interface SceneInit {
  readonly name: string;
  readonly id?: string;
  readonly up?: readonly [number, number, number];
  readonly replace?: boolean;
}

/** How a stored scene's build ended: complete (nothing set), partial with what it lacks, or discarded. */
export interface SceneEnd {
  readonly partial?: string;
  readonly discard?: boolean;
}
