import { useEffect, useState } from 'react';
import type { ModelProgress } from '../engines/models/progress';
import { applyModelProgress, dropModel, modelItemId } from './progressItems';
import type { ProgressItem } from './uiTypes';

/**
 * Model download/load events from the workers (the perception worker's `watchModels`), for the progress bars.
 * A page-wide fan-out: the worker client forwards every event here, the app shell folds them into bars.
 */
type Listener = (e: ModelProgress) => void;
const listeners = new Set<Listener>();

export function emitModelProgress(e: ModelProgress): void {
  for (const l of listeners) l(e);
}

export function onModelProgress(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** How long a ready model's full bars stay, so that a load from the cache (milliseconds) is still seen. */
export const READY_BAR_MS = 1500;

/** A failed file's bar says why for longer; the status lines keep saying what is missing after that. */
export const FAILED_BAR_MS = 10_000;

/** One bar per model file, from `initiate` to a moment after the model is `ready` (or failed). */
export function useModelProgress(): readonly ProgressItem[] {
  const [items, setItems] = useState<readonly ProgressItem[]>([]);
  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const off = onModelProgress((e) => {
      setItems((prev) => applyModelProgress(prev, e));
      const later = (ms: number, f: (prev: readonly ProgressItem[]) => ProgressItem[]) => {
        const t = setTimeout(() => {
          timers.delete(t);
          setItems(f);
        }, ms);
        timers.add(t);
      };
      if (e.status === 'ready') later(READY_BAR_MS, (prev) => dropModel(prev, e.model));
      if (e.status === 'error')
        later(FAILED_BAR_MS, (prev) => prev.filter((it) => it.id !== modelItemId(e.model, e.file)));
    });
    return () => {
      off();
      timers.forEach(clearTimeout);
    };
  }, []);
  return items;
}
