import { expect, test, type JSHandle, type Page } from '@playwright/test';
import type { SpatialMosaicTestApi } from './harness/testApi';

/**
 * Chromium here runs with --enable-unsafe-webgpu, which gives it SwiftShader: a fallback (software) WebGPU
 * adapter. Automatic must run the models on wasm there and say why; choosing WebGPU still forces it.
 */
// eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature
test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'checks both preferences itself: run once');
});

async function open(page: Page, backend: 'auto' | 'webgpu') {
  await page.goto(backend === 'auto' ? '/' : `/?backend=${backend}`);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-state', 'ready');
  const api = (await page.waitForFunction(
    () => window.__spatialMosaicTest,
  )) as JSHandle<SpatialMosaicTestApi>;
  return api.evaluate((t) => t.workerCapabilities());
}

test('Automatic runs the models on wasm on a fallback WebGPU adapter, and says why', async ({ page }) => {
  const { perception, reasoner } = await open(page, 'auto');
  expect(perception.preference).toBe('auto');
  expect(perception.report.caps).toMatchObject({ webgpu: true, fallbackAdapter: true });
  for (const choice of [...Object.values(perception.choices), ...Object.values(reasoner.choices)])
    expect(choice.device).toBe('wasm');
  const label = page.getByTestId('backend');
  await expect(label).toHaveText(/^wasm \(\d+ threads?; GPU is software\)$/);
  await expect(label).toHaveAttribute('title', /software one.*choose WebGPU in Settings to force it/);
  await page.getByRole('button', { name: 'Open settings' }).click();
  await expect(page.locator('.settings')).toContainText('GPU is software');
  await page.screenshot({ path: 'e2e/screenshots/backend-auto-settings.png' });
});

test('choosing WebGPU still runs the models on the fallback adapter', async ({ page }) => {
  const { perception, reasoner } = await open(page, 'webgpu');
  expect(perception.preference).toBe('webgpu');
  expect(perception.choices.detector).toMatchObject({ device: 'webgpu', dtype: 'fp32' });
  expect(reasoner.choices.vlm).toMatchObject({ device: 'webgpu', dtype: 'q4' });
  await expect(page.getByTestId('backend')).toHaveText(/^WebGPU \(fallback adapter, no shader-f16\)$/);
});
