import type {
  AnswerOption,
  DirectionLevel,
  ParsedQuestion,
  QuestionType,
  RouteStep,
  Task,
  Turn,
} from './types';
import { normalizeName } from './labels';
import { questionLengthProblem } from './limits';

/**
 * Deterministic parsing of VSI-Bench's question templates (thinking-in-space, Table 4 of the paper and its
 * generation templates). Names are kept as written (normalised); mapping to mosaic labels happens later.
 */
export class QuestionParseError extends Error {
  override name = 'QuestionParseError';
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** "A. chair" / "A) chair" / "(A) chair" → {letter: 'A', text: 'chair'}. */
export function parseOption(raw: string, index: number): AnswerOption {
  const m = /^\s*\(?([A-Za-z])[.):]\s*(.*)$/s.exec(raw);
  if (!m) return { letter: String.fromCharCode(65 + index), text: squash(raw) };
  return { letter: m[1].toUpperCase(), text: squash(m[2]) };
}

export const parseOptions = (options: readonly string[]): AnswerOption[] => options.map(parseOption);

const name = (s: string): string => normalizeName(s);
const list = (s: string): string[] =>
  s
    .split(/,\s*|\s+and\s+|\s+or\s+/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0)
    .map(name);

/** "Turn Left, Turn Right" / "turn back, turn left" → ['left', 'right']. */
export function parseTurns(text: string): Turn[] | undefined {
  const parts = text
    .toLowerCase()
    .split(/,|;|\bthen\b/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: Turn[] = [];
  for (const p of parts) {
    const m = /(left|right|back)/.exec(p);
    if (!m) return undefined;
    out.push(m[1] as Turn);
  }
  return out;
}

function parseRouteSteps(actions: string): RouteStep[] {
  const steps: RouteStep[] = [];
  for (const raw of actions.split(/(?:^|\s)\d+\.\s+/)) {
    const s = raw.trim().replace(/\.$/, '');
    if (!s) continue;
    if (/please fill in/i.test(s)) {
      steps.push({ kind: 'turn' });
      continue;
    }
    const m =
      /^go forward (?:until|passing|past|to|towards?)\s+(?:the\s+)?(.+?)(?:\s+is on your (?:left|right))?$/i.exec(
        s,
      );
    if (m) steps.push({ kind: 'forward', target: name(m[1]) });
  }
  return steps;
}

interface TemplateMatch {
  readonly type: QuestionType;
  readonly task: Task;
}

function matchTemplate(q: string): TemplateMatch | undefined {
  let m: RegExpExecArray | null;
  if ((m = /how many (.+?)(?:\(s\))? are (?:there )?in this room\?/i.exec(q)))
    return { type: 'object_counting', task: { kind: 'object_counting', label: name(m[1]) } };
  if ((m = /what is the direct distance between the (.+?) and the (.+?) \(in meters\)\?/i.exec(q)))
    return {
      type: 'object_abs_distance',
      task: { kind: 'object_abs_distance', a: name(m[1]), b: name(m[2]) },
    };
  if (
    (m =
      /length of the longest dimension \(length, width, or height\) of the (.+?), measured in centimeters\?/i.exec(
        q,
      ))
  )
    return { type: 'object_size_estimation', task: { kind: 'object_size_estimation', label: name(m[1]) } };
  if (/what is the size of this room \(in square meters\)\?/i.test(q))
    return { type: 'room_size_estimation', task: { kind: 'room_size_estimation' } };
  if ((m = /which of these objects \((.+?)\) is the closest to the (.+?)\?/i.exec(q)))
    return {
      type: 'object_rel_distance',
      task: { kind: 'object_rel_distance', anchor: name(m[2]), choices: list(m[1]) },
    };
  m =
    /if i am standing by the (.+?) and facing the (.+?), is the (.+?) to (?:my |the )?(front-left, front-right, back-left, or back-right|left, right, or back|left or (?:the )?right)/i.exec(
      q,
    );
  if (m) {
    const which = m[4].toLowerCase();
    const level: DirectionLevel = which.includes('front-left')
      ? 'hard'
      : which.includes('back')
        ? 'medium'
        : 'easy';
    return {
      type: `object_rel_direction_${level}`,
      task: {
        kind: 'object_rel_direction',
        level,
        standing: name(m[1]),
        facing: name(m[2]),
        query: name(m[3]),
      },
    };
  }
  m =
    /you are a robot beginning at the (.+?) facing the (.+?)\. you want to navigate to the (.+?)\. you will perform the following actions(?:\s*\(note:.*?\))?\s*:\s*(.*?)\s*(?:you have reached the final destination\.?)?$/is.exec(
      q,
    );
  if (m)
    return {
      type: 'route_planning',
      task: {
        kind: 'route_planning',
        start: name(m[1]),
        facing: name(m[2]),
        destination: name(m[3]),
        steps: parseRouteSteps(m[4]),
      },
    };
  if ((m = /first-time appearance order of the following categories in the video: (.+?)\?/i.exec(q)))
    return { type: 'obj_appearance_order', task: { kind: 'obj_appearance_order', labels: list(m[1]) } };
  return undefined;
}

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
  const declaredLevel = type.startsWith('object_rel_direction') ? type : undefined;
  if (parsed.questionType !== type && !(declaredLevel && parsed.task.kind === 'object_rel_direction'))
    throw new QuestionParseError(`question ${id}: declared ${type} but reads as ${parsed.questionType}`);
  if (declaredLevel && parsed.task.kind === 'object_rel_direction') {
    const level = type.replace('object_rel_direction_', '') as DirectionLevel;
    return { ...parsed, questionType: type, task: { ...parsed.task, level } };
  }
  return parsed;
}
