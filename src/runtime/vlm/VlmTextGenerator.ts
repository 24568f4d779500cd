/**
 * The VLM as MosaicThinker's TextGenerator: the reasoning core only asks for text (streamed, abortable) and a
 * token count; the engine's chat template, images and stopping criteria stay behind this adapter.
 */
import type { GenerateOptions, TextGenerator } from '../../core/reasoning/interfaces';
import type { VisionLanguageModel } from '../../engines/vlm/types';

export class VlmTextGenerator implements TextGenerator {
  constructor(
    private readonly vlm: Pick<VisionLanguageModel, 'generate' | 'countTokens'>,
    private readonly defaults: { readonly maxNewTokens?: number } = {},
  ) {}

  async generate(prompt: string, opts: GenerateOptions): Promise<string> {
    const maxNewTokens = opts.maxNewTokens ?? this.defaults.maxNewTokens;
    const result = await this.vlm.generate({
      prompt,
      ...(opts.images?.length ? { images: opts.images } : {}),
      ...(opts.onToken ? { onToken: opts.onToken } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(maxNewTokens !== undefined ? { maxNewTokens } : {}),
    });
    return result.text;
  }

  countTokens(text: string): number {
    return this.vlm.countTokens(text);
  }
}
