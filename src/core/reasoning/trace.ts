import type { ParsedQuestion } from '../questions/types';

/**
 * Every step of a reasoning run, typed, in order: plain data that crosses the worker boundary as it is; the UI and
 * `ask --trace` render it with `formatStep`.
 */
export type TraceStep =
  | {
      /** The stored scene the question is about, read from storage (the reasoner worker). */
      readonly step: 'scene';
      readonly name: string;
      readonly objects: number;
      readonly keyframes: number;
      readonly ms: number;
    }
  /** Which VLM runs, its loading, or why there is none (the reasoner worker). */
  | { readonly step: 'model'; readonly detail: string; readonly ms?: number }
  | {
      readonly step: 'understand';
      readonly question: string;
      readonly parsed: ParsedQuestion;
      readonly ms: number;
    }
  | {
      readonly step: 'coverage';
      readonly iteration: number;
      /** Labels not in the mosaic at all. */
      readonly missing: string[];
      /** Labels present only with low confidence or few observations. */
      readonly weak: string[];
      readonly ms: number;
    }
  | {
      readonly step: 'perceive';
      readonly iteration: number;
      readonly frames: number[];
      readonly reason: 'kernel' | 'gaps' | 'first-sight';
      /** Names given to the open-vocabulary detector (no closed-set class covers them). */
      readonly prompts?: string[];
      readonly objectsBefore: number;
      readonly objectsAfter: number;
      readonly ms: number;
      /** What perception said about these frames (skipped or unreadable ones). */
      readonly notes?: readonly string[];
    }
  | { readonly step: 'tools'; readonly status: string; readonly facts: string[]; readonly ms: number }
  | {
      readonly step: 'prompt';
      readonly text: string;
      readonly tokens: number;
      readonly images: number;
      readonly ms: number;
    }
  | { readonly step: 'generate'; readonly output: string; readonly ms: number }
  | {
      readonly step: 'answer';
      readonly prediction: string | number;
      readonly answer: string;
      readonly source: 'tool' | 'vlm' | 'fallback';
    };

export type Trace = TraceStep[];

/** A readable multi-line rendering (for `ask --trace`). */
export function formatTrace(trace: readonly TraceStep[]): string {
  return trace.map(formatStep).join('\n');
}

/** How long a step took, where it says. */
export function stepMs(s: TraceStep): number | undefined {
  return 'ms' in s ? s.ms : undefined;
}

/** One step as text (a line, or a few for tool facts and prompts). */
export function formatStep(s: TraceStep): string {
  switch (s.step) {
    case 'scene':
      return `[scene] "${s.name}" read from storage: ${s.objects} objects, ${s.keyframes} keyframes`;
    case 'model':
      return `[model] ${s.detail}`;
    case 'understand':
      return `[understand] ${s.parsed.questionType ?? s.parsed.task.kind} via ${s.parsed.via}: ${JSON.stringify(s.parsed.task)}`;
    case 'coverage':
      return `[coverage #${s.iteration}] missing: ${s.missing.join(', ') || 'none'}; weak: ${s.weak.join(', ') || 'none'}`;
    case 'perceive':
      return [
        `[perceive #${s.iteration}] frames ${s.frames.join(', ')} (${s.reason}${s.prompts?.length ? `; looking for ${s.prompts.join(', ')}` : ''}); objects ${s.objectsBefore} → ${s.objectsAfter} (${s.ms.toFixed(0)} ms)`,
        ...(s.notes ?? []),
      ].join('; ');
    case 'tools':
      return `[tools] ${s.status}\n${s.facts.map((f) => '  ' + f).join('\n')}`;
    case 'prompt':
      return `[prompt] ${s.tokens} tokens, ${s.images} image(s)\n${s.text.replace(/^/gm, '  | ')}`;
    case 'generate':
      return `[generate] ${JSON.stringify(s.output)} (${s.ms.toFixed(0)} ms)`;
    case 'answer':
      return `[answer] ${s.prediction} (${s.source})`;
  }
}
