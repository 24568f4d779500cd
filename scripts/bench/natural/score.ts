import { numberWords } from '../../../src/core/prompt/rawFrames';
import { PER_METRE, type Unit } from './forms';
import type { NaturalItem } from './generateNatural';
import { groupOfLabel, mentions, NAME_GROUPS, normaliseName } from './names';

/**
 * Reads the prediction out of an answer and scores it as the contract says: numbers by VSI-Bench's Mean Relative
 * Accuracy, the rest exact after normalising names. An answer is what `ask` gives: its text for people, and where
 * the product offers them a `value` and `unit` (`ask --json`), those first.
 */
export interface AnswerLike {
  readonly text: string;
  readonly answer?: string | number;
  readonly value?: number | string | boolean | null;
  readonly unit?: string | null;
}

export type Prediction = number | string | null;

/** VSI-Bench MRA: the share of thresholds 0.50, 0.55, …, 0.95 with |p − g| / g ≤ 1 − θ. */
export function mra(pred: number, gt: number): number {
  let hit = 0;
  for (let i = 0; i < 10; i++) if (Math.abs(pred - gt) / gt <= 1 - (0.5 + 0.05 * i) + 1e-12) hit++;
  return hit / 10;
}

const UNIT_WORDS: [RegExp, Unit | 'mm'][] = [
  [/^(mm|millimet(er|re)s?)$/, 'mm'],
  [/^(cm|centimet(er|re)s?)$/, 'cm'],
  [/^(m|met(er|re)s?)$/, 'm'],
  [/^(ft|feet|foot|')$/, 'ft'],
  [/^(in|inch|inches|")$/, 'in'],
];

function unitOf(word: string | undefined): Unit | 'mm' | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase();
  return UNIT_WORDS.find(([re]) => re.test(w))?.[1];
}

function toMetres(x: number, u: Unit | 'mm'): number {
  return u === 'mm' ? x / 1000 : x / PER_METRE[u];
}

/** Count words an answer may use ("three chairs"), 0–99 written as the prompt code writes them. */
const NUMBER_WORDS = Array.from({ length: 100 }, (_, i) => numberWords(i));
// Longest first, so "twenty-one" is not read as "twenty".
const NUMBER_WORD_RE = new RegExp(
  `\\b(${[...NUMBER_WORDS].sort((a, b) => b.length - a.length).join('|')})\\b`,
);

/** Numbers in a text with the unit written after each, if any ("5 ft 11 in" is one length). */
export function quantities(text: string): { value: number; unit?: Unit | 'mm' }[] {
  const out: { value: number; unit?: Unit | 'mm' }[] = [];
  const re =
    /(\d+(?:\.\d+)?)\s*(mm|millimet(?:er|re)s?|cm|centimet(?:er|re)s?|met(?:er|re)s?|m|ft|feet|foot|'|inch(?:es)?|in|")?(?![a-z])(?:\s*(\d+(?:\.\d+)?)\s*(in|inch(?:es)?|")(?![a-z]))?/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const value = Number(m[1]);
    const unit = unitOf(m[2]);
    if (unit === 'ft' && m[3]) out.push({ value: value + Number(m[3]) / 12, unit });
    else out.push({ value, ...(unit ? { unit } : {}) });
  }
  return out;
}

function numberFrom(item: NaturalItem, a: AnswerLike): number | null {
  if (typeof a.value === 'number') {
    const u = unitOf(a.unit ?? undefined);
    return item.unit && u ? toMetres(a.value, u) * PER_METRE[item.unit] : a.value;
  }
  const text = a.text;
  if (item.unit) {
    const qs = quantities(text);
    const same = qs.find((q) => q.unit === item.unit);
    if (same) return same.value;
    const withUnit = qs.find((q) => q.unit);
    if (withUnit) return toMetres(withUnit.value, withUnit.unit!) * PER_METRE[item.unit];
    return qs[0]?.value ?? null;
  }
  // A count: the first number, in digits or words.
  const lower = text.toLowerCase();
  const digits = /\b\d+\b/.exec(lower);
  const words = NUMBER_WORD_RE.exec(lower);
  if (digits && (!words || digits.index <= words.index)) return Number(digits[0]);
  if (words) return NUMBER_WORDS.indexOf(words[1]);
  if (/\b(none|no)\b/.test(lower)) return 0;
  return null;
}

function yesNoFrom(item: NaturalItem, a: AnswerLike): Prediction {
  if (typeof a.value === 'boolean') return a.value ? 'yes' : 'no';
  const t = a.text.toLowerCase().trim();
  if (/^(yes|yeah|yep|correct)\b/.test(t)) return 'yes';
  if (/^(no|nope)\b/.test(t)) return 'no';
  // Standpoint "…to my left?" answered with a side.
  if (item.side) {
    const side = firstSide(t);
    if (side) return side === item.side ? 'yes' : 'no';
  }
  if (/\b(haven't|have not|didn't|did not|not)\b.*\b(seen|see|saw|find|found|spot(ted)?)\b/.test(t))
    // "I have not seen a 'piano in here'" is a misreading, not a no: what it names must be a thing's name.
    return quotedNames(a.text).every(isKnownName) ? 'no' : null;
  if (/\bthere (is|are)\b|\bi (saw|see|found|spotted)\b/.test(t)) return 'yes';
  return null;
}

const quotedNames = (text: string): string[] =>
  [...text.matchAll(/(?<![a-z])['"‘“]([^'"’”]+)['"’”](?![a-z])/gi)].map((m) => m[1]);

const isKnownName = (name: string): boolean => NAME_GROUPS.some((g) => g.canonical === normaliseName(name));

function firstSide(t: string): 'left' | 'right' | null {
  const m = /\b(left|right)\b/.exec(t.toLowerCase());
  return m ? (m[1] as 'left' | 'right') : null;
}

function nameFrom(item: NaturalItem, a: AnswerLike): Prediction {
  if (typeof a.value === 'string' && a.value.trim()) return normaliseName(a.value);
  const allowed = item.candidates?.map((l) => groupOfLabel(l));
  const said = mentions(a.text, allowed);
  // "Which did you see last?" answered with the whole order ("first seen in this order: a, b, c"): its last.
  const pick = /last|later/.test(item.form) && /\border\b/i.test(a.text) ? said[said.length - 1] : said[0];
  return pick ? pick.group : null;
}

function letterFrom(item: NaturalItem, a: AnswerLike): Prediction {
  const direct = typeof a.value === 'string' ? a.value : typeof a.answer === 'string' ? a.answer : '';
  const m = /^\s*([A-D])\b/.exec(direct) ?? /^\s*([A-D])[.)]?\s*$/.exec(a.text);
  if (m) return m[1];
  // An order written out in words: match it to the option listing the same names in the same order.
  const said = mentions(a.text).map((x) => x.group);
  const order = said.filter((g, i) => said.indexOf(g) === i).join(',');
  for (const o of item.options ?? []) {
    const names = mentions(o.slice(3))
      .map((x) => x.group)
      .join(',');
    if (names && order.startsWith(names)) return o[0];
  }
  return null;
}

export function extractPrediction(item: NaturalItem, a: AnswerLike): Prediction {
  const gt = item.ground_truth;
  if (typeof gt === 'number') return numberFrom(item, a);
  if (item.options) return letterFrom(item, a);
  if (gt === 'yes' || gt === 'no') return yesNoFrom(item, a);
  if (gt === 'left' || gt === 'right')
    return typeof a.value === 'string' ? firstSide(a.value) : firstSide(a.text);
  return nameFrom(item, a);
}

/** Score 0–1. Room listings count when the answer names the object anywhere. */
export function scorePrediction(item: NaturalItem, pred: Prediction, a: AnswerLike): number {
  const gt = item.ground_truth;
  if (item.kind === 'room_listing' && typeof gt === 'string') {
    const want = groupOfLabel(gt).canonical;
    return mentions(a.text).some((m) => m.group === want) ? 1 : 0;
  }
  if (pred === null) return 0;
  if (typeof gt === 'number') return typeof pred === 'number' ? mra(pred, gt) : 0;
  if (gt === 'yes' || gt === 'no' || gt === 'left' || gt === 'right' || item.options)
    return pred === gt ? 1 : 0;
  return normaliseName(String(pred)) === normaliseName(gt) ? 1 : 0;
}
