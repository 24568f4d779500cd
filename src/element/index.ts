/**
 * The `<spatial-mosaic>` entry of the app's own build (examples/element-test.html): its workers are the
 * repository's workers/ scripts, bundled by Vite. The package's entry is src/lib/element.ts. Importing either
 * defines the element; `defineSpatialMosaic('other-tag')` registers it under another name too.
 */
import { createPerceptionClient, createReasonerClient } from '../runtime/clients';
import { defineSpatialMosaic } from './define';
import { setDefaultWorkerFactories } from './workerPool';

export * from './api';

setDefaultWorkerFactories(() => ({ perception: createPerceptionClient, reasoner: createReasonerClient }));
defineSpatialMosaic();
