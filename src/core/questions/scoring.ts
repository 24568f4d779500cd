import { NUMERIC_TYPES, type QuestionType } from './types';

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

export interface ScoredItem {
  readonly id: string;
  readonly question_type: QuestionType;
  readonly prediction: string | number;
  readonly ground_truth: string | number;
  readonly score: number;
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
