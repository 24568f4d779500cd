/**
 * The reasoner's VLM slot: one load per configuration, shared by every question, started only when a question
 * needs the model (tool answers never pay for it). Each ask gets its own TextGenerator view of the model (the
 * reasoning core's port: prompt in, text out) so that load progress and the "model" trace step reach that ask. A failed load is remembered and said once; the ask that
 * met it gets VlmUnavailableError and the reasoner answers again without the VLM.
 */
import { estimateTokens, type GenerateOptions, type TextGenerator } from '../../core/reasoning/interfaces';
import type { ModelProgressCallback } from '../../engines/models/progress';
import { AbortError } from '../errors';
import type { VisionLanguageModel } from '../../engines/vlm/types';
import type { ReasonerConfig, VlmFactory } from './vlmConfig';

/** The VLM could not be loaded during an ask; the reasoner answers again without it. */
export class VlmUnavailableError extends Error {
  override name = 'VlmUnavailableError';
}

export interface AskHooks {
  readonly onProgress?: ModelProgressCallback;
  /** The trace line about the model: which one runs, or why none does. */
  readonly onStep?: (detail: string, ms: number) => void;
}

export class VlmHost {
  private availability?: Promise<string | null>;
  private loading?: Promise<VisionLanguageModel>;
  private loaded?: VisionLanguageModel;
  private failure?: string;
  private readonly listeners = new Set<ModelProgressCallback>();

  constructor(
    private readonly factory: VlmFactory,
    readonly config: ReasonerConfig,
    private readonly onNotice: (message: string) => void,
  ) {}

  /** null when the VLM can be used; otherwise why not. */
  async unavailable(): Promise<string | null> {
    if (this.config.vlm === 'off') return 'turned off in settings';
    if (this.failure) return this.failure;
    return (this.availability ??= this.factory.available(this.config).catch((e: Error) => e.message));
  }

  /** For people: "SmolVLM2-256M-Video-Instruct (wasm q4)"; undefined until loaded. */
  get label(): string | undefined {
    if (!this.loaded) return undefined;
    const b = this.loaded.backend;
    return `${this.loaded.modelId.split('/').pop()} (${b ? `${b.device} ${b.dtype}` : '?'})`;
  }

  /** Loads (once) and resolves with the model; progress goes to every caller waiting on this load. */
  async load(onProgress?: ModelProgressCallback): Promise<VisionLanguageModel> {
    if (this.loaded) return this.loaded;
    if (onProgress) this.listeners.add(onProgress);
    this.loading ??= this.factory
      .load(this.config, (e) => this.listeners.forEach((l) => l(e)), this.onNotice)
      .then((l) => (this.loaded = l));
    try {
      return await this.loading;
    } catch (err) {
      const e = err as Error;
      if (!this.failure) {
        this.failure = `VLM failed to load (${e?.name}: ${e?.message})`;
        this.onNotice(`${this.failure}; answering with tools only`);
      }
      throw err;
    } finally {
      if (onProgress) this.listeners.delete(onProgress);
    }
  }

  /** A TextGenerator for one ask: loads on its first generate, reporting to this ask's hooks. */
  generatorFor(hooks: AskHooks): TextGenerator {
    let told = false;
    return {
      generate: async (prompt: string, opts: GenerateOptions): Promise<string> => {
        const t0 = performance.now();
        let model: VisionLanguageModel;
        try {
          model = await raceAbort(this.load(hooks.onProgress), opts.signal);
        } catch (err) {
          if (opts.signal?.aborted) throw err;
          const why = this.failure ?? String(err);
          hooks.onStep?.(`VLM: none (${why}); answering again without it`, performance.now() - t0);
          throw new VlmUnavailableError(why);
        }
        if (!told) hooks.onStep?.(`VLM: ${this.label}`, performance.now() - t0);
        told = true;
        const maxNewTokens = opts.maxNewTokens ?? this.config.maxNewTokens ?? 128;
        const result = await model.generate({
          prompt,
          maxNewTokens,
          ...(opts.images?.length ? { images: opts.images } : {}),
          ...(opts.onToken ? { onToken: opts.onToken } : {}),
          ...(opts.signal ? { signal: opts.signal } : {}),
        });
        return result.text;
      },
      countTokens: (text: string) => this.loaded?.countTokens(text) ?? estimateTokens(text),
    };
  }

  async dispose(): Promise<void> {
    const loading = this.loading;
    this.loading = undefined;
    this.loaded = undefined;
    const model = await loading?.catch(() => undefined);
    await model?.dispose();
  }
}

/** Stops waiting when the signal fires (the load itself runs on and is kept for the next ask). */
function raceAbort<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortError());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
