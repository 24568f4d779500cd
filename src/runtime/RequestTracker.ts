import { AbortError } from './errors';

/**
 * Cancellation across the worker boundary. An AbortSignal cannot be posted to a worker, so every long call
 * carries a `requestId` and the service exposes `interrupt(requestId)`. In a `supersede` lane the latest
 * request wins: starting one aborts the ones still running in that lane.
 */
export interface ActiveRequest {
  readonly id: string;
  readonly signal: AbortSignal;
  /** Call in `finally`: forgets the request (a later interrupt of this id is a no-op). */
  end(): void;
}

export class RequestTracker {
  private readonly active = new Map<string, { lane: string; controller: AbortController }>();
  private counter = 0;

  begin(lane: string, requestId?: string, opts: { supersede?: boolean } = {}): ActiveRequest {
    if (opts.supersede) {
      for (const [id, entry] of this.active) {
        if (entry.lane === lane)
          this.abort(id, new AbortError(`${lane} ${id} was superseded by a newer request.`));
      }
    }
    const id = requestId ?? `${lane}-${++this.counter}`;
    const controller = new AbortController();
    this.active.set(id, { lane, controller });
    return {
      id,
      signal: controller.signal,
      end: () => {
        if (this.active.get(id)?.controller === controller) this.active.delete(id);
      },
    };
  }

  /** Aborts one request, or every running one when `requestId` is omitted. Returns how many were aborted. */
  interrupt(requestId?: string): number {
    const ids = requestId === undefined ? [...this.active.keys()] : [requestId];
    let n = 0;
    for (const id of ids) if (this.abort(id, new AbortError(`Request ${id} was interrupted.`))) n++;
    return n;
  }

  /** Whether a request of this lane is running. */
  has(lane: string): boolean {
    for (const entry of this.active.values()) if (entry.lane === lane) return true;
    return false;
  }

  get size(): number {
    return this.active.size;
  }

  private abort(id: string, reason: AbortError): boolean {
    const entry = this.active.get(id);
    if (!entry) return false;
    this.active.delete(id);
    entry.controller.abort(reason);
    return true;
  }
}

/** Resolves after `ms`, or rejects with AbortError as soon as the signal fires. */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason instanceof AbortError ? signal.reason : new AbortError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason instanceof AbortError ? signal.reason : new AbortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
