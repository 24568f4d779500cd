import { expect, test, type Page } from '@playwright/test';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateScene } from '../src/core/synthetic/generateScene';
import { sceneToFiles } from '../src/core/synthetic/sceneFiles';
import { enforceStrictCsp } from './helpers';

// Each project forces its backend through the URL (see playwright.config.ts).
const backendOf = (name: string) => (name === 'webgpu' ? 'webgpu' : 'wasm');
const SHOTS = 'e2e/screenshots';

async function boot(page: Page, backend: string) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/?backend=${backend}`);
  await expect(page.getByRole('heading', { name: 'Spatial Mosaic' })).toBeVisible();
  await expect(page.getByTestId('backend')).not.toHaveAttribute('data-state', 'probing');
  return errors;
}

/** Page coordinates → a position relative to the 3D canvas. */
async function toCanvas(page: Page, x: number, y: number) {
  const c = (await page.locator('[data-testid=view3d] canvas').boundingBox())!;
  return { x: x - c.x, y: y - c.y };
}

/** Counts canvas pixels that differ from the clear colour: proof that WebGL drew something. */
async function drawnPixels(page: Page): Promise<{ drawn: number; total: number; renders: number }> {
  await expect(page.locator('[data-testid=view3d] canvas')).toHaveAttribute('data-render-count', /[1-9]/);
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid=view3d] canvas')!;
    const copy = document.createElement('canvas');
    copy.width = c.width;
    copy.height = c.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(c, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    const [r0, g0, b0] = [px[0], px[1], px[2]];
    let drawn = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (Math.abs(px[i] - r0) + Math.abs(px[i + 1] - g0) + Math.abs(px[i + 2] - b0) > 24) drawn++;
    }
    return { drawn, total: px.length / 4, renders: Number(c.dataset.renderCount) };
  });
}

test('the shell boots and shows the detected backend honestly', async ({ page }, info) => {
  const backend = backendOf(info.project.name);
  const errors = await boot(page, backend);
  const label = page.getByTestId('backend');
  await expect(label).toHaveAttribute('data-state', 'ready');
  // Headless Chromium here has a SwiftShader adapter (fallback, no f16): the label must say so, not "WebGPU".
  if (backend === 'webgpu')
    await expect(label).toHaveText(/^WebGPU \((fallback adapter, )?(no )?shader-f16\)$/);
  else await expect(label).toHaveText(/^wasm \(\d+ threads?\)$/);
  // The production preview is cross-origin isolated, so wasm gets threads.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId('perception-source')).toHaveText(/\S/);
  expect(errors).toEqual([]);
});

test('the 3D view draws with WebGL and stays idle when nothing changes', async ({ page }, info) => {
  await boot(page, backendOf(info.project.name));
  const first = await drawnPixels(page);
  expect(first.drawn).toBeGreaterThan(first.total * 0.002); // the floor grid at least
  await page.waitForTimeout(500);
  const later = await drawnPixels(page);
  // On-demand rendering: no continuous loop, so an idle view draws (almost) no new frames.
  expect(later.renders - first.renders).toBeLessThanOrEqual(1);
  const kind = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid=view3d] canvas')!;
    return c.getContext('webgl2') ? 'webgl2' : c.getContext('webgl') ? 'webgl' : 'other';
  });
  expect(kind).toMatch(/^webgl/);
});

test('drawers open and close from the keyboard, controls are labelled', async ({ page }, info) => {
  await boot(page, backendOf(info.project.name));
  await page.getByRole('button', { name: 'Open scene library' }).focus();
  await page.keyboard.press('Enter');
  const library = page.getByRole('dialog', { name: 'Scenes' });
  await expect(library).toBeVisible();
  await expect(library.getByRole('button', { name: 'Demo scene', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(library).toBeHidden();
  await expect(page.getByRole('button', { name: 'Open scene library' })).toBeFocused();
  await page.getByRole('button', { name: 'Open settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByRole('radio', { name: 'wasm (CPU)' })).toBeVisible();
  await expect(settings.getByLabel('Prompt token budget')).toHaveValue(/\d+/);
  await settings.getByRole('button', { name: 'Close settings' }).click();
  await expect(settings).toBeHidden();
});

for (const [name, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
] as const) {
  test(`screenshots: ${name}`, async ({ page }, info) => {
    await page.setViewportSize(viewport);
    await boot(page, backendOf(info.project.name));
    await drawnPixels(page);
    const p = info.project.name;
    await page.screenshot({ path: `${SHOTS}/${p}-${name}-shell.png` });
    await page.getByRole('button', { name: 'Open scene library' }).click();
    await page.screenshot({ path: `${SHOTS}/${p}-${name}-library.png` });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Open settings' }).click();
    await page.screenshot({ path: `${SHOTS}/${p}-${name}-settings.png` });
  });
}

test('demo scene: built in the worker, drawn as boxes, selectable, and a question gets a streamed answer with a trace', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  const errors = await boot(page, backendOf(info.project.name));
  await page.getByRole('button', { name: 'Open scene library' }).click();
  await page.getByRole('button', { name: 'Demo scene', exact: true }).click();
  await expect(page.getByRole('progressbar').first()).toBeVisible();
  await expect(page.getByTestId('scene-name')).toHaveText('Demo scene');
  // Built: the progress bars go away and the object picker lists the fused objects.
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 120_000 });
  const picker = page.getByRole('combobox', { name: 'Select an object' });
  await expect(picker).toBeVisible();
  const labels = page.locator('.mosaic-label');
  expect(await labels.count()).toBeGreaterThan(3);
  await expect(page.getByTestId('perception-source')).toHaveText(/demo scene ground truth/);
  const px = await drawnPixels(page);
  expect(px.drawn).toBeGreaterThan(px.total * 0.01);
  await page.screenshot({ path: `${SHOTS}/${info.project.name}-demo-built.png` });

  // Click an object in the 3D view (just below its label, i.e. on its box): it becomes selected.
  // Overlapping labels are hidden (decluttered): click under one that shows.
  const label = page.locator('.mosaic-label:not([style*="hidden"])').first();
  const box = (await label.boundingBox())!;
  const canvas = page.locator('[data-testid=view3d] canvas');
  await canvas.click({ position: await toCanvas(page, box.x + box.width / 2, box.y + box.height + 10) });
  await expect(page.getByTestId('object-details')).toBeVisible();
  await page.getByRole('button', { name: 'Deselect object' }).click();

  // Select an object from the keyboard-usable picker: its details show where it was seen.
  const firstId = await picker.locator('option').nth(1).getAttribute('value');
  await picker.selectOption(firstId!);
  await expect(page.getByTestId('object-details')).toContainText('first frame');
  // Where it is, as a person finds it (its nearest neighbour), not raw centre coordinates.
  await expect(page.getByTestId('object-details')).toContainText(/Where(Next to|.* from) /);
  await expect(page.getByTestId('object-details')).not.toContainText('Centre');

  // Ask the first suggested question (a count): an answer streams in and has a trace.
  const suggestion = page.locator('.suggestion').first();
  const question = await suggestion.innerText();
  expect(question).toMatch(/^How many /);
  await suggestion.click();
  const turn = page.getByTestId('turn').last();
  await expect(turn).toHaveAttribute('data-status', /done|unavailable/, { timeout: 60_000 });
  await expect(turn.getByTestId('answer')).toHaveText(/\S/);
  // The objects the answer is about are highlighted in the 3D view (counting: every counted instance).
  const answered = await turn.getAttribute('data-status');
  if (answered === 'done')
    expect(await page.locator('.mosaic-label[data-state=highlighted]').count()).toBeGreaterThan(0);
  await turn.getByText(/Reasoning trace/).click();
  await expect(turn.locator('.trace-list li').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/${info.project.name}-demo-answer.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Fit the whole scene in view' }).click();
  await page.screenshot({ path: `${SHOTS}/${info.project.name}-demo-answer-phone.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The scene was stored as it was built: it is in the library.
  await page.getByRole('button', { name: 'Open scene library' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Scenes' }).getByText('Demo scene', { exact: true }).last(),
  ).toBeVisible();
  expect(errors).toEqual([]);
});

test('a sequence folder picked from disk is fused and stored; the library renames, exports, deletes and imports', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  // A small generated scene written as a real folder, picked through the webkitdirectory input.
  const root = mkdtempSync(join(tmpdir(), 'sm-e2e-'));
  const folder = join(root, 'tiny-room');
  for (const [rel, bytes] of sceneToFiles(generateScene({ seed: 7, frameCount: 16, objectCount: 6 }), {
    pngLevel: 1,
  })) {
    mkdirSync(dirname(join(folder, rel)), { recursive: true });
    writeFileSync(join(folder, rel), bytes);
  }
  try {
    const errors = await boot(page, backendOf(info.project.name));
    await page.getByRole('button', { name: 'Open scene library' }).click();
    await page.locator('input[webkitdirectory]').setInputFiles(folder);
    await expect(page.getByTestId('scene-name')).toHaveText('tiny-room');
    await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 120_000 });
    await expect(page.getByRole('combobox', { name: 'Select an object' })).toBeVisible();
    await expect(page.getByTestId('perception-source')).toHaveText(
      'detections.json from the folder; trajectory.log',
    );

    const lib = page.getByRole('dialog', { name: 'Scenes' });
    await page.getByRole('button', { name: 'Open scene library' }).click();
    await lib.getByRole('button', { name: 'Rename tiny-room' }).first().click();
    await lib.getByLabel('New name for tiny-room').fill('Tiny room (renamed)');
    await lib.getByRole('button', { name: 'Save' }).click();
    await expect(lib.getByText('Tiny room (renamed)')).toBeVisible();

    const download = page.waitForEvent('download');
    await lib.getByRole('button', { name: 'Export Tiny room (renamed)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.mosaic\.json$/);
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8')) as {
      objects: unknown[];
      schemaVersion: number;
    };
    expect(exported.schemaVersion).toBeGreaterThan(0);
    expect(exported.objects.length).toBeGreaterThan(0);

    await lib.getByRole('button', { name: 'Delete Tiny room (renamed)' }).click();
    await lib.getByRole('button', { name: 'Confirm delete Tiny room (renamed)' }).click();
    await expect(lib.getByText('Tiny room (renamed)')).toHaveCount(0);

    const exportedPath = join(root, file.suggestedFilename());
    await file.saveAs(exportedPath);
    await lib.locator('input[type=file][accept*=json]').setInputFiles(exportedPath);
    await expect(page.getByTestId('scene-name')).toHaveText(/Tiny-room|Tiny room/);
    await expect(page.locator('.mosaic-label')).toHaveCount(exported.objects.length);
    await page.screenshot({ path: `${SHOTS}/${info.project.name}-imported.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Open scene library' }).click();
    await expect(lib.locator('.scene-list li').first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/${info.project.name}-phone-library-scenes.png` });
    expect(errors).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the shell runs under a strict Content-Security-Policy (no inline script, no eval)', async ({
  page,
}, info) => {
  const violations = await enforceStrictCsp(page, /\/(\?.*)?$/, { wasmEval: true });
  const errors = await boot(page, backendOf(info.project.name));
  await drawnPixels(page);
  await page.getByRole('button', { name: 'Open settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
  // Control: the policy is really in force — an inline script is refused and reported.
  const inline = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    const w = window as unknown as { __inlineRan?: boolean; __cspViolations: string[] };
    return { ran: !!w.__inlineRan, violations: w.__cspViolations };
  });
  expect(inline.ran).toBe(false);
  expect(inline.violations.join()).toMatch(/script-src/);
});

test('building a scene can be stopped, and says where it stopped', async ({ page }, info) => {
  test.setTimeout(120_000);
  await boot(page, backendOf(info.project.name));
  await page.getByRole('button', { name: 'Open scene library' }).click();
  await page.getByRole('button', { name: 'Demo scene', exact: true }).click();
  await expect(page.getByText(/Fusing Demo scene/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Stop processing' }).click();
  await expect(page.getByRole('alert')).toContainText(/Demo scene: stopped after \d+ of 60 keyframes/);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  // Questions are open again on what was fused so far.
  await expect(page.locator('#question')).toBeEnabled();
});

// Real data: the ICL-NUIM living room (../shared), with YOLOX-Nano detections made here in Node (onnxruntime-node)
// on every 2nd frame and cached under fixtures/ (ignored), then picked as a folder like a user would.
const SHARED = join(process.cwd(), '..', 'shared');
const ICL = join(SHARED, 'data', 'icl-livingroom');
const YOLOX_DIR = join(SHARED, 'models');
const ICL_DETECTIONS = join(process.cwd(), 'fixtures', 'icl-yolox', 'detections.json');

/**
 * Runs YOLOX-Nano in a child `tsx` process: the engine imports the model manifest as JSON, which the
 * Playwright loader refuses. The script is inline so the fixture can always be remade from ../shared.
 */
function iclDetections(): string {
  if (existsSync(ICL_DETECTIONS)) return readFileSync(ICL_DETECTIONS, 'utf8');
  const script = `
    const { readFileSync, readdirSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { dirname, join } = await import('node:path');
    const { YoloxNodeDetector } = await import('./src/engines/detector/yoloxNode.ts');
    const { decodeRgbImage } = await import('./src/core/image/decodeImage.ts');
    const [icl, models, out] = ${JSON.stringify([ICL, YOLOX_DIR, ICL_DETECTIONS])};
    const detector = new YoloxNodeDetector({ modelsDir: models, threads: 1 });
    const names = readdirSync(join(icl, 'image')).filter((n) => n.endsWith('.jpg')).sort();
    const frames = {};
    for (let i = 0; i < names.length; i += 2) {
      const img = decodeRgbImage(readFileSync(join(icl, 'image', names[i])), names[i]);
      const found = await detector.detect(img, { scoreThreshold: 0.3 });
      frames[names[i].slice(0, -4)] = found.map((d) => ({ label: d.label, score: d.score, box: [...d.box] }));
    }
    await detector.dispose();
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify({ frames }));`;
  execFileSync('npx', ['tsx', '-e', `(async () => {${script}})()`], { stdio: 'inherit', timeout: 180_000 });
  return readFileSync(ICL_DETECTIONS, 'utf8');
}

test('real data: the ICL living room with YOLOX-Nano detections is fused and drawn', async ({
  page,
}, info) => {
  test.skip(
    !existsSync(join(ICL, 'trajectory.log')) || !existsSync(join(YOLOX_DIR, 'yolox-nano', 'yolox_nano.onnx')),
    'needs ../shared/data/icl-livingroom and ../shared/models/yolox-nano (see their READMEs)',
  );
  test.setTimeout(400_000);
  const root = mkdtempSync(join(tmpdir(), 'sm-icl-'));
  const folder = join(root, 'icl-livingroom');
  try {
    for (const part of ['image', 'depth', 'trajectory.log', 'intrinsics.json'])
      cpSync(join(ICL, part), join(folder, part), { recursive: true });
    writeFileSync(join(folder, 'detections.json'), iclDetections());
    const errors = await boot(page, backendOf(info.project.name));
    await page.getByRole('button', { name: 'Open scene library' }).click();
    await page.locator('input[webkitdirectory]').setInputFiles(folder);
    await expect(page.getByTestId('scene-name')).toHaveText('icl-livingroom');
    await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 300_000 });
    await expect(page.getByRole('combobox', { name: 'Select an object' })).toBeVisible();
    const px = await drawnPixels(page);
    expect(px.drawn).toBeGreaterThan(px.total * 0.01);
    await page.screenshot({ path: `${SHOTS}/${info.project.name}-icl.png` });
    // 211 frames at stride 2 (at most 120 keyframes): 106 keyframes stored.
    await page.getByRole('button', { name: 'Open scene library' }).click();
    await expect(page.getByText(/106 keyframes/).first()).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
