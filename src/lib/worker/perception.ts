/**
 * `spatial-mosaic/worker/perception`: the perception handler for a worker your page owns. Your worker file:
 *
 * ```ts
 * import { handlePerceptionWorker } from 'spatial-mosaic/worker/perception';
 * handlePerceptionWorker();
 * ```
 *
 * then `createWorkerPool({ perception: () => new Worker(…your worker file's URL…, { type: 'module' }),
 * reasoner: … })` from `spatial-mosaic/element` hands it to the elements (README: "Workers your page owns").
 *
 * @packageDocumentation
 */
import { exposeService } from '../../runtime/exposeService';
import { PerceptionService } from '../../runtime/PerceptionService';
import { browserPerceptionEngines } from '../../runtime/perception/browserEngines';
import { applyWorkerAssets, type WorkerAssetOptions } from './assets';

export type { WorkerAssetOptions } from './assets';
export type * from '../../runtime/PerceptionApi';
export type {
  BuildUpdateCallback,
  BuildSequenceRequest,
  BuildUpdate,
  BuildResult,
} from '../../runtime/jobs/types';
export type { ModelProgressCallback } from '../../engines/models/progress';
export type { ProgressCallback } from '../../runtime/progress';

/**
 * Serves the perception API (depth, YOLOX-Nano, fusion into the scene library in IndexedDB) to the page that
 * started this worker, over comlink. Call it once, at the top of a module worker.
 */
export function handlePerceptionWorker(options: WorkerAssetOptions = {}): void {
  applyWorkerAssets(options);
  exposeService(new PerceptionService({ engines: browserPerceptionEngines }));
}
