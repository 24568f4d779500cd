import { canonicalLabel } from './labels';
import { parseOption } from './parseQuestion';
import { NUMERIC_TYPES, type AnswerUnit, type QuestionType } from './types';

/**
 * Scoring exactly as VSI-Bench (thinking-in-space lmms_eval/tasks/vsibench/utils.py): the prediction's first
 * word (trailing '.' removed) is compared; multiple choice by case-insensitive exact match, numbers by Mean
 * Relative Accuracy over θ ∈ {0.50, 0.55, …, 0.95}.
 */
export const fuzzyMatch = (pred: string): string => pred.trim().split(' ')[0].replace(/\.+$/, '').trim();

export const exactMatch = (pred: string, target: string): number =>
  pred.toLowerCase() === target.toLowerCase() ? 1 : 0;

/** numpy.linspace(0.5, 0.95, 10), reproduced to the bit so boundary cases score as VSI-Bench scores them. */
export const MRA_THRESHOLDS: readonly number[] = Array.from({ length: 10 }, (_, i) =>
  i === 9 ? 0.95 : 0.5 + i * ((0.95 - 0.5) / 9),
);

export function meanRelativeAccuracy(pred: number, target: number): number {
  const rel = Math.abs(pred - target) / target;
  let hits = 0;
  for (const t of MRA_THRESHOLDS) if (rel <= 1 - t) hits++;
  return hits / MRA_THRESHOLDS.length;
}

/** Python float(): accepts surrounding spaces, a sign, decimals and exponents; nothing else. */
export function toFloat(s: string | number): number | undefined {
  if (typeof s === 'number') return Number.isFinite(s) ? s : undefined;
  const t = s.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}

/** Score of one prediction, 0–1. */
export function scoreItem(
  type: QuestionType,
  prediction: string | number,
  groundTruth: string | number,
): number {
  const pred = fuzzyMatch(String(prediction));
  if (NUMERIC_TYPES.has(type)) {
    const p = toFloat(pred);
    const g = toFloat(groundTruth);
    if (p === undefined || g === undefined) return 0;
    return meanRelativeAccuracy(p, g);
  }
  return exactMatch(pred, String(groundTruth));
}

/** What a free-form item's ground truth is, which decides how it is scored. */
export type FreeFormKind = 'number' | 'option' | 'yes/no' | 'left/right' | 'name';

export function freeFormKind(groundTruth: string | number, options?: readonly string[]): FreeFormKind {
  if (toFloat(groundTruth) !== undefined) return 'number';
  const g = String(groundTruth).trim().toLowerCase();
  if (options?.length && options.some((o, i) => parseOption(o, i).letter.toLowerCase() === g))
    return 'option';
  if (g === 'yes' || g === 'no') return 'yes/no';
  if (g === 'left' || g === 'right') return 'left/right';
  return 'name';
}

/** Metres per length unit; square metres per area unit. */
const LENGTH: Readonly<Record<string, number>> = { m: 1, cm: 0.01, mm: 0.001, ft: 0.3048, in: 0.0254 };
const AREA: Readonly<Record<string, number>> = { m2: 1, ft2: 0.3048 * 0.3048 };

const UNIT_WORDS: ReadonlyArray<[RegExp, AnswerUnit]> = [
  [/^(?:sq(?:uare)?\.?\s*(?:m|met(?:er|re)s?)|m2|m²)$/i, 'm2'],
  [/^(?:sq(?:uare)?\.?\s*(?:ft|feet|foot)|ft2|ft²)$/i, 'ft2'],
  [/^(?:mm|millimet(?:er|re)s?)$/i, 'mm'],
  [/^(?:cm|centimet(?:er|re)s?)$/i, 'cm'],
  [/^(?:m|met(?:er|re)s?)$/i, 'm'],
  [/^(?:ft|feet|foot|')$/i, 'ft'],
  [/^(?:in|inch(?:es)?|")$/i, 'in'],
];

const unitOf = (word: string | undefined): AnswerUnit | undefined =>
  word ? UNIT_WORDS.find(([re]) => re.test(word.trim()))?.[1] : undefined;

/** `value` in `from` expressed in `to`; unchanged when either is missing or they measure different things. */
export function convertUnit(value: number, from: AnswerUnit | undefined, to: AnswerUnit | undefined): number {
  if (!from || !to || from === to) return value;
  if (from in LENGTH && to in LENGTH) return (value * LENGTH[from]) / LENGTH[to];
  if (from in AREA && to in AREA) return (value * AREA[from]) / AREA[to];
  return value;
}

/**
 * A number in a prediction: a number itself (in `defaultUnit`), or the first number of a text with the unit
 * written after it ("1.5 m", "about 150 cm", "12.3 square meters", "5 ft").
 */
export function predictedNumber(
  prediction: string | number,
  defaultUnit?: AnswerUnit,
): { value: number; unit?: AnswerUnit } | undefined {
  if (typeof prediction === 'number')
    return Number.isFinite(prediction) ? { value: prediction, unit: defaultUnit } : undefined;
  const m =
    /(-?\d+(?:\.\d+)?|-?\.\d+)\s*(sq(?:uare)?\.?\s*(?:met(?:er|re)s?|m|feet|foot|ft)\b|m²|ft²|m2\b|ft2\b|mm\b|millimet(?:er|re)s?|cm\b|centimet(?:er|re)s?|met(?:er|re)s?|m\b|feet|foot|ft\b|inch(?:es)?|in\b|'|")?/i.exec(
      prediction.replace(/(\d),(\d{3})\b/g, '$1$2'),
    );
  if (!m) return undefined;
  return { value: Number(m[1]), unit: unitOf(m[2]) ?? defaultUnit };
}

const firstWord = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .split(/[\s,:;.!?]+/)[0] ?? '';

/**
 * Score of a free-form item (no question_type), 0–1: numbers by MRA after converting the prediction into the
 * item's unit, option letters and yes/no exactly, left/right by the side the prediction names, object names
 * exactly after normalising plurals and synonyms.
 */
export function scoreFreeForm(
  prediction: string | number,
  groundTruth: string | number,
  opts: {
    readonly options?: readonly string[];
    readonly unit?: AnswerUnit;
    readonly predictionUnit?: AnswerUnit;
  } = {},
): number {
  const kind = freeFormKind(groundTruth, opts.options);
  const text = String(prediction).trim();
  switch (kind) {
    case 'number': {
      const p = predictedNumber(prediction, opts.predictionUnit ?? opts.unit);
      const g = toFloat(groundTruth)!;
      if (!p) return 0;
      return meanRelativeAccuracy(convertUnit(p.value, p.unit, opts.unit), g);
    }
    case 'option':
      return exactMatch(fuzzyMatch(text).replace(/^\(|\)$/g, ''), String(groundTruth).trim());
    case 'yes/no':
      return exactMatch(firstWord(text), String(groundTruth).trim());
    case 'left/right': {
      const side = /\b(left|right)\b/i.exec(text.replace(/\b(?:front|back)-(?:left|right)\b/gi, ''));
      return side ? exactMatch(side[1], String(groundTruth).trim()) : 0;
    }
    case 'name':
      return canonicalLabel(text.replace(/[.!]+$/, '')) === canonicalLabel(String(groundTruth)) ? 1 : 0;
  }
}

/** The answer a question gets when it could not be read: the task's prior, or the first option. */
export function fallbackAnswer(type: QuestionType | undefined, options?: readonly string[]): string | number {
  if (options?.length) return parseOption(options[0], 0).letter;
  switch (type) {
    case 'object_counting':
      return 1;
    case 'object_abs_distance':
      return 2;
    case 'object_size_estimation':
      return 80;
    case 'room_size_estimation':
      return 20;
    default:
      return '';
  }
}

export interface ScoredItem {
  readonly id: string;
  /** The VSI-Bench type, or "free_form" for an item without one. */
  readonly question_type: QuestionType | 'free_form';
  readonly prediction: string | number;
  readonly ground_truth: string | number;
  readonly score: number;
  /** What could not be read or answered, when something could not. */
  readonly note?: string;
}

export interface EvalResults {
  /** 0–100. */
  readonly overall: number;
  /** Per question type, 0–100; plus "object_rel_direction", the mean of its levels, which is what `overall` uses. */
  readonly tasks: Record<string, number>;
  readonly items: ScoredItem[];
}

const DIRECTION_LEVELS = [
  'object_rel_direction_easy',
  'object_rel_direction_medium',
  'object_rel_direction_hard',
];

/**
 * Per-task means and the overall mean of task scores, relative direction counting once as the mean of its
 * levels. Unlike the reference code, a level (or the whole direction task) absent from the file is left out
 * rather than counted as 0, so that subsets score sensibly; on the full benchmark the two agree.
 */
export function aggregate(items: ScoredItem[]): EvalResults {
  const byType = new Map<string, number[]>();
  for (const it of items) {
    const arr = byType.get(it.question_type) ?? [];
    arr.push(it.score);
    byType.set(it.question_type, arr);
  }
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const tasks: Record<string, number> = {};
  for (const [t, scores] of byType) tasks[t] = 100 * mean(scores);
  const forOverall: number[] = [];
  for (const [t, v] of Object.entries(tasks)) if (!DIRECTION_LEVELS.includes(t)) forOverall.push(v);
  const levels = DIRECTION_LEVELS.filter((l) => l in tasks).map((l) => tasks[l]);
  if (levels.length > 0) {
    tasks.object_rel_direction = mean(levels);
    forOverall.push(tasks.object_rel_direction);
  }
  return { overall: forOverall.length ? mean(forOverall) : 0, tasks, items };
}
