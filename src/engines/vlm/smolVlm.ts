/**
 * SmolVLM2 through Transformers.js: AutoProcessor + AutoModelForVision2Seq (Idefics3 family), the model's chat
 * template, TextStreamer for streaming and InterruptableStoppingCriteria for interrupt / AbortSignal.
 *
 * Image size, chosen here rather than left to the preprocessor config: SmolVLM's processor first scales an image
 * so that its longest edge is `size.longest_edge` (2048 in the real configs, upscaling if need be), then to
 * multiples of `max_image_size` (512) and splits it into 512 px tiles of image_seq_len (64) tokens each, plus a
 * global 512 px view. A 640×480 keyframe thus becomes 2048×1536: 12 tiles + the global image = 832 image tokens,
 * about 7× the whole compact map. Keyframes only back up the map, so by default they are scaled to one tile
 * (`imageLongestEdge` = max_image_size): a single 512×512 image, 64 image tokens.
 */
import type { BackendChoice } from '../../core/backend/decideBackend';
import type { ModelProgressCallback } from '../models/progress';
import { loadWithFallback, type BackendOptions } from '../transformers/backendChoice';
import { EngineNotLoadedError } from '../transformers/errors';
import { TransformersEngine } from '../transformers/transformersEngine';
import { loadTransformersModel } from '../transformers/loadTransformersModel';
import { SMOLVLM2_256M } from '../transformers/modelIds';
import type { ModelSourceOptions } from '../transformers/modelSource';
import { toRawImage } from '../transformers/rawImage';
import type { FinishReason, GenerateRequest, GenerateResult, VisionLanguageModel } from './types';

type Lib = typeof import('@huggingface/transformers');

/** The slices of the processor and model this engine uses (Transformers.js' own types are looser). */
interface Tokenizer {
  chat_template: unknown;
  encode(text: string, opts?: { add_special_tokens?: boolean }): number[];
  (text: string | string[], opts?: Record<string, unknown>): Record<string, unknown>;
  batch_decode(ids: unknown, opts: { skip_special_tokens: boolean }): string[];
}
interface Processor {
  tokenizer: Tokenizer;
  image_processor: { size: Record<string, number>; max_image_size?: { longest_edge: number } };
  apply_chat_template(messages: unknown[], opts: { add_generation_prompt: boolean }): string;
  (text: string, images: unknown[]): Promise<Record<string, unknown>>;
}
interface Seq {
  dims: number[];
  slice(...ranges: unknown[]): Seq;
  data: ArrayLike<bigint>;
}
interface Model {
  generate(args: Record<string, unknown>): Promise<Seq>;
  dispose(): Promise<unknown>;
  generation_config: { eos_token_id?: number | number[] } | null;
  config: { image_token_id?: number };
}

interface Loaded {
  readonly lib: Lib;
  readonly processor: Processor;
  readonly model: Model;
  readonly choice: BackendChoice;
  readonly eosIds: ReadonlySet<bigint>;
  readonly imageTokenId: bigint | null;
}

export interface SmolVlmOptions extends BackendOptions {
  readonly source: ModelSourceOptions;
  readonly modelId?: string;
  /**
   * Longest edge, in pixels, that images are scaled to before tiling. Default: the processor's tile size
   * (max_image_size.longest_edge, 512 for SmolVLM/SmolVLM2), so each image is one tile of image_seq_len tokens.
   * A larger value (up to the config's own size.longest_edge, 2048) keeps more detail at 64 tokens per tile.
   */
  readonly imageLongestEdge?: number;
}

/** Prompt size of a request under the model's chat template, tokenizer and image processor. */
export interface PromptCount {
  /** All prompt tokens: chat template, text, and the image tokens with their wrappers. */
  readonly tokens: number;
  /** Of which `<image>` tokens (image_seq_len per tile or global view). */
  readonly imageTokens: number;
}

export class SmolVlm extends TransformersEngine<Loaded> implements VisionLanguageModel {
  private running: { stop: (reason: FinishReason) => void; done: Promise<unknown> } | null = null;

  constructor(private readonly opts: SmolVlmOptions) {
    super(opts.modelId ?? SMOLVLM2_256M, (l) => l.model.dispose());
  }

  protected doLoad(progress?: ModelProgressCallback): Promise<Loaded> {
    return loadTransformersModel(
      this.modelId,
      this.opts.source,
      'VLM',
      progress,
      async (lib, progress_callback) => {
        const processor = (await lib.AutoProcessor.from_pretrained(this.modelId, {
          progress_callback,
        })) as unknown as Processor;
        if (!processor.tokenizer.chat_template) {
          // Transformers.js 4.3.1 takes the template from tokenizer_config.json only (chat_template.json is not read).
          throw new Error(
            'no chat template in tokenizer_config.json (this library does not read chat_template.json); add its chat_template there',
          );
        }
        const tile = processor.image_processor.max_image_size?.longest_edge;
        const edge = this.opts.imageLongestEdge ?? tile;
        if (edge !== undefined) processor.image_processor.size = { longest_edge: edge };
        const { value: model, choice } = await loadWithFallback(
          'vlm',
          this.modelId,
          this.opts,
          async (c) =>
            (await lib.AutoModelForVision2Seq.from_pretrained(this.modelId, {
              device: c.device,
              dtype: c.dtype,
              progress_callback,
            })) as unknown as Model,
        );
        const eos = model.generation_config?.eos_token_id;
        const eosIds = new Set(
          (Array.isArray(eos) ? eos : eos === undefined ? [] : [eos]).map((id) => BigInt(id)),
        );
        const imageTokenId = model.config.image_token_id;
        return {
          processor,
          model,
          choice,
          eosIds,
          imageTokenId: imageTokenId === undefined ? null : BigInt(imageTokenId),
        };
      },
    );
  }

  countTokens(text: string): number {
    const loaded = this.model.current;
    if (!loaded)
      throw new EngineNotLoadedError(
        `${this.modelId}: countTokens() needs the tokenizer; await load() first`,
      );
    return loaded.processor.tokenizer.encode(text, { add_special_tokens: false }).length;
  }

  /** What `request` costs as a prompt (no generation): the count `generate()` reports as promptTokens. */
  async countPrompt(request: Pick<GenerateRequest, 'prompt' | 'system' | 'images'>): Promise<PromptCount> {
    const l = await this.model.load(undefined);
    const ids = (await this.prepareInputs(l, request)).input_ids as Seq;
    return { tokens: ids.dims[1], imageTokens: this.imageTokens(l, ids) };
  }

  private imageTokens(l: Loaded, ids: Seq): number {
    let n = 0;
    for (const id of Array.from(ids.data)) if (id === l.imageTokenId) n++;
    return n;
  }

  interrupt(): void {
    this.running?.stop('interrupted');
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const t0 = performance.now();
    // Latest request wins: stop the one in flight and let it settle before starting.
    if (this.running) {
      this.running.stop('interrupted');
      await this.running.done.catch(() => undefined);
    }
    let finish: FinishReason | null = null;
    let criteria: { interrupt(): void } | null = null;
    const stop = (reason: FinishReason): void => {
      finish ??= reason;
      criteria?.interrupt();
    };
    const onAbort = (): void => stop('aborted');
    if (request.signal?.aborted)
      return {
        text: '',
        tokens: 0,
        promptTokens: 0,
        imageTokens: 0,
        ms: performance.now() - t0,
        finishReason: 'aborted',
      };
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const run = (async (): Promise<GenerateResult> => {
      const l = await this.model.load(undefined);
      const stopping = new l.lib.InterruptableStoppingCriteria();
      criteria = stopping;
      if (finish) stopping.interrupt();
      const inputs = await this.prepareInputs(l, request);
      const promptIds = inputs.input_ids as Seq;
      const promptTokens = promptIds.dims[1];
      const imageTokens = this.imageTokens(l, promptIds);
      const streamer = new l.lib.TextStreamer(l.processor.tokenizer as never, {
        skip_prompt: true,
        skip_special_tokens: true,
        callback_function: (text: string) => {
          if (text) request.onToken?.(text);
        },
      });
      const maxNewTokens = request.maxNewTokens ?? 256;
      const sequences = await l.model.generate({
        ...inputs,
        max_new_tokens: maxNewTokens,
        do_sample: false,
        streamer,
        stopping_criteria: [stopping],
      });
      const generated = sequences.slice(null, [promptTokens, null]);
      const tokens = generated.dims[1];
      const text = l.processor.tokenizer.batch_decode(generated, { skip_special_tokens: true })[0];
      const last = tokens > 0 ? generated.data[generated.data.length - 1] : null;
      const finishReason: FinishReason = finish ?? (last !== null && l.eosIds.has(last) ? 'eos' : 'length');
      return { text, tokens, promptTokens, imageTokens, ms: performance.now() - t0, finishReason };
    })();
    const entry = { stop, done: run };
    this.running = entry;
    try {
      return await run;
    } finally {
      request.signal?.removeEventListener('abort', onAbort);
      if (this.running === entry) this.running = null;
    }
  }

  private async prepareInputs(
    l: Loaded,
    request: Pick<GenerateRequest, 'prompt' | 'system' | 'images'>,
  ): Promise<Record<string, unknown>> {
    const images = request.images ?? [];
    const content = [...images.map(() => ({ type: 'image' })), { type: 'text', text: request.prompt }];
    const messages = [
      ...(request.system ? [{ role: 'system', content: [{ type: 'text', text: request.system }] }] : []),
      { role: 'user', content },
    ];
    const text = l.processor.apply_chat_template(messages, { add_generation_prompt: true });
    if (images.length === 0) {
      // Idefics3Processor in Transformers.js 4.3.1 dereferences image inputs unconditionally; text-only
      // prompts go straight to the tokenizer (the processor would tokenize them the same way).
      return l.processor.tokenizer(text);
    }
    const raws = images.map((im, i) =>
      toRawImage(l.lib.RawImage, im, `${this.modelId} generate() image ${i}`),
    );
    return l.processor(text, raws);
  }

  override async dispose(): Promise<void> {
    this.running?.stop('interrupted');
    await this.running?.done.catch(() => undefined);
    await super.dispose();
  }
}
