/**
 * `spatial-mosaic` — the headless API, the same in Node, a page and a worker: scenes from a mosaic file, from
 * frames or from a sequence folder; questions answered with a trace; the mosaic file's parse, validate and
 * serialise; scoring in the VSI-Bench way; and the types. Node adds folder helpers (`openScene`,
 * `openSequenceFolder`, `readMosaicFile`); the `<spatial-mosaic>` element is `spatial-mosaic/element`.
 *
 * @packageDocumentation
 */
export {
  Scene,
  openSequenceScene,
  type FrameInput,
  type MosaicPerceiver,
  type SceneAnswer,
  type SceneOptions,
  type SequenceSceneOptions,
} from './scene';
export {
  parseMosaicFile,
  validateMosaic,
  toMosaicFile,
  MOSAIC_FILE_EXTENSION,
  MAX_MOSAIC_FILE_CHARS,
} from '../storage/mosaicFile';
export { MosaicFileError } from '../storage/errors';
export { MOSAIC_SCHEMA_VERSION } from '../core/mosaic/types';
export type {
  Mosaic,
  MosaicObject,
  Keyframe,
  LabelVote,
  Observation,
  OccupancyGrid,
  RoomEstimate,
} from '../core/mosaic/types';
export type { KeyframeReport } from '../core/fusion/MosaicBuilder';
export type { Intrinsics, Mat4, Vec3 } from '../core/geometry/types';
export type { DepthImage, Detection, RgbImage } from '../core/perception/types';
export type { AskOptions, QuestionInput, ThinkResult, ThinkerBudget } from '../core/reasoning/MosaicThinker';
export type { TraceStep, Trace } from '../core/reasoning/trace';
export { formatStep, formatTrace } from '../core/reasoning/trace';
export type { Answer } from '../core/reasoning/answer';
export type { DetectFrame } from '../core/reasoning/SequencePerceiver';
export { QuestionParseError } from '../core/questions/parseQuestion';
export { validateQuestions, QuestionsFileError } from '../core/questions/questionsFile';
export {
  scoreItem,
  aggregate,
  meanRelativeAccuracy,
  type EvalResults,
  type ScoredItem,
} from '../core/questions/scoring';
export { memoryFileSource, type FileSource, type Sequence, type SequenceFrame } from '../core/sequence';
export { SequenceFormatError } from '../core/sequence/sequenceFormatError';
export { ImageDecodeError } from '../core/image/png';
export { VERSION } from './version';
export type { VsiQuestion } from '../core/questions/types';
