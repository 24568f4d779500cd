/**
 * `spatial-mosaic/element`: importing it defines `<spatial-mosaic>`. The elements of a page share one
 * supervised perception and one reasoner worker, started from the scripts shipped next to this module
 * (a bundler such as Vite picks them up from the `new Worker(new URL(…, import.meta.url))` below; a plain
 * `<script type="module">` loads them from the package's folder). Give elements workers of your own with
 * `createWorkerPool` and `setDefaultWorkerPool` (or an element's `workers` property).
 *
 * @packageDocumentation
 */
import { wrapWorker } from '../runtime/workerClient';
import type { PerceptionApi } from '../runtime/PerceptionApi';
import type { ReasonerApi } from '../runtime/ReasonerApi';
import { defineSpatialMosaic } from '../element/define';
import { setDefaultWorkerFactories } from '../element/workerPool';

export * from '../element/api';
export { VERSION } from './version';

// `@vite-ignore` keeps this library's own build from resolving the scripts (they are its other outputs); the
// build strips the comment, so a consumer's bundler sees the plain pattern and bundles the workers.
setDefaultWorkerFactories(() => ({
  perception: () =>
    wrapWorker<PerceptionApi>(
      new Worker(new URL(/* @vite-ignore */ './perception.worker.js', import.meta.url), {
        type: 'module',
        name: 'perception',
      }),
      'perception',
    ),
  reasoner: () =>
    wrapWorker<ReasonerApi>(
      new Worker(new URL(/* @vite-ignore */ './reasoner.worker.js', import.meta.url), {
        type: 'module',
        name: 'reasoner',
      }),
      'reasoner',
    ),
}));
defineSpatialMosaic();
