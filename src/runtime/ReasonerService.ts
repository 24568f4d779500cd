import type { BackendPreference } from '../core/backend/decideBackend';
import type { TextGenerator } from '../core/reasoning/interfaces';
import { MosaicThinker, type ThinkerBudget } from '../core/reasoning/MosaicThinker';
import { answerOnly } from '../core/reasoning/answer';
import type { Mosaic } from '../core/mosaic/types';
import { detectCapabilities, type CapabilityReport } from '../engines/backend/detectCapabilities';
import { openSceneLibrary } from '../storage/openSceneLibrary';
import type { SceneStore } from '../storage/SceneStore';
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
  SceneFramePort,
} from './ReasonerApi';
import { StoredScenePerceiver } from './StoredScenePerceiver';
import { RequestTracker, abortableDelay } from './RequestTracker';
import type { EngineStatus } from './PerceptionApi';
import type { ModelProgressCallback } from '../engines/models/progress';
import { DEFAULT_REASONER_CONFIG, type ReasonerConfig, type VlmFactory } from './vlm/vlmConfig';
import { VlmHost, VlmUnavailableError } from './vlm/VlmHost';

export interface ReasonerServiceDeps {
  readonly probe?: () => Promise<CapabilityReport>;
  /** The VLM. Without it, questions the exact tools cannot answer get the loop's honest fallback. */
  readonly generator?: () => Promise<TextGenerator>;
  /** Loads the configured VLM lazily (the worker passes the browser one); ignored when `generator` is given. */
  readonly vlm?: VlmFactory;
  readonly budget?: Partial<ThinkerBudget>;
  /** Pause between streamed chunks of a tool answer (UI pacing; tests use it to land an interrupt mid-answer). */
  readonly tokenDelayMs?: number;
  /** Opens saved scenes for `ask({sceneId})`; the browser default is IndexedDB, tests pass a MemoryKvStore-backed one. */
  readonly openLibrary?: () => Promise<SceneStore>;
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
  private config: ReasonerConfig = DEFAULT_REASONER_CONFIG;
  /** The VLM slot for the current configuration (loaded on first need, shared by every ask). */
  private vlm?: VlmHost;
  private readonly notices: string[] = [];
  private stopFlag?: Int32Array;
  private library?: Promise<SceneStore>;

  constructor(private readonly deps: ReasonerServiceDeps = {}) {}

  async ping(): Promise<{ pong: true; context: string }> {
    return { pong: true, context: jsContext() };
  }

  async capabilities(preference: BackendPreference = 'auto'): Promise<PerceptionCapabilities> {
    this.report ??= (this.deps.probe ?? detectCapabilities)();
    return { ...capabilitiesFor(await this.report, preference), engines: this.engineStatus() };
  }

  async configure(config: Partial<ReasonerConfig>): Promise<void> {
    const next = { ...this.config, ...config };
    if (JSON.stringify(next) === JSON.stringify(this.config)) return;
    this.config = next;
    const old = this.vlm;
    this.vlm = undefined;
    await old?.dispose();
  }

  async attachStopFlag(flag: Int32Array): Promise<void> {
    this.stopFlag = flag;
  }

  async loadVlm(onProgress?: ModelProgressCallback): Promise<EngineStatus> {
    const host = this.vlmHost();
    if (!host)
      throw new InvalidRequestError("loadVlm: this reasoner has no VLM factory (use the app's worker).");
    const why = await host.unavailable();
    if (why) this.notice(`no VLM: ${why}`);
    else await host.load(onProgress).catch(() => undefined); // the failure is a notice
    return this.engineStatus();
  }

  private engineStatus(): EngineStatus {
    const label = this.vlm?.label;
    return { ...(label ? { vlm: label } : {}), notices: [...this.notices] };
  }

  private notice(message: string): void {
    this.notices.push(message);
    if (this.notices.length > 20) this.notices.shift();
  }

  private vlmHost(): VlmHost | undefined {
    if (!this.deps.vlm) return undefined;
    return (this.vlm ??= new VlmHost(this.deps.vlm, this.config, (m) => this.notice(m)));
  }

  async ask(
    request: AskRequest,
    onEvent?: ReasonerEventCallback,
    frames?: SceneFramePort,
  ): Promise<ReasonerAnswer> {
    if (typeof request.question !== 'string' || request.question.trim() === '') {
      throw new InvalidRequestError('ask: the question is empty; type a question about the scene.');
    }
    const byId = typeof request.sceneId === 'string' && request.sceneId !== '';
    if (!byId && (!request.mosaic || !Array.isArray(request.mosaic.objects))) {
      throw new InvalidRequestError('ask: no scene was given; build or load a scene first.');
    }
    const req = this.requests.begin('ask', request.requestId, { supersede: true });
    // The shared stop flag is read at every event: it works while wasm generation blocks the message queue.
    const flag = this.stopFlag;
    const stopAt = flag ? Atomics.load(flag, 0) : 0;
    // Events of a superseded request are swallowed, so a stale answer never reaches the UI.
    const emit = (e: ReasonerEvent) => {
      if (flag && Atomics.load(flag, 0) !== stopAt) this.requests.interrupt(req.id);
      if (!req.signal.aborted) void Promise.resolve(onEvent?.(e)).catch(() => undefined);
    };
    try {
      const trace: ReasonerStep[] = [];
      const mosaic = byId
        ? await this.readScene(request.sceneId!, (step) => {
            trace.push(step);
            emit({ status: 'step', requestId: req.id, step });
          })
        : request.mosaic!;
      if (req.signal.aborted) throw new AbortError();
      // A stored scene whose sequence perception still holds can have more of its frames perceived.
      const perceiver =
        byId && frames
          ? await StoredScenePerceiver.open(frames, await this.openLibrary(), request.sceneId!, mosaic)
          : undefined;
      if (req.signal.aborted) throw new AbortError();
      const generator = this.deps.generator
        ? await (this.generator ??= this.deps.generator())
        : await this.askVlm(
            req,
            (step) => {
              trace.push(step);
              emit({ status: 'step', requestId: req.id, step });
            },
            emit,
          );
      let streamed = false;
      const think = (gen: TextGenerator | undefined) =>
        new MosaicThinker({
          mosaic: perceiver ? () => perceiver.mosaic() : mosaic,
          ...(perceiver ? { perceiver } : {}),
          generator: gen,
          budget: { ...this.deps.budget, ...request.budget },
          ...(request.units ? { units: request.units } : {}),
        }).ask(
          { question: request.question, ...(request.options ? { options: [...request.options] } : {}) },
          {
            signal: req.signal,
            onStep: (s) => {
              const notes = s.step === 'perceive' ? perceiver?.notes : undefined;
              const step = notes?.length && s.step === 'perceive' ? { ...s, notes: [...notes] } : s;
              trace.push(step);
              emit({ status: 'step', requestId: req.id, step });
            },
            onToken: (text) => {
              streamed = true;
              emit({ status: 'token', requestId: req.id, text });
            },
          },
        );
      // A VLM that fails to load mid-ask (said in the trace) leaves the question to the tools and the fallback.
      const result = await think(generator).catch((err: unknown) => {
        if (err instanceof VlmUnavailableError && !req.signal.aborted) return think(undefined);
        throw err;
      });
      if (!streamed) {
        // A tool answer arrives whole; stream it in words so the UI renders every answer the same way.
        for (const chunk of result.answer.match(/\S+\s*/g) ?? []) {
          await abortableDelay(this.deps.tokenDelayMs ?? 0, req.signal);
          emit({ status: 'token', requestId: req.id, text: chunk });
        }
      }
      if (req.signal.aborted) throw new AbortError();
      const last = result.trace.at(-1);
      const answer: ReasonerAnswer = {
        ...answerOnly(result),
        answered: last?.step === 'answer' && last.source !== 'fallback',
        trace,
        ...(perceiver?.changed ? { sceneChanged: true } : {}),
      };
      emit({ status: 'done', requestId: req.id, answer });
      return answer;
    } catch (err) {
      // Whatever stopped the loop, the caller sees one AbortError with the boundary's message.
      if (err instanceof AbortError || req.signal.aborted) throw new AbortError();
      throw err;
    } finally {
      req.end();
    }
  }

  /** A stored scene, read from storage for this question (the page sends its id, not its objects). */
  private async readScene(id: string, onStep: (step: ReasonerStep) => void): Promise<Mosaic> {
    const t0 = performance.now();
    const store = await this.openLibrary();
    const { meta, mosaic } = await store.load(id);
    onStep({
      step: 'scene',
      name: meta.name,
      objects: mosaic.objects.length,
      keyframes: mosaic.trajectory.length,
      ms: performance.now() - t0,
    });
    return mosaic;
  }

  private openLibrary(): Promise<SceneStore> {
    if (!this.library) {
      const p = (this.deps.openLibrary ?? (() => openSceneLibrary()))();
      // A failed open (storage blocked, a newer schema) is not kept: the next question tries again.
      p.catch(() => {
        if (this.library === p) this.library = undefined;
      });
      this.library = p;
    }
    return this.library;
  }

  /**
   * The VLM for one ask when one is there: checked cheaply here, loaded on the first generate (tool answers never
   * load it). Its progress arrives as `model` events, and a `model` step says which VLM ran or why none did.
   */
  private async askVlm(
    req: { id: string; signal: AbortSignal },
    onStep: (step: ReasonerStep) => void,
    emit: (e: ReasonerEvent) => void,
  ): Promise<TextGenerator | undefined> {
    const host = this.vlmHost();
    if (!host) return undefined;
    const why = await host.unavailable();
    if (why) {
      onStep({ step: 'model', detail: `VLM: none (${why}); exact tools and the fallback answer` });
      return undefined;
    }
    return host.generatorFor({
      onProgress: (progress) => emit({ status: 'model', requestId: req.id, progress }),
      onStep: (detail, ms) => onStep({ step: 'model', detail, ms }),
    });
  }

  async interrupt(requestId?: string): Promise<number> {
    return this.requests.interrupt(requestId);
  }

  async dispose(): Promise<void> {
    this.requests.interrupt();
    this.report = undefined;
    this.generator = undefined;
    const old = this.vlm;
    this.vlm = undefined;
    await old?.dispose();
  }
}
