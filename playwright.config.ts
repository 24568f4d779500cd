import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// System Chromium: Playwright's browser download is not reachable on these machines.
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => !!p && existsSync(p),
);
const PORT = Number(process.env.E2E_PORT ?? 4317);

// --enable-unsafe-webgpu is the one flag that gives headless Chromium a (SwiftShader) WebGPU adapter here;
// the background-networking flags stop Chromium from dialling out on a closed network.
const chromiumArgs = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath, args: chromiumArgs },
    viewport: { width: 1280, height: 800 },
  },
  // Tests run against the e2e build: the production app plus the test harness (e2e/harness/), built into
  // dist-e2e/ by `vite build --mode e2e` in `npm run test:e2e`; `--mode e2e` makes the preview serve it.
  webServer: {
    command: `npx vite preview --mode e2e --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  projects: [
    // The app reads ?backend= to force a backend (tests and power users).
    { name: 'wasm', use: { browserName: 'chromium' }, metadata: { backend: 'wasm' } },
    { name: 'webgpu', use: { browserName: 'chromium' }, metadata: { backend: 'webgpu' } },
  ],
});
