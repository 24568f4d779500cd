import type { Mosaic } from '../../core/mosaic/types';
import type { SceneMeta } from '../../storage/SceneStore';
import type { PerceptionFrame, ProcessFrameResult, SceneEnd, SceneInit } from '../frames';

/**
 * What a build job drives: a stored scene opened, keyframes perceived and fused into it one at a time, the
 * fused mosaic read back, the scene closed. The perception service hands its jobs one over its frame pipeline
 * and scene recorder; jobs know nothing else of it.
 */
export interface FrameSink {
  /** Forgets the fused mosaic (a new scene). */
  reset(): Promise<void>;
  openScene(init: SceneInit): Promise<SceneMeta>;
  /** Perceives and fuses one keyframe; a busy sink drops it (`{dropped: true}`). */
  processFrame(frame: PerceptionFrame): Promise<ProcessFrameResult>;
  mosaic(): Promise<Mosaic>;
  closeScene(end?: SceneEnd): Promise<void>;
}
