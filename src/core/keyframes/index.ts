export {
  KeyframeSelector,
  DEFAULT_KEYFRAME_OPTIONS,
  poseDistance,
  type KeyframeDecision,
  type KeyframeCandidate,
  type KeyframeReason,
  type KeyframeSelectorOptions,
} from './keyframeSelector';
export {
  greyThumbnail,
  halve,
  laplacianVariance,
  meanAbsDiff,
  ImageStatsError,
  type GreyImage,
  type PixelSource,
} from './imageStats';
