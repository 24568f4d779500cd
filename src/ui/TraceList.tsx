import { formatStep, stepMs } from '../core/reasoning/trace';
import type { TraceEntry } from './uiTypes';

/** The steps of one answer: what was understood, what was perceived, what tools computed, what the VLM said. */
export function TraceList({ entries }: { readonly entries: readonly TraceEntry[] }) {
  return (
    <ol className="trace-list">
      {entries.map((e, i) => {
        const ms = stepMs(e);
        return (
          <li key={i}>
            <span className="trace-step">{e.step}</span>
            {ms !== undefined && <span className="trace-ms">{Math.round(ms)} ms</span>}
            <pre className="trace-detail">{formatStep(e)}</pre>
          </li>
        );
      })}
    </ol>
  );
}
