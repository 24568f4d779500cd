import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backendOf, bootApp, ICL_FIXTURE, iclFolder, reloadApp } from './helpers';

// The app perceiving what comes without detections or poses, in its own perception worker: model downloads as
// per-file progress bars with bytes, the header's Models and Perception after a folder build, an ICL folder with
// only images + depth (YOLOX-Nano + our RGB-D odometry), and the fake camera placed in 3D with the (tiny, meaningless)
// depth model + odometry — or honestly "2D only" without a depth model.
// Needs `npx tsx scripts/prepare-e2e-models.ts` before `vite build` (public/e2e-fixtures).

const SHOTS = 'e2e/screenshots';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

interface SeenBar {
  readonly label: string;
  readonly detail: string;
  readonly value: number;
}

/** Records every state the progress bars pass through (model bars can come and go within a second). */
async function recordBars(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { seenBars: SeenBar[] };
    w.seenBars = [];
    const seen = new Set<string>();
    const look = () => {
      for (const li of document.querySelectorAll('.progress-item')) {
        const bar = {
          label: li.querySelector('.progress-label')?.textContent ?? '',
          detail: li.querySelector('.progress-detail')?.textContent ?? '',
          value: Number(li.querySelector('progress')?.getAttribute('value') ?? NaN),
        };
        const key = JSON.stringify(bar);
        if (!seen.has(key)) {
          seen.add(key);
          w.seenBars.push(bar);
        }
      }
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

const seenBars = (page: Page) => page.evaluate(() => (window as unknown as { seenBars: SeenBar[] }).seenBars);

/** The bars of one model file, in the order seen. */
const barsOf = (bars: readonly SeenBar[], label: RegExp) => bars.filter((b) => label.test(b.label));

test.beforeEach(async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'backend-independent app flows: wasm project only');
  const m = await page.request.head('/e2e-fixtures/models/yolox-nano/yolox_nano.onnx');
  test.skip(
    !m.ok() || !existsSync(join(ICL_FIXTURE, 'image', '00170.jpg')),
    'run `npx tsx scripts/prepare-e2e-models.ts` before `vite build`',
  );
});

test('an ICL folder without detections.json or trajectory.log: YOLOX bars with bytes, objects, honest header, kept in the library', async ({
  page,
}, info) => {
  test.setTimeout(60_000);
  const root = mkdtempSync(join(tmpdir(), 'sm-perceive-'));
  // Images, depth and intrinsics only: the app must supply detections (YOLOX) and poses (odometry) itself.
  const folder = iclFolder(root, 'icl-no-detections');
  try {
    const booted = await bootApp(page, info);
    await recordBars(page);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Open scene library' }).click();
    await page.locator('input[webkitdirectory]').setInputFiles(folder);
    // The download bar was on screen (recorded: on a fast machine it may be gone before a check could look).
    await expect
      .poll(async () => barsOf(await seenBars(page), /^yolox-nano · yolox_nano\.onnx$/).length)
      .toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/perceive-icl-bars-desktop.png` });
    await expect(page.getByTestId('scene-name')).toHaveText('icl-no-detections');
    await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 40_000 });
    const builtMs = Date.now() - t0;
    const device = backendOf(info);
    await expect(page.getByTestId('perception-source')).toHaveText(
      `YOLOX-Nano (${device}); poses by RGB-D odometry`,
    );
    await expect(page.getByTestId('models')).toHaveText(`detector: YOLOX-Nano (${device})`);
    const labels = await page.locator('.mosaic-label').allInnerTexts();
    expect(labels.length).toBeGreaterThan(0);
    await expect(page.getByRole('combobox', { name: 'Select an object' })).toBeVisible();

    // The YOLOX file's bar: bytes of the manifest's size, growing to full, then "ready".
    const yolox = barsOf(await seenBars(page), /^yolox-nano · yolox_nano\.onnx$/);
    expect(yolox.length).toBeGreaterThan(0);
    for (const b of yolox) expect(b.detail).toMatch(/^\d+\.\d \/ \d+\.\d MB/);
    const totals = new Set(yolox.map((b) => b.detail.match(/\/ (\d+\.\d) MB/)?.[1]));
    expect(totals.size).toBe(1);
    expect(Number([...totals][0])).toBeGreaterThan(1);
    const values = yolox.map((b) => b.value);
    expect(values.every((v, i) => i === 0 || v >= values[i - 1])).toBe(true);
    expect(yolox.at(-1)).toMatchObject({ value: 100 });
    expect(yolox.at(-1)?.detail).toMatch(/· ready$/);

    await page.screenshot({ path: `${SHOTS}/perceive-icl-desktop.png` });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/perceive-icl-phone.png` });
    console.log(
      `ICL (5 frames, no detections.json/trajectory.log): built in ${builtMs} ms, objects ${labels.join(', ')}; YOLOX bar states ${yolox.length}`,
    );

    // Stored as it was built: there after a reload.
    await reloadApp(page, info, booted);
    await page.getByRole('button', { name: 'Open scene library' }).click();
    const lib = page.getByRole('dialog', { name: 'Scenes' });
    await expect(lib.locator('.scene-list li', { hasText: 'icl-no-detections' })).toContainText(
      /[1-9]\d* objects? · 5 keyframes/,
    );
    expect(booted.errors).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the fake camera with no pose or depth is placed in 3D by the depth model + odometry, with its download bars', async ({
  page,
}, info) => {
  test.setTimeout(60_000);
  await page.setViewportSize(PHONE);
  const { errors } = await bootApp(page, info);
  await recordBars(page);
  await page.getByRole('button', { name: 'Use the camera' }).click();
  await expect
    .poll(async () => barsOf(await seenBars(page), /^depth-anything-v2-small · /).length)
    .toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/perceive-camera-bars-phone.png` });
  const panel = page.getByTestId('live-source');
  await expect(panel).toHaveAttribute('data-phase', 'running');
  await expect
    .poll(async () => Number(await page.getByTestId('live-posed').innerText()), { timeout: 30_000 })
    .toBeGreaterThan(1);
  // The scale words follow the last keyframe (assumed until an object of known size is seen, then from sizes or
  // an earlier keyframe): which frame is last depends on the machine's speed, so any of them is right here.
  await expect(page.getByTestId('live-status')).toContainText(
    /Placed in 3D with depth estimated by Depth Anything V2 \(wasm [^)]+\) (at an assumed scale \(no object of known size seen yet\)|\((scaled by the sizes of known objects|scaled as on an earlier keyframe)\)), and poses from our RGB-D odometry\./,
  );
  await expect(page.getByTestId('perception-source')).toContainText(
    /; depth by Depth Anything V2 \(wasm [^)]+\), poses by RGB-D odometry$/,
  );
  await expect(page.getByTestId('models')).toContainText(/depth: Depth Anything V2 \(wasm/);
  // The depth model's files (Transformers.js) and YOLOX's each had a bar with bytes.
  const bars = await seenBars(page);
  const depthFiles = new Set(barsOf(bars, /^depth-anything-v2-small · /).map((b) => b.label));
  expect([...depthFiles].some((l) => /onnx\/model.*\.onnx$/.test(l))).toBe(true);
  expect([...depthFiles].some((l) => /config\.json$/.test(l))).toBe(true);
  for (const b of barsOf(bars, /^depth-anything-v2-small · /))
    expect(b.detail).toMatch(/\d\.\d (\/ \d+\.\d )?[kM]B/);
  expect(barsOf(bars, /^yolox-nano · /).length).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/perceive-camera-depth-phone.png` });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `${SHOTS}/perceive-camera-depth-desktop.png` });
  const posed = Number(await page.getByTestId('live-posed').innerText());
  const processed = Number(await page.getByTestId('live-processed').innerText());
  console.log(`camera + tiny depth model: ${posed} of ${processed} perceived keyframes placed in 3D`);
  await page.getByRole('button', { name: 'Stop camera' }).click();
  await expect(panel).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the fake camera without a depth model says "2D only" and places nothing', async ({ page }) => {
  test.setTimeout(60_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The app's own models folder: YOLOX (when fetched), no Depth Anything.
  const depth = await page.request.head('/models/onnx-community/depth-anything-v2-small/config.json');
  test.skip(depth.ok(), 'public/models has a depth model: nothing to check here');
  await page.goto('/?backend=wasm');
  await page.getByRole('button', { name: 'Use the camera' }).click();
  await expect
    .poll(async () => Number(await page.getByTestId('live-processed').innerText()), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await expect(page.getByTestId('live-status')).toContainText('2D only: no depth model');
  await expect(page.getByTestId('perception-source')).toContainText('2D only (no depth)');
  await expect(page.getByTestId('live-posed')).toHaveText('0');
  // The failed depth download's bar says why, briefly, without pushing the layout about.
  await expect(page.locator('.progress-item.failed', { hasText: 'depth-anything-v2-small' })).toBeVisible();
  const side = await page.locator('.side').boundingBox();
  expect(side?.width).toBeLessThanOrEqual(401);
  await page.screenshot({ path: `${SHOTS}/perceive-camera-2d-desktop.png` });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SHOTS}/perceive-camera-2d-phone.png` });
  await page.getByRole('button', { name: 'Stop camera' }).click();
  await expect(page.getByTestId('live-source')).toHaveCount(0);
  expect(errors).toEqual([]);
});
