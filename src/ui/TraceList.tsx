import type { TraceEntry } from './uiTypes';

/** The steps of one answer: what was understood, what was perceived, what tools computed, what the VLM said. */
export function TraceList({ entries }: { readonly entries: readonly TraceEntry[] }) {
  return (
    <ol className="trace-list">
      {entries.map((e, i) => (
        <li key={i}>
          <span className="trace-step">{e.step}</span>
          {e.ms !== undefined && <span className="trace-ms">{Math.round(e.ms)} ms</span>}
          <pre className="trace-detail">{e.detail}</pre>
        </li>
      ))}
    </ol>
  );
}
