import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installTestApi } from './runtime/testApi';
import { App } from './ui/App';
import { LiveFeed } from './core/pipeline';
import { perceptionClient, reasonerClient } from './ui/workerClients';
import { userMessage } from './runtime/userMessage';
import './ui/app.css';
import './offline/register'; // the service worker (production builds): offline after one visit

const root = document.getElementById('root');
if (!root) throw new Error('index.html: no #root element — the app has nowhere to mount');

// The typed API Playwright drives (window.__spatialMosaicTest), over the app's own (lazily started) workers.
installTestApi({
  perception: perceptionClient,
  reasoner: reasonerClient,
  liveFeed: (perception, opts) => new LiveFeed(perception, { ...opts, describeError: userMessage }),
});

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
