/**
 * The `<spatial-mosaic>` library entry (`npm run build:lib` → dist-lib/spatial-mosaic.js). Importing it defines
 * the element; `defineSpatialMosaic('other-tag')` registers it under another name too.
 */
import { defineSpatialMosaic } from './define';

export { SpatialMosaicElement, type AddFrameOptions } from './SpatialMosaicElement';
export { defineSpatialMosaic, DEFAULT_TAG } from './define';
export { defaultIntrinsics, FrameInputError, type FrameImage } from './frameInput';
export { NoSceneError } from './MosaicSession';
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
export type { ProgressEvent } from '../runtime/progress';

defineSpatialMosaic();
