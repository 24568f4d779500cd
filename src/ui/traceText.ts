import { taskTargets } from '../core/questions/types';
import type { TraceStep } from '../core/reasoning/trace';
import { countOf } from './words';

/**
 * One reasoning step in plain words for the app's trace: a title said once, then what happened. `formatStep`
 * (core) stays the compact `[kind]` line for `ask --trace` and the element; a person reading the app gets this.
 */
export interface StepText {
  readonly title: string;
  /** What happened, one sentence or two. */
  readonly detail: string;
  /** Computed facts, the prompt or the raw report, exactly as they are (monospace), one per line: folded away. */
  readonly lines?: readonly string[];
  /** The fold's label for `lines`. */
  readonly linesLabel?: string;
}

const PERCEIVE_WHY: Record<Extract<TraceStep, { step: 'perceive' }>['reason'], string> = {
  kernel: 'near where the objects were seen',
  gaps: 'from stretches of the recording not looked at yet',
  'first-sight': 'to find objects the map did not have',
};

const UNDERSTOOD_VIA: Record<'template' | 'pattern' | 'vlm', string> = {
  template: 'matched a known question form',
  pattern: 'recognised from its wording',
  vlm: 'read by the vision-language model',
};

const TOOLS_STATUS: Record<string, string> = {
  answered: 'Computed the answer from the 3D map.',
  open: 'The 3D map gave facts; the answer needs judgement.',
  missing: 'The 3D map lacks what the question is about.',
};

const SOURCE: Record<Extract<TraceStep, { step: 'answer' }>['source'], string> = {
  tool: 'Computed from the 3D map',
  vlm: 'Given by the vision-language model',
  fallback: 'A best guess: neither the map nor a model could settle it',
};

const plural = countOf;
/** Later rounds of the perceive loop say which round; the first needs no number. */
const round = (i: number) => (i > 1 ? ` (round ${i})` : '');
const capitalize = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const list = (xs: readonly string[]) => xs.join(', ');
const andList = (xs: readonly string[]) =>
  xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/** "object_abs_distance" → "object absolute distance": task and question-type names as words. */
export function kindWords(kind: string): string {
  const words: Record<string, string> = {
    abs: 'absolute',
    rel: 'relative',
    obj: 'object',
    appear: 'appearance',
    ego: 'your',
  };
  return kind
    .split('_')
    .map((w) => words[w] ?? w)
    .join(' ');
}

const MAP_ANSWERS = "so the answer comes from the map's exact measurements";

/**
 * The reasoner's `model` report ("VLM: none (why); …", "VLM: <model> (<device> <dtype>)") as a sentence: whether a
 * language model helped, and when none could, why and what to do. A report of another shape is shown as it is.
 */
export function modelWords(detail: string): string {
  const none = /^VLM: none \(([\s\S]*)\); ([\s\S]*)$/.exec(detail);
  if (none) {
    const [, why, then] = none;
    const again = /again/.test(then);
    if (/is not there/.test(why))
      return (
        `No language model is installed, ${MAP_ANSWERS}. To add one, turn on ` +
        '"Allow downloads from the Hugging Face Hub" in Settings (or install the models with npm run models).'
      );
    if (/failed to load/i.test(why))
      return again
        ? `The language model could not be loaded, so the question was answered again from the map's exact measurements.`
        : `The language model could not be loaded, ${MAP_ANSWERS}.`;
    return `No language model is available, ${MAP_ANSWERS}.`;
  }
  const used = /^VLM: (\S+?)(?: \((\w+)[^)]*\))?$/.exec(detail);
  if (used) {
    const where =
      used[2] === 'webgpu' ? ' on the graphics card' : used[2] === 'wasm' ? ' on the processor' : '';
    return `The language model ${used[1]} ran${where}.`;
  }
  return detail;
}

/** An object as a fact names it ("couch o4", "chair obj-7"): the name, without its id. */
const thing = (t: string) => `the ${t.trim().replace(/\s+\S*\d\S*$/, '')}`;

/** One computed fact ("height(refrigerator o11) = 1.83 m") as words, when its shape is known. */
function factWords(f: string): string | undefined {
  const m = /^(\w+)\(([^)]*)\) = (.+)$/.exec(f.trim());
  const room = /^room_area = ([^(]+?)\s*(\(.*\))?$/.exec(f.trim());
  if (room) return `The room covers about ${room[1]}.`;
  if (!m) return undefined;
  const [, fn, args, value] = m;
  const [a, b] = args.split(', ');
  const measure: Record<string, string> = {
    height: 'tall',
    length: 'long',
    width: 'wide',
    longest: 'at its longest',
    longest_dimension: 'at its longest',
  };
  if (fn === 'count') return Number(value) === 0 ? `No ${a} in the map.` : undefined;
  if (fn === 'distance' && b !== undefined)
    return a === 'you'
      ? `${capitalize(thing(b))} is ${value} from you.`
      : `${capitalize(thing(a))} and ${thing(b)} are ${value} apart.`;
  if (measure[fn]) return `${capitalize(thing(a))} is ${value} ${measure[fn]}.`;
  if (fn === 'where') return `${capitalize(thing(a))} is ${value}.`;
  if (fn === 'first_seen') return `${capitalize(thing(a))} is first seen at ${value}.`;
  const angle = /^(.+?) \| at (.+?) facing (.+)$/.exec(args);
  const deg = /^(-?\d+(?:\.\d+)?)°/.exec(value);
  if (fn === 'angle' && angle && deg) {
    const d = Number(deg[1]);
    const side = d > 0 ? 'to the left' : d < 0 ? 'to the right' : 'straight ahead';
    return `Standing at ${thing(angle[2])} facing ${thing(angle[3])}, ${thing(angle[1])} is ${Math.abs(d)}° ${side}.`;
  }
  return undefined;
}

/** The facts said in words (the first few that have a known shape), with how many more the details hold. */
export function factsWords(facts: readonly string[], max = 3): string {
  // Counts read as one sentence ("Counted 8 chairs, 4 cups and 2 books."), each other fact as its own.
  const counts = facts
    .map((f) => /^count\((.+)\) = ([1-9]\d*)$/.exec(f.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => countOf(Number(m[2]), m[1]));
  const named = counts.slice(0, max + 1);
  const said = [
    ...(named.length ? [`Counted ${andList(named)}.`] : []),
    ...facts.map(factWords).filter((w): w is string => w !== undefined),
  ].slice(0, max);
  if (said.length === 0) return '';
  // Facts not said: every one but the counts named and the other sentences shown.
  const more = facts.length - named.length - (said.length - (named.length ? 1 : 0));
  return said.join(' ') + (more > 0 ? ` (${plural(more, 'more figure')} below.)` : '');
}

export function describeStep(s: TraceStep): StepText {
  switch (s.step) {
    case 'scene':
      return {
        title: 'Opened the scene',
        detail: `"${s.name}" read from storage: ${plural(s.objects, 'object')}, ${plural(s.keyframes, 'keyframe')}.`,
      };
    case 'model':
      return {
        title: 'Language model',
        detail: modelWords(s.detail),
        lines: [s.detail],
        linesLabel: 'Details',
      };
    case 'understand': {
      const about = taskTargets(s.parsed.task);
      return {
        title: 'Understood the question',
        detail:
          `${capitalize(kindWords(s.parsed.questionType ?? s.parsed.task.kind))} question` +
          (about.length ? ` about ${list(about)}` : '') +
          (s.parsed.unit ? `, answered in ${s.parsed.unit}` : '') +
          ` (${UNDERSTOOD_VIA[s.parsed.via]}).`,
      };
    }
    case 'coverage':
      return {
        title: `Checked what the map holds${round(s.iteration)}`,
        detail:
          s.missing.length === 0 && s.weak.length === 0
            ? 'Everything the question is about is in the map.'
            : [
                s.missing.length ? `Not in the map: ${list(s.missing)}.` : '',
                s.weak.length ? `Seen only faintly or rarely: ${list(s.weak)}.` : '',
              ]
                .filter(Boolean)
                .join(' '),
      };
    case 'perceive':
      return {
        title: `Looked at more frames${round(s.iteration)}`,
        detail:
          `${s.frames.length === 1 ? 'Frame' : 'Frames'} ${list(s.frames.map(String))}, ${PERCEIVE_WHY[s.reason]}` +
          (s.prompts?.length ? `, looking for ${list(s.prompts)}` : '') +
          `: ${plural(s.objectsBefore, 'object')} before, ${s.objectsAfter} after.` +
          (s.notes?.length ? ` ${s.notes.join(' ')}` : ''),
      };
    case 'tools':
      return {
        title: 'Measured',
        detail: [TOOLS_STATUS[s.status] ?? s.status, factsWords(s.facts)].filter(Boolean).join(' '),
        ...(s.facts.length ? { lines: s.facts, linesLabel: 'Exact figures' } : {}),
      };
    case 'prompt':
      return {
        title: 'Asked the language model',
        detail: `A prompt of ${plural(s.tokens, 'token')} with ${plural(s.images, 'image')}:`,
        lines: s.text.split('\n'),
        linesLabel: 'The prompt',
      };
    case 'generate':
      return { title: 'The model replied', detail: s.output.trim() ? `"${s.output.trim()}"` : '(nothing)' };
    case 'answer':
      return { title: 'Answer', detail: `${SOURCE[s.source]}.` };
  }
}
