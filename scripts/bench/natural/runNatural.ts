/**
 * Asks the natural-question set through the same path as `spatial-mosaic ask` (loadScene + MosaicThinker, no
 * VLM), scores each answer (score.ts) and prints a table: overall (mean of the kinds, as VSI-Bench averages its
 * tasks), per kind and per source, then the failures.
 *   npx tsx scripts/bench/natural/runNatural.ts [--generate] [--quick] [--bank main|heldout|bank3|bank4|bank5|bank6|bank7|bank8|bank9] [--set DIR] [--out FILE.json]
 * --generate writes the set first (generateNatural.ts; --quick: the small set; --bank heldout|bank3|bank4|bank5|bank6|bank7|bank8|bank9: the
 * phrasings of heldout.ts, bank3.ts, bank4.ts, bank5.ts, bank6.ts, bank7.ts, bank8.ts or bank9.ts). Default set: bench-out/natural/ (bench-out/natural-<bank>/ for another bank);
 * results go to <set>/results.json and <set>/results.md unless --out is given.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScene } from '../../../src/cli/commands/ask';
import { MosaicThinker } from '../../../src/core/reasoning/MosaicThinker';
import {
  bankArg,
  BANKS,
  buildNaturalSet,
  defaultOutOf,
  describeSet,
  FULL,
  QUICK,
  writeNaturalSet,
  type NaturalItem,
} from './generateNatural';
import { KINDS } from './phrasings';
import { extractPrediction, scorePrediction, type AnswerLike, type Prediction } from './score';

export interface NaturalResultItem {
  readonly id: string;
  readonly kind: string;
  readonly source: string;
  readonly phrasing: string;
  readonly question: string;
  readonly answer: string;
  readonly prediction: Prediction;
  readonly ground_truth: number | string;
  readonly unit?: string;
  readonly score: number;
}

export interface NaturalBenchResult {
  readonly questions: number;
  /** Mean of the per-kind scores, 0–100. */
  readonly overall: number;
  /** Mean over all items, 0–100. */
  readonly itemMean: number;
  readonly kinds: Record<string, { n: number; score: number; generated?: number; vsibench?: number }>;
  /** Answers from which no prediction could be read (refusals, "not understood"). */
  readonly unread: number;
  readonly items: NaturalResultItem[];
}

const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const pct = (x: number): number => Math.round(x * 1000) / 10;

async function answerOne(thinker: MosaicThinker, item: NaturalItem): Promise<AnswerLike> {
  try {
    const r = await thinker.ask(
      item.options ? { question: item.question, options: item.options } : item.question,
    );
    // `value`/`unit` where the product gives them (ask --json); otherwise the text people read.
    const extra = r as unknown as { value?: AnswerLike['value']; unit?: string | null };
    return { text: r.answer, answer: r.prediction, value: extra.value, unit: extra.unit };
  } catch (e) {
    return { text: `(error) ${e instanceof Error ? e.message : String(e)}` };
  }
}

export async function runNaturalSet(
  setDir: string,
  log: (l: string) => void = () => {},
): Promise<NaturalBenchResult> {
  const items = JSON.parse(await readFile(path.join(setDir, 'questions.json'), 'utf8')) as NaturalItem[];
  const results: NaturalResultItem[] = [];
  const byMosaic = new Map<string, NaturalItem[]>();
  for (const it of items) byMosaic.set(it.mosaic, [...(byMosaic.get(it.mosaic) ?? []), it]);
  for (const [mosaic, qs] of byMosaic) {
    const scene = await loadScene(path.join(setDir, mosaic));
    const thinker = new MosaicThinker({ mosaic: scene.mosaic, perceiver: scene.perceiver });
    for (const it of qs) {
      const a = await answerOne(thinker, it);
      const prediction = extractPrediction(it, a);
      results.push({
        id: it.id,
        kind: it.kind,
        source: it.source,
        phrasing: it.phrasing,
        question: it.question,
        answer: a.text,
        prediction,
        ground_truth: it.ground_truth,
        ...(it.unit ? { unit: it.unit } : {}),
        score: scorePrediction(it, prediction, a),
      });
    }
    await scene.dispose();
  }
  log(`answered ${results.length} questions over ${byMosaic.size} scenes`);
  const kinds: NaturalBenchResult['kinds'] = {};
  for (const k of KINDS) {
    const of = results.filter((r) => r.kind === k);
    if (!of.length) continue;
    const src = (s: string) => of.filter((r) => r.source === s).map((r) => r.score);
    kinds[k] = {
      n: of.length,
      score: pct(mean(of.map((r) => r.score))),
      ...(src('generated').length ? { generated: pct(mean(src('generated'))) } : {}),
      ...(src('vsibench').length ? { vsibench: pct(mean(src('vsibench'))) } : {}),
    };
  }
  return {
    questions: results.length,
    overall: Math.round(mean(Object.values(kinds).map((k) => k.score)) * 10) / 10,
    itemMean: pct(mean(results.map((r) => r.score))),
    kinds,
    unread: results.filter((r) => r.prediction === null).length,
    items: results,
  };
}

const fmt = (x: number | undefined): string => (x === undefined ? '—' : x.toFixed(1));
const gtText = (r: NaturalResultItem): string => `${r.ground_truth}${r.unit ? ` ${r.unit}` : ''}`;
const clip = (s: string, n = 160): string =>
  (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, ' ');

/** The score table and the failures, as markdown; `maxPerKind` failures of each kind (all when omitted). */
export function renderNatural(r: NaturalBenchResult, maxPerKind?: number): string {
  const lines = [
    `Natural questions: **${fmt(r.overall)}** overall (mean of kinds); ${fmt(r.itemMean)} over all ${r.questions} items; ${r.unread} answers gave no readable prediction.`,
    '',
    '| kind | n | score | generated | vsibench |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...Object.entries(r.kinds).map(
      ([k, v]) => `| ${k} | ${v.n} | ${fmt(v.score)} | ${fmt(v.generated)} | ${fmt(v.vsibench)} |`,
    ),
    '',
    'Failures (score < 1): question → answer (prediction; ground truth)',
  ];
  for (const k of Object.keys(r.kinds)) {
    const bad = r.items.filter((i) => i.kind === k && i.score < 1);
    if (!bad.length) continue;
    lines.push('', `### ${k} (${bad.length} of ${r.kinds[k].n})`);
    for (const b of bad.slice(0, maxPerKind ?? bad.length))
      lines.push(
        `- [${b.id}] "${b.question}" → "${clip(b.answer)}" (${b.prediction === null ? 'nothing read' : String(b.prediction)}; ${gtText(b)}; ${b.score.toFixed(2)})`,
      );
    if (maxPerKind !== undefined && bad.length > maxPerKind)
      lines.push(`- … ${bad.length - maxPerKind} more`);
  }
  return lines.join('\n') + '\n';
}

export interface NaturalBenchOptions {
  readonly outDir?: string;
  readonly quick?: boolean;
  /** The phrasing bank (default main); another bank writes natural-<bank>.{json,md}. */
  readonly bank?: keyof typeof BANKS;
  readonly log?: (l: string) => void;
}

/**
 * For run-all: writes the set (quick or full) into bench-out/natural (or natural-<bank>), runs it, writes
 * <outDir>/natural.{json,md} (natural-<bank>.{json,md} for another bank).
 */
export async function runNaturalBench(opts: NaturalBenchOptions = {}): Promise<NaturalBenchResult> {
  const log = opts.log ?? (() => {});
  const bankName = opts.bank ?? 'main';
  const setDir = defaultOutOf(bankName);
  const set = await buildNaturalSet({ ...(opts.quick ? QUICK : FULL), bank: BANKS[bankName] }, log);
  await writeNaturalSet(setDir, set);
  log(describeSet(set.items, BANKS[bankName]));
  const r = await runNaturalSet(setDir, log);
  const outDir = opts.outDir ?? setDir;
  const base = bankName === 'main' ? 'natural' : `natural-${bankName}`;
  await writeFile(path.join(outDir, `${base}.json`), JSON.stringify(r, null, 1) + '\n');
  await writeFile(path.join(outDir, `${base}.md`), renderNatural(r));
  return r;
}

async function main(argv: string[]): Promise<void> {
  const say = (l: string) => process.stderr.write(`${l}\n`);
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const bankName = bankArg(argv);
  const setDir = path.resolve(value('--set') ?? defaultOutOf(bankName));
  if (argv.includes('--generate')) {
    const bank = BANKS[bankName];
    const set = await buildNaturalSet({ ...(argv.includes('--quick') ? QUICK : FULL), bank }, say);
    await writeNaturalSet(setDir, set);
    say(describeSet(set.items, bank));
  }
  const r = await runNaturalSet(setDir, say);
  const out = path.resolve(value('--out') ?? path.join(setDir, 'results.json'));
  await writeFile(out, JSON.stringify(r, null, 1) + '\n');
  await writeFile(out.replace(/\.json$/, '') + '.md', renderNatural(r));
  process.stdout.write(renderNatural(r, 4));
  say(`wrote ${path.relative(process.cwd(), out)} and the .md beside it (every failure)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`runNatural: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
