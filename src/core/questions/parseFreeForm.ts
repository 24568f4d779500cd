import type { TextGenerator } from '../reasoning/interfaces';
import { normalizeName } from './labels';
import { assertQuestionLength } from './parseQuestion';
import type { EgoDirection, PairRelation, ParsedQuestion, Task } from './types';

/**
 * Free-form questions ("how far is the cup from the laptop?"): a pattern-based parser that always answers,
 * and a VLM-based structured extraction (JSON) used when a TextGenerator is given, falling back to the
 * patterns when the model's JSON is unusable.
 */
const n = normalizeName;
const splitList = (s: string): string[] =>
  s
    .split(/,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+/)
    .map((x) => n(x))
    .filter(Boolean);

const EGO_WORDS: Record<string, EgoDirection> = {
  'behind me': 'back',
  'at my back': 'back',
  'to my back': 'back',
  'in front of me': 'front',
  ahead: 'front',
  'ahead of me': 'front',
  'to my left': 'left',
  'on my left': 'left',
  'to my right': 'right',
  'on my right': 'right',
};

const REL_WORDS: Record<string, PairRelation> = {
  left: 'left',
  right: 'right',
  above: 'above',
  over: 'above',
  'on top of': 'above',
  on: 'above',
  below: 'below',
  under: 'below',
  underneath: 'below',
  beneath: 'below',
  near: 'near',
  'next to': 'near',
  'close to': 'near',
  beside: 'near',
  behind: 'behind',
  'in front of': 'front',
};

/**
 * The pattern-based parser: unknown shapes become an 'open' task. Throws (QuestionParseError) only for a
 * question longer than MAX_QUESTION_CHARS.
 */
export function parseByPattern(question: string): ParsedQuestion {
  assertQuestionLength(question);
  const q = question.toLowerCase().replace(/\s+/g, ' ').trim();
  const task = patternTask(q);
  return { task, via: 'pattern' };
}

function patternTask(q: string): Task {
  let m: RegExpExecArray | null;
  const ego =
    '(behind me|at my back|to my back|in front of me|ahead of me|ahead|to my left|on my left|to my right|on my right)';
  if ((m = new RegExp(`^what(?:'s| is| do i have| objects? (?:is|are))?(?: there)? ${ego}`).exec(q)))
    return { kind: 'ego_whats_there', direction: EGO_WORDS[m[1]] };
  if ((m = new RegExp(`^(?:is|are) (?:the |a |an )?(.+?) ${ego}\\??$`).exec(q)))
    return { kind: 'ego_direction_of', target: n(m[1]) };
  if ((m = /^where(?:'s| is| are) (?:the |a |an )?(.+?)(?: relative to me)?\??$/.exec(q)))
    return { kind: 'ego_direction_of', target: n(m[1]) };
  if ((m = /^(?:is|are) (?:the |a )?(.+?) between (?:the |a )?(.+?) and (?:the |a )?(.+?)\??$/.exec(q)))
    return { kind: 'pair_relation', a: n(m[1]), relation: 'between', b: n(m[2]), c: n(m[3]) };
  if (
    (m =
      /^(?:is|are) (?:the |a )?(.+?) (?:to the |on the )?(left|right) (?:of|from) (?:the |a )?(.+?)\??$/.exec(
        q,
      )) ||
    (m =
      /^(?:is|are) (?:the |a )?(.+?) (above|over|on top of|below|under|underneath|beneath|near|next to|close to|beside|behind|in front of|on) (?:the |a )?(.+?)\??$/.exec(
        q,
      ))
  )
    return { kind: 'pair_relation', a: n(m[1]), relation: REL_WORDS[m[2]], b: n(m[3]) };
  if (
    /(how (?:big|large) is (?:this|the) (?:room|space)|room size|size of (?:this|the) room|area of (?:this|the) room|floor area)/.test(
      q,
    )
  )
    return { kind: 'room_size_estimation' };
  if ((m = /how many (.+?)(?: are| is| do| can| have|\?|$)/.exec(q)))
    return { kind: 'object_counting', label: n(m[1].replace(/ (?:there|here)$/, '')) };
  if ((m = /how far (?:away )?(?:is|are) (?:the |a )?(.+?) from (?:the |a )?(.+?)\??$/.exec(q)))
    return { kind: 'object_abs_distance', a: n(m[1]), b: n(m[2]) };
  if ((m = /distance (?:between|from) (?:the |a )?(.+?) (?:and|to) (?:the |a )?(.+?)\??$/.exec(q)))
    return { kind: 'object_abs_distance', a: n(m[1]), b: n(m[2]) };
  if (
    (m = /how (?:big|large|long|tall|wide|high) is (?:the |a )?(.+?)\??$/.exec(q)) ||
    (m = /size of (?:the |a )?(.+?)\??$/.exec(q))
  )
    return { kind: 'object_size_estimation', label: n(m[1]) };
  if ((m = /which (?:one |object )?is (?:the )?clos(?:er|est) to (?:the |a )?(.+?)[,:]\s*(.+?)\??$/.exec(q)))
    return {
      kind: 'object_rel_distance',
      anchor: n(m[1]),
      choices: splitList(m[2].replace(/\bthe\b /g, '')),
    };
  if ((m = /which (?:did i see|appeared|was seen|came) first[,:]?\s*(.+?)\??$/.exec(q)))
    return { kind: 'obj_appearance_order', labels: splitList(m[1].replace(/\bthe\b /g, '')) };
  return { kind: 'open', targets: [] };
}

const EXTRACTION_PROMPT = `Turn the question into JSON with keys:
"task": one of "count", "distance", "size", "room_size", "closest", "ego_direction", "whats_there", "relation", "appearance_order", "open";
"targets": the object names it mentions, the main one first;
"relation": one of "left", "right", "front", "behind", "above", "below", "near", "between" (for "relation");
"direction": one of "left", "right", "front", "back" (for "whats_there");
"frame": "ego" if relative to me, else "allo".
Answer with the JSON only.
Question: `;

interface Extracted {
  task?: unknown;
  targets?: unknown;
  relation?: unknown;
  direction?: unknown;
}

/** The first balanced {...} block of a model's reply, parsed; undefined when there is none. */
export function firstJsonObject(text: string): Record<string, unknown> | undefined {
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) {
      try {
        const v: unknown = JSON.parse(text.slice(start, i + 1));
        return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function taskFromJson(j: Extracted): Task | undefined {
  const targets = Array.isArray(j.targets)
    ? j.targets.filter((t): t is string => typeof t === 'string').map(n)
    : [];
  const rel = typeof j.relation === 'string' ? j.relation : '';
  const dir = typeof j.direction === 'string' ? j.direction : '';
  switch (j.task) {
    case 'count':
      return targets[0] ? { kind: 'object_counting', label: targets[0] } : undefined;
    case 'distance':
      return targets.length >= 2 ? { kind: 'object_abs_distance', a: targets[0], b: targets[1] } : undefined;
    case 'size':
      return targets[0] ? { kind: 'object_size_estimation', label: targets[0] } : undefined;
    case 'room_size':
      return { kind: 'room_size_estimation' };
    case 'closest':
      return targets.length >= 2
        ? { kind: 'object_rel_distance', anchor: targets[0], choices: targets.slice(1) }
        : undefined;
    case 'ego_direction':
      return targets[0] ? { kind: 'ego_direction_of', target: targets[0] } : undefined;
    case 'whats_there':
      return ['left', 'right', 'front', 'back'].includes(dir)
        ? { kind: 'ego_whats_there', direction: dir as EgoDirection }
        : undefined;
    case 'relation':
      if (!(rel in { left: 1, right: 1, front: 1, behind: 1, above: 1, below: 1, near: 1, between: 1 }))
        return undefined;
      if (targets.length < 2 || (rel === 'between' && targets.length < 3)) return undefined;
      return {
        kind: 'pair_relation',
        a: targets[0],
        relation: rel as PairRelation,
        b: targets[1],
        c: targets[2],
      };
    case 'appearance_order':
      return targets.length >= 2 ? { kind: 'obj_appearance_order', labels: targets } : undefined;
    case 'open':
      return { kind: 'open', targets };
    default:
      return undefined;
  }
}

/**
 * Asks the VLM for the question's structure as JSON; when the reply is unusable, or asks for an 'open' task
 * the patterns can do better on, the pattern parser's reading wins.
 */
export async function parseWithGenerator(
  question: string,
  generator: TextGenerator,
  signal?: AbortSignal,
): Promise<ParsedQuestion> {
  assertQuestionLength(question); // before spending the model's time on it
  const reply = await generator.generate(EXTRACTION_PROMPT + question + '\nJSON:', {
    signal,
    maxNewTokens: 96,
  });
  const json = firstJsonObject(reply);
  const task = json ? taskFromJson(json as Extracted) : undefined;
  const byPattern = parseByPattern(question);
  if (!task || (task.kind === 'open' && byPattern.task.kind !== 'open')) return byPattern;
  return { task, via: 'vlm' };
}
