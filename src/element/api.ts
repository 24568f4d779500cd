/**
 * Everything `<spatial-mosaic>` exports, whichever entry defines it: the app build's (`./index.ts`, workers from
 * the repository's workers/) or the package's (`src/lib/element.ts`, workers shipped next to it).
 */
export { SpatialMosaicElement, type AddFrameOptions } from './SpatialMosaicElement';
export { defineSpatialMosaic, DEFAULT_TAG } from './define';
export { defaultIntrinsics } from '../core/geometry/camera';
export { FrameInputError, type FrameImage } from './frameInput';
export { NoSceneError } from './MosaicSession';
export {
  WorkerPool,
  createWorkerPool,
  defaultWorkerPool,
  setDefaultWorkerPool,
  type LeaseUse,
  type PerceptionLease,
  type WorkerClientFactories,
  type WorkerPoolOptions,
  type WorkerScripts,
  type WorkerSettings,
} from './workerPool';
export type {
  ErrorDetail,
  MosaicChangeDetail,
  ProgressDetail,
  SpatialMosaicAnswer,
  SpatialMosaicConfig,
  SpatialMosaicEventMap,
} from './types';
export type { Mosaic, MosaicObject } from '../core/mosaic/types';
export type { RgbImage, DepthImage, Detection } from '../core/perception/types';
export type { ReasonerStep } from '../runtime/ReasonerApi';
export type { Answer } from '../core/reasoning/answer';
export { formatStep } from '../core/reasoning/trace';
export type { ProgressEvent } from '../runtime/progress';
export type { WorkerRestart } from '../runtime/supervisor/WorkerSupervisor';
export type { WorkerClient } from '../runtime/workerClient';
