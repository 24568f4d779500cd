import type { ModelProgress } from '../engines/models/progress';
import type { ProgressItem } from './uiTypes';

/**
 * Folds model-download events into one bar per file: a file's bar appears at `initiate`, moves with `progress`
 * (never backwards), and is full once the whole model is `ready` (the caller removes it a moment later with
 * `dropModel`, so that a fast load is still seen). An `error` keeps the bar, saying so.
 */
export function applyModelProgress(items: readonly ProgressItem[], e: ModelProgress): ProgressItem[] {
  const prefix = modelPrefix(e.model);
  if (e.status === 'ready')
    return items.map((it) =>
      it.id.startsWith(prefix) && !it.failed
        ? { ...it, progress: 100, detail: `${it.detail?.replace(/ · .*$/, '') ?? ''} · ready` }
        : it,
    );
  const id = modelItemId(e.model, e.file);
  const existing = items.find((it) => it.id === id);
  // `initiate` starts the file afresh (a retry after an error, a reload in a new worker).
  const prev = e.status === 'initiate' ? undefined : existing;
  const pct = e.status === 'done' ? 100 : Math.max(prev?.progress ?? 0, e.progress);
  // Bytes never go backwards either (a late `progress` after `done` must not shrink the numbers).
  const loaded = Math.max(prev?.loaded ?? 0, e.loaded);
  const total = Math.max(e.total, loaded);
  const from = 'source' in e && e.source === 'cache' ? ' (cached)' : '';
  const next: ProgressItem = {
    id,
    label: e.file ? `${shortModel(e.model)} · ${e.file}` : shortModel(e.model),
    progress: pct,
    loaded,
    total,
    detail:
      e.status === 'error'
        ? `failed: ${brief(plainError(e.error.message), 160)}`
        : `${bytesText(loaded, total)}${from}`,
    ...(e.status === 'error' ? { failed: true } : {}),
  };
  return existing ? items.map((it) => (it.id === id ? next : it)) : [...items, next];
}

/** Removes a ready model's bars (a failed file's bar stays, saying why). */
export function dropModel(items: readonly ProgressItem[], model: string): ProgressItem[] {
  const prefix = modelPrefix(model);
  return items.filter((it) => !it.id.startsWith(prefix) || it.failed);
}

const modelPrefix = (model: string) => `model:${model}/`;
/** The bar of one model file. */
export const modelItemId = (model: string, file: string) => `${modelPrefix(model)}${file}`;

/** Frames processed of a sequence or demo build. */
export function framesItem(id: string, label: string, done: number, total: number): ProgressItem {
  return {
    id,
    label,
    progress: total > 0 ? Math.min(100, (done / total) * 100) : undefined,
    detail: `${done} / ${total} frames`,
  };
}

/** "2.0 / 4.0 MB"; small files in kB ("1.2 / 3.4 kB") so that they do not read 0.0; no total: "2.0 MB". */
export function bytesText(loaded: number, total: number): string {
  const [div, unit] = Math.max(loaded, total) >= 1e6 ? [1e6, 'MB'] : [1e3, 'kB'];
  const f = (b: number) => (b / div).toFixed(1);
  return total > 0 ? `${f(loaded)} / ${f(total)} ${unit}` : `${f(loaded)} ${unit}`;
}
/** Transformers.js' offline miss ("`local_files_only=true` or … not found locally at \"/models/…\"") in plain words. */
export function plainError(message: string): string {
  const missing = /not found locally at "([^"]+)"/.exec(message);
  return missing ? `not in this app's models folder (${missing[1]}): run \`npm run models\`` : message;
}

/** At most `n` characters, cut at a word, with an ellipsis (the whole text goes in a tooltip). */
export const brief = (text: string, n: number): string =>
  text.length <= n ? text : `${text.slice(0, n).replace(/\s+\S*$/, '')}…`;
const shortModel = (id: string) => id.split('/').pop() ?? id;
