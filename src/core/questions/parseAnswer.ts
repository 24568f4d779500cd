import type { AnswerOption, QuestionType } from './types';
import { NUMERIC_TYPES } from './types';

/**
 * A VLM's free text → the VSI answer format: an option letter for multiple choice, a number otherwise.
 * Tolerates "B", "(B)", "Answer: B. left", the option's text alone, "1.5 meters", "about 150 cm".
 */
export function parseAnswer(
  text: string,
  type: QuestionType | undefined,
  options?: AnswerOption[],
): string | number | undefined {
  const t = text.trim();
  if (options && options.length && (!type || !NUMERIC_TYPES.has(type))) {
    const letters = options.map((o) => o.letter);
    const m =
      /^\s*\(?([A-Z])\)?(?:[.):\s]|$)/.exec(t) ??
      /(?:answer|option)\s*(?:is|:)?\s*\(?([A-Z])\)?\b/i.exec(t) ??
      /\b([A-Z])\b/.exec(t);
    if (m && letters.includes(m[1].toUpperCase())) return m[1].toUpperCase();
    const lower = t.toLowerCase();
    // The longest option text found in the reply (so "front-left" beats "left").
    const hit = [...options]
      .sort((a, b) => b.text.length - a.text.length)
      .find((o) => o.text && lower.includes(o.text.toLowerCase()));
    return hit?.letter;
  }
  const num = /(-?\d+(?:\.\d+)?)\s*(cm|centimet(?:er|re)s?|mm|m\b|met(?:er|re)s?)?/i.exec(
    t.replace(/,(\d{3})/g, '$1'),
  );
  if (!num) return undefined;
  let v = Number(num[1]);
  const unit = (num[2] ?? '').toLowerCase();
  if (type === 'object_size_estimation' && (unit === 'm' || unit.startsWith('met'))) v *= 100;
  if (type === 'object_size_estimation' && unit === 'mm') v /= 10;
  if (type === 'object_abs_distance' && (unit === 'cm' || unit.startsWith('cent'))) v /= 100;
  return v;
}
