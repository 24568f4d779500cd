import type { BackendPreference } from '../core/backend/decideBackend';
import { detectCapabilities, type CapabilityReport } from '../engines/backend/detectCapabilities';
import { capabilitiesFor, jsContext } from './capabilities';
import { InvalidRequestError, throwIfAborted } from './errors';
import { minimalAnswer } from './minimalAnswer';
import type { PerceptionCapabilities } from './PerceptionApi';
import type {
  AskRequest,
  ReasonerAnswer,
  ReasonerApi,
  ReasonerEvent,
  ReasonerEventCallback,
  ReasonerStep,
} from './ReasonerApi';
import { RequestTracker, abortableDelay } from './RequestTracker';

export interface ReasonerServiceDeps {
  readonly probe?: () => Promise<CapabilityReport>;
  readonly now?: () => number;
  /** Pause between streamed chunks, so the UI streams and an interrupt can land mid-answer. */
  readonly tokenDelayMs?: number;
}

/**
 * The reasoner, runnable in-thread or behind `workers/reasoner.worker.ts`. Latest request wins: a new `ask`
 * aborts the running one, whose promise rejects with AbortError and whose late events are never sent.
 */
export class ReasonerService implements ReasonerApi {
  private readonly requests = new RequestTracker();
  private readonly now: () => number;
  private report?: Promise<CapabilityReport>;

  constructor(private readonly deps: ReasonerServiceDeps = {}) {
    this.now = deps.now ?? (() => performance.now());
  }

  async ping(): Promise<{ pong: true; context: string }> {
    return { pong: true, context: jsContext() };
  }

  async capabilities(preference: BackendPreference = 'auto'): Promise<PerceptionCapabilities> {
    this.report ??= (this.deps.probe ?? detectCapabilities)();
    return capabilitiesFor(await this.report, preference);
  }

  async ask(request: AskRequest, onEvent?: ReasonerEventCallback): Promise<ReasonerAnswer> {
    if (typeof request.question !== 'string' || request.question.trim() === '') {
      throw new InvalidRequestError('ask: the question is empty; type a question about the scene.');
    }
    if (!request.mosaic || !Array.isArray(request.mosaic.objects)) {
      throw new InvalidRequestError('ask: no mosaic was given; build or load a scene first.');
    }
    const req = this.requests.begin('ask', request.requestId, { supersede: true });
    // Events of a superseded request are swallowed, so a stale answer never reaches the UI.
    const emit = (e: ReasonerEvent) => {
      if (!req.signal.aborted) void Promise.resolve(onEvent?.(e)).catch(() => undefined);
    };
    try {
      const t0 = this.now();
      const result = minimalAnswer(request.mosaic, request.question);
      const trace: ReasonerStep[] = [];
      for (const s of result.steps) {
        throwIfAborted(req.signal);
        const step = { ...s, ms: this.now() - t0 };
        trace.push(step);
        emit({ status: 'step', requestId: req.id, step });
      }
      for (const chunk of result.text.match(/\S+\s*/g) ?? []) {
        await abortableDelay(this.deps.tokenDelayMs ?? 0, req.signal);
        emit({ status: 'token', requestId: req.id, text: chunk });
      }
      throwIfAborted(req.signal);
      const answer: ReasonerAnswer = {
        text: result.text,
        ...(result.value !== undefined ? { value: result.value } : {}),
        answered: result.answered,
        objectIds: result.objectIds,
        trace,
      };
      emit({ status: 'done', requestId: req.id, answer });
      return answer;
    } finally {
      req.end();
    }
  }

  async interrupt(requestId?: string): Promise<number> {
    return this.requests.interrupt(requestId);
  }

  async dispose(): Promise<void> {
    this.requests.interrupt();
    this.report = undefined;
  }
}
