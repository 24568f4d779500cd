/**
 * Progress of a long call, a union tagged by `status` (the transformers.js shape) so that UI code can
 * `switch` on it. Invariants (tested): `progress` never decreases within one call, and a call that
 * succeeds ends with exactly one `done` event at 100.
 */
export type ProgressEvent =
  | { readonly status: 'initiate'; readonly task: string; readonly requestId: string }
  | {
      readonly status: 'progress';
      readonly task: string;
      readonly requestId: string;
      readonly stage: string;
      /** 0–100. */
      readonly progress: number;
    }
  | { readonly status: 'done'; readonly task: string; readonly requestId: string; readonly progress: 100 };

export type ProgressCallback = (event: ProgressEvent) => void;

/**
 * Emits the events of one call and enforces the invariants, so a stage reporting out of order can never
 * make a progress bar go backwards.
 */
export class ProgressReporter {
  private last = 0;
  private finished = false;

  constructor(
    private readonly task: string,
    private readonly requestId: string,
    private readonly onProgress: ProgressCallback | undefined,
  ) {
    this.emit({ status: 'initiate', task, requestId });
  }

  report(stage: string, progress: number): void {
    if (this.finished) return;
    const clamped = Math.min(99.999, Math.max(this.last, progress));
    this.last = clamped;
    this.emit({ status: 'progress', task: this.task, requestId: this.requestId, stage, progress: clamped });
  }

  done(): void {
    if (this.finished) return;
    this.finished = true;
    this.last = 100;
    this.emit({ status: 'done', task: this.task, requestId: this.requestId, progress: 100 });
  }

  private emit(event: ProgressEvent): void {
    // A failing listener (e.g. a released comlink proxy) must not fail the work itself.
    try {
      void Promise.resolve(this.onProgress?.(event)).catch(() => undefined);
    } catch {
      /* ignore */
    }
  }
}
