/**
 * The reasoner as the e2e build's worker serves it: the real ReasonerService, wrapped from outside with one
 * fault hook — the next question kills the worker midway, after its trace steps and before its answer.
 */
import type { BackendPreference } from '../../src/core/backend/decideBackend';
import type { ModelProgressCallback } from '../../src/engines/models/progress';
import type {
  AskRequest,
  ReasonerAnswer,
  ReasonerApi,
  ReasonerConfig,
  ReasonerEventCallback,
  SceneFramePort,
} from '../../src/runtime/ReasonerApi';
import { SelfTestError } from './harnessErrors';

export interface ReasonerUnderTestApi extends ReasonerApi {
  /** The next `ask` kills this worker after its trace steps, before its answer. */
  selfTest(request: { readonly kind: 'crash-next-ask' }): Promise<{ readonly kind: 'crash-next-ask' }>;
}

export class ReasonerUnderTest implements ReasonerUnderTestApi {
  private crashNextAsk = false;

  /** `crash`: how this context dies (the worker passes `self.close()`); without it the ask throws instead. */
  constructor(
    private readonly inner: ReasonerApi,
    private readonly crash?: () => void,
  ) {}

  ping() {
    return this.inner.ping();
  }
  capabilities(preference?: BackendPreference) {
    return this.inner.capabilities(preference);
  }
  configure(config: Partial<ReasonerConfig>) {
    return this.inner.configure(config);
  }
  loadVlm(onProgress?: ModelProgressCallback) {
    return this.inner.loadVlm(onProgress);
  }
  attachStopFlag(flag: Int32Array) {
    return this.inner.attachStopFlag(flag);
  }
  interrupt(requestId?: string) {
    return this.inner.interrupt(requestId);
  }
  dispose() {
    return this.inner.dispose();
  }

  async selfTest(request: { readonly kind: 'crash-next-ask' }): Promise<{ kind: 'crash-next-ask' }> {
    if (request?.kind !== 'crash-next-ask')
      throw new SelfTestError(`selfTest: unknown kind ${JSON.stringify(request)}; use crash-next-ask.`);
    this.crashNextAsk = true;
    return { kind: 'crash-next-ask' };
  }

  async ask(
    request: AskRequest,
    onEvent?: ReasonerEventCallback,
    frames?: SceneFramePort,
  ): Promise<ReasonerAnswer> {
    if (!this.crashNextAsk) return this.inner.ask(request, onEvent, frames);
    this.crashNextAsk = false;
    let dead = false;
    let fail: (err: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    const answer = this.inner.ask(
      request,
      (e) => {
        if (dead) return;
        // Trace steps (and model progress) pass; the first piece of the answer is where the worker dies.
        if (e.status === 'step' || e.status === 'model') return onEvent?.(e);
        dead = true;
        if (!this.crash) return fail(new SelfTestError('ask: crashed on purpose (selfTest crash-next-ask)'));
        this.crash();
      },
      frames,
    );
    const result = await Promise.race([answer, failed]);
    // A dead context answers nothing (a closed worker may still flush this task's messages): hang here.
    if (dead) return new Promise<never>(() => undefined);
    return result;
  }
}
