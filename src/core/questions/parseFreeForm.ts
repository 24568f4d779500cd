import type { TextGenerator } from '../reasoning/interfaces';
import { normalizeName } from './labels';
import { assertQuestionLength } from './parseQuestion';
import { discourseOf } from './discourse';
import { readQuestion, type Reading } from './readQuestion';
import type { EgoDirection, PairRelation, ParsedQuestion, Task } from './types';
import { intentOf } from './intents';
import { parseRouteRequest } from './routeRequest';

/**
 * Free-form questions ("how far is the cup from the laptop?"): a rule-based reader that always answers (it
 * finds the objects with the vocabulary and compromise, then the intent from a table of cue phrases), and a
 * VLM-based structured extraction (JSON) used when a TextGenerator is given, falling back to the rules when
 * the model's JSON is unusable.
 */
const n = normalizeName;

/**
 * The rule-based parser: unknown shapes become an 'open' task that carries what was read. Throws
 * (QuestionParseError) only for a question longer than MAX_QUESTION_CHARS.
 */
export function parseByPattern(question: string): ParsedQuestion {
  assertQuestionLength(question);
  const d = discourseOf(question);
  let r: Reading = readQuestion(d.question);
  // "I'm at the sofa facing the tv, how do I get to the fridge?": a route from a standpoint (the intents read it).
  let intent = intentOf(r);
  if (d.hasContext) {
    // The asking sentence alone when it says enough; with its context when it does not ("Can you count the cups?
    // How many are there?"), or when the context says where I stand and what I face.
    const whole = readQuestion(d.whole);
    const withContext = intentOf(whole);
    const needsContext =
      (intent.kind === 'open' && withContext.kind !== 'open') ||
      (FROM_A_STANDPOINT.has(withContext.kind) &&
        (RELATIVE_TO_ME.has(intent.kind) ||
          intent.kind === 'locate' ||
          /\b(?:left|right)\b/.test(d.question)));
    if (d.here && intent.kind === 'ego_distance')
      // "I'm at the fridge. How far away is the sink?": from where the context puts me.
      intent = { kind: 'object_abs_distance', a: d.here, b: intent.target };
    else if (d.here && intent.kind === 'ego_nearest')
      intent = { kind: 'nearest', anchor: d.here, order: intent.order };
    else if (needsContext) {
      r = whole;
      intent = withContext;
    } else if (!r.unit && whole.unit) r = { ...r, unit: whole.unit };
  }
  // "How do I get from the sofa to the fridge?": a request for a route in words, not a distance or a standpoint.
  const route = intent.kind === 'route_directions' ? undefined : parseRouteRequest(d.question);
  const task: Task = route ? { kind: 'route_directions', from: n(route.from), to: n(route.to) } : intent;
  return { task, via: 'pattern', ...(r.unit ? { unit: r.unit } : {}), read: describeReading(r) };
}

/** Intents that carry a standpoint of their own, and those that ask relative to where I am. */
const FROM_A_STANDPOINT: ReadonlySet<Task['kind']> = new Set(['standpoint', 'route_directions']);
const RELATIVE_TO_ME: ReadonlySet<Task['kind']> = new Set([
  'open',
  'ego_direction_of',
  'ego_whats_there',
  'ego_nearest',
  'ego_distance',
]);

/** "how tall is the fridge in feet" + objects → what the parser read, for an honest refusal. */
function describeReading(r: Reading): string {
  const objs = r.mentions.map((m) => m.name);
  return `"${r.text}"${objs.length ? `, objects: ${objs.join(', ')}` : ', no object names'}`;
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
 * The rules' reading when they understood the question (they know units, dimensions and standpoints the VLM's
 * JSON cannot carry); otherwise the VLM is asked for the question's structure as JSON, and its reading is used
 * when usable.
 */
export async function parseWithGenerator(
  question: string,
  generator: TextGenerator,
  signal?: AbortSignal,
): Promise<ParsedQuestion> {
  const byPattern = parseByPattern(question); // throws for an over-long question, before the model runs
  if (byPattern.task.kind !== 'open') return byPattern;
  const reply = await generator.generate(EXTRACTION_PROMPT + question + '\nJSON:', {
    signal,
    maxNewTokens: 96,
  });
  const json = firstJsonObject(reply);
  const task = json ? taskFromJson(json as Extracted) : undefined;
  if (!task || task.kind === 'open') return byPattern;
  return { task, via: 'vlm', read: byPattern.read };
}
