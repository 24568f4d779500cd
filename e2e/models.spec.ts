import { expect, test } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ICL_FIXTURE, iclFolder } from './helpers';

// What a fresh install has: the default detector ships with the app, and models fetched while `npm start` runs
// are served at once. Both are about the app's own /models/ folder, so these pages are opened without ?models=.

const SHOTS = 'e2e/screenshots';

test.beforeEach(({ browserName: _browser }, info) => {
  test.skip(info.project.name !== 'wasm', 'the models folder does not depend on the backend: run once');
});

test('the bundled YOLOX-Nano perceives a folder without detections.json, with no download and no ?models=', async ({
  page,
}) => {
  test.skip(
    !existsSync(join(ICL_FIXTURE, 'image', '00170.jpg')),
    'run `npx tsx scripts/prepare-e2e-models.ts`',
  );
  const bundled = await page.request.head('/models/yolox-nano/yolox_nano.onnx');
  expect(bundled.status()).toBe(200);
  expect(bundled.headers()['content-length']).toBe('3713911');
  const root = mkdtempSync(join(tmpdir(), 'sm-bundled-'));
  try {
    const folder = iclFolder(root, 'fresh-install');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Block the Hub: everything must come from the app itself.
    await page.route(/huggingface\.co/, (r) => r.abort());
    await page.goto('/?backend=wasm');
    await page.getByRole('button', { name: 'Open scene library' }).click();
    await page.locator('input[webkitdirectory]').setInputFiles(folder);
    await expect(page.getByTestId('scene-name')).toHaveText('fresh-install');
    await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByTestId('perception-source')).toHaveText(
      'YOLOX-Nano (wasm); poses by RGB-D odometry',
    );
    expect((await page.locator('.mosaic-label').allInnerTexts()).length).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/models-bundled-detector.png` });
    expect(errors).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a model file written into public/models while the server runs is served at once', async ({ page }) => {
  const dir = join(process.cwd(), 'public', 'models', `e2e-live-${process.pid}`);
  const url = `/models/e2e-live-${process.pid}/model.onnx`;
  try {
    expect((await page.request.get(url)).status()).toBe(404);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'model.onnx'), new Uint8Array(1234));
    const res = await page.request.get(url);
    expect(res.status()).toBe(200);
    expect((await res.body()).length).toBe(1234);
    // The app's pages are cross-origin isolated: the model file must carry the same headers to load.
    expect(res.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Settings → Models lists every model with size, source and state; the Hub switch persists; a cached copy can be deleted', async ({
  page,
}) => {
  const manifest = JSON.parse(readFileSync('public/models/manifest.json', 'utf8')) as {
    models: { id: string }[];
  };
  await page.goto('/?backend=wasm');
  await page.getByRole('button', { name: 'Open settings' }).click();
  const rows = page.getByTestId('model-row');
  await expect(rows).toHaveCount(manifest.models.length);
  const row = (id: string) =>
    rows.filter({ has: page.locator('.model-id', { hasText: new RegExp(`^${id}$`) }) });
  await expect(row('yolox-nano')).toHaveAttribute('data-state', 'bundled');
  await expect(row('yolox-nano')).toContainText('detector · 3.7 MB · ships with the app · Apache-2.0');
  const vlm = 'HuggingFaceTB/SmolVLM2-500M-Video-Instruct';
  await expect(row(vlm)).toHaveAttribute('data-state', 'not installed');
  await expect(row(vlm)).toContainText(`Hugging Face Hub: ${vlm} @ main`);

  // A model in this browser's cache (as the loader stores verified files) shows as downloaded and can be deleted.
  const depth = 'onnx-community/depth-anything-v2-small';
  await page.evaluate(async (id) => {
    const cache = await caches.open('spatial-mosaic-models-v1');
    await cache.put(`https://models.invalid/${id}/rev/config.json`, new Response('{}'));
  }, depth);
  // The panel looks again when it opens.
  await page.getByRole('button', { name: 'Close settings' }).click();
  await page.getByRole('button', { name: 'Open settings' }).click();
  await expect(row(depth)).toHaveAttribute('data-state', 'cached');
  await page.screenshot({ path: `${SHOTS}/models-settings.png` });
  await page.getByRole('button', { name: `Delete ${depth} from this browser` }).click();
  await expect(row(depth)).toHaveAttribute('data-state', 'not installed');
  const left = await page.evaluate(async () =>
    (await (await caches.open('spatial-mosaic-models-v1')).keys()).map((r) => r.url),
  );
  expect(left.filter((u) => u.includes(depth))).toEqual([]);

  // The switch the traces point to ("allow downloads in settings") is real and stays on after a reload.
  const hub = page.getByRole('checkbox', { name: 'Allow downloads from the Hugging Face Hub' });
  await expect(hub).not.toBeChecked();
  await hub.check();
  await page.reload();
  await page.getByRole('button', { name: 'Open settings' }).click();
  await expect(
    page.getByRole('checkbox', { name: 'Allow downloads from the Hugging Face Hub' }),
  ).toBeChecked();
});
