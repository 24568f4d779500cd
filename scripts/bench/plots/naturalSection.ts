import type { NaturalBenchResult } from '../natural/runNatural';

/** What each phrasing bank is, for the reader of BENCHMARKS.md; the order is the table's column order. */
const BANKS: readonly (readonly [string, string])[] = [
  ['main', 'written before the reader, then used to find and fix failure families: no longer held out'],
  ['heldout', 'written apart; scored 90.2, then its failure families were fixed: no longer held out'],
  [
    'bank3',
    'written apart by someone who saw neither the reader nor the other banks; scored 88.0, then its failure families were fixed: no longer held out',
  ],
  [
    'bank4',
    'written apart by a fourth hand, in other voices; scored 83.1 (87.3 after bank3’s fixes), then its failure families were fixed: no longer held out',
  ],
  [
    'bank5',
    'written apart by a fifth hand, in yet other voices; scored 81.0, then its failure families were fixed: no longer held out',
  ],
  [
    'bank6',
    'written apart by a sixth hand (a carer, an estate agent, a gamer, a robot operator…); scored 90.8 (96.2 after bank5’s fixes), then its failure families were fixed: no longer held out',
  ],
  [
    'bank7',
    'written apart by a seventh hand, as people type into a phone app or ask a voice assistant; scored 90.8 when first run (95.5 after bank5’s fixes, 96.8 after bank6’s); never tuned on: **held out**',
  ],
  [
    'bank8',
    'written apart by an eighth hand (radio talk, screen-reader dictation, a lawyer, a detective, a story); scored 91.1 (91.7 after bank6’s fixes), then its failure families were fixed: no longer held out',
  ],
  [
    'bank9',
    'written apart by a ninth hand, a broad mix of ordinary people (a landlord, a removalist, a wheelchair route, a grandparent, non-native speakers); scored 94.8 when first run (after bank6’s fixes); never tuned on: **held out**',
  ],
];

/** The BENCHMARKS.md section for the everyday-question bench: one column per phrasing bank that was run. */
export function naturalSection(byBank: Readonly<Record<string, NaturalBenchResult | undefined>>): string {
  const banks = BANKS.filter(([b]) => byBank[b]);
  if (!banks.length) return '';
  const results = banks.map(([b]) => byBank[b]!);
  const kinds = [...new Set(results.flatMap((r) => Object.keys(r.kinds)))];
  const cell = (r: NaturalBenchResult, k: string): string =>
    r.kinds[k] ? `${r.kinds[k].score.toFixed(1)} (${r.kinds[k].n})` : '–';
  return [
    '## Everyday questions (natural bench)',
    '',
    'Questions as people ask them (14 kinds, 8–16 phrasings a kind) over the generated scenes and the vsibench-dev ' +
      'layouts, scored against ground truth from the bench’s own box geometry (`scripts/bench/natural/`, its ' +
      'README gives every definition). Reproduce: `npx tsx scripts/bench/natural/runNatural.ts --generate ' +
      '--bank <bank>`. Banks:',
    '',
    ...banks.map(([b, what]) => `- **${b}**: ${what}.`),
    '',
    `| kind | ${banks.map(([b]) => `${b} (n)`).join(' | ')} |`,
    `| --- | ${banks.map(() => '---:').join(' | ')} |`,
    ...kinds.map((k) => `| ${k} | ${results.map((r) => cell(r, k)).join(' | ')} |`),
    `| **overall (mean of kinds)** | ${results.map((r) => `**${r.overall.toFixed(1)}**`).join(' | ')} |`,
    '',
  ].join('\n');
}
