/**
 * The e2e build's extra entry (`vite build --mode e2e`, vite.config.ts puts it into index.html before the app):
 * the app's workers become the harness's, and the typed test API Playwright drives is mounted on
 * `window.__spatialMosaicTest`, over the app's own (lazily started) workers. The product build never sees it.
 */
import './harnessErrors';
import { LiveFeed } from '../../src/core/pipeline';
import { userMessage } from '../../src/runtime/userMessage';
import { perceptionClient, reasonerClient } from '../../src/ui/workerClients';
import { perceptionUnderTest, reasonerUnderTest, useHarnessWorkers } from './clients';
import { installTestApi } from './testApi';

useHarnessWorkers();
installTestApi({
  perception: perceptionUnderTest(perceptionClient),
  reasoner: reasonerUnderTest(reasonerClient),
  liveFeed: (perception, opts) => new LiveFeed(perception, { ...opts, describeError: userMessage }),
});
