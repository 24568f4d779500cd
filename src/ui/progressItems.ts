import type { ModelProgress } from '../engines/models/progress';
import type { ProgressItem } from './uiTypes';

/**
 * Folds model-download events into one bar per file: a file's bar appears at `initiate`, moves with `progress`
 * (never backwards), and disappears once the whole model is `ready`. An `error` keeps the bar, saying so.
 */
export function applyModelProgress(items: readonly ProgressItem[], e: ModelProgress): ProgressItem[] {
  if (e.status === 'ready') return items.filter((it) => !it.id.startsWith(`model:${e.model}/`));
  const id = `model:${e.model}/${e.file}`;
  const prev = items.find((it) => it.id === id);
  const pct = e.status === 'done' ? 100 : Math.max(prev?.progress ?? 0, e.progress);
  const next: ProgressItem = {
    id,
    label: `${shortModel(e.model)} · ${e.file}`,
    progress: pct,
    detail:
      e.status === 'error'
        ? `failed: ${e.error.message}`
        : e.total > 0
          ? `${mb(e.loaded)} / ${mb(e.total)} MB`
          : `${mb(e.loaded)} MB`,
  };
  return prev ? items.map((it) => (it.id === id ? next : it)) : [...items, next];
}

/** Frames processed of a sequence or demo build. */
export function framesItem(id: string, label: string, done: number, total: number): ProgressItem {
  return {
    id,
    label,
    progress: total > 0 ? Math.min(100, (done / total) * 100) : undefined,
    detail: `${done} / ${total} frames`,
  };
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const shortModel = (id: string) => id.split('/').pop() ?? id;
