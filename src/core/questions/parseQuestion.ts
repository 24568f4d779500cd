import type { AnswerOption, ParsedQuestion, QuestionType } from './types';
import { matchTemplate, moduleOfType } from '../tasks';
import { squash } from '../tasks/templateText';
import { questionLengthProblem } from './limits';

// The route template's readers live with the route task; re-exported for their callers.
export { parseRouteStart, parseTurns } from '../tasks/routePlanning';

/**
 * Deterministic parsing of VSI-Bench's question templates (thinking-in-space, Table 4 of the paper and its
 * generation templates). Names are kept as written (normalised); mapping to mosaic labels happens later.
 */
export class QuestionParseError extends Error {
  override name = 'QuestionParseError';
}

/** "A. chair" / "A) chair" / "(A) chair" → {letter: 'A', text: 'chair'}. */
export function parseOption(raw: string, index: number): AnswerOption {
  const m = /^\s*\(?([A-Za-z])[.):]\s*(.*)$/s.exec(raw);
  if (!m) return { letter: String.fromCharCode(65 + index), text: squash(raw) };
  return { letter: m[1].toUpperCase(), text: squash(m[2]) };
}

export const parseOptions = (options: readonly string[]): AnswerOption[] => options.map(parseOption);

/**
 * Parses a VSI-Bench templated question; undefined when no template matches (then use free-form parsing).
 * Throws QuestionParseError only for a question longer than MAX_QUESTION_CHARS.
 */
export function parseTemplate(question: string, options?: readonly string[]): ParsedQuestion | undefined {
  assertQuestionLength(question);
  const t = matchTemplate(squash(question));
  if (!t) return undefined;
  return {
    task: t.task,
    questionType: t.type,
    options: options ? parseOptions(options) : undefined,
    via: 'template',
  };
}

/** Throws QuestionParseError for a question too long to parse safely (see limits.ts). */
export function assertQuestionLength(question: string, id?: string): void {
  const problem = questionLengthProblem(question);
  if (problem)
    throw new QuestionParseError(`${id === undefined ? 'the question' : `question ${id}`} ${problem}`);
}

/**
 * Parses a question whose type is declared (a questions file): it must match that type's template.
 * Throws QuestionParseError naming the id otherwise.
 */
export function parseDeclared(
  id: string,
  type: QuestionType,
  question: string,
  options?: readonly string[],
): ParsedQuestion {
  assertQuestionLength(question, id);
  const parsed = parseTemplate(question, options);
  if (!parsed)
    throw new QuestionParseError(
      `question ${id}: does not match the ${type} template: "${squash(question).slice(0, 80)}"`,
    );
  // A task with several types (the direction levels) takes the declared one when the template reads as that task.
  const declared = moduleOfType(type);
  if (declared.declare && parsed.task.kind === declared.kind)
    return { ...parsed, questionType: type, task: declared.declare(parsed.task, type) };
  if (parsed.questionType !== type)
    throw new QuestionParseError(`question ${id}: declared ${type} but reads as ${parsed.questionType}`);
  return parsed;
}
