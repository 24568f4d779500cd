import type { ProgressItem } from './uiTypes';

/** Model downloads (one bar per file) and frames processed; an item without a number is indeterminate. */
export function ProgressBars({ items }: { readonly items: readonly ProgressItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="progress-list" aria-label="Progress">
      {items.map((it) => (
        <li
          key={it.id}
          className={it.failed ? 'progress-item failed' : 'progress-item'}
          title={it.failed ? it.detail : undefined}
        >
          <div className="progress-text">
            <span className="progress-label">{it.label}</span>
            <span className="progress-detail">
              {it.detail ?? (it.progress !== undefined ? `${Math.floor(it.progress)}%` : '')}
            </span>
          </div>
          <progress
            max={100}
            value={it.progress}
            aria-label={it.label}
            aria-valuetext={it.progress !== undefined ? `${Math.floor(it.progress)}%` : 'working'}
          />
        </li>
      ))}
    </ul>
  );
}
