import type {
  AnswerOption,
  DirectionLevel,
  ParsedQuestion,
  QuestionType,
  RouteFacing,
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

/** Number words people use for short distances ("about one foot"). */
const SMALL_NUMBERS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  half: 0.5,
};
const UNIT_METRES: Readonly<Record<string, number>> = {
  foot: 0.3048,
  feet: 0.3048,
  step: 0.7,
  steps: 0.7,
  meter: 1,
  meters: 1,
  metre: 1,
  metres: 1,
};

/** One action of a route: "[please fill in]", "Go forward until X", "go forward through the doorway until X". */
function parseRouteStep(raw: string): RouteStep | undefined {
  const s = raw.trim().replace(/[.\s]+$/, '');
  if (!s) return undefined;
  if (/please\s+fill\s+in|\[\s*\.*\s*\]|_{3,}/i.test(s)) return { kind: 'turn' };
  const go = /^(?:go|walk|move|head|continue)(?:\s+(?:forward|straight|ahead|on))*\s*(.*)$/i.exec(s);
  if (!go) return undefined;
  const rest = go[1];
  // "about one foot", "2 meters" with no landmark after it: a short walk.
  const walk =
    /^(?:about|around|roughly|approximately)?\s*(\d+(?:\.\d+)?|[a-z]+)\s+(foot|feet|steps?|met(?:er|re)s?)\s*$/i.exec(
      rest,
    );
  if (walk) {
    const n = Number(walk[1]) || SMALL_NUMBERS[walk[1].toLowerCase()];
    if (n) return { kind: 'walk', metres: n * UNIT_METRES[walk[2].toLowerCase()] };
  }
  // The landmark follows the last "until/till/to/towards/past" ("through the doorway until the painting").
  const m = /.*\b(?:until|untill|untli|till|til|up to|to|towards?|past|passing|reaching)\s+(.+)$/i.exec(rest);
  const target = (m ? m[1] : rest).trim();
  if (!target) return undefined;
  const keepPast = m && /\bpast\s+$/i.test(rest.slice(0, rest.length - m[1].length)) ? 'past ' : '';
  return { kind: 'forward', target: name(keepPast + target) };
}

function parseRouteSteps(actions: string): RouteStep[] {
  const steps: RouteStep[] = [];
  for (const raw of actions.split(/(?:^|\s)\d+\s*[.)]\s+/)) {
    const step = parseRouteStep(raw);
    if (step) steps.push(step);
  }
  return steps;
}

/**
 * The start of a route: "at the bed facing the tv", "by the chair and facing the window", "at the door and
 * facing into the room", "at the black chair and facing to white table", "at the sink with your back to the
 * fridge".
 */
export function parseRouteStart(
  clause: string,
): { start: string; facing: string; facingHow?: RouteFacing } | undefined {
  const c = squash(clause).replace(/[.,]+$/, '');
  const m =
    /^(?:at|by|near|next to|beside|in front of|from|on|in)\s+(.+?)(?:,)?(?:\s+and)?(?:,)?\s+(facing|looking|turned|with (?:your|my|its|the) back (?:to|towards?|against|facing))\s*(.*)$/i.exec(
      c,
    );
  if (!m) return undefined;
  const start = name(m[1]);
  if (/^with/i.test(m[2])) return { start, facing: name(m[3]), facingHow: 'away' };
  const f = m[3].replace(/^(?:to|toward|towards|at|onto)\s+/i, '');
  if (/^(?:into|in)\s+(?:the\s+)?(?:room|space|bathroom|bedroom|kitchen|living room|hall)\b/i.test(f))
    return { start, facing: '', facingHow: 'into-room' };
  if (/^(?:the\s+)?outside$|^out(?:side|wards?)?$|^away from the room$/i.test(f))
    return { start, facing: '', facingHow: 'out-of-room' };
  const away = /^away\s+from\s+/i.exec(f);
  if (away) return { start, facing: name(f.slice(away[0].length)), facingHow: 'away' };
  return { start, facing: name(f.replace(/^(?:out(?:\s+of)?|into)\s+/i, '')) };
}

function matchRoute(q: string): TemplateMatch | undefined {
  const m =
    /you are (?:a robot|an agent|a person|standing)?\s*(?:beginning|starting|standing|positioned|located)?\s*((?:at|by|near|next to|beside|in front of|from|on)\s.+?)\.\s*you (?:want|need|would like) to (?:navigate|go|get|walk|move|travel) to\s+(.+?)\s*\.\s*you will perform the following actions(?:\s*\(note:.*?\))?\s*:?\s*(.*?)\s*(?:you have (?:now )?reached the (?:final )?destination\.?)?$/is.exec(
      q,
    );
  if (!m) return undefined;
  const start = parseRouteStart(m[1]);
  const steps = parseRouteSteps(m[3]);
  if (!start || steps.length === 0) return undefined;
  return {
    type: 'route_planning',
    task: {
      kind: 'route_planning',
      start: start.start,
      facing: start.facing,
      destination: name(m[2]),
      steps,
      ...(start.facingHow && start.facingHow !== 'toward' ? { facingHow: start.facingHow } : {}),
    },
  };
}

interface TemplateMatch {
  readonly type: QuestionType;
  readonly task: Task;
}

/** An optional "the " before a name in a template. */
const THE = '(?:the\\s+)?';

/** "objects", "different things", "cups and bottles", "chairs, tables": not one category. */
const isTotalPhrase = (phrase: string): boolean =>
  /(?:^|\s)(?:objects?|things?|items?|pieces? of furniture|furniture)$/i.test(phrase.trim()) ||
  /,|\s(?:and|or|plus)\s/i.test(phrase);

function matchTemplate(q: string): TemplateMatch | undefined {
  let m: RegExpExecArray | null;
  // Counting: "How many chair(s) are in this room?", "In frame 3, how many chair(s) are visible?".
  if (
    (m =
      /\bhow many\s+(.+?)\(s\)\s+(?:are|is)\b/i.exec(q) ??
      /\bhow many\s+(.+?)\s+(?:are|is)\s+(?:there\s+)?(?:in (?:this|the) (?:room|scene|space|video|house|apartment)|visible)\b/i.exec(
        q,
      ))
  ) {
    // One category per counting template: "objects", "things", "cups and bottles" are totals the free-form
    // reader answers, not a category called "object".
    if (!isTotalPhrase(m[1]))
      return { type: 'object_counting', task: { kind: 'object_counting', label: name(m[1]) } };
  }
  // Absolute distance: "Measuring from the closest point of each object, what is the (direct) distance between
  // the sofa and the stove (in meters)?" — the unit or the closest-point preamble marks the benchmark's form.
  m = new RegExp(
    `what(?:'s| is) the (?:direct |straight[- ]line |shortest |euclidean |minimum )?distance between ${THE}(.+?) and ${THE}(.+?)\\s*(?:\\((?:in |measured in )?(?:meters|metres|m)\\))?\\s*\\?`,
    'i',
  ).exec(q);
  if (
    m &&
    (/closest point|nearest point/i.test(q) || /\((?:in |measured in )?(?:meters|metres|m)\)/i.test(q))
  )
    return {
      type: 'object_abs_distance',
      task: { kind: 'object_abs_distance', a: name(m[1]), b: name(m[2]) },
    };
  if (
    (m = new RegExp(
      `longest dimension\\s*\\(length, width,? (?:or|and) height\\)\\s*of ${THE}(.+?),?\\s*(?:measured\\s+)?in (?:centimeters|centimetres|cm)\\b`,
      'i',
    ).exec(q))
  )
    return { type: 'object_size_estimation', task: { kind: 'object_size_estimation', label: name(m[1]) } };
  if (
    /what is the size of (?:this|the) room\b|\bsize of (?:this|the) room \(in square met(?:er|re)s\)/i.test(q)
  )
    return { type: 'room_size_estimation', task: { kind: 'room_size_estimation' } };
  if (
    (m = new RegExp(
      `which of (?:these|the following|the) objects\\s*\\((.+?)\\)\\s*is (?:the )?(?:closest|nearest) to ${THE}(.+?)\\s*\\?`,
      'i',
    ).exec(q))
  )
    return {
      type: 'object_rel_distance',
      task: { kind: 'object_rel_distance', anchor: name(m[2]), choices: list(m[1]) },
    };
  m = new RegExp(
    `if i (?:am|was|were) standing (?:by|at|near|next to|beside) ${THE}(.+?),? and facing ${THE}(.+?),\\s*is ${THE}(.+?) to (?:my |the )?(front-left, front-right, back-left,? or back-right|left, right,? or back|left or (?:the )?right)`,
    'i',
  ).exec(q);
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
  const route = matchRoute(q);
  if (route) return route;
  if (
    (m =
      /first[- ]time appearance order of the following (?:categories|objects)(?: in the video)?:\s*(.+?)\?/i.exec(
        q,
      ))
  )
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
