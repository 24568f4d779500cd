import { expect, test, type CDPSession, type Page } from '@playwright/test';
import type { Mosaic } from '../src/core/mosaic/types';
import { bootApp, fixtureMosaic, longTaskLimit, shot } from './helpers';

/**
 * Issue 7, load: a long live session through the camera path (bounded frame queue, bounded page memory), and
 * the 3D view with hundreds of objects (draw calls independent of the object count, no long main-thread task
 * while orbiting and hovering). Backend-independent: wasm project only.
 */
test.beforeEach(({ browserName: _browser }, info) => {
  test.skip(info.project.name !== 'wasm', 'load does not depend on the backend: run once');
});

const MB = 1024 * 1024;

/** The page's JS heap plus ArrayBuffer backing stores (frames live there), after a full GC. */
async function pageMemory(cdp: CDPSession): Promise<{ heap: number; buffers: number; total: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const h = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    backingStorageSize?: number;
  };
  expect(h.backingStorageSize, 'this Chromium reports ArrayBuffer memory').toBeDefined();
  const buffers = h.backingStorageSize ?? 0;
  return { heap: h.usedSize, buffers, total: h.usedSize + buffers };
}

test('a long live session: 3,000 camera frames through LiveFeed and the worker, dropped when busy, page memory bounded', async ({
  page,
}, info) => {
  const { api } = await bootApp(page, info);
  const cdp = await page.context().newCDPSession(page);
  await api.evaluate((t) => t.ping()); // the workers are up; the detector loads on the first keyframe
  const before = await pageMemory(cdp);
  // As fast as the page makes them, while the worker loads YOLOX and works through the keyframes it was given.
  const pushed = await api.evaluate((t) => t.load.push({ frames: 3000, width: 96, height: 72 }));
  // Sampled before the feed drains: an unbounded queue would hold its backlog exactly now.
  const after = await pageMemory(cdp);
  const done = await api.evaluate((t) => t.load.finish({ drain: true }));
  const growthMb = (after.total - before.total) / MB;
  const report = {
    pushMs: Math.round(pushed.pushMs),
    stats: done.stats,
    maxInFlight: done.maxInFlight,
    memoryMb: {
      before: +(before.total / MB).toFixed(1),
      after: +(after.total / MB).toFixed(1),
      growth: +growthMb.toFixed(1),
    },
  };
  info.annotations.push({ type: 'live load', description: JSON.stringify(report) });
  console.log('live load', JSON.stringify(report));

  // Each frame is 96×72 RGBA + depth = 54 KB: keeping every one (an unbounded queue) would add ~160 MB.
  expect(growthMb).toBeLessThan(40);
  // Every frame was either looked at by the keyframe selector or counted as skipped while the worker was busy.
  expect(done.stats.frames + done.stats.busy).toBeGreaterThanOrEqual(3000);
  expect(done.stats.busy).toBeGreaterThan(0);
  expect(done.stats.processed).toBeGreaterThan(0);
  expect(done.stats.error).toBeUndefined();
  // The queue bound: never more than one keyframe on its way to the worker.
  expect(done.maxInFlight).toBe(1);
  await shot(page, info, 'load-live-session', report);
});

/** Records main-thread long tasks from the first script on. */
async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** A `count`-object mosaic on a grid (same trajectory and floor as the small fixture), labels from a few classes. */
function manyObjects(count: number): Mosaic {
  const base = fixtureMosaic('many');
  const labels = ['chair', 'dining table', 'couch', 'tv', 'potted plant', 'bed', 'book', 'cup'];
  const cols = Math.ceil(Math.sqrt(count));
  const objects = Array.from({ length: count }, (_, i) => {
    const label = labels[i % labels.length];
    return {
      ...base.objects[0],
      id: `many-${i}`,
      label,
      labels: [{ label, weight: 1.8, count: 2 }],
      center: [(i % cols) * 0.7, 0.45, 2.5 + Math.floor(i / cols) * 0.7] as [number, number, number],
      size: [0.4, 0.6, 0.4] as [number, number, number],
      confidence: 0.5 + (i % 5) / 10,
    };
  });
  return { ...base, objects };
}

async function importMosaic(page: Page, name: string, mosaic: Mosaic): Promise<void> {
  await page.getByRole('button', { name: 'Open scene library' }).click();
  await page.locator('input[type=file][accept*=json]').setInputFiles({
    name: `${name}.mosaic.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(mosaic)),
  });
  await expect(page.getByTestId('scene-name')).toHaveText(name);
  await expect(page.locator('.mosaic-label')).toHaveCount(mosaic.objects.length);
}

const canvasOf = (page: Page) => page.locator('[data-testid=view3d] canvas');
/** Draw calls of the frame drawn after everything settled (two animation frames with no change). */
async function settledDrawCalls(page: Page): Promise<{ calls: number; renders: number }> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const c = canvasOf(page);
  await expect(c).toHaveAttribute('data-draw-calls', /\d/);
  return {
    calls: Number(await c.getAttribute('data-draw-calls')),
    renders: Number(await c.getAttribute('data-render-count')),
  };
}

test('the 3D view with 500 objects: draw calls do not grow with the objects, orbiting and hovering stay responsive', async ({
  page,
}, info) => {
  await observeLongTasks(page);
  await bootApp(page, info);
  await importMosaic(page, 'three', fixtureMosaic('three'));
  const small = await settledDrawCalls(page);
  await importMosaic(page, 'five hundred', manyObjects(500));
  const large = await settledDrawCalls(page);
  // Boxes are batched: the same number of draws for 3 objects and for 500 (per-object meshes would be 1,000+).
  expect(large.calls).toBe(small.calls);
  expect(large.calls).toBeLessThan(20);

  const limit = longTaskLimit();
  const box = (await canvasOf(page).boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const t0 = await page.evaluate(() => performance.now());
  // Orbit: three drags across the view; hover: the pointer wanders over the boxes; then a zoom.
  for (const dx of [220, -300, 160]) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dx / 4, { steps: 12 });
    await page.mouse.up();
  }
  for (let i = 0; i <= 20; i++) await page.mouse.move(box.x + (box.width * i) / 20, cy + 40 * Math.sin(i));
  await page.mouse.wheel(0, -400);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const renders = Number(await canvasOf(page).getAttribute('data-render-count')) - large.renders;
  const long = await page.evaluate(
    (t) =>
      (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter(
        (e) => e.start >= t,
      ),
    t0,
  );
  const report = { drawCalls: { objects3: small.calls, objects500: large.calls }, renders, longTasks: long };
  info.annotations.push({ type: '3D view load', description: JSON.stringify(report) });
  console.log('3D view load', JSON.stringify(report));
  // The orbit really redrew the view, and no task blocked the page past the budget.
  expect(renders).toBeGreaterThan(5);
  expect(long.filter((e) => e.duration > limit)).toEqual([]);
  await shot(page, info, 'load-500-objects', report);
});
