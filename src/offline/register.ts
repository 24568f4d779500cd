import { registerServiceWorker } from './registerServiceWorker';

// Production builds only: a service worker caching a dev server's modules would serve stale code.
if (import.meta.env.PROD) void registerServiceWorker();
