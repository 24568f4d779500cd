/**
 * VSI-Bench on ground-truth layouts: turns the benchmark's `meta_info` (its per-scene 3D boxes) into one mosaic
 * file per scene, writes that scene's questions as a questions file, and runs `spatial-mosaic eval` on each
 * pair; then pools the items of all scenes into per-task scores.
 *   npx tsx scripts/bench/vsibench.ts [--data DIR] [--out DIR] [--no-write]
 * DIR defaults: ../shared/data/vsibench-dev (questions.json + meta_info/*.json) and bench-out/vsibench.
 * Writes <out>/mosaics/<scene>.json, <out>/questions/<scene>.json, <out>/results/<scene>.json and
 * bench-out/vsibench.json (or <outDir>/vsibench.json when run from run-all).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalCommand } from '../../src/cli/commands/eval';
import { mosaicsFromVsiMetaInfo } from '../../src/core/mosaic/fromVsiMetaInfo';
import type { Mosaic } from '../../src/core/mosaic/types';
import { aggregate, type ScoredItem } from '../../src/core/questions/scoring';
import { readLandmark } from '../../src/core/questions/landmark';
import { parseTemplate } from '../../src/core/questions/parseQuestion';
import { taskTargets } from '../../src/core/questions/types';
import { resolveMapLabel } from '../../src/core/reasoning/routePlanner';
import { knownLabels } from '../../src/core/reasoning/spatialTools';
import { APART } from './plots/vsibenchSection';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_DATA = path.join(repoRoot, '..', 'shared', 'data', 'vsibench-dev');

export interface VsiBenchResult {
  readonly data: string;
  readonly scenes: number;
  readonly questions: number;
  readonly notUnderstood: number;
  /** Per question type (0–100) over the tasks a box-only map answers, and their mean. */
  readonly tasks: Record<string, number>;
  readonly overall: number;
  /** Tasks reported apart (see APART), 0–100, with the reason. */
  readonly apart: Record<string, { score: number; count: number; reason: string }>;
  readonly counts: Record<string, number>;
  /**
   * Route questions, how many of them name a landmark the box map does not hold (door, window, wall, …), and the
   * route score (0–100) split by whether every landmark is in the map.
   */
  readonly routes: {
    readonly questions: number;
    readonly missingLandmark: number;
    readonly scoreAllInMap: number;
    readonly scoreSomeMissing: number;
  };
  readonly seconds: number;
}

interface RawQuestion {
  readonly id: number | string;
  readonly scene_name: string;
  readonly question_type?: string;
  readonly question: string;
  readonly options?: string[] | null;
  readonly ground_truth: string | number;
}

const meanScore = (xs: readonly ScoredItem[]): number =>
  xs.length ? (100 * xs.reduce((a, b) => a + b.score, 0)) / xs.length : 0;

export async function runVsiBench(
  opts: { dataDir?: string; outDir?: string; workDir?: string; log?: (l: string) => void } = {},
): Promise<VsiBenchResult | undefined> {
  const log = opts.log ?? ((l: string) => void process.stderr.write(`${l}\n`));
  const data = opts.dataDir ?? DEFAULT_DATA;
  const work = opts.workDir ?? path.join(repoRoot, 'bench-out', 'vsibench');
  if (!existsSync(path.join(data, 'questions.json'))) {
    log(
      `vsibench: no ${path.join(data, 'questions.json')}; skipped (the data lives in ../shared/data/vsibench-dev)`,
    );
    return undefined;
  }
  const t0 = performance.now();
  const questions = JSON.parse(await readFile(path.join(data, 'questions.json'), 'utf8')) as RawQuestion[];
  const metaDir = path.join(data, 'meta_info');
  const mosaics = new Map<string, Mosaic>();
  for (const f of (await readdir(metaDir)).filter((x) => x.endsWith('.json')).sort())
    for (const [k, v] of mosaicsFromVsiMetaInfo(JSON.parse(await readFile(path.join(metaDir, f), 'utf8'))))
      mosaics.set(k, v);
  const byScene = new Map<string, RawQuestion[]>();
  for (const q of questions) {
    const arr = byScene.get(q.scene_name) ?? [];
    arr.push(q);
    byScene.set(q.scene_name, arr);
  }
  for (const d of ['mosaics', 'questions', 'results']) await mkdir(path.join(work, d), { recursive: true });
  const items: ScoredItem[] = [];
  let notUnderstood = 0;
  const routes = { questions: 0, missingLandmark: 0 };
  /** Route question ids whose landmarks are not all in the map. */
  const missingIds = new Set<string>();
  const silent = { out: () => {}, err: (l: string) => log(`  ${l}`) };
  for (const [scene, qs] of [...byScene].sort(([a], [b]) => a.localeCompare(b))) {
    const mosaic = mosaics.get(scene);
    if (!mosaic) {
      log(`vsibench: scene ${scene} has no meta_info; its ${qs.length} questions are left out`);
      continue;
    }
    const mFile = path.join(work, 'mosaics', `${scene}.json`);
    const qFile = path.join(work, 'questions', `${scene}.json`);
    const rFile = path.join(work, 'results', `${scene}.json`);
    await writeFile(mFile, JSON.stringify(mosaic));
    await writeFile(
      qFile,
      JSON.stringify(
        qs.map((q) => ({
          id: String(q.id),
          question_type: q.question_type,
          question: q.question,
          ...(q.options ? { options: q.options } : {}),
          ground_truth: q.ground_truth,
        })),
      ),
    );
    for (const q of qs) {
      const task = q.question_type === 'route_planning' ? parseTemplate(q.question)?.task : undefined;
      if (task?.kind !== 'route_planning') continue;
      routes.questions++;
      const known = knownLabels(mosaic);
      if (taskTargets(task).some((n) => !resolveMapLabel(readLandmark(n).name, known))) {
        routes.missingLandmark++;
        missingIds.add(String(q.id));
      }
    }
    const lines: string[] = [];
    await evalCommand.run([mFile, '--questions', qFile, '--out', rFile], {
      ...silent,
      out: (l) => lines.push(l),
    });
    const nu = /^(\d+) of \d+ questions not understood/.exec(
      lines.find((l) => /not understood/.test(l)) ?? '',
    );
    notUnderstood += nu ? Number(nu[1]) : 0;
    items.push(...(JSON.parse(await readFile(rFile, 'utf8')) as { items: ScoredItem[] }).items);
  }
  const main = aggregate(items.filter((i) => !(i.question_type in APART)));
  const apart: VsiBenchResult['apart'] = {};
  for (const [t, reason] of Object.entries(APART)) {
    const xs = items.filter((i) => i.question_type === t);
    if (xs.length)
      apart[t] = { score: (100 * xs.reduce((a, b) => a + b.score, 0)) / xs.length, count: xs.length, reason };
  }
  const counts: Record<string, number> = {};
  for (const i of items) counts[i.question_type] = (counts[i.question_type] ?? 0) + 1;
  const result: VsiBenchResult = {
    data: path.relative(repoRoot, data),
    scenes: byScene.size,
    questions: items.length,
    notUnderstood,
    tasks: main.tasks,
    overall: main.overall,
    apart,
    counts,
    routes: {
      ...routes,
      scoreAllInMap: meanScore(
        items.filter((i) => i.question_type === 'route_planning' && !missingIds.has(String(i.id))),
      ),
      scoreSomeMissing: meanScore(items.filter((i) => missingIds.has(String(i.id)))),
    },
    seconds: (performance.now() - t0) / 1000,
  };
  if (opts.outDir) {
    await mkdir(opts.outDir, { recursive: true });
    await writeFile(path.join(opts.outDir, 'vsibench.json'), JSON.stringify(result, null, 2) + '\n');
  }
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const arg = (n: string): string | undefined => {
    const i = argv.indexOf(n);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  runVsiBench({
    dataDir: arg('--data'),
    workDir: arg('--out'),
    outDir: argv.includes('--no-write') ? undefined : path.join(repoRoot, 'bench-out'),
  })
    .then((r) => {
      if (!r) return;
      for (const [t, v] of Object.entries(r.tasks)) process.stdout.write(`${t.padEnd(30)} ${v.toFixed(1)}\n`);
      process.stdout.write(`${'overall'.padEnd(30)} ${r.overall.toFixed(1)}\n`);
      for (const [t, a] of Object.entries(r.apart))
        process.stdout.write(`${t.padEnd(30)} ${a.score.toFixed(1)}  (apart: ${a.reason})\n`);
      const rt = r.routes;
      process.stdout.write(
        `route_planning: all landmarks in the map ${rt.scoreAllInMap.toFixed(1)} (${rt.questions - rt.missingLandmark} questions), some missing ${rt.scoreSomeMissing.toFixed(1)} (${rt.missingLandmark})\n`,
      );
      process.stdout.write(`${r.notUnderstood} of ${r.questions} questions not understood\n`);
    })
    .catch((e: unknown) => {
      process.stderr.write(`vsibench: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    });
}
