import { expect, test, type BrowserContext, type Page } from '@playwright/test';

const SHOTS = 'e2e/screenshots';

/**
 * Offline for the page and its service worker. No request routing on top: Playwright routes make Chromium
 * bypass the service worker for page requests, which would test the network, not the worker. Each test probes
 * that the worker's own fetches really fail.
 */
async function goOffline(context: BrowserContext) {
  await context.setOffline(true);
}

async function bootApp(page: Page) {
  await expect(page.getByRole('heading', { name: 'Spatial Mosaic' })).toBeVisible();
  await expect(page.getByTestId('backend')).toHaveAttribute('data-state', 'ready');
}

test('after one visit the app boots and answers on the demo scene with no network', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // First visit, online: the service worker installs (precaching the shell) and takes control.
  await page.goto('/?backend=wasm');
  await bootApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const caches1 = await page.evaluate(() => caches.keys());
  expect(caches1.filter((n) => n.startsWith('spatial-mosaic-shell-'))).toHaveLength(1);

  await goOffline(context);
  // Really offline, for the worker too: a file it has not cached cannot be fetched.
  const probe = await page.evaluate(() =>
    fetch(`/not-cached-${Date.now()}.txt`).then(
      (r) => `status ${r.status}`,
      (e: Error) => `failed: ${e.name}`,
    ),
  );
  expect(probe).toBe('failed: TypeError');

  // Reload with no network: the shell comes from the service worker and keeps cross-origin isolation.
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  await bootApp(page);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId('backend')).toHaveText(/^wasm \(\d+ threads?\)$/);

  // And it works: the demo scene is built in the (offline-loaded) workers and a question is answered.
  await page.getByRole('button', { name: 'Open scene library' }).click();
  await page.getByRole('button', { name: 'Demo scene', exact: true }).click();
  await expect(page.getByTestId('scene-name')).toHaveText('Demo scene');
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 180_000 });
  const suggestion = page.locator('.suggestion').first();
  await suggestion.click();
  const turn = page.getByTestId('turn').last();
  await expect(turn).toHaveAttribute('data-status', /done|unavailable/, { timeout: 60_000 });
  await expect(turn.getByTestId('answer')).toHaveText(/\S/);
  await page.screenshot({ path: `${SHOTS}/offline-demo-answer.png` });
  expect(errors).toEqual([]);

  // Still offline at the end (nothing above quietly went back online).
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
});

test("activation replaces an older build's shell cache and leaves other caches alone", async ({ page }) => {
  // The element test page registers no service worker: plant caches there first, as an older build would have.
  await page.goto('/examples/element-test.html');
  await page.evaluate(async () => {
    await (await caches.open('spatial-mosaic-shell-0000old')).put('/x', new Response('old'));
    await (await caches.open('spatial-mosaic-runtime-v0')).put('/y', new Response('old'));
    await (await caches.open('spatial-mosaic-models-v1')).put('/z', new Response('model'));
  });
  // The app registers the worker; its activation (before it claims the page) cleans up.
  await page.goto('/?backend=wasm');
  await bootApp(page);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const names = await page.evaluate(() => caches.keys());
  expect(names).not.toContain('spatial-mosaic-shell-0000old');
  expect(names).not.toContain('spatial-mosaic-runtime-v0');
  expect(names).toContain('spatial-mosaic-models-v1');
  expect(names.filter((n) => n.startsWith('spatial-mosaic-shell-'))).toHaveLength(1);
});

test('a model fetched once is served offline (cache-first), and a reload request still goes to the network', async ({
  page,
  context,
}) => {
  const url = '/models/yolox-nano/yolox_nano.onnx';
  await page.goto('/?backend=wasm');
  await bootApp(page);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const online = await page.evaluate(
    (u) => fetch(u).then(async (r) => [r.status, (await r.arrayBuffer()).byteLength]),
    url,
  );
  test.skip(online[0] === 404, `${url} is not in this build (npm run models copies it into public/models)`);
  expect(online[0]).toBe(200);
  // The worker stores the model alongside the response (so download progress streams): wait for the entry.
  await expect
    .poll(() =>
      page.evaluate(async (u) => !!(await (await caches.open('spatial-mosaic-runtime-v1')).match(u)), url),
    )
    .toBe(true);

  await goOffline(context);
  const offline = await page.evaluate(async (u) => {
    const r = await fetch(u);
    const reload = await fetch(u, { cache: 'reload' }).then(
      (x) => `status ${x.status}`,
      (e: Error) => `failed: ${e.name}`,
    );
    return {
      status: r.status,
      bytes: (await r.arrayBuffer()).byteLength,
      coep: r.headers.get('cross-origin-embedder-policy'),
      reload,
    };
  }, url);
  // The same bytes from the runtime cache, with isolation headers; `cache: 'reload'` (the loader's way past a
  // bad cached copy) bypasses the cache and so fails with no network.
  expect(offline).toEqual({
    status: 200,
    bytes: online[1],
    coep: 'require-corp',
    reload: 'failed: TypeError',
  });
});
