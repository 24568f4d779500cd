/**
 * The README's pictures, from the production build in the system Chromium: the demo scene built in the worker
 * and a free-form question answered with its trace, on a desktop and a phone viewport.
 *   npx vite build && npx tsx scripts/readme-screenshots.ts   → docs/screenshot.png, docs/screenshot-phone.png
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.SHOT_PORT ?? 4391);
const QUESTION = 'If I stand by the couch facing the tv, is the fridge to my left?';
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => !!p && existsSync(p),
);

async function untilUp(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer in 60 s (run \`npx vite build\` first)`);
}

async function demoAnswered(page: Page): Promise<void> {
  await page.goto(`http://127.0.0.1:${PORT}/?backend=wasm`);
  await page.getByRole('button', { name: 'Try the demo scene' }).click();
  await page.getByRole('combobox', { name: 'Select an object' }).waitFor({ timeout: 180_000 });
  await page.getByRole('progressbar').first().waitFor({ state: 'detached', timeout: 180_000 });
  const box = page.getByRole('textbox').last();
  await box.fill(QUESTION);
  await box.press('Enter');
  const turn = page.getByTestId('turn').last();
  await page.waitForFunction(
    () =>
      /done|unavailable/.test(
        [...document.querySelectorAll('[data-testid=turn]')].at(-1)?.getAttribute('data-status') ?? '',
      ),
    undefined,
    { timeout: 60_000 },
  );
  await turn.getByText(/Reasoning trace/).click();
}

const server = spawn(
  process.execPath,
  [
    path.join(repo, 'node_modules/vite/bin/vite.js'),
    'preview',
    '--port',
    String(PORT),
    '--strictPort',
    '--host',
    '127.0.0.1',
  ],
  { cwd: repo, stdio: 'ignore' },
);
try {
  await untilUp(`http://127.0.0.1:${PORT}/`);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    for (const [file, viewport] of [
      ['docs/screenshot.png', { width: 1280, height: 800 }],
      ['docs/screenshot-phone.png', { width: 390, height: 844 }],
    ] as const) {
      const page = await browser.newPage({ viewport });
      await demoAnswered(page);
      await page.screenshot({ path: path.join(repo, file) });
      console.log(`wrote ${file}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  server.kill();
}
