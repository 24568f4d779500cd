import { transfer, wrap, releaseProxy, type Remote } from 'comlink';
import { AbortError } from './errors';
import { installErrorTransfer } from './errorTransfer';
import type { PerceptionFrame } from './PerceptionApi';

/**
 * The page's handles on the workers: a typed `Remote<Api>` plus the worker's lifecycle. One worker per heavy
 * model (one ORT session per JS context), created lazily by whoever first needs it.
 */
export interface WorkerClient<T> {
  readonly api: Remote<T>;
  /** Resolves once the worker answers a ping; rejects with WorkerStartError if its script failed to load. */
  ready(timeoutMs?: number): Promise<void>;
  terminate(): void;
  /** Calls `listener` on an uncaught error in the worker (the supervisor treats it as a crash). */
  onError?(listener: (message: string) => void): void;
}

export class WorkerStartError extends Error {
  override name = 'WorkerStartError';
}

type Pingable = { ping(): Promise<unknown> };

export function wrapWorker<T extends Pingable>(worker: Worker, label: string): WorkerClient<T> {
  installErrorTransfer();
  const api = wrap<T>(worker);
  let startProblem: string | undefined;
  worker.addEventListener('error', (e) => {
    startProblem = e.message || 'the worker script failed to load or threw at top level';
  });
  return {
    api,
    async ready(timeoutMs = 15_000) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new WorkerStartError(
                `The ${label} worker did not answer within ${timeoutMs} ms` +
                  (startProblem
                    ? `: ${startProblem}`
                    : '; reload the page, and check the console for a load error.'),
              ),
            ),
          timeoutMs,
        );
      });
      try {
        await Promise.race([(api as unknown as Pingable).ping(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    terminate() {
      api[releaseProxy]();
      worker.terminate();
    },
    onError(listener) {
      worker.addEventListener('error', (e) => listener(e.message || `the ${label} worker threw`));
    },
  };
}

/** Marks a frame's pixel buffers for transfer: they move to the worker and are detached here. */
export function transferFrame(frame: PerceptionFrame): PerceptionFrame {
  const buffers = new Set<ArrayBuffer>();
  for (const view of [frame.rgb.data, frame.depth?.data, frame.rawDepth?.data]) {
    if (view && view.buffer instanceof ArrayBuffer) buffers.add(view.buffer);
  }
  return transfer(frame, [...buffers]);
}

/**
 * A stop flag shared with a worker (`attachStopFlag`): `Atomics.add(flag, 0, 1)` stops its running request even
 * while it is inside a synchronous wasm loop that never yields to its message queue. Needs cross-origin
 * isolation (SharedArrayBuffer); undefined elsewhere, where the interrupt message is the only way.
 */
export function createStopFlag(): Int32Array | undefined {
  if (typeof SharedArrayBuffer === 'undefined' || !globalThis.crossOriginIsolated) return undefined;
  return new Int32Array(new SharedArrayBuffer(4));
}

let requestCounter = 0;
export const newRequestId = (prefix = 'req'): string =>
  `${prefix}-${Date.now().toString(36)}-${++requestCounter}`;

/**
 * Bridges an AbortSignal to a worker call: AbortSignal cannot be posted, so the call gets a requestId and an
 * abort sends `interrupt(requestId)`. The returned promise rejects with AbortError at once on abort, even if
 * the worker is mid-computation and answers later.
 */
export function callWithSignal<T>(
  signal: AbortSignal | undefined,
  interrupt: (requestId: string) => Promise<unknown>,
  call: (requestId: string) => Promise<T>,
): Promise<T> {
  const requestId = newRequestId();
  if (signal?.aborted) return Promise.reject(new AbortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      void interrupt(requestId).catch(() => undefined);
      reject(new AbortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    call(requestId)
      .then(resolve, reject)
      .finally(() => signal?.removeEventListener('abort', onAbort));
  });
}
