import {
  ANSWER_UNITS,
  NUMERIC_TYPES,
  QUESTION_TYPES,
  isQuestionType,
  type AnswerUnit,
  type EvalQuestion,
  type VsiQuestion,
} from './types';
import { parseOption } from './parseQuestion';
import { questionLengthProblem } from './limits';
import { toFloat } from './scoring';

/** A questions file (ARCHITECTURE.md "Questions file") that cannot be used; the message names file and item. */
export class QuestionsFileError extends Error {
  override name = 'QuestionsFileError';
}

/** JSON of a value for a message, clipped: a file's junk must not flood the one-line error. */
function quote(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** Validates parsed JSON as a questions file of VSI-Bench questions (every item has a question_type). */
export function validateQuestions(json: unknown, file: string): VsiQuestion[] {
  return validateEvalItems(json, file).map((q, i) => {
    if (!q.question_type)
      throw new QuestionsFileError(
        `${file}: item ${i} (id ${quote(q.id)}): "question_type" undefined is not one of ${QUESTION_TYPES.join(', ')}`,
      );
    return q as VsiQuestion;
  });
}

/**
 * Validates parsed JSON as a questions file for `eval`: VSI-Bench items, and free-form items without
 * `question_type` (ground truth a number with an optional "unit", an option letter, yes/no, left/right or an
 * object name). Returns the items with ids as strings.
 */
export function validateEvalItems(json: unknown, file: string): EvalQuestion[] {
  const fail = (msg: string): never => {
    throw new QuestionsFileError(`${file}: ${msg}`);
  };
  if (!Array.isArray(json))
    fail('expected a JSON array of questions ({id, question_type, question, options?, ground_truth})');
  const seen = new Set<string>();
  return (json as unknown[]).map((raw, i) => {
    const where = `item ${i}`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail(`${where}: expected an object`);
    const o = raw as Record<string, unknown>;
    if (typeof o.id !== 'string' && typeof o.id !== 'number')
      return fail(`${where}: "id" is missing (a string or number)`);
    const id = String(o.id);
    const at = `${where} (id ${quote(id)})`;
    if (seen.has(id)) fail(`${at}: duplicate id`);
    seen.add(id);
    const type = o.question_type;
    if (type !== undefined && type !== null && (typeof type !== 'string' || !isQuestionType(type)))
      return fail(`${at}: "question_type" ${quote(type)} is not one of ${QUESTION_TYPES.join(', ')}`);
    if (typeof o.question !== 'string' || o.question.trim() === '')
      return fail(`${at}: "question" must be a non-empty string`);
    const tooLong = questionLengthProblem(o.question);
    if (tooLong) fail(`${at}: "question" ${tooLong}`);
    const gt = o.ground_truth;
    if (typeof gt !== 'string' && typeof gt !== 'number')
      return fail(`${at}: "ground_truth" must be a string or number`);
    let options: string[] | undefined;
    if (typeof type !== 'string') return freeForm(o, id, gt, at, fail);
    if (NUMERIC_TYPES.has(type)) {
      if (toFloat(gt) === undefined)
        fail(`${at}: "ground_truth" ${quote(gt)} is not a number, as ${type} needs`);
    } else {
      if (!Array.isArray(o.options) || o.options.length < 2 || o.options.some((x) => typeof x !== 'string'))
        return fail(`${at}: ${type} is multiple choice and needs "options": ["A. …", "B. …", …]`);
      options = o.options as string[];
      const letters = options.map((x, k) => parseOption(x, k).letter);
      if (!letters.includes(String(gt).trim().toUpperCase()))
        fail(`${at}: "ground_truth" ${quote(gt)} is not one of the option letters ${letters.join(', ')}`);
    }
    return { id, question_type: type, question: o.question, options, ground_truth: gt };
  });
}

function freeForm(
  o: Record<string, unknown>,
  id: string,
  gt: string | number,
  at: string,
  fail: (msg: string) => never,
): EvalQuestion {
  let options: string[] | undefined;
  if (o.options !== undefined && o.options !== null) {
    if (!Array.isArray(o.options) || o.options.some((x) => typeof x !== 'string'))
      fail(`${at}: "options" must be a list of strings ("A. …", "B. …")`);
    options = o.options as string[];
  }
  let unit: AnswerUnit | undefined;
  if (o.unit !== undefined && o.unit !== null) {
    if (typeof o.unit !== 'string' || !(ANSWER_UNITS as readonly string[]).includes(o.unit))
      fail(`${at}: "unit" ${quote(o.unit)} is not one of ${ANSWER_UNITS.join(', ')}`);
    if (toFloat(gt) === undefined)
      fail(`${at}: "unit" is given but "ground_truth" ${quote(gt)} is not a number`);
    unit = o.unit as AnswerUnit;
  }
  if (typeof gt === 'string' && gt.trim() === '') fail(`${at}: "ground_truth" is empty`);
  return {
    id,
    question: o.question as string,
    ground_truth: gt,
    ...(options ? { options } : {}),
    ...(unit ? { unit } : {}),
  };
}
