import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateScene } from '../src/core/synthetic/generateScene';
import { sceneToFiles } from '../src/core/synthetic/sceneFiles';

// The library tells the truth: real counts, one demo entry, a reload reopens the last scene, a corrupt frame
// is skipped and the scene marked partial (in the library and the chat), and a failed import leaves nothing.

const SHOTS = 'e2e/screenshots';

test.beforeEach(({ browserName: _browser }, info) => {
  test.skip(info.project.name !== 'wasm', 'the library does not depend on the backend: run once');
});

/** Objects in the open scene, as the view's object picker lists them (its first option is the prompt). */
const objectsInView = async (page: Page) =>
  (await page.getByRole('combobox', { name: 'Select an object' }).locator('option').count()) - 1;

const library = (page: Page) => page.getByRole('dialog', { name: 'Scenes' });

async function openLibrary(page: Page) {
  await page.getByRole('button', { name: 'Open scene library' }).click();
  await expect(library(page)).toBeVisible();
}

function writeScene(folder: string, frameCount: number, change?: (files: Map<string, Uint8Array>) => void) {
  const files = sceneToFiles(generateScene({ seed: 5, frameCount, objectCount: 4 }), { pngLevel: 1 });
  change?.(files);
  for (const [rel, bytes] of files) {
    mkdirSync(dirname(join(folder, rel)), { recursive: true });
    writeFileSync(join(folder, rel), bytes);
  }
}

test('real counts, one demo entry however often it is opened, and a reload reopens the last scene', async ({
  page,
}) => {
  await page.goto('/?backend=wasm');
  await page.getByRole('button', { name: 'Try the demo scene' }).click();
  await expect(page.getByTestId('scene-name')).toHaveText('Demo scene');
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 120_000 });
  const objects = await objectsInView(page);
  expect(objects).toBeGreaterThan(3);
  await openLibrary(page);
  const demo = library(page).locator('.scene-list li', { hasText: 'Demo scene' });
  await expect(demo).toHaveCount(1);
  await expect(demo).toContainText(new RegExp(`^Demo scene${objects} objects · 60 keyframes`));
  // Opening the demo again reopens its entry: no second one.
  await page.getByTestId('open-demo').click();
  await expect(page.getByRole('combobox', { name: 'Select an object' })).toBeVisible();
  await openLibrary(page);
  await expect(library(page).locator('.scene-list li', { hasText: 'Demo scene' })).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/library-demo-once.png` });
  await page.reload();
  await expect(page.getByTestId('scene-name')).toHaveText('Demo scene');
  expect(await objectsInView(page)).toBe(objects);

  // The question box takes at most 300 characters and counts them.
  const box = page.getByRole('textbox', { name: 'Question' });
  await box.fill('How far is the sofa from the table? ');
  await expect(page.getByTestId('question-count')).toHaveText('36/300');
  await box.fill('x'.repeat(3000));
  expect((await box.inputValue()).length).toBe(300);
  await expect(page.getByTestId('question-count')).toHaveText(
    '300/300: a question is at most 300 characters',
  );
  await page.screenshot({ path: `${SHOTS}/library-question-limit.png` });
});

test('a corrupt frame is skipped and the scene marked partial; a folder with no readable frame leaves nothing', async ({
  page,
}) => {
  const root = mkdtempSync(join(tmpdir(), 'sm-library-'));
  try {
    const partial = join(root, 'one-bad-depth');
    writeScene(partial, 8, (f) => f.set('depth/00003.png', new TextEncoder().encode('not a png')));
    const broken = join(root, 'no-readable-frame');
    writeScene(broken, 3, (f) => {
      for (const p of [...f.keys()].filter((k) => k.startsWith('depth/'))) f.set(p, new Uint8Array(40));
    });
    await page.goto('/?backend=wasm');
    await page.getByRole('button', { name: 'Try the demo scene' }).click();
    await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 120_000 });
    await expect(page.locator('.mosaic-label', { hasText: 'refrigerator' })).toHaveCount(1);
    // While the folder builds, the screen shows it, not the demo: record every (header name, progress, labels)
    // state the page passes through (a history, so that a fast machine cannot skip past what is checked).
    await page.evaluate(() => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      const text = (sel: string) => [...document.querySelectorAll(sel)].map((e) => e.textContent).join(',');
      const look = () => {
        const entry = `${text('[data-testid=scene-name]')}|${text('.progress-label')}|${text('.mosaic-label')}`;
        if (w.seen.at(-1) !== entry) w.seen.push(entry);
      };
      new MutationObserver(look).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await openLibrary(page);
    await page.locator('input[webkitdirectory]').setInputFiles(partial);
    await expect(page.getByTestId('scene-name')).toHaveText('one-bad-depth');
    await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    const building = seen.filter((s) => /\|[^|]*one-bad-depth[^|]*\|/.test(s));
    expect(building.length).toBeGreaterThan(0);
    // Whenever its build was on screen, so were its name and only its own objects.
    for (const s of building) expect(s).toMatch(/^one-bad-depth\|/);
    for (const s of building) expect(s).not.toMatch(/refrigerator|toilet/);
    await expect(page.getByTestId('chat-scene-note')).toHaveText(
      'Partial scene: 1 frame skipped: unreadable depth (00003). Answers cover what was fused.',
    );
    await openLibrary(page);
    const entry = library(page).locator('.scene-list li', { hasText: 'one-bad-depth' });
    await expect(entry).toContainText(/ · 7 keyframes · /);
    await expect(entry.getByTestId('scene-partial')).toHaveText(
      'Partial: 1 frame skipped: unreadable depth (00003)',
    );
    await page.screenshot({ path: `${SHOTS}/library-partial.png` });

    await page.locator('input[webkitdirectory]').setInputFiles(broken);
    // A sentence for people: what happened and what to do, no error class name.
    await expect(page.getByRole('alert')).toHaveText(
      /^no-readable-frame: none of its frames could be read \(3 frames skipped: unreadable depth \(00000, 00001, 00002\)\)\. Check the folder's image\/ and depth\/ files\./,
    );
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/library-failed-import.png` });
    await openLibrary(page);
    await expect(library(page).locator('.scene-list li')).toHaveCount(2); // the demo and the partial scene
    await expect(library(page).locator('.scene-list li', { hasText: 'no-readable-frame' })).toHaveCount(0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
