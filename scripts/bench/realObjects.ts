/**
 * Object boxes on real depth: fuses the real Kinect sequence 7scenes-redkitchen (YOLOX-Nano boxes, the
 * reference trajectory.log poses and gravity-direction.txt's up, so that neither pose nor up error is mixed
 * in) once with its raw, unregistered depth and once with the depth registered to colour by the Kinect v1's
 * generic calibration (depth_to_color.json, see sevenScenes.ts), and checks every fused object's size
 * against its class's plausible range and the hand-checked objects of the frames.
 *   npx tsx scripts/bench/realObjects.ts [--models DIR] [--out DIR] [--no-report]
 * Prints markdown tables, writes realObjects.json and realObjects.md to bench-out (or --out) and the
 * "Object sizes on a real Kinect sequence" section of BENCHMARKS.md (unless --no-report).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { UNLABELLED } from '../../src/core/fusion/labelVerification';
import { sizePrior } from '../../src/core/fusion/sizePriors';
import type { Vec3 } from '../../src/core/geometry/types';
import type { Mosaic } from '../../src/core/mosaic/types';
import type { Detection } from '../../src/core/perception/types';
import type { FileSource } from '../../src/core/sequence/fileSource';
import { openSequence } from '../../src/core/sequence/openSequence';
import { catalogEntry } from '../../src/core/synthetic/catalog';
import { YoloxNodeDetector } from '../../src/engines/detector/yoloxNode';
import {
  folderSource,
  fuseWithDetections,
  hasSevenScenes,
  registeredSource,
  SEVEN_SCENES_COUNTS,
  SEVEN_SCENES_DIR,
  SEVEN_SCENES_OBJECTS,
  sevenScenesUp,
  type SeenObject,
} from './sevenScenes';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type Size3 = [number, number, number];

/**
 * A class's plausible size (metres: long horizontal side, short horizontal side, height): at most the size
 * prior's upper bound with its 15% slack (fitsPrior), at least half the smallest size the scene catalogue
 * furnishes rooms with (no lower bound for a class the catalogue lacks).
 */
export function plausibleRange(label: string): { lo: Size3; hi: Size3 } | undefined {
  const prior = sizePrior(label);
  if (!prior) return undefined;
  const e = catalogEntry(label);
  const lo: Size3 = e
    ? [
        0.5 * Math.max(e.size[0][0], e.size[1][0]),
        0.5 * Math.min(e.size[0][0], e.size[1][0]),
        0.5 * e.size[2][0],
      ]
    : [0, 0, 0];
  return { lo, hi: [prior[0] * 1.15, prior[1] * 1.15, prior[2] * 1.15] };
}

/** Mosaic size [along yawed e1, along yawed e2, height] → [long, short, height]. */
export const sortedSize = (s: readonly number[]): Size3 => [Math.max(s[0], s[1]), Math.min(s[0], s[1]), s[2]];

export const inRange = (size: Size3, r: { lo: Size3; hi: Size3 }): boolean =>
  size.every((x, i) => x >= r.lo[i] - 1e-9 && x <= r.hi[i] + 1e-9);

export interface ObjectRow {
  readonly label: string;
  /** The label the detections voted for, when fusion showed another (relabelled or unlabelled by size). */
  readonly detected?: string;
  /** The hand-checked object it is (nearest within 0.5 m across the floor), if any. */
  readonly is?: string;
  /** Whether the detector's label is that object's class. */
  readonly labelRight?: boolean;
  readonly sizeCm: Size3;
  readonly rangeCm?: { lo: Size3; hi: Size3 };
  readonly inRange?: boolean;
  readonly observations: number;
}

export interface ConditionResult {
  readonly condition: string;
  readonly rows: ObjectRow[];
  readonly inRange: number;
  readonly withRange: number;
  /** Among objects whose label is their hand-checked class. */
  readonly inRangeLabelRight: number;
  readonly labelRight: number;
  readonly counts: Record<string, { found: number; seen: number }>;
  /** Objects shown unlabelled, or with another class than the detections voted for, by label verification. */
  readonly unlabelled: number;
  readonly relabelled: number;
}

const horizontal = (a: Vec3, b: Vec3, up: Vec3): number => {
  const d = [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
  const h = d[0] * up[0] + d[1] * up[1] + d[2] * up[2];
  return Math.hypot(d[0] - h * up[0], d[1] - h * up[1], d[2] - h * up[2]);
};

/** Each fused object against its class range and the hand-checked objects (nearest within 0.5 m). */
export function scoreMosaic(
  condition: string,
  mosaic: Mosaic,
  seen: readonly SeenObject[] = SEVEN_SCENES_OBJECTS,
): ConditionResult {
  const up = mosaic.up;
  const cm = (s: Size3): Size3 => s.map((x) => Math.round(x * 100)) as Size3;
  const rows: ObjectRow[] = mosaic.objects.map((o) => {
    let match: SeenObject | undefined;
    let best = 0.5;
    for (const s of seen) {
      const d = horizontal(o.center, s.center, up);
      if (d < best) [match, best] = [s, d];
    }
    const size = sortedSize(o.size);
    const range = plausibleRange(o.label);
    const voted = o.labels?.[0]?.label;
    return {
      label: o.label,
      ...(voted && voted !== o.label ? { detected: voted } : {}),
      ...(match
        ? {
            is: match.what,
            // A thing COCO has no class for is right unlabelled.
            labelRight: match.cls === o.label || (o.label === UNLABELLED && match.cls === undefined),
          }
        : {}),
      sizeCm: cm(size),
      ...(range ? { rangeCm: { lo: cm(range.lo), hi: cm(range.hi) }, inRange: inRange(size, range) } : {}),
      observations: o.observations,
    };
  });
  const withRange = rows.filter((r) => r.inRange !== undefined);
  const right = withRange.filter((r) => r.labelRight);
  const counts: Record<string, { found: number; seen: number }> = {};
  for (const [cls, n] of Object.entries(SEVEN_SCENES_COUNTS))
    counts[cls] = { found: rows.filter((r) => r.label === cls).length, seen: n };
  return {
    condition,
    rows,
    inRange: withRange.filter((r) => r.inRange).length,
    withRange: withRange.length,
    inRangeLabelRight: right.filter((r) => r.inRange).length,
    labelRight: right.length,
    counts,
    unlabelled: rows.filter((r) => r.label === UNLABELLED).length,
    relabelled: rows.filter((r) => r.detected && r.label !== UNLABELLED).length,
  };
}

/** Fuses every frame of a sequence with the given boxes per frame, reference poses and up. */
export const fuseSequence = (
  source: FileSource,
  up: Vec3,
  detections: readonly (readonly Detection[])[],
): Promise<Mosaic> => fuseWithDetections(source, detections.entries(), up);

const fmt = (s: Size3): string => s.join(' × ');

export function renderMarkdown(results: readonly ConditionResult[]): string {
  const out: string[] = [];
  out.push(
    'Real Kinect RGB-D (7-Scenes redkitchen, 100 frames), YOLOX-Nano boxes, reference poses and gravity (so ' +
      'neither pose nor up error is mixed in). Size: long × short horizontal side × height (cm); range: the ' +
      "class's plausible size (at most the size prior × 1.15, at least half the scene catalogue's smallest). " +
      '"Is": the hand-checked object at that place (mislabelled things included). Registered: the folder ' +
      "with a depth_to_color.json (the Kinect v1's colour intrinsics, 525 px, and generic extrinsic), depth " +
      're-projected into the colour camera; raw: as the data set ships it (colour and depth a few cm apart, 525 vs ' +
      '585 px focal lengths). Label verification shows an object whose size its voted class cannot have with a ' +
      `class the detector also gave it that fits ("relabelled"), else as "${UNLABELLED}" (no class, no range: ` +
      'counted in the first column as out of range, left out of the second). Flat things (books, phones, remotes) ' +
      "are lifted from what rises above their support's plane; an object every view of which was cut by the image " +
      'border and that is small for its class is not shown until a view sees it whole.\n',
  );
  out.push(
    '| condition | sizes in range (all objects) | sizes in range (labelled objects) | sizes in range (correctly labelled) | unlabelled / relabelled by size | counts found / seen |',
  );
  out.push('| --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    const counts = Object.entries(r.counts)
      .map(([c, n]) => `${c} ${n.found}/${n.seen}`)
      .join(', ');
    const pct = (a: number, b: number) => `${a}/${b} (${((100 * a) / Math.max(1, b)).toFixed(0)}%)`;
    out.push(
      `| ${r.condition} | ${pct(r.inRange, r.rows.length)} | ${pct(r.inRange, r.withRange)} | ` +
        `${r.inRangeLabelRight}/${r.labelRight} (${((100 * r.inRangeLabelRight) / Math.max(1, r.labelRight)).toFixed(0)}%) | ${r.unlabelled} / ${r.relabelled} | ${counts} |`,
    );
  }
  for (const r of results) {
    out.push(`\n${r.condition}:\n`);
    out.push('| label | is | size (cm) | range (cm) | in range | observations |');
    out.push('| --- | --- | --- | --- | --- | --- |');
    for (const o of r.rows)
      out.push(
        `| ${o.label}${o.detected ? ` (detected: ${o.detected})` : ''} | ${o.is ?? '?'}${o.is && !o.labelRight && o.label !== UNLABELLED ? ' (mislabelled)' : ''} | ${fmt(o.sizeCm)} | ` +
          `${o.rangeCm ? `${fmt(o.rangeCm.lo)} – ${fmt(o.rangeCm.hi)}` : '—'} | ${o.inRange === undefined ? '—' : o.inRange ? 'yes' : '**no**'} | ${o.observations} |`,
      );
  }
  return out.join('\n') + '\n';
}

export const REAL_OBJECTS_SECTION = '## Object sizes on a real Kinect sequence';

/** Replaces (or appends) this bench's section of BENCHMARKS.md. */
async function writeSection(markdown: string): Promise<void> {
  const file = path.join(repoRoot, 'BENCHMARKS.md');
  const text = existsSync(file) ? await readFile(file, 'utf8') : '# Benchmarks\n';
  const body = `${REAL_OBJECTS_SECTION}\n\n${markdown}\n`;
  // Where the full report puts it: after the fusion section.
  let start = text.indexOf(REAL_OBJECTS_SECTION);
  let end = start < 0 ? -1 : text.indexOf('\n## ', start + REAL_OBJECTS_SECTION.length) + 1;
  if (start < 0) {
    const fusion = text.indexOf('\n## Fusion');
    start = end = fusion < 0 ? text.length : text.indexOf('\n## ', fusion + 1) + 1 || text.length;
  }
  const markdownOut = text.slice(0, start) + body + (end <= 0 ? '' : text.slice(end));
  // Formatted as run-all writes the report, so that the two never disagree on layout.
  const options = (await prettier.resolveConfig(file)) ?? {};
  await writeFile(file, await prettier.format(markdownOut, { ...options, parser: 'markdown' }));
}

export async function runRealObjectsBench(
  opts: { modelsDir?: string; outDir?: string; report?: boolean; log?: (l: string) => void } = {},
): Promise<ConditionResult[] | undefined> {
  const log = opts.log ?? ((l: string) => console.log(l));
  if (!hasSevenScenes()) {
    log(`real objects: skipped (no ${SEVEN_SCENES_DIR})`);
    return undefined;
  }
  const modelsDir =
    opts.modelsDir ??
    (existsSync(path.resolve(repoRoot, '../shared/models/yolox-nano'))
      ? path.resolve(repoRoot, '../shared/models')
      : path.resolve(repoRoot, 'public/models'));
  const raw = await openSequence(folderSource(SEVEN_SCENES_DIR));
  const detector = new YoloxNodeDetector({ modelsDir });
  const detections: Detection[][] = [];
  try {
    for (let i = 0; i < raw.frameCount; i++)
      detections.push(await detector.detect((await raw.readFrame(i)).rgb));
  } finally {
    await detector.dispose();
  }
  const up = sevenScenesUp();
  const results = [
    scoreMosaic('raw depth', await fuseSequence(folderSource(SEVEN_SCENES_DIR), up, detections)),
    scoreMosaic('registered depth', await fuseSequence(registeredSource(), up, detections)),
  ];
  const markdown = renderMarkdown(results);
  log(markdown);
  const outDir = opts.outDir ?? path.join(repoRoot, 'bench-out');
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'realObjects.json'), JSON.stringify(results, null, 2) + '\n');
  await writeFile(path.join(outDir, 'realObjects.md'), markdown);
  if (opts.report !== false) await writeSection(markdown);
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  runRealObjectsBench({
    modelsDir: value('--models'),
    outDir: value('--out'),
    report: !argv.includes('--no-report'),
  }).catch((e: unknown) => {
    console.error(`realObjects: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}
