import { taskTargets } from '../core/questions/types';
import type { TraceStep } from '../core/reasoning/trace';

/**
 * One reasoning step in plain words for the app's trace: a title said once, then what happened. `formatStep`
 * (core) stays the compact `[kind]` line for `ask --trace` and the element; a person reading the app gets this.
 */
export interface StepText {
  readonly title: string;
  /** What happened, one sentence or two. */
  readonly detail: string;
  /** Computed facts or the prompt, shown as they are (monospace), one per line. */
  readonly lines?: readonly string[];
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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Later rounds of the perceive loop say which round; the first needs no number. */
const round = (i: number) => (i > 1 ? ` (round ${i})` : '');
const capitalize = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const list = (xs: readonly string[]) => xs.join(', ');

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

export function describeStep(s: TraceStep): StepText {
  switch (s.step) {
    case 'scene':
      return {
        title: 'Opened the scene',
        detail: `"${s.name}" read from storage: ${plural(s.objects, 'object')}, ${plural(s.keyframes, 'keyframe')}.`,
      };
    case 'model':
      return { title: 'Language model', detail: s.detail };
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
      return { title: 'Measured', detail: TOOLS_STATUS[s.status] ?? s.status, lines: s.facts };
    case 'prompt':
      return {
        title: 'Asked the language model',
        detail: `A prompt of ${plural(s.tokens, 'token')} with ${plural(s.images, 'image')}:`,
        lines: s.text.split('\n'),
      };
    case 'generate':
      return { title: 'The model replied', detail: s.output.trim() ? `"${s.output.trim()}"` : '(nothing)' };
    case 'answer':
      return { title: 'Answer', detail: `${SOURCE[s.source]}.` };
  }
}
