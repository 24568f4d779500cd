/**
 * The worker's per-frame perception: the pipeline core's FrameStep (detections, metric depth and pose, each from
 * the frame or an engine, with per-stage timings and sources) over the browser engines and their model-progress
 * events. See src/core/pipeline/FrameStep.ts.
 */
import { FrameStep, type PerceiveContext as CorePerceiveContext } from '../../core/pipeline/FrameStep';
import type { ModelProgressCallback } from '../../engines/models/progress';
import type { DepthEngine, DetectorEngine } from './engines';

export { resampleDepth, type PerceivedFrame } from '../../core/pipeline/FrameStep';

export type PerceiveContext = CorePerceiveContext<ModelProgressCallback>;

export class FramePipeline extends FrameStep<ModelProgressCallback> {
  constructor(
    engines: { detector?: DetectorEngine; depth?: DepthEngine } = {},
    now: () => number = () => performance.now(),
    /** Told once per engine failure (a missing model, a broken session), for the status line. */
    onNotice: (message: string) => void = () => undefined,
  ) {
    super(engines, { now, onNotice });
  }
}
