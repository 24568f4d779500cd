import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateScene } from '../src/core/synthetic/generateScene';
import { sceneToFiles } from '../src/core/synthetic/sceneFiles';
import { longTaskLimit } from './helpers';

// Frame sources and responsiveness. Backend-independent (no model runs in the page): wasm project only.
const SHOTS = 'e2e/screenshots';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

interface PageProbe {
  longTasks: { start: number; duration: number }[];
  cspViolations: string[];
}

/** Records main-thread long tasks and CSP violations from the first script on. */
async function boot(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as PageProbe;
    w.longTasks = [];
    w.cspViolations = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  await page.goto('/?backend=wasm');
  await expect(page.getByRole('heading', { name: 'Spatial Mosaic' })).toBeVisible();
  await expect(page.getByTestId('backend')).not.toHaveAttribute('data-state', 'probing');
  return errors;
}

const now = (page: Page) => page.evaluate(() => performance.now());
const longTasksSince = (page: Page, t0: number) =>
  page.evaluate((t) => (window as unknown as PageProbe).longTasks.filter((e) => e.start >= t), t0);
const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as PageProbe).cspViolations);

test.beforeEach(({ browserName: _browser }, info) => {
  test.skip(info.project.name !== 'wasm', 'frame sources do not depend on the backend: run once');
});

test('the app runs under its own strict CSP meta tag', async ({ page }) => {
  const errors = await boot(page);
  const csp = await page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
  );
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  // Control: an inline script is refused.
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return !!(window as unknown as { __inlineRan?: boolean }).__inlineRan;
  });
  expect(ran).toBe(false);
  expect((await cspViolations(page)).filter((v) => !v.startsWith('script-src-elem: inline'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('demo scene: built in the worker with no main-thread long task over 200 ms, and it answers', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = await boot(page);
  const t0 = await now(page);
  await page.getByRole('button', { name: 'Try the demo scene' }).click();
  await expect(page.getByRole('progressbar').first()).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 120_000 });
  const t1 = await now(page);
  const tasks = await longTasksSince(page, t0);
  const worst = Math.max(0, ...tasks.map((t) => t.duration));
  console.log(
    `demo build: ${Math.round(t1 - t0)} ms, ${tasks.length} long tasks, longest ${Math.round(worst)} ms:`,
    tasks.map((t) => `${Math.round(t.duration)} ms at +${Math.round(t.start - t0)}`).join(', '),
  );
  expect(worst).toBeLessThan(longTaskLimit());
  // The mosaic formed and answers.
  expect(await page.locator('.mosaic-label').count()).toBeGreaterThan(3);
  await page.locator('.suggestion').first().click();
  const turn = page.getByTestId('turn').last();
  await expect(turn).toHaveAttribute('data-status', /done|unavailable/, { timeout: 60_000 });
  await expect(turn.getByTestId('answer')).toHaveText(/\S/);
  expect(await cspViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a sequence folder is decoded in the worker: no main-thread long task over 200 ms', async ({ page }) => {
  test.setTimeout(180_000);
  const root = mkdtempSync(join(tmpdir(), 'sm-h14-'));
  const folder = join(root, 'decode-room');
  for (const [rel, bytes] of sceneToFiles(generateScene({ seed: 11, frameCount: 24, objectCount: 6 }), {
    pngLevel: 1,
  })) {
    mkdirSync(dirname(join(folder, rel)), { recursive: true });
    writeFileSync(join(folder, rel), bytes);
  }
  try {
    const errors = await boot(page);
    await page.getByRole('button', { name: 'Open scene library' }).click();
    const t0 = await now(page);
    await page.locator('input[webkitdirectory]').setInputFiles(folder);
    await expect(page.getByTestId('scene-name')).toHaveText('decode-room');
    await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 120_000 });
    const tasks = await longTasksSince(page, t0);
    const worst = Math.max(0, ...tasks.map((t) => t.duration));
    console.log(
      `sequence build: ${tasks.length} long tasks, longest ${Math.round(worst)} ms:`,
      tasks.map((t) => `${Math.round(t.duration)} ms at +${Math.round(t.start - t0)}`).join(', '),
    );
    expect(worst).toBeLessThan(longTaskLimit());
    await expect(page.getByRole('combobox', { name: 'Select an object' })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

for (const [name, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  test(`${name}: no AR on this browser — the fallback says so, and the fake camera runs, selects keyframes and stops`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    const errors = await boot(page);
    // Desktop Chromium offers no immersive-ar: no Start AR button, the camera instead, and a clear note.
    await expect(page.getByRole('button', { name: 'Use the camera' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start AR' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Open scene library' }).click();
    const note = page.getByTestId('ar-note');
    await expect(note).toContainText('AR needs Chrome on an ARCore Android phone; using the camera instead.');
    await page.screenshot({ path: `${SHOTS}/sources-${name}-ar-fallback.png` });

    await page.getByRole('button', { name: 'Live camera' }).click();
    const panel = page.getByTestId('live-source');
    await expect(panel).toHaveAttribute('data-phase', 'running');
    await expect(panel).toHaveAttribute('data-kind', 'camera');
    // Frames flow from the fake camera (counted even while the worker is busy and they are skipped), and the
    // selector keeps some of them as keyframes for the worker.
    await expect
      .poll(async () => Number(await page.getByTestId('live-frames').innerText()))
      .toBeGreaterThan(5);
    await expect
      .poll(async () => Number(await page.getByTestId('live-keyframes').innerText()))
      .toBeGreaterThan(0);
    await expect
      .poll(async () => Number(await page.getByTestId('live-processed').innerText()))
      .toBeGreaterThan(0);
    const playing = await page.evaluate(() => {
      const v = document.querySelector<HTMLVideoElement>('[data-testid=live-video]');
      return { w: v?.videoWidth ?? 0, paused: v?.paused ?? true };
    });
    expect(playing.w).toBeGreaterThan(0);
    expect(playing.paused).toBe(false);
    // Honest status: what the worker did with the keyframes (detector or the command that gets it).
    await expect(page.getByTestId('live-status')).toContainText(
      /Live detection needs the detector model: run `npm run models`|Detecting with/,
    );
    await expect(page.getByTestId('perception-source')).toHaveText(/^live: /);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${SHOTS}/sources-${name}-camera.png` });
    const frames = Number(await page.getByTestId('live-frames').innerText());
    const keyframes = Number(await page.getByTestId('live-keyframes').innerText());
    console.log(`${name} camera: ${frames} frames looked at, ${keyframes} keyframes`);
    expect(keyframes).toBeLessThan(frames);

    await page.getByRole('button', { name: 'Stop camera' }).click();
    await expect(panel).toHaveCount(0);
    // The camera is released.
    expect(await page.locator('[data-testid=live-video]').count()).toBe(0);
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('video file: frames are sampled by seeking, keyframes selected, and it ends by itself', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = await boot(page);
  // A 3 s WebM made here with the browser's own MediaRecorder: moving blocks, a new layout each second.
  const bytes = await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 320;
    c.height = 240;
    const ctx = c.getContext('2d')!;
    const rec = new MediaRecorder(c.captureStream(15), { mimeType: 'video/webm' });
    const chunks: Blob[] = [];
    rec.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((r) => (rec.onstop = r));
    rec.start(100);
    const t0 = performance.now();
    await new Promise<void>((done) => {
      const draw = () => {
        const t = performance.now() - t0;
        const second = Math.floor(t / 1000);
        let s = second * 7919 + 1;
        ctx.fillStyle = '#203040';
        ctx.fillRect(0, 0, 320, 240);
        for (let i = 0; i < 30; i++) {
          s = (s * 16807) % 2147483647;
          ctx.fillStyle = `hsl(${s % 360} 70% ${30 + (s % 50)}%)`;
          ctx.fillRect((s >> 3) % 300, (s >> 7) % 220, 24 + (s % 40), 18 + (s % 30));
        }
        if (t < 3000) requestAnimationFrame(draw);
        else done();
      };
      draw();
    });
    rec.stop();
    await stopped;
    return Array.from(new Uint8Array(await new Blob(chunks).arrayBuffer()));
  });
  expect(bytes.length).toBeGreaterThan(1000);
  await page.getByRole('button', { name: 'Open scene library' }).click();
  await page
    .getByTestId('video-file')
    .setInputFiles({ name: 'clip.webm', mimeType: 'video/webm', buffer: Buffer.from(bytes) });
  const panel = page.getByTestId('live-source');
  await expect(panel).toHaveAttribute('data-kind', 'video');
  const sampled = page.getByRole('progressbar', { name: 'Video frames sampled' });
  await expect(sampled).toBeVisible();
  await expect
    .poll(async () => Number(await page.getByTestId('live-keyframes').innerText()))
    .toBeGreaterThan(1);
  await page.screenshot({ path: `${SHOTS}/sources-desktop-video.png` });
  // Seven samples at 2 Hz over 3 s; then the source stops by itself.
  await expect(panel).toHaveCount(0, { timeout: 60_000 });
  expect(await cspViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
