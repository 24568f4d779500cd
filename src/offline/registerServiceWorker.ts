/**
 * Registers the app's service worker (/sw.js, built by `vite build`) once the page has loaded, so installing
 * it (precaching the shell) never competes with the first paint. Returns undefined where there is no service
 * worker support, outside a secure context, or when registration fails (the app still works online).
 */
export async function registerServiceWorker(
  base: string = import.meta.env.BASE_URL,
): Promise<ServiceWorkerRegistration | undefined> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !isSecureContext)
    return undefined;
  if (document.readyState !== 'complete') {
    await new Promise<void>((resolve) => addEventListener('load', () => resolve(), { once: true }));
  }
  try {
    return await navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
  } catch (e) {
    console.warn(`Offline support is off: the service worker did not register (${(e as Error).message}).`);
    return undefined;
  }
}
