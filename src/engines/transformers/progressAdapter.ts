/**
 * Turns Transformers.js' progress callbacks into the project's ModelProgress union (src/engines/models/progress.ts),
 * enforcing its invariants: per file `initiate` → `progress`* → `done`, `loaded` and `progress` never decreasing,
 * 100 only at `done`, and one `ready` for the model after all files.
 */
import type { ProgressInfo } from '@huggingface/transformers';
import { percent, type ModelProgress, type ModelSource, type ModelProgressCallback } from '../models/progress';

interface FileState {
  loaded: number;
  total: number;
  progress: number;
  done: boolean;
}

export class ProgressAdapter {
  private readonly files = new Map<string, FileState>();

  constructor(
    private readonly model: string,
    private readonly source: ModelSource,
    private readonly emit: ModelProgressCallback | undefined,
  ) {}

  /** Pass as Transformers.js `progress_callback`. */
  readonly callback = (info: ProgressInfo): void => {
    if (!this.emit || !('file' in info)) return;
    const file = info.file;
    let state = this.files.get(file);
    if (!state) {
      state = { loaded: 0, total: 0, progress: 0, done: false };
      this.files.set(file, state);
      this.send({
        status: 'initiate',
        model: this.model,
        file,
        loaded: 0,
        total: 0,
        progress: 0,
        source: this.source,
      });
    }
    if (state.done) return;
    if (info.status === 'progress') {
      state.total = Math.max(state.total, info.total);
      state.loaded = Math.max(state.loaded, info.loaded);
      state.progress = Math.max(state.progress, percent(state.loaded, state.total));
      this.send({
        status: 'progress',
        model: this.model,
        file,
        loaded: state.loaded,
        total: state.total,
        progress: state.progress,
      });
    } else if (info.status === 'done') {
      state.done = true;
      state.loaded = Math.max(state.loaded, state.total);
      this.send({
        status: 'done',
        model: this.model,
        file,
        loaded: state.loaded,
        total: state.total,
        progress: 100,
        source: this.source,
      });
    }
  };

  /** Call once the model is usable. Files still open (e.g. served from memory) are closed first. */
  ready(): void {
    if (!this.emit) return;
    for (const [file, state] of this.files) {
      if (!state.done) this.callback({ status: 'done', name: this.model, file });
    }
    let loaded = 0;
    let total = 0;
    for (const s of this.files.values()) {
      loaded += s.loaded;
      total += s.total;
    }
    this.send({
      status: 'ready',
      model: this.model,
      file: '',
      files: [...this.files.keys()],
      loaded,
      total,
      progress: 100,
    });
  }

  error(err: unknown): void {
    const e = err instanceof Error ? err : new Error(String(err));
    this.send({
      status: 'error',
      model: this.model,
      file: '',
      loaded: 0,
      total: 0,
      progress: 0,
      error: { name: e.name, message: e.message },
    });
  }

  private send(event: ModelProgress): void {
    this.emit?.(event);
  }
}
