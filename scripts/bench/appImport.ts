/**
 * Import speed, app vs CLI, on the same frames and machine: the real ICL living room without detections.json and
 * trajectory.log (so YOLOX-Nano detects and our RGB-D odometry places every keyframe), 211 frames, every 2nd a
 * keyframe (the app's stride for ≤ 120 keyframes).
 *   app: the production build in the system Chromium, a picked folder built by the perception worker (decode +
 *        detect + odometry + fuse + persist), wall time per keyframe after a warm-up build loaded the model;
 *        under Automatic and under wasm.
 *   CLI: `spatial-mosaic build --pose odometry --detector yolox --every 2` (odometry on every frame, YOLOX and
 *        fusion on the keyframes), its own ms/keyframe.
 * Prints a table and writes bench-out/app-import.{json,md}.
 *   npx vite build && npx tsx scripts/bench/appImport.ts [--port 4404] [--frames 211]
 */
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4404' }, frames: { type: 'string' } },
});
const ICL = path.resolve('../shared/data/icl-livingroom');
const PORT = Number(values.port);
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
  (p): p is string => !!p && existsSync(p),
);

/** A copy of ICL with only image/, depth/ and intrinsics.json (the app and the CLI must perceive it all). */
function iclCopy(root: string, name: string, frames: number): string {
  const dir = path.join(root, name);
  for (let i = 0; i < frames; i++) {
    const n = String(i).padStart(5, '0');
    cpSync(path.join(ICL, 'image', `${n}.jpg`), path.join(dir, 'image', `${n}.jpg`));
    cpSync(path.join(ICL, 'depth', `${n}.png`), path.join(dir, 'depth', `${n}.png`));
  }
  cpSync(path.join(ICL, 'intrinsics.json'), path.join(dir, 'intrinsics.json'));
  return dir;
}

async function appMsPerKeyframe(backend: 'auto' | 'wasm', warm: string, folder: string, keyframes: number) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/${backend === 'auto' ? '' : '?backend=wasm'}`);
    const build = async (dir: string) => {
      await page.getByRole('button', { name: 'Open scene library' }).click();
      await page.locator('input[webkitdirectory]').setInputFiles(dir);
      await page
        .getByTestId('scene-name')
        .filter({ hasText: path.basename(dir) })
        .waitFor();
      const t0 = Date.now();
      await page.getByRole('progressbar').first().waitFor({ state: 'detached', timeout: 900_000 });
      return Date.now() - t0;
    };
    await build(warm); // loads YOLOX-Nano and warms the worker
    const ms = await build(folder);
    const label = await page.getByTestId('backend').innerText();
    return { msPerKeyframe: ms / keyframes, totalMs: ms, backend: label };
  } finally {
    await browser.close();
  }
}

async function main() {
  const frames = Number(values.frames ?? 211);
  const keyframes = Math.ceil(frames / Math.ceil(frames / 120));
  const root = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    {
      stdio: 'ignore',
    },
  );
  try {
    const folder = iclCopy(root, 'icl-bare', frames);
    const warm = iclCopy(root, 'icl-warm', 4);
    const out = path.join(root, 'cli.json');
    const cliLine = execFileSync(
      'node',
      [
        'bin/spatial-mosaic.mjs',
        'build',
        folder,
        '--out',
        out,
        '--pose',
        'odometry',
        '--detector',
        'yolox',
        '--every',
        String(Math.ceil(frames / 120)),
        '--quiet',
      ],
      { encoding: 'utf8' },
    );
    const cli = Number(/(\d+) ms\/keyframe/.exec(cliLine)?.[1]);
    await new Promise((r) => setTimeout(r, 3000)); // the preview server
    const auto = await appMsPerKeyframe('auto', warm, folder, keyframes);
    const wasm = await appMsPerKeyframe('wasm', warm, folder, keyframes);
    const load = loadavg()[0].toFixed(1);
    const rows = [
      ['CLI (Node, onnxruntime-node)', `${cli.toFixed(0)}`, '1.00×'],
      [
        `app, Automatic → ${auto.backend}`,
        auto.msPerKeyframe.toFixed(0),
        `${(auto.msPerKeyframe / cli).toFixed(2)}×`,
      ],
      [
        `app, wasm → ${wasm.backend}`,
        wasm.msPerKeyframe.toFixed(0),
        `${(wasm.msPerKeyframe / cli).toFixed(2)}×`,
      ],
    ];
    const md = [
      `ICL living room, ${frames} frames without detections.json/trajectory.log, ${keyframes} keyframes; ${cpus().length} cores, load ${load}`,
      '',
      '| pipeline | ms / keyframe | vs CLI |',
      '| --- | --- | --- |',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');
    console.log(md);
    mkdirSync('bench-out', { recursive: true });
    writeFileSync('bench-out/app-import.md', md + '\n');
    writeFileSync(
      'bench-out/app-import.json',
      JSON.stringify({ frames, keyframes, cli, auto, wasm, load }, null, 1),
    );
  } finally {
    server.kill();
    rmSync(root, { recursive: true, force: true });
  }
}

void main().catch((e: unknown) => {
  console.error(`appImport: ${(e as Error).message}`);
  process.exitCode = 1;
});
