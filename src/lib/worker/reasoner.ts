/**
 * `spatial-mosaic/worker/reasoner`: the reasoner handler for a worker your page owns. Your worker file:
 *
 * ```ts
 * import { handleReasonerWorker } from 'spatial-mosaic/worker/reasoner';
 * handleReasonerWorker();
 * ```
 *
 * @packageDocumentation
 */
import { exposeService } from '../../runtime/exposeService';
import { ReasonerService } from '../../runtime/ReasonerService';
import { browserVlm } from '../../runtime/vlm/browserVlm';
import { applyWorkerAssets, type WorkerAssetOptions } from './assets';

export type { WorkerAssetOptions } from './assets';
export type * from '../../runtime/ReasonerApi';

/**
 * Serves the reasoner API (the MosaicThinker loop with exact tools, and SmolVLM2 when its files are there) to
 * the page that started this worker. Call it once, at the top of a module worker.
 */
export function handleReasonerWorker(options: WorkerAssetOptions = {}): void {
  applyWorkerAssets(options);
  exposeService(new ReasonerService({ tokenDelayMs: 15, vlm: browserVlm }));
}
