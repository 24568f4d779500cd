import type { BackendPreference } from '../core/backend/decideBackend';
import type { Mosaic } from '../core/mosaic/types';
import { taskTargets } from '../core/questions/types';
import { AbortedError, type TextGenerator } from '../core/reasoning/interfaces';
import { MosaicThinker, type ThinkerBudget } from '../core/reasoning/MosaicThinker';
import { objectsLabelled } from '../core/reasoning/spatialTools';
import { formatTrace, type TraceStep } from '../core/reasoning/trace';
import { detectCapabilities, type CapabilityReport } from '../engines/backend/detectCapabilities';
import { capabilitiesFor, jsContext } from './capabilities';
import { AbortError, InvalidRequestError } from './errors';
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
  /** The VLM. Without it, questions the exact tools cannot answer get the loop's honest fallback. */
  readonly generator?: () => Promise<TextGenerator>;
  readonly budget?: Partial<ThinkerBudget>;
  /** Pause between streamed chunks of a tool answer (UI pacing; tests use it to land an interrupt mid-answer). */
  readonly tokenDelayMs?: number;
}

/**
 * The reasoner (MosaicThinker over a mosaic), runnable in-thread or behind `workers/reasoner.worker.ts`.
 * Latest request wins: a new `ask` aborts the running one, whose promise rejects with AbortError and whose
 * late events are never sent.
 */
export class ReasonerService implements ReasonerApi {
  private readonly requests = new RequestTracker();
  private report?: Promise<CapabilityReport>;
  private generator?: Promise<TextGenerator>;

  constructor(private readonly deps: ReasonerServiceDeps = {}) {}

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
      const generator = this.deps.generator ? await (this.generator ??= this.deps.generator()) : undefined;
      const thinker = new MosaicThinker({
        mosaic: request.mosaic,
        generator,
        budget: { ...this.deps.budget, ...request.budget },
      });
      const trace: ReasonerStep[] = [];
      let streamed = false;
      const result = await thinker.ask(
        { question: request.question, ...(request.options ? { options: [...request.options] } : {}) },
        {
          signal: req.signal,
          onStep: (s) => {
            const step = toStep(s);
            trace.push(step);
            emit({ status: 'step', requestId: req.id, step });
          },
          onToken: (text) => {
            streamed = true;
            emit({ status: 'token', requestId: req.id, text });
          },
        },
      );
      if (!streamed) {
        // A tool answer arrives whole; stream it in words so the UI renders every answer the same way.
        for (const chunk of result.text.match(/\S+\s*/g) ?? []) {
          await abortableDelay(this.deps.tokenDelayMs ?? 0, req.signal);
          emit({ status: 'token', requestId: req.id, text: chunk });
        }
      }
      if (req.signal.aborted) throw new AbortError();
      const last = result.trace.at(-1);
      const answer: ReasonerAnswer = {
        text: result.text,
        value: result.answer,
        answered: last?.step === 'answer' && last.source !== 'fallback',
        objectIds: relatedObjects(request.mosaic, taskTargets(result.parsed.task)),
        trace,
      };
      emit({ status: 'done', requestId: req.id, answer });
      return answer;
    } catch (err) {
      // The loop's own abort error becomes the boundary's one AbortError.
      if (err instanceof AbortedError || req.signal.aborted) throw new AbortError();
      throw err;
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
    this.generator = undefined;
  }
}

function toStep(s: TraceStep): ReasonerStep {
  return { step: s.step, detail: formatTrace([s]), ...('ms' in s ? { ms: s.ms } : {}) };
}

const relatedObjects = (m: Mosaic, labels: string[]): string[] =>
  [...new Set(labels)].flatMap((l) => objectsLabelled(m, l).map((o) => o.id));
