import { expect, test, type Page } from '@playwright/test';
import { enforceStrictCsp } from './helpers';

// examples/element-test.html is a second input of the production build: two <spatial-mosaic> on a plain page
// with loud page styles. #a has source="demo"; #b is fed frames through addFrame().
const PAGE = '/examples/element-test.html';
const SHOTS = 'e2e/screenshots';

interface Recorded {
  id: string;
  type: string;
  detail: Record<string, unknown>;
}
declare global {
  interface Window {
    __events: Recorded[];
  }
}

const events = (page: Page, id: string, type: string) =>
  page.evaluate(([i, t]) => window.__events.filter((e) => e.id === i && e.type === t), [id, type] as const);

/**
 * Feeds #b `count` frames of an analytic scene through the public API: a camera 0.9 m above the floor looking
 * along +y at a 0.6 m cube 2.2 m ahead, moving 5 cm a frame; ImageData in, exact depth, the cube's true box.
 */
async function feedFrames(page: Page, count: number) {
  return page.evaluate(async (n) => {
    type El = HTMLElement & { addFrame(...a: unknown[]): Promise<{ dropped: boolean }> };
    const el = document.querySelector<El>('#b')!;
    const [w, h, f] = [64, 48, 50];
    const [cx, cy] = [(w - 1) / 2, (h - 1) / 2];
    const results = [];
    for (let i = 0; i < n; i++) {
      const tx = 0.05 * i;
      const rgba = new Uint8ClampedArray(w * h * 4);
      const depth = new Float32Array(w * h);
      let [u0, v0, u1, v1] = [w, h, -1, -1];
      for (let v = 0; v < h; v++)
        for (let u = 0; u < w; u++) {
          const [rx, rz] = [(u - cx) / f, -(v - cy) / f]; // world ray (rx, 1, rz) per metre of camera depth
          const [hx, hz] = [tx + 2.2 * rx, 0.9 + 2.2 * rz];
          let [z, shade] = [0, 40];
          if (hx >= -0.3 && hx <= 0.3 && hz >= 0 && hz <= 0.6) {
            [z, shade] = [2.2, 200];
            [u0, v0, u1, v1] = [Math.min(u0, u), Math.min(v0, v), Math.max(u1, u), Math.max(v1, v)];
          } else if (rz < 0) [z, shade] = [0.9 / -rz, 110];
          const p = v * w + u;
          depth[p] = z > 0 && z < 8 ? z : 0;
          rgba.set([shade, shade, shade, 255], p * 4);
        }
      const pose = [1, 0, 0, tx, 0, 0, 1, 0, 0, -1, 0, 0.9, 0, 0, 0, 1];
      results.push(
        await el.addFrame(new ImageData(rgba, w, h), { width: w, height: h, data: depth }, pose, {
          intrinsics: { width: w, height: h, fx: f, fy: f, cx, cy },
          detections: [{ label: 'chair', score: 0.9, box: [u0, v0, u1 + 1, v1 + 1] }],
          up: [0, 0, 1],
        }),
      );
    }
    return results;
  }, count);
}

test('two elements on one page build, answer independently and emit their own events', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(PAGE);
  await expect(page.locator('spatial-mosaic')).toHaveCount(2);

  // #a builds the demo from its attribute: progress runs to done, mosaic-change reports objects.
  await expect
    .poll(async () => (await events(page, 'a', 'progress')).some((e) => e.detail.status === 'done'), {
      timeout: 180_000,
    })
    .toBe(true);
  // Listeners added right after the element is defined see the whole union, from initiate on.
  expect((await events(page, 'a', 'progress'))[0].detail.status).toBe('initiate');
  const aChange = (await events(page, 'a', 'mosaic-change')).at(-1)!.detail;
  expect(aChange.source).toBe('demo');
  expect(aChange.objectCount).toBeGreaterThan(0);
  await expect(page.locator('#a').locator('.status .text')).toHaveText(/^Demo scene: \d+ objects?/);
  // backend="wasm" reaches the element's own perception worker (its backend choice shows on the status line).
  await expect(page.locator('#a .status .text')).toHaveAttribute('data-backend', 'wasm');

  // #b gets frames through addFrame(): after three observations the cube is a confirmed chair.
  const results = await feedFrames(page, 4);
  expect(results.every((r) => !r.dropped)).toBe(true);
  const bChange = (await events(page, 'b', 'mosaic-change')).at(-1)!.detail;
  expect(bChange).toMatchObject({ source: 'frames', objectCount: 1, keyframeCount: 4, labels: { chair: 1 } });
  // The fused box is where the world cube is: centred on x = 0 (the camera moves, the cube does not), 0.3 m
  // up, 2.2–2.8 m ahead (only its front face is seen), about as wide and tall as the cube (0.6 m).
  const cube = await page.evaluate(
    () =>
      (
        document.querySelector('#b') as HTMLElement & {
          mosaic: { objects: { center: number[]; size: number[] }[] };
        }
      ).mosaic.objects[0],
  );
  expect(Math.abs(cube.center[0])).toBeLessThan(0.05);
  expect(cube.center[1]).toBeGreaterThanOrEqual(2.15);
  expect(cube.center[1]).toBeLessThanOrEqual(2.85);
  expect(Math.abs(cube.center[2] - 0.3)).toBeLessThan(0.1);
  expect(Math.max(cube.size[0], cube.size[1])).toBeGreaterThan(0.45);
  expect(cube.size[2]).toBeGreaterThan(0.45);
  // Both answer the same question at once, each over its own mosaic.
  const q = 'How many chairs are there?';
  const [a, b] = await page.evaluate(
    (question) =>
      Promise.all(
        ['#a', '#b'].map((sel) =>
          (document.querySelector(sel) as HTMLElement & { ask(q: string): Promise<unknown> }).ask(question),
        ),
      ),
    q,
  );
  const chairsInDemo = (aChange.labels as Record<string, number>).chair ?? 0;
  expect(a).toMatchObject({ question: q, value: chairsInDemo });
  expect(b).toMatchObject({ question: q, value: 1, answered: true });
  // models-base reaches the element's own reasoner: where it looks for the VLM, it looks under b's base.
  const modelSteps = (b as { trace: { step: string; detail: string }[] }).trace.filter(
    (t) => t.step === 'model',
  );
  // (The reasoner's trace opens with a 'model' step that says which VLM runs, or where it looked for one.)
  expect(modelSteps.length).toBeGreaterThan(0);
  for (const t of modelSteps) expect(t.detail).toContain('/models-for-b/');
  for (const t of (a as { trace: { step: string; detail: string }[] }).trace.filter(
    (x) => x.step === 'model',
  ))
    expect(t.detail).not.toContain('/models-for-b/');
  for (const id of ['a', 'b']) {
    const answers = await events(page, id, 'answer');
    expect(answers).toHaveLength(1);
    expect((answers[0].detail.trace as unknown[]).length).toBeGreaterThan(0);
  }

  // The answer and its trace render as text inside each element; the trace expands.
  await expect(page.locator('#b .answer-text')).toHaveText(/1 chair/);
  await page.locator('#b summary').click();
  await expect(page.locator('#b ol li').first()).toBeVisible();

  // Typing in the element's own box works too.
  await page.locator('#a input').fill('How many couches are there?');
  await page.locator('#a button').click();
  await expect.poll(async () => (await events(page, 'a', 'answer')).length).toBe(2);

  // export(): a Mosaic file with the ARCHITECTURE fields.
  const file = await page.evaluate(async () => {
    const blob = await (document.querySelector('#b') as HTMLElement & { export(): Promise<Blob> }).export();
    return JSON.parse(await blob.text()) as {
      schemaVersion: number;
      objects: { label: string }[];
      up: number[];
    };
  });
  expect(file.schemaVersion).toBe(1);
  expect(file.objects.map((o) => o.label)).toEqual(['chair']);
  expect(file.up).toHaveLength(3);

  // Both views drew (on-demand WebGL).
  for (const id of ['#a', '#b'])
    await expect(page.locator(`${id} canvas`)).toHaveAttribute('data-render-count', /[1-9]/);
  expect(await events(page, 'a', 'error')).toEqual([]);
  expect(await events(page, 'b', 'error')).toEqual([]);
  expect(errors).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/element-two-on-a-page.png`, fullPage: true });

  // Removing an element frees its view (and workers); the other one keeps working.
  await page.evaluate(() => {
    const w = window as unknown as { __removed: Element };
    w.__removed = document.querySelector('#a')!;
    w.__removed.remove();
  });
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as { __removed: Element }).__removed.shadowRoot!.querySelector('canvas'),
      ),
    )
    .toBeNull();
  const again = await page.evaluate(() =>
    (document.querySelector('#b') as HTMLElement & { ask(q: string): Promise<{ value?: unknown }> }).ask(
      'How many chairs are there?',
    ),
  );
  expect(again.value).toBe(1);
});

test('shadow DOM: page styles do not reach inside, element styles do not leak out', async ({ page }) => {
  await page.goto(PAGE);
  const styles = await page.evaluate(() => {
    const el = document.querySelector('#b')!;
    const pick = (e: Element) => {
      const s = getComputedStyle(e);
      return {
        background: s.backgroundColor,
        fontSize: s.fontSize,
        color: s.color,
        paddingLeft: s.paddingLeft,
        fontWeight: s.fontWeight,
      };
    };
    return {
      inner: pick(el.shadowRoot!.querySelector('button')!),
      innerInput: pick(el.shadowRoot!.querySelector('input')!),
      page: pick(document.querySelector('#page-button')!),
      pageInShadow: el.shadowRoot!.querySelector('#page-button'),
    };
  });
  // The page's `button {background: red !important; font-size: 30px}` does not touch the element's button …
  expect(styles.inner.background).toBe('rgb(79, 163, 255)');
  expect(styles.inner.fontSize).toBe('14px');
  expect(styles.innerInput.color).not.toBe('rgb(0, 128, 0)');
  expect(styles.innerInput.fontSize).toBe('14px');
  // … and the element's `button {padding: 6px 14px; font-weight: 600}` does not touch the page's.
  expect(styles.page.background).toBe('rgb(255, 0, 0)');
  expect(styles.page.fontSize).toBe('30px');
  expect(styles.page.paddingLeft).not.toBe('14px');
  expect(styles.page.fontWeight).not.toBe('600');
  expect(styles.pageInShadow).toBeNull();
});

test('text in the element is rendered as text, never parsed as HTML', async ({ page }) => {
  await page.goto(PAGE);
  // Markup in a question (echoed in the answer panel) shows literally; no <img> appears, nothing runs.
  const shown = await page.evaluate(async () => {
    type El = HTMLElement & { ask(q: string): Promise<unknown> };
    const el = document.querySelector<El>('#b')!;
    (window as unknown as { __pwned?: boolean }).__pwned = false;
    const label = '<img src=x onerror="window.__pwned=true">';
    await el.ask(label).catch(() => undefined); // no scene yet: the question is echoed back as text
    return {
      question: el.shadowRoot!.querySelector('.question')!.textContent,
      imgs: el.shadowRoot!.querySelectorAll('img').length,
      pwned: (window as unknown as { __pwned?: boolean }).__pwned,
      error: el.shadowRoot!.querySelector('.error')!.textContent,
    };
  });
  expect(shown.question).toBe('<img src=x onerror="window.__pwned=true">');
  expect(shown.imgs).toBe(0);
  expect(shown.pwned).toBe(false);
  expect(shown.error).toMatch(/^ask: no scene yet/);
});

test('the element works under a strict CSP: no inline styles or scripts needed', async ({ page }) => {
  test.setTimeout(180_000);
  const violations = await enforceStrictCsp(page, /\/examples\/element-test\.html$/, { wasmEval: false });
  await page.goto(PAGE);
  // Styled from its constructed stylesheet, and the demo builds in its workers.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          getComputedStyle(document.querySelector('#a')!.shadowRoot!.querySelector('button')!)
            .backgroundColor,
      ),
    )
    .toBe('rgb(79, 163, 255)');
  await expect
    .poll(async () => (await events(page, 'a', 'progress')).some((e) => e.detail.status === 'done'), {
      timeout: 150_000,
    })
    .toBe(true);
  expect(await violations()).toEqual([]);
});
