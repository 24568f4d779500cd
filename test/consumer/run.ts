/**
 * The package as a consumer gets it (`npm run test:consumer`): `npm pack` (which builds it), then an empty
 * temporary project installs the tarball offline and
 *   (a) runs the CLI from node_modules/.bin,
 *   (b) imports `spatial-mosaic` in Node and answers a question over a mosaic file,
 *   (c) typechecks strict TypeScript against the shipped declarations (Node and bundler resolution),
 *   (d) builds a page with two <spatial-mosaic> elements with Vite, and serves one that imports the package from
 *       a plain <script type="module">, and drives both in Chromium: the demo loads, both answer, they share one
 *       perception and one reasoner worker, and a frame without detections runs YOLOX-Nano on the package's ORT
 *       wasm and bundled model.
 * Each step prints its time. `CONSUMER_PREBUILT=1` packs the existing dist/ without rebuilding.
 */
import { chromium } from '@playwright/test';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateScene } from '../../src/core/synthetic/generateScene';
import { sceneToFiles } from '../../src/core/synthetic/sceneFiles';

const repo = path.resolve(import.meta.dirname, '../..');
// Not 'fixtures/': the repository ignores folders of that name (test data copied from ../shared).
const fixtures = path.join(import.meta.dirname, 'project');
const work = mkdtempSync(path.join(tmpdir(), 'sm-consumer-'));
const app = path.join(work, 'app');
const bin = (name: string) => path.join(repo, 'node_modules/.bin', name);
const started = Date.now();
let failures = 0;

function step<T>(name: string, fn: () => T): T {
  const t = Date.now();
  try {
    const r = fn();
    console.log(`ok   ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    return r;
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}: ${(e as Error).message}`);
    return undefined as T;
  }
}

async function stepAsync(name: string, fn: () => Promise<void>): Promise<void> {
  const t = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}: ${(e as Error).message}`);
  }
}

function check(cond: unknown, what: string): void {
  if (!cond) throw new Error(what);
}

function run(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 << 20,
  });
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0)
    throw new Error(`${what} exited ${r.status}: ${(r.stderr || r.stdout || String(r.error)).slice(-2000)}`);
  return r.stdout;
}

function writeSequence(dir: string, withDetections: boolean): void {
  const scene = generateScene({ seed: 9, frameCount: 12 });
  for (const [rel, bytes] of sceneToFiles(scene, { pngLevel: 1 })) {
    if (!withDetections && rel === 'detections.json') continue;
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), bytes);
  }
}

// --- pack and install ------------------------------------------------------------------------------------
const tarball = step('npm pack (builds the package)', () => {
  // The build runs apart (what `prepack` runs), so that `npm pack --json` prints the JSON alone: the build's own
  // output holds '[' too ("[vite] …"), which a search for the JSON's start would take for it.
  if (!process.env.CONSUMER_PREBUILT) ok(run('npm', ['run', 'build:lib'], repo), 'npm run build:lib');
  const args = ['pack', '--pack-destination', work, '--json', '--ignore-scripts'];
  const out = ok(run('npm', args, repo), 'npm pack');
  const [info] = JSON.parse(out) as {
    filename: string;
    size: number;
    unpackedSize: number;
    entryCount: number;
  }[];
  console.log(
    `     ${info.filename}: ${(info.size / 1e6).toFixed(1)} MB packed, ${(info.unpackedSize / 1e6).toFixed(1)} MB unpacked, ${info.entryCount} files`,
  );
  return path.join(work, info.filename);
});
if (!tarball) process.exit(1);

step('install the tarball offline into an empty project', () => {
  mkdirSync(app);
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  // Offline: the package's own dependencies come as tarballs packed from this checkout's node_modules (the
  // lockfile's versions), so no registry is asked for anything.
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  // Plus what a TypeScript Node project has anyway: Node's types.
  const deps = [...Object.keys(pkg.dependencies), '@types/node', 'undici-types'].map((name) => {
    const out = ok(
      run(
        'npm',
        [
          'pack',
          path.join(repo, 'node_modules', name),
          '--ignore-scripts',
          '--pack-destination',
          work,
          '--json',
        ],
        work,
      ),
      `npm pack ${name}`,
    );
    return path.join(work, (JSON.parse(out.slice(out.indexOf('['))) as { filename: string }[])[0].filename);
  });
  ok(run('npm', ['install', tarball, ...deps, '--offline', '--no-audit', '--no-fund'], app), 'npm install');
  const installed = JSON.parse(
    readFileSync(path.join(app, 'node_modules/spatial-mosaic/package.json'), 'utf8'),
  );
  check(!installed.private, 'the installed package is private');
  for (const dev of ['tsx', 'pngjs', 'onnxruntime-node', '@huggingface/transformers', 'three', 'react'])
    check(!existsSync(path.join(app, 'node_modules', dev)), `${dev} was installed with the package`);
});

// --- (a) the CLI ------------------------------------------------------------------------------------------
const cli = path.join(app, 'node_modules/.bin/spatial-mosaic');
const seq = path.join(work, 'seq');
const mosaicFile = path.join(work, 'mosaic.json');
let cliAnswer = '';
step('(a) CLI from node_modules/.bin: --help for every command, build, ask, errors', () => {
  writeSequence(seq, true);
  writeSequence(path.join(work, 'seq-no-detections'), false);
  const help = ok(run(cli, ['--help'], app), '--help');
  for (const c of ['build', 'ask', 'eval', 'odometry']) {
    check(help.includes(c), `--help lists ${c}`);
    check(/^usage:/i.test(ok(run(cli, [c, '--help'], app), `${c} --help`)), `${c} --help prints its usage`);
  }
  const version = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
  check(ok(run(cli, ['--version'], app), '--version').trim() === `spatial-mosaic ${version}`, '--version');
  ok(run(cli, ['build', seq, '--out', mosaicFile, '--quiet'], app), 'build');
  const chairs = (JSON.parse(readFileSync(mosaicFile, 'utf8')).objects as { label: string }[]).filter(
    (o) => o.label === 'chair',
  ).length;
  cliAnswer = ok(run(cli, ['ask', mosaicFile, 'How many chairs are there?'], app), 'ask').trim();
  check(
    new RegExp(`\\b${chairs} chairs?\\b`).test(cliAnswer),
    `ask answered '${cliAnswer}', the mosaic has ${chairs} chairs`,
  );
  for (const [args, message] of [
    [['ask', mosaicFile, 'How many chairs?', '--bogus'], /unknown option '--bogus'/],
    [['build', seq, '--out'], /--out needs a file name/],
    [
      ['build', path.join(work, 'seq-no-detections'), '--out', path.join(work, 'x.json'), '--quiet'],
      /npm install onnxruntime-node/,
    ],
  ] as [string[], RegExp][]) {
    const r = run(cli, args, app);
    const lines = r.stderr.split('\n').filter(Boolean);
    check(r.status === 1, `${args.join(' ')} exits 1 (got ${r.status})`);
    check(
      lines.length === 1 && message.test(lines[0]),
      `${args.join(' ')}: one line matching ${message}: ${r.stderr}`,
    );
    check(!/\n\s+at /.test(r.stderr), `${args.join(' ')} printed a stack trace`);
  }
});

// --- (b) Node imports `.` ---------------------------------------------------------------------------------
step('(b) Node: import "spatial-mosaic", answer a question over the mosaic file', () => {
  cpSync(path.join(fixtures, 'node-check.mjs'), path.join(app, 'node-check.mjs'));
  const out = JSON.parse(ok(run('node', ['node-check.mjs', mosaicFile], app), 'node-check.mjs')) as {
    answer: unknown;
    text: string;
    steps: number;
    roundTrip: boolean;
  };
  check(out.text === cliAnswer, `Node answered '${out.text}', the CLI '${cliAnswer}'`);
  check(out.steps > 0 && out.roundTrip, 'a trace and a file that parses back');
});

// --- (c) strict TypeScript against the shipped types ------------------------------------------------------
step('(c) strict TypeScript consumers (nodenext and bundler resolution) typecheck', () => {
  cpSync(path.join(fixtures, 'typed'), path.join(app, 'typed'), { recursive: true });
  for (const project of ['tsconfig.node.json', 'tsconfig.page.json'])
    ok(run(bin('tsc'), ['-p', path.join(app, 'typed', project)], app), `tsc -p ${project}`);
});

// --- (d) a Vite-built page, and the same without a bundler, in Chromium -----------------------------------
const page = path.join(app, 'page');
const port = Number(process.env.CONSUMER_PORT ?? process.env.E2E_PORT ?? 4399);
step('(d) Vite builds a page with two <spatial-mosaic> from the installed package', () => {
  cpSync(path.join(fixtures, 'page'), page, { recursive: true });
  cpSync(path.join(fixtures, 'check.js'), path.join(page, 'check.js'));
  ok(run(bin('vite'), ['build', '--logLevel', 'warn'], page), 'vite build');
});

interface PageResult {
  demo: { objectCount: number; labels: Record<string, number> }[];
  answers: { value?: unknown; answered: boolean; trace: unknown[] }[];
  frame: { dropped: boolean; sources?: { detections: { source: string; engine?: string; why?: string } } };
  errors: string[];
}

/** Opens the page, waits for its `window.__check`, and checks what every consumer page must do. */
async function checkPage(url: string, assetsUnder: RegExp): Promise<void> {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => !!p && existsSync(p),
  );
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const tab = await browser.newPage();
    const errors: string[] = [];
    const workers: string[] = [];
    const requests: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('worker', (w) => workers.push(new URL(w.url()).pathname));
    tab.context().on('request', (r) => requests.push(new URL(r.url()).pathname));
    for (let i = 0; ; i++) {
      try {
        await tab.goto(url);
        break;
      } catch (e) {
        if (i > 50) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const r = (await tab.evaluate(
      () => (window as unknown as { __check: Promise<unknown> }).__check,
    )) as PageResult;
    check(!r.errors.length && !errors.length, `errors on the page: ${[...r.errors, ...errors].join('; ')}`);
    for (const [i, d] of r.demo.entries()) {
      check(d.objectCount > 0, `element ${i} shows the demo's objects`);
      check(
        r.answers[i].value === (d.labels.chair ?? 0),
        `element ${i} counted ${r.answers[i].value} chairs`,
      );
      check(r.answers[i].trace.length > 0, `element ${i} has a trace`);
    }
    check(workers.length === 2, `two elements share two workers (got ${workers.join(', ')})`);
    check(
      workers.every((w) => assetsUnder.test(w)) &&
        workers.some((w) => /perception\.worker[^/]*\.js$/.test(w)),
      `the workers are the package's: ${workers.join(', ')}`,
    );
    const d = r.frame.sources?.detections;
    check(
      d?.source === 'detector' && /YOLOX-Nano \(wasm\)/.test(d.engine ?? ''),
      `YOLOX ran: ${JSON.stringify(d)}`,
    );
    for (const file of [/ort-wasm-simd-threaded[^/]*\.wasm$/, /yolox_nano[^/]*\.onnx$/])
      check(
        requests.some((p) => file.test(p) && assetsUnder.test(p)),
        `${file} loaded from the package's files (${assetsUnder})`,
      );
  } finally {
    await browser.close();
  }
}

await stepAsync(
  '(d) the Vite-built page in Chromium: demo, answers, shared workers, YOLOX on the package wasm',
  async () => {
    const server = spawn(
      bin('vite'),
      ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
      {
        cwd: page,
        stdio: 'ignore',
      },
    );
    try {
      await checkPage(`http://127.0.0.1:${port}/`, /^\/assets\//);
    } finally {
      // Wait for the preview server to be gone, so that nothing of it holds a port when the next step starts.
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill();
      await exited;
    }
  },
);

await stepAsync(
  '(d) the same from a plain <script type="module"> importing node_modules/spatial-mosaic',
  async () => {
    cpSync(path.join(fixtures, 'plain.html'), path.join(app, 'plain.html'));
    cpSync(path.join(fixtures, 'check.js'), path.join(app, 'check.js'));
    // Any free port (0): the preview server of the step before may still be letting go of its own.
    const server = await serveStatic(app, 0);
    const { port: staticPort } = server.address() as AddressInfo;
    try {
      await checkPage(
        `http://127.0.0.1:${staticPort}/plain.html`,
        /^\/(node_modules\/spatial-mosaic\/(dist-lib\/browser|public\/models)\/|check\.js)/,
      );
    } finally {
      server.close();
    }
  },
);

/** Any static file server would do; this one needs nothing installed. */
function serveStatic(root: string, at: number): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.mjs': 'text/javascript',
    '.wasm': 'application/wasm',
    '.json': 'application/json',
  };
  const server = createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(at, '127.0.0.1', () => resolve(server)));
}

console.log(
  `consumer tests: ${failures ? `${failures} failed` : 'all passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
if (failures) console.log(`(left for a look: ${work})`);
else rmSync(work, { recursive: true, force: true });
process.exitCode = failures ? 1 : 0;
