import type { MosaicObject } from '../mosaic/types';
import { Prng } from '../prng';
import { boxDistance } from '../reasoning/boxDistance';
import { worldFrame } from '../reasoning/orientedBox';
import { classifyDirection, directionMargin, relativeAngleDeg } from '../reasoning/relations';
import { simulateRoute } from '../reasoning/route';
import { boxOf, longestDimension } from '../reasoning/spatialTools';
import type { SceneGroundTruth } from '../synthetic/groundTruth';
import { groundTruthMosaic } from './groundTruthMosaic';
import type { DirectionLevel, QuestionType, Turn, VsiQuestion } from './types';

/**
 * VSI-Bench questions for a generated scene, computed from its ground truth (never from a mosaic), with
 * VSI-Bench's templates and fields. Deterministic for a seed. Only unambiguous questions: "the X" only for
 * labels with one instance, and margins so that small perception errors do not flip the true answer's
 * definition (relative-distance choices ≥ 0.3 m apart, directions ≥ 20° from a class boundary, route turns
 * ≥ 25° from one, appearance times ≥ 3 frames apart).
 */
export interface GenerateOptions {
  readonly seed: number;
  /** Questions per type (per level for relative direction); fewer when the scene cannot support them. */
  readonly perType?: number;
}

const LETTERS = 'ABCD';
const DIRECTION_OPTIONS: Record<DirectionLevel, string[]> = {
  easy: ['left', 'right'],
  medium: ['left', 'right', 'back'],
  hard: ['front-left', 'front-right', 'back-left', 'back-right'],
};
const DIRECTION_TEXT: Record<DirectionLevel, (s: string, f: string, q: string) => string> = {
  easy: (s, f, q) =>
    `If I am standing by the ${s} and facing the ${f}, is the ${q} to the left or the right of the ${f}?`,
  medium: (s, f, q) =>
    `If I am standing by the ${s} and facing the ${f}, is the ${q} to my left, right, or back?\nAn object is to my back if I would have to turn at least 135 degrees in order to face it.`,
  hard: (s, f, q) =>
    `If I am standing by the ${s} and facing the ${f}, is the ${q} to my front-left, front-right, back-left, or back-right?\nThe directions refer to the quadrants of a Cartesian plane (if I am standing at the origin and facing along the positive y-axis).`,
};

const turnText = (t: Turn): string => `Turn ${t[0].toUpperCase()}${t.slice(1)}`;

export function generateQuestions(gt: SceneGroundTruth, opts: GenerateOptions): VsiQuestion[] {
  const rng = new Prng(opts.seed);
  const per = opts.perType ?? 2;
  const m = groundTruthMosaic(gt);
  const f = worldFrame(m.up);
  const byLabel = new Map<string, MosaicObject[]>();
  for (const o of m.objects) byLabel.set(o.label, [...(byLabel.get(o.label) ?? []), o]);
  const labels = [...byLabel.keys()].sort();
  const unique = labels.filter((l) => byLabel.get(l)!.length === 1).map((l) => byLabel.get(l)![0]);
  const dist = (a: MosaicObject, b: MosaicObject): number => boxDistance(boxOf(m, a), boxOf(m, b));
  const labelDist = (a: MosaicObject, label: string): number =>
    Math.min(...byLabel.get(label)!.map((o) => dist(a, o)));
  const out: VsiQuestion[] = [];
  const add = (
    type: QuestionType,
    question: string,
    ground_truth: string | number,
    options?: string[],
  ): void => {
    const n = out.filter((q) => q.question_type === type).length;
    out.push({
      id: `s${gt.seed}-${type}-${n}`,
      question_type: type,
      question,
      ...(options ? { options } : {}),
      ground_truth,
    });
  };
  const mc = (correct: string, distractors: string[]): { options: string[]; letter: string } => {
    const all = rng.shuffle([correct, ...distractors]);
    return { options: all.map((t, i) => `${LETTERS[i]}. ${t}`), letter: LETTERS[all.indexOf(correct)] };
  };

  for (const l of rng.shuffle(labels).slice(0, per))
    add('object_counting', `How many ${l}(s) are in this room?`, byLabel.get(l)!.length);

  let n = 0;
  for (const [a, b] of rng.shuffle(pairs(unique))) {
    if (n >= per) break;
    const d = dist(a, b);
    if (d < 0.3) continue;
    add(
      'object_abs_distance',
      `Measuring from the closest point of each object, what is the direct distance between the ${a.label} and the ${b.label} (in meters)?`,
      round(d, 2),
    );
    n++;
  }

  for (const o of rng.shuffle(unique).slice(0, per))
    add(
      'object_size_estimation',
      `What is the length of the longest dimension (length, width, or height) of the ${o.label}, measured in centimeters?`,
      Math.round(longestDimension(o) * 100),
    );

  add(
    'room_size_estimation',
    'What is the size of this room (in square meters)?\nIf multiple rooms are shown, estimate the size of the combined space.',
    round(gt.room.width * gt.room.depth, 1),
  );

  n = 0;
  for (const anchor of rng.shuffle(unique)) {
    if (n >= per) break;
    const others = rng.shuffle(labels.filter((l) => l !== anchor.label));
    if (others.length < 4) break;
    const choices = others.slice(0, 4);
    const ds = choices.map((l) => labelDist(anchor, l));
    const sorted = [...ds].sort((x, y) => x - y);
    if (sorted[1] - sorted[0] < 0.3) continue;
    const best = choices[ds.indexOf(sorted[0])];
    const { options, letter } = mc(
      best,
      choices.filter((c) => c !== best),
    );
    const names = options.map((o) => o.slice(3)).join(', ');
    add(
      'object_rel_distance',
      `Measuring from the closest point of each object, which of these objects (${names}) is the closest to the ${anchor.label}?\nIf there are multiple instances of an object category, measure to the closest.`,
      letter,
      options,
    );
    n++;
  }

  for (const level of ['easy', 'medium', 'hard'] as DirectionLevel[]) {
    n = 0;
    for (const [s, fc, q] of rng.shuffle(triples(unique))) {
      if (n >= per) break;
      const sp = dist(s, fc) > 0.5 && dist(s, q) > 0.5 && dist(fc, q) > 0.3;
      if (!sp) continue;
      const angle = relativeAngleDeg(f, s.center, fc.center, q.center);
      if (directionMargin(level, angle) < 20) continue;
      const cls = classifyDirection(level, angle);
      const opts = DIRECTION_OPTIONS[level];
      const options = opts.map((t, i) => `${LETTERS[i]}. ${t}`);
      add(
        `object_rel_direction_${level}`,
        DIRECTION_TEXT[level](s.label, fc.label, q.label),
        LETTERS[opts.indexOf(cls)],
        options,
      );
      n++;
    }
  }

  n = 0;
  for (const [start, face, via, dest] of rng.shuffle(quads(unique))) {
    if (n >= per) break;
    if (dist(start, face) < 1 || dist(face, via) < 1 || dist(via, dest) < 1) continue;
    const sim = simulateRoute(f, start.center, face.center, [
      { kind: 'forward', to: face.center },
      { kind: 'turn' },
      { kind: 'forward', to: via.center },
      { kind: 'turn' },
      { kind: 'forward', to: dest.center },
    ]);
    const clear = sim.angles.every((a) => {
      const x = Math.abs(a);
      return (x >= 25 && x <= 110) || x >= 160;
    });
    if (!clear) continue;
    const correct = sim.turns.map(turnText).join(', ');
    const alts = allTurnPairs().filter((p) => p !== correct);
    const { options, letter } = mc(correct, rng.shuffle(alts).slice(0, 3));
    add(
      'route_planning',
      `You are a robot beginning at the ${start.label} facing the ${face.label}. You want to navigate to the ${dest.label}. You will perform the following actions (Note: for each [please fill in], choose either 'turn back,' 'turn left,' or 'turn right.'): 1. Go forward until the ${face.label} 2. [please fill in] 3. Go forward until the ${via.label} 4. [please fill in] 5. Go forward until the ${dest.label}. You have reached the final destination.`,
      letter,
      options,
    );
    n++;
  }

  n = 0;
  const firstSeen = labels.map((l) => ({ l, f: Math.min(...byLabel.get(l)!.map((o) => o.firstSeenFrame)) }));
  for (let attempt = 0; attempt < 30 && n < per && firstSeen.length >= 4; attempt++) {
    const pick = rng.shuffle(firstSeen).slice(0, 4);
    const order = [...pick].sort((a, b) => a.f - b.f);
    if (order.some((x, i) => i > 0 && x.f - order[i - 1].f < 3)) continue;
    const correct = order.map((x) => x.l).join(', ');
    if (
      out.some(
        (q) =>
          q.question_type === 'obj_appearance_order' && q.question.includes(pick.map((x) => x.l).join(', ')),
      )
    )
      continue;
    const perms = new Set<string>();
    while (perms.size < 3) {
      const p = rng.shuffle(order.map((x) => x.l)).join(', ');
      if (p !== correct) perms.add(p);
    }
    const { options, letter } = mc(correct, [...perms]);
    add(
      'obj_appearance_order',
      `What will be the first-time appearance order of the following categories in the video: ${pick.map((x) => x.l).join(', ')}?`,
      letter,
      options,
    );
    n++;
  }
  return out;
}

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

function pairs<T>(xs: T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) out.push([xs[i], xs[j]]);
  return out;
}
function triples<T>(xs: T[]): [T, T, T][] {
  const out: [T, T, T][] = [];
  for (const a of xs)
    for (const b of xs) for (const c of xs) if (a !== b && b !== c && a !== c) out.push([a, b, c]);
  return out;
}
function quads<T>(xs: T[]): [T, T, T, T][] {
  const out: [T, T, T, T][] = [];
  for (const [a, b, c] of triples(xs))
    for (const d of xs) if (d !== a && d !== b && d !== c) out.push([a, b, c, d]);
  return out;
}
function allTurnPairs(): string[] {
  const ts: Turn[] = ['left', 'right', 'back'];
  return ts.flatMap((a) => ts.map((b) => `${turnText(a)}, ${turnText(b)}`));
}

/** For tests and the bench: the question types a scene produced. */
export const typesOf = (qs: VsiQuestion[]): Set<QuestionType> => new Set(qs.map((q) => q.question_type));
