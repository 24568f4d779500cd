/**
 * The one perceive-and-fuse core: frames (a sequence's, a live source's) → perception → fusion, with progress
 * and stopping. The worker's build job, the CLI, the reasoner's perceiver, the live sources, the element and
 * the benches all go through it.
 */
export {
  everyNth,
  fileDetections,
  sequenceFrame,
  type DetectFrame,
  type FrameSequence,
  type PipelineFrame,
} from './frames';
export {
  fuseFrames,
  PipelineStoppedError,
  type FrameProgress,
  type FuseFramesOptions,
  type FuseFramesResult,
} from './fuseFrames';
export {
  FrameStep,
  keyframeOf,
  resampleDepth,
  type FrameEngines,
  type FrameStepOptions,
  type PerceiveContext,
  type PerceivedFrame,
  type PerceiveStage,
  type StageTime,
} from './FrameStep';
export type { DepthEngine, DetectorEngine, EstimatedDepth, OpenVocabEngine } from './engines';
export { ASSUMED_MEDIAN_DEPTH_M, metricDepth, type KeptFit, type MetricDepth } from './metricDepth';
export { SequenceFuser, type KeyframeFuser, type SequenceFuserOptions } from './SequenceFuser';
export { isPlaced, type FrameSources } from './frameSources';
export {
  EMPTY_LIVE_STATS,
  LiveFeed,
  type DroppedFrame,
  type LiveFeedOptions,
  type LiveFrame,
  type LiveFrameOutcome,
  type LivePerception,
  type LiveStats,
} from './LiveFeed';
