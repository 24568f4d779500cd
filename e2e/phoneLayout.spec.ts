import { expect, test, type Locator, type Page } from '@playwright/test';
import { backendOf } from './helpers';

/**
 * The app on a phone (390 × 844 CSS px, touch, 2× pixels), along a first visit: open, demo scene, a suggested
 * question, free-form questions, the trace, the library and settings. It checks what a person on a phone meets:
 * nothing scrolls sideways, every control is finger-sized (44 px), the question box and send button stay in sight
 * with the on-screen keyboard up, and the trace names each step once, in words. Screenshots go to
 * test-results/phone/ for a person to look at.
 */
const SHOTS = 'test-results/phone';
const PHONE = { width: 390, height: 844 };
// With the keyboard up, index.html's interactive-widget=resizes-content gives the page what is left above it.
const KEYBOARD_UP = { width: 390, height: 844 - 336 };
const MIN_TARGET = 44;

test.use({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

/** The page scrolls sideways by this many px (0: it does not). */
const sideways = (page: Page) =>
  page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

/** Visible buttons, fields, pickers and disclosure summaries smaller than a fingertip, by what they say. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, input:not([type=radio]):not([type=checkbox]), select, summary, .button-like',
    );
    return [...controls].flatMap((el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') return [];
      // A visually hidden input inside a label (file pickers): the label is the target.
      if (el.closest('.button-like') && el !== el.closest('.button-like')) return [];
      // Radios and checkboxes are hit through their label, which must be finger-sized.
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? el.tagName;
      return Math.round(r.height) < min || Math.round(r.width) < min
        ? [`${name} (${r.width}×${r.height})`]
        : [];
    });
  }, MIN_TARGET);
}

/** Where the element is, within the page's viewport, and its size. */
async function inView(page: Page, el: Locator) {
  const box = (await el.boundingBox())!;
  const vp = page.viewportSize()!;
  return {
    inside: box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width && box.y + box.height <= vp.height,
    height: box.height,
    width: box.width,
  };
}

test('phone layout: no sideways scrolling, finger-sized controls, the question box above the keyboard, a plain trace', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${info.project.name}-${name}.png` });

  await page.goto(`/?backend=${backendOf(info)}`);
  await expect(page.getByRole('heading', { name: 'Spatial Mosaic' })).toBeVisible();
  await expect(page.getByTestId('backend')).not.toHaveAttribute('data-state', 'probing');
  await shot('01-open');
  expect(await sideways(page)).toBe(0);
  expect(await smallTargets(page)).toEqual([]);

  await page.getByRole('button', { name: 'Try the demo scene' }).tap();
  await expect(page.getByTestId('scene-name')).toHaveText('Demo scene');
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 120_000 });
  await expect(page.locator('.suggestion').first()).toBeVisible();
  await shot('02-demo-built');
  expect(await sideways(page)).toBe(0);
  expect(await smallTargets(page)).toEqual([]);

  // The object picker names objects as a person would ("chair 2"), never by internal id ("chair-3").
  const options = await page
    .getByRole('combobox', { name: 'Select an object' })
    .locator('option')
    .allInnerTexts();
  expect(options.length).toBeGreaterThan(3);
  for (const o of options.slice(1)) expect(o).toMatch(/^[a-z][a-z ]*( \d+)?$/);
  // Its card says where it is as a person finds it (its neighbour), not by raw coordinates.
  const picker = page.getByRole('combobox', { name: 'Select an object' });
  await picker.selectOption({ label: 'refrigerator' });
  const card = page.getByTestId('object-details');
  // On a phone its one line says its neighbour.
  await expect(card.locator('.object-summary')).toHaveText(/ · (next to|.* from) /);
  await expect(card).not.toContainText('Centre');
  await shot('02b-object-card');
  await page.getByRole('button', { name: 'Deselect object' }).tap();

  // A suggested question: the answer is readable (body-sized text) and its objects light up in the 3D view.
  const suggested = await page.locator('.suggestion').allInnerTexts();
  // Short everyday questions about this scene's objects (no benchmark template, no metres with feet unasked).
  expect(suggested.length).toBeGreaterThanOrEqual(5);
  for (const q of suggested) {
    expect(q.length).toBeLessThanOrEqual(80);
    expect(q).not.toMatch(/Measuring|\(in /);
  }
  expect(suggested).toContain("What's in this room?");
  await page.locator('.suggestion').first().tap();
  let turn = page.getByTestId('turn').last();
  await expect(turn).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const answerPx = await turn
    .getByTestId('answer')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(answerPx).toBeGreaterThanOrEqual(15);
  expect(await page.locator('.mosaic-label[data-state=highlighted]').count()).toBeGreaterThan(0);
  await shot('03-suggested-answer');

  // Free-form questions, typed with the keyboard up: the box and the send button stay on screen and finger-sized.
  const input = page.locator('#question');
  const send = page.getByRole('button', { name: 'Ask' });
  await page.setViewportSize(KEYBOARD_UP);
  await input.tap();
  // What each answer lights up in the 3D view: the fridge alone, nothing for an absent piano, every object.
  const objectCount = options.length - 1;
  const highlighted = () =>
    page.locator('.mosaic-label[data-state=highlighted]').evaluateAll((els) => els.map((e) => e.textContent));
  const expectedLabels: Record<string, (labels: (string | null)[]) => void> = {
    'how tall is the fridge in feet?': (l) => expect([...new Set(l)]).toEqual(['refrigerator']),
    'is there a piano?': (l) => expect(l).toEqual([]),
    "what's in this room?": (l) => expect(l).toHaveLength(objectCount),
  };
  for (const [q, check] of Object.entries(expectedLabels)) {
    await input.fill(q);
    for (const el of [input, send]) {
      const v = await inView(page, el);
      expect(v.inside).toBe(true);
      expect(v.height).toBeGreaterThanOrEqual(MIN_TARGET);
      expect(v.width).toBeGreaterThanOrEqual(MIN_TARGET);
    }
    await send.tap();
    turn = page.getByTestId('turn').last();
    await expect(turn).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    // The newest answer is in sight above the question box.
    expect((await inView(page, turn.getByTestId('answer'))).inside).toBe(true);
    expect(await sideways(page)).toBe(0);
    check(await highlighted());
  }
  await shot('04-keyboard-up-answers');
  // The fridge's height in feet comes with its unit.
  await expect(page.getByTestId('answer').nth(1)).toHaveText(/\d ?ft\b/);
  await page.setViewportSize(PHONE);

  // The trace: each step's kind is said once, in plain words, with no "[kind]" tags or raw JSON.
  await turn.getByText(/Reasoning trace/).tap();
  const steps = turn.locator('.trace-list > li');
  await expect(steps.first()).toBeVisible();
  const titles = await steps.locator('.trace-step').allInnerTexts();
  expect(titles).toContain('Understood the question');
  const text = await turn.locator('.trace-list').innerText();
  expect(text).not.toMatch(/\[(scene|model|understand|coverage|perceive|tools|prompt|generate|answer)\b/);
  expect(text).not.toMatch(/[{}]/);
  for (const t of titles) expect(text.split(t).length - 1).toBe(1);
  // Sentences, not developer output: no "VLM: …" report, no "count(chair) = 4" facts in sight.
  expect(text).not.toMatch(/VLM|\b\w+\([^)]*\) = /);
  await expect(steps.filter({ hasText: 'Measured' }).locator('.trace-detail')).toContainText(
    /^Computed the answer from the 3D map\. Counted /,
  );
  await turn.locator('.trace-list').scrollIntoViewIfNeeded();
  await shot('05-trace');
  // The exact figures are at hand under their fold.
  const figures = steps.locator('details.trace-more').filter({ hasText: 'Exact figures' }).first();
  await figures.locator('summary').tap();
  await expect(figures.locator('.trace-lines')).toContainText(/count\(\w+/);
  await shot('05a-trace-figures');
  expect(await sideways(page)).toBe(0);
  expect(await smallTargets(page)).toEqual([]);

  // The examples not asked yet stay at hand, folded under the answers.
  await page.getByText('More example questions').tap();
  const more = page.locator('.more-suggestions .suggestion');
  await expect(more.first()).toBeVisible();
  expect(await more.allInnerTexts()).toEqual(suggested.slice(1));
  // Opening them scrolls them into sight in the answers' list.
  expect((await inView(page, more.last())).inside).toBe(true);
  await shot('05b-more-examples');
  expect(await smallTargets(page)).toEqual([]);

  await page.getByRole('button', { name: 'Open scene library' }).tap();
  await expect(page.getByRole('dialog', { name: 'Scenes' })).toBeVisible();
  await shot('06-library');
  expect(await sideways(page)).toBe(0);
  expect(await smallTargets(page)).toEqual([]);
  await page.getByRole('button', { name: 'Close scenes' }).tap();

  await page.getByRole('button', { name: 'Open settings' }).tap();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  await shot('07-settings');
  expect(await sideways(page)).toBe(0);
  expect(await smallTargets(page)).toEqual([]);
  // Radios and checkboxes are hit through their labels.
  for (const label of await settings.locator('label.radio, label.checkbox').all())
    expect((await label.boundingBox())!.height).toBeGreaterThanOrEqual(MIN_TARGET);
  await page.getByRole('button', { name: 'Close settings' }).tap();

  // On its side the phone puts the chat beside the view, with the question box in sight.
  await page.setViewportSize({ width: PHONE.height, height: PHONE.width });
  const view = (await page.getByRole('region', { name: '3D view' }).boundingBox())!;
  const chat = (await page.getByRole('region', { name: 'Ask about the scene' }).boundingBox())!;
  expect(view.x + view.width).toBeLessThanOrEqual(chat.x + 1);
  expect((await inView(page, input)).inside).toBe(true);
  expect(await sideways(page)).toBe(0);
  await shot('08-landscape');
  expect(errors).toEqual([]);
});
