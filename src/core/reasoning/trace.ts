import type { ParsedQuestion } from '../questions/types';

/** Every step of a reasoning run, typed, in order: what the UI shows and `ask --trace` prints. */
export type TraceStep =
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
export function formatTrace(trace: Trace): string {
  return trace
    .map((s) => {
      switch (s.step) {
        case 'understand':
          return `[understand] ${s.parsed.questionType ?? s.parsed.task.kind} via ${s.parsed.via}: ${JSON.stringify(s.parsed.task)}`;
        case 'coverage':
          return `[coverage #${s.iteration}] missing: ${s.missing.join(', ') || 'none'}; weak: ${s.weak.join(', ') || 'none'}`;
        case 'perceive':
          return `[perceive #${s.iteration}] frames ${s.frames.join(', ')} (${s.reason}${s.prompts?.length ? `; looking for ${s.prompts.join(', ')}` : ''}); objects ${s.objectsBefore} → ${s.objectsAfter} (${s.ms.toFixed(0)} ms)`;
        case 'tools':
          return `[tools] ${s.status}\n${s.facts.map((f) => '  ' + f).join('\n')}`;
        case 'prompt':
          return `[prompt] ${s.tokens} tokens, ${s.images} image(s)\n${s.text.replace(/^/gm, '  | ')}`;
        case 'generate':
          return `[generate] ${JSON.stringify(s.output)} (${s.ms.toFixed(0)} ms)`;
        case 'answer':
          return `[answer] ${s.prediction} (${s.source})`;
      }
    })
    .join('\n');
}
