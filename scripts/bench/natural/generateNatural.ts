/**
 * Writes the natural-question set: questions as people ask them (phrasings.ts), filled over generated scenes and
 * the vsibench-dev layouts, with exact ground truth from the boxes (forms.ts, geometry.ts).
 *   npx tsx scripts/bench/natural/generateNatural.ts [--quick] [--bank main|heldout|bank3|bank4|bank5|bank6|bank7|bank8|bank9] [--out DIR]
 * Writes DIR (default bench-out/natural/, bench-out/natural-<bank>/ for another bank): questions.json (every item, with "kind", "scene" and "mosaic"),
 * mosaics/<scene>.mosaic.json, and by-scene/<scene>.questions.json (for `spatial-mosaic eval`). Deterministic.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMS, makeRng, SceneFacts, type Fill, type Rng, type Unit } from './forms';
import { plural, withArticle, type NameGroup } from './names';
import { BANK3 } from './bank3';
import { BANK4 } from './bank4';
import { BANK5 } from './bank5';
import { BANK6 } from './bank6';
import { BANK7 } from './bank7';
import { BANK8 } from './bank8';
import { BANK9 } from './bank9';
import { HELDOUT_BANK } from './heldout';
import { BANK, KINDS, type Kind, type NumberedBank, type Phrasing } from './phrasings';
import { generatedScenes, mosaicFileOf, vsibenchScenes, type BenchScene } from './scenes';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEFAULT_OUT = path.join(repoRoot, 'bench-out', 'natural');

/**
 * The phrasing banks: `main` (phrasings.ts, tuned on), `heldout` (heldout.ts, written to be held out; its failures
 * have since been studied), `bank3` (bank3.ts, never tuned on), `bank4` (bank4.ts, never tuned on), `bank5`
 * (bank5.ts), `bank6` (bank6.ts, never tuned on), `bank7` (bank7.ts, never tuned on), `bank8` (bank8.ts, never
 * tuned on) and `bank9` (bank9.ts, never tuned on).
 */
export const BANKS = {
  main: BANK,
  heldout: HELDOUT_BANK,
  bank3: BANK3,
  bank4: BANK4,
  bank5: BANK5,
  bank6: BANK6,
  bank7: BANK7,
  bank8: BANK8,
  bank9: BANK9,
} as const;
export type BankName = keyof typeof BANKS;
/** Where a bank's set is written by default. */
export const defaultOutOf = (bank: BankName): string =>
  bank === 'main' ? DEFAULT_OUT : path.join(repoRoot, 'bench-out', `natural-${bank}`);
export const META_INFO = path.join(
  repoRoot,
  '..',
  'shared',
  'data',
  'vsibench-dev',
  'meta_info',
  'arkitscenes_meta_info_val.json',
);

/** A free-form item of the contract (ARCHITECTURE "Free-form items") plus what per-kind scoring needs. */
export interface NaturalItem {
  readonly id: string;
  readonly question: string;
  readonly ground_truth: number | string;
  readonly unit?: Unit;
  readonly options?: string[];
  readonly kind: Kind;
  readonly phrasing: string;
  readonly form: string;
  readonly source: BenchScene['source'];
  readonly scene: string;
  /** Relative to the set's folder. */
  readonly mosaic: string;
  readonly candidates?: string[];
  readonly side?: 'left' | 'right';
}

const UNIT_WRITTEN: Record<Unit, readonly string[]> = {
  m: ['m', 'metres', 'meters'],
  cm: ['cm', 'centimetres', 'centimeters'],
  ft: ['ft', 'feet'],
  in: ['inches'],
};
const UNIT_SPELLED: Record<Unit, readonly string[]> = {
  m: ['metres', 'meters'],
  cm: ['centimetres', 'centimeters'],
  ft: ['feet'],
  in: ['inches'],
};

export function fillTemplate(text: string, fill: Fill, rng: Rng): string {
  const said = new Map<string, string>();
  const name = (slot: string, g: NameGroup): string => {
    if (!said.has(slot)) said.set(slot, rng.pick(g.say));
    return said.get(slot)!;
  };
  return text.replace(/\{(an_)?([abc])(_pl)?\}|\{(unit|units)\}/g, (m, an, slot, pl, unit) => {
    if (unit) {
      if (!fill.unit) throw new Error(`phrasing "${text}" asks for a unit its form does not give`);
      return rng.pick((unit === 'unit' ? UNIT_WRITTEN : UNIT_SPELLED)[fill.unit]);
    }
    const g = fill.names[slot as 'a' | 'b' | 'c'];
    if (!g) throw new Error(`phrasing "${text}" has slot ${m} that its form does not fill`);
    const n = name(slot, g);
    return pl ? plural(n) : an ? withArticle(n) : n;
  });
}

export interface SetOptions {
  readonly generated: number;
  readonly frames: number;
  /** Questions per kind per scene. */
  readonly perSceneGenerated: number;
  readonly perSceneVsibench: number;
  /** At most this many vsibench scenes (file order). */
  readonly vsibenchScenes: number;
  readonly seed: number;
  /** The phrasing bank (default: phrasings.ts). */
  readonly bank?: NumberedBank;
}

export const FULL: SetOptions = {
  generated: 16,
  frames: 90,
  perSceneGenerated: 2,
  perSceneVsibench: 1,
  vsibenchScenes: 150,
  seed: 20261207,
};
export const QUICK: SetOptions = { ...FULL, generated: 10, frames: 60, vsibenchScenes: 60 };

export function questionsForScene(
  scene: BenchScene,
  perKind: number,
  rng: Rng,
  turn: Record<Kind, number>,
  phrasings: NumberedBank = BANK,
): NaturalItem[] {
  const facts = new SceneFacts(scene);
  const items: NaturalItem[] = [];
  const asked = new Set<string>();
  for (const kind of KINDS) {
    if (kind === 'appearance_order' && !scene.hasFirstSeen) continue;
    const bank = phrasings[kind];
    let made = 0;
    // Phrasings in turn across the whole set, so each is used about as often; skip those the scene cannot answer.
    for (let tries = 0; made < perKind && tries < bank.length * 2; tries++) {
      const p: Phrasing = bank[turn[kind]++ % bank.length];
      const fill = FORMS[kind][p.form](facts, rng);
      if (!fill) continue;
      const question = fillTemplate(p.text, fill, rng);
      if (asked.has(question)) continue;
      asked.add(question);
      made++;
      items.push({
        id: `${scene.name}/${kind}/${made}`,
        question,
        ground_truth: fill.groundTruth,
        ...(fill.unit ? { unit: fill.unit } : {}),
        ...(fill.options ? { options: fill.options } : {}),
        kind,
        phrasing: p.id,
        form: p.form,
        source: scene.source,
        scene: scene.name,
        mosaic: `mosaics/${scene.name}.mosaic.json`,
        ...(fill.candidates ? { candidates: fill.candidates } : {}),
        ...(fill.side ? { side: fill.side } : {}),
      });
    }
  }
  return items;
}

export async function buildNaturalSet(
  opts: SetOptions,
  log: (l: string) => void = () => {},
): Promise<{ scenes: BenchScene[]; items: NaturalItem[] }> {
  log(`generating ${opts.generated} scenes of ${opts.frames} frames…`);
  const scenes = [
    ...generatedScenes(opts.generated, opts.frames),
    ...(await vsibenchScenes(META_INFO)).slice(0, opts.vsibenchScenes),
  ];
  const rng = makeRng(opts.seed);
  const turn = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const items = scenes.flatMap((s) =>
    questionsForScene(
      s,
      s.source === 'generated' ? opts.perSceneGenerated : opts.perSceneVsibench,
      rng,
      turn,
      opts.bank,
    ),
  );
  return { scenes: scenes.filter((s) => items.some((i) => i.scene === s.name)), items };
}

export async function writeNaturalSet(
  outDir: string,
  set: { scenes: BenchScene[]; items: NaturalItem[] },
): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.join(outDir, 'mosaics'), { recursive: true });
  await mkdir(path.join(outDir, 'by-scene'), { recursive: true });
  const json = (x: unknown) => JSON.stringify(x, null, 1) + '\n';
  await writeFile(path.join(outDir, 'questions.json'), json(set.items));
  for (const s of set.scenes) {
    await writeFile(path.join(outDir, 'mosaics', `${s.name}.mosaic.json`), json(mosaicFileOf(s)));
    const own = set.items
      .filter((i) => i.scene === s.name)
      .map((i) => ({
        id: i.id,
        question: i.question,
        ...(i.options ? { options: i.options } : {}),
        ground_truth: i.ground_truth,
        ...(i.unit ? { unit: i.unit } : {}),
        kind: i.kind,
      }));
    await writeFile(path.join(outDir, 'by-scene', `${s.name}.questions.json`), json(own));
  }
}

/** Counts per kind and source, and phrasings used per kind. */
export function describeSet(items: readonly NaturalItem[], bank: NumberedBank = BANK): string {
  const lines = ['kind                 generated vsibench phrasings'];
  for (const k of KINDS) {
    const of = items.filter((i) => i.kind === k);
    const n = (src: string) => of.filter((i) => i.source === src).length;
    lines.push(
      `${k.padEnd(20)} ${String(n('generated')).padStart(9)} ${String(n('vsibench')).padStart(8)} ${String(new Set(of.map((i) => i.phrasing)).size).padStart(5)}/${bank[k].length}`,
    );
  }
  const scenes = (src: string) => new Set(items.filter((i) => i.source === src).map((i) => i.scene)).size;
  lines.push(
    `${items.length} questions over ${scenes('generated')} generated scenes and ${scenes('vsibench')} vsibench-dev layouts`,
  );
  return lines.join('\n');
}

/** `--bank NAME` (default main); an unknown name is an error that lists the banks. */
export function bankArg(argv: readonly string[]): BankName {
  const i = argv.indexOf('--bank');
  if (i < 0) return 'main';
  const name = argv[i + 1];
  if (name && name in BANKS) return name as BankName;
  throw new Error(`--bank must be one of: ${Object.keys(BANKS).join(', ')} (got "${name ?? ''}")`);
}

async function main(argv: string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const bankName = bankArg(argv);
  const i = argv.indexOf('--out');
  const outDir = i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]) : defaultOutOf(bankName);
  const bank = BANKS[bankName];
  const set = await buildNaturalSet({ ...(quick ? QUICK : FULL), bank }, (l) =>
    process.stderr.write(`${l}\n`),
  );
  await writeNaturalSet(outDir, set);
  process.stdout.write(`${describeSet(set.items, bank)}\nwrote ${path.relative(process.cwd(), outDir)}/\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`generateNatural: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
