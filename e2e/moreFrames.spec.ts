import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateScene } from '../src/core/synthetic/generateScene';
import { sceneToFiles } from '../src/core/synthetic/sceneFiles';
import { backendOf } from './helpers';

/**
 * The reasoning loop in the app fetches more frames (ARCHITECTURE step 6): a folder of 250 frames is built from
 * at most 120 keyframes (every 3rd frame here), and a counting question, which depends on the whole sequence,
 * has the perception worker perceive more of the folder's frames into the stored scene before it is answered.
 * The reasoner reads the scene from storage by id; the trace shows both.
 */
test('a counting question perceives more frames of the picked folder into the stored scene', async ({
  page,
}, info) => {
  test.setTimeout(240_000);
  const root = mkdtempSync(join(tmpdir(), 'sm-e2e-frames-'));
  const folder = join(root, 'long-room');
  const scene = generateScene({ seed: 7, frameCount: 250, objectCount: 6, imageWidth: 96, imageHeight: 72 });
  for (const [rel, bytes] of sceneToFiles(scene, { pngLevel: 1 })) {
    mkdirSync(dirname(join(folder, rel)), { recursive: true });
    writeFileSync(join(folder, rel), bytes);
  }
  try {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/?backend=${backendOf(info)}`);
    await expect(page.getByRole('heading', { name: 'Spatial Mosaic' })).toBeVisible();
    await page.getByRole('button', { name: 'Open scene library' }).click();
    await page.locator('input[webkitdirectory]').setInputFiles(folder);
    await expect(page.getByTestId('scene-name')).toHaveText('long-room');
    await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 180_000 });
    await expect(page.getByRole('combobox', { name: 'Select an object' })).toBeVisible();
    const labelsBefore = await page.locator('.mosaic-label').count();

    // The first suggestion is a counting question about an object class in the map.
    const suggestion = page.locator('.suggestion').first();
    const question = await suggestion.innerText();
    expect(question).toMatch(/^How many /);
    await suggestion.click();
    const turn = page.getByTestId('turn').last();
    await expect(turn).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await turn.getByText(/Reasoning trace/).click();
    const trace = turn.locator('.trace-list');
    await expect(trace).toContainText('"long-room" read from storage: ');
    // The first perceive step, in plain words: which frames, and why (the gaps no keyframe covered).
    const perceived = trace.locator('li[data-step=perceive]').first();
    await expect(perceived.locator('.trace-step')).toHaveText('Looked at more frames');
    await expect(perceived.locator('.trace-detail')).toHaveText(
      /^Frames? \d+(, \d+)*, from stretches of the recording not looked at yet/,
    );
    await expect(trace).not.toContainText('no longer holds');
    const detail = await trace.innerText();
    const stored = /read from storage: (\d+) objects, (\d+) keyframes/.exec(detail);
    expect(Number(stored?.[2])).toBe(84);
    await page.screenshot({ path: `e2e/screenshots/${info.project.name}-more-frames.png` });

    // The frames went into the stored scene: asked again, the reasoner reads more keyframes from storage.
    await page.locator('#question').fill(question);
    await page.getByRole('button', { name: 'Ask' }).click();
    const again = page.getByTestId('turn').last();
    await expect(again).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await again.getByText(/Reasoning trace/).click();
    const after = /read from storage: (\d+) objects, (\d+) keyframes/.exec(
      await again.locator('.trace-list').innerText(),
    );
    expect(Number(after?.[2])).toBeGreaterThan(84);
    // The view was reloaded with the scene as stored now, still saying what perceived it.
    await expect(page.getByTestId('perception-source')).toHaveText(
      'detections.json from the folder; trajectory.log',
    );
    expect(await page.locator('.mosaic-label').count()).toBeGreaterThanOrEqual(labelsBefore);
    expect(errors).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
