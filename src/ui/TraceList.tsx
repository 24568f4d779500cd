import { stepMs } from '../core/reasoning/trace';
import { describeStep } from './traceText';
import type { TraceEntry } from './uiTypes';

/**
 * The steps of one answer in plain words: what was understood, perceived, measured, and what a model said; the exact
 * figures and the prompt under a fold of their own.
 */
export function TraceList({ entries }: { readonly entries: readonly TraceEntry[] }) {
  return (
    <ol className="trace-list">
      {entries.map((e, i) => {
        const ms = stepMs(e);
        const { title, detail, lines, linesLabel } = describeStep(e);
        return (
          <li key={i} data-step={e.step}>
            <span className="trace-step">{title}</span>
            {ms !== undefined && <span className="trace-ms">{Math.round(ms)} ms</span>}
            <p className="trace-detail">{detail}</p>
            {/* The exact figures stay at hand, folded away: the sentence above is what a person reads. */}
            {lines && lines.length > 0 && (
              <details className="trace-more">
                <summary>{linesLabel ?? 'Details'}</summary>
                <pre className="trace-lines">{lines.join('\n')}</pre>
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}
