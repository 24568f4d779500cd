/**
 * Runs every benchmark of the project and regenerates BENCHMARKS.md and the plots in docs/bench/ from the JSON
 * results in bench-out/all/. Nothing in the report is typed by hand.
 *   npm run bench                       full run (fusion scaling to 10,000 frames / 500 objects; tens of minutes)
 *   npm run bench -- --quick            a fast pass (a few minutes)
 *   npm run bench -- --only fusion,browser   only these benches (the others' last JSON is reused in the report)
 *   npm run bench -- --only appImport --quick   the app's import vs the CLI's, on 40 frames instead of the whole sequence
 *   npm run bench -- --report-only      regenerate BENCHMARKS.md and the SVGs from bench-out/all/*.json
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { runAppImportBench } from './appImport';
import { runBrowserBench } from './browser/runBrowserBench';
import { runDetectorBench } from './detector';
import { runFusionBench } from './fusion';
import { runNaturalBench } from './natural/runNatural';
import type { BankName } from './natural/generateNatural';
import { describeMachine, type MachineInfo } from './machine';
import { BENCH_SEQUENCES, runBenchSequences } from './odometry';
import { renderReport, type BenchResults, type RunLog } from './plots/report';
import { runRealObjectsBench } from './realObjects';
import { runReasoningBench } from './reasoning';
import { runVlmBench } from './vlm';
import { runVsiBench } from './vsibench';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Its own folder: other people's ad-hoc runs of one bench write bench-out/<name>.json and must not mix into the report.
const OUT = path.join(repoRoot, 'bench-out', 'all');
const DOCS = path.join(repoRoot, 'docs', 'bench');

export const BENCHES = [
  'odometry',
  'fusion',
  'realObjects',
  'reasoning',
  'vsibench',
  'natural',
  'natural-heldout',
  'natural-bank3',
  'natural-bank4',
  'natural-bank5',
  'natural-bank6',
  'natural-bank7',
  'natural-bank8',
  'natural-bank9',
  'detector',
  'vlm',
  'browser',
  'appImport',
] as const;
export type BenchName = (typeof BENCHES)[number];

export class BenchArgsError extends Error {
  override readonly name = 'BenchArgsError';
}

interface Args {
  readonly quick: boolean;
  readonly reportOnly: boolean;
  readonly only: readonly BenchName[];
}

export function parseArgs(argv: readonly string[]): Args {
  const i = argv.indexOf('--only');
  const only = i >= 0 ? (argv[i + 1] ?? '').split(',').filter(Boolean) : [...BENCHES];
  for (const o of only)
    if (!(BENCHES as readonly string[]).includes(o))
      throw new BenchArgsError(
        `npm run bench: unknown bench "${o}" after --only; choose from ${BENCHES.join(', ')}`,
      );
  for (const a of argv)
    if (a.startsWith('--') && !['--quick', '--report-only', '--only'].includes(a))
      throw new BenchArgsError(
        `npm run bench: unknown option ${a}; use --quick, --only <names> or --report-only`,
      );
  return {
    quick: argv.includes('--quick'),
    reportOnly: argv.includes('--report-only'),
    only: only as BenchName[],
  };
}

const say = (l: string): void => void process.stderr.write(`${l}\n`);
const quiet = (prefix: string) => (l: string) => say(`  [${prefix}] ${l.split('\n')[0]}`);

/** Each bench writes <OUT>/<name>.json itself; run-all only calls them. */
async function runOne(name: BenchName, quick: boolean): Promise<void> {
  if (name.startsWith('natural-')) {
    // The same everyday questions in another phrasing bank (which banks are held out: scripts/bench/natural/README.md).
    const bank = name.slice('natural-'.length) as BankName;
    await runNaturalBench({ outDir: OUT, quick, bank, log: quiet(name) });
    return;
  }
  switch (name) {
    case 'odometry':
      // ICL (odometry.json) and 7-Scenes (odometry-7scenes-redkitchen.json, when ../shared has it).
      await runBenchSequences(BENCH_SEQUENCES, { outDir: OUT, quick, log: quiet(name) });
      return;
    case 'fusion':
      // Quick: fewer accuracy scenes (the scaling curve keeps fusion.ts's own quick sizes).
      await runFusionBench({ outDir: OUT, quick, ...(quick ? { scenes: 8 } : {}), log: quiet(name) });
      return;
    case 'realObjects':
      await runRealObjectsBench({ outDir: OUT, report: false, log: quiet(name) });
      return;
    case 'reasoning':
      await runReasoningBench({ outDir: OUT, quick, log: quiet(name) });
      return;
    case 'natural':
      // Everyday questions over generated scenes and vsibench-dev layouts (scripts/bench/natural/).
      await runNaturalBench({ outDir: OUT, quick, log: quiet(name) });
      return;
    case 'vsibench':
      // The benchmark's own questions over its ground-truth boxes (skipped when ../shared has no vsibench-dev).
      await runVsiBench({ outDir: OUT, log: quiet(name) });
      return;
    case 'detector':
      await runDetectorBench({ outDir: OUT, quick, log: quiet(name) });
      return;
    case 'vlm':
      await runVlmBench({ outDir: OUT, log: () => {} });
      return;
    case 'browser':
      await runBrowserBench({ outDir: OUT, quick, log: quiet(name) });
      return;
    case 'appImport':
      // The production build (dist/) in Chromium, driven through the UI, against the CLI; quick: fewer frames.
      await runAppImportBench({ outDir: OUT, quick, log: quiet(name) });
      return;
  }
}

async function readJson<T>(file: string): Promise<T | undefined> {
  return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as T) : undefined;
}

export async function loadResults(dir = OUT): Promise<BenchResults> {
  const j = <T>(name: string) => readJson<T>(path.join(dir, `${name}.json`));
  const run = (await j<RunLog>('run')) ?? { quick: true, benches: {} };
  const results = {
    browser: await j<BenchResults['browser']>('browser'),
    appImport: await j<BenchResults['appImport']>('appImport'),
  };
  // The browser's version is known only to the benches that ran it: add it to their machine lines.
  for (const [name, result] of Object.entries(results)) {
    const entry = run.benches[name];
    if (entry && result?.machine.chromium)
      run.benches[name] = { ...entry, after: { ...entry.after, chromium: result.machine.chromium } };
  }
  return {
    run,
    odometry: await j('odometry'),
    odometry7Scenes: await j('odometry-7scenes-redkitchen'),
    odometryFrameStep: {
      icl: await j('odometry-framestep-icl-livingroom'),
      sevenScenes: await j('odometry-framestep-7scenes-redkitchen'),
    },
    fusion: await j('fusion'),
    realObjects: await j('realObjects'),
    reasoning: await j('reasoning'),
    vsibench: await j('vsibench'),
    natural: {
      main: await j('natural'),
      heldout: await j('natural-heldout'),
      bank3: await j('natural-bank3'),
      bank4: await j('natural-bank4'),
      bank5: await j('natural-bank5'),
      bank6: await j('natural-bank6'),
      bank7: await j('natural-bank7'),
      bank8: await j('natural-bank8'),
      bank9: await j('natural-bank9'),
    },
    detector: await j('detector'),
    vlm: await j('vlm'),
    ...results,
  };
}

async function writeReport(): Promise<void> {
  const { markdown, svgs } = renderReport(await loadResults());
  await mkdir(DOCS, { recursive: true });
  // Plots from an earlier run that this report no longer draws would be stale links: remove them.
  for (const f of await readdir(DOCS)) if (f.endsWith('.svg') && !(f in svgs)) await rm(path.join(DOCS, f));
  for (const [file, svg] of Object.entries(svgs)) await writeFile(path.join(DOCS, file), svg);
  // Formatted as `npm run format` would, so that formatting the repository never rewrites the report.
  const file = path.join(repoRoot, 'BENCHMARKS.md');
  const options = (await prettier.resolveConfig(file)) ?? {};
  await writeFile(file, await prettier.format(markdown, { ...options, parser: 'markdown' }));
  say(`wrote BENCHMARKS.md and ${Object.keys(svgs).length} plots in docs/bench/`);
}

export async function runAll(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  if (!args.reportOnly) {
    await mkdir(OUT, { recursive: true });
    const prev = await readJson<RunLog>(path.join(OUT, 'run.json'));
    // A --quick run replaces the whole log; --only keeps the other benches' entries (their JSON is reused).
    const log: RunLog = {
      quick: args.quick,
      benches: args.only.length < BENCHES.length && prev ? { ...prev.benches } : {},
    };
    for (const name of args.only) {
      say(`bench ${name}${args.quick ? ' (quick)' : ''}…`);
      const before: MachineInfo = describeMachine();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      let error: string | undefined;
      try {
        await runOne(name, args.quick);
      } catch (e) {
        error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        say(`bench ${name} failed: ${error}`);
      }
      const cpu = process.cpuUsage(c0);
      log.benches[name] = {
        quick: args.quick,
        before,
        after: describeMachine(),
        seconds: (performance.now() - t0) / 1000,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        ...(error ? { error } : {}),
      };
      say(`bench ${name}: ${log.benches[name].seconds.toFixed(0)} s`);
      await writeFile(path.join(OUT, 'run.json'), JSON.stringify(log, null, 2) + '\n');
    }
  }
  await writeReport();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runAll(process.argv.slice(2)).catch((e: unknown) => {
    say(
      e instanceof BenchArgsError ? e.message : `npm run bench: ${e instanceof Error ? e.stack : String(e)}`,
    );
    process.exitCode = 1;
  });
}
