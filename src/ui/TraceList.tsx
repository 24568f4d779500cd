import { stepMs } from '../core/reasoning/trace';
import { describeStep } from './traceText';
import type { TraceEntry } from './uiTypes';

/** The steps of one answer in plain words: what was understood, perceived, measured, and what a model said. */
export function TraceList({ entries }: { readonly entries: readonly TraceEntry[] }) {
  return (
    <ol className="trace-list">
      {entries.map((e, i) => {
        const ms = stepMs(e);
        const { title, detail, lines } = describeStep(e);
        return (
          <li key={i} data-step={e.step}>
            <span className="trace-step">{title}</span>
            {ms !== undefined && <span className="trace-ms">{Math.round(ms)} ms</span>}
            <p className="trace-detail">{detail}</p>
            {lines && lines.length > 0 && <pre className="trace-lines">{lines.join('\n')}</pre>}
          </li>
        );
      })}
    </ol>
  );
}
