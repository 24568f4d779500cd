import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_FILES_MISSING, hubFilesAvailable } from '../../../scripts/tiny-models/hubFiles';
import type { RgbImage } from '../../core/perception/types';
import type { ModelProgress } from '../models/progress';
import { NODE_CAPABILITIES } from '../transformers/backendChoice';
import { EngineNotLoadedError } from '../transformers/errors';
import { tinyModelSource } from '../../../test/engines/testModels';
import { SmolVlm } from './smolVlm';

const available = hubFilesAvailable();
const skipped = available ? '' : ` (skipped: ${HUB_FILES_MISSING})`;

function image(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37) % 251;
  return { width, height, data };
}

describe.skipIf(!available)(
  `SmolVlm on the SmolVLM2 stand-in: real tokenizer, chat template and processor, tiny weights (Node cpu)${skipped}`,
  () => {
    let vlm: SmolVlm;
    const events: ModelProgress[] = [];

    beforeAll(async () => {
      vlm = new SmolVlm({ source: tinyModelSource(), capabilities: NODE_CAPABILITIES });
      expect(() => vlm.countTokens('x')).toThrow(EngineNotLoadedError);
      await vlm.load((e) => events.push(e));
    });
    afterAll(() => vlm.dispose());

    it('loads on the Node backend from the decision table and reports ordered progress ending in ready', () => {
      expect(vlm.backend).toMatchObject({ device: 'cpu', dtype: 'q8' });
      const last = events.at(-1);
      if (last?.status !== 'ready') throw new Error(`last progress event is ${last?.status}, not ready`);
      expect(last.progress).toBe(100);
      const files = last.files;
      expect(files).toEqual(
        expect.arrayContaining([
          'onnx/decoder_model_merged_quantized.onnx',
          'onnx/vision_encoder_quantized.onnx',
          'tokenizer.json',
        ]),
      );
      for (const f of files) {
        const mine = events.filter((e) => e.file === f).map((e) => e.status);
        expect(mine[0]).toBe('initiate');
        expect(mine.at(-1)).toBe('done');
      }
    });

    it('counts tokens with the real SmolLM2 tokenizer (49,152 BPE tokens, digits split, added special tokens)', () => {
      // "the" and " cat" are whole tokens of the real vocabulary; its pre-tokenizer splits every digit.
      expect(vlm.countTokens('the cat')).toBe(2);
      expect(vlm.countTokens('2026')).toBe(4);
      expect(vlm.countTokens('<image><end_of_utterance><row_6_col_6>')).toBe(3);
      expect(vlm.countTokens('')).toBe(0);
    });

    it('streams tokens through onToken and stops at maxNewTokens', async () => {
      const chunks: string[] = [];
      const r = await vlm.generate({
        prompt: 'How far is the cup?',
        maxNewTokens: 12,
        onToken: (t) => chunks.push(t),
      });
      expect(r.tokens).toBe(12);
      expect(r.finishReason).toBe('length');
      expect(chunks.length).toBeGreaterThan(0);
      expect(chunks.join('')).toBe(r.text);
      // The tiny decoder only emits word pieces of the real vocabulary.
      expect(r.text).toMatch(/^[A-Za-z ]+$/);
    });

    it('sends a 640×480 keyframe as one 512 px tile: 64 image tokens, not the 832 of the processor defaults', async () => {
      const prompt = 'Which is nearer?';
      const textOnly = await vlm.countPrompt({ prompt });
      const one = await vlm.countPrompt({ prompt, images: [image(640, 480)] });
      // image_seq_len 64 (processor_config.json): <fake_token_around_image><global-img> 64 × <image> <fake…>.
      expect(one.imageTokens).toBe(64);
      expect(one.tokens - textOnly.tokens).toBe(64 + 3);
      const r = await vlm.generate({ prompt, images: [image(640, 480)], maxNewTokens: 2 });
      expect([r.promptTokens, r.imageTokens]).toEqual([one.tokens, 64]);
    });

    it('takes several images in order, each expanded by the real processor', async () => {
      const prompt = 'Which is nearer?';
      const r = await vlm.generate({ prompt, images: [image(64, 48), image(20, 30)], maxNewTokens: 3 });
      expect(r.tokens).toBe(3);
      expect(r.imageTokens).toBe(2 * 64);
      // The chat template writes "User:" (no space) when the turn starts with an image.
      const text = vlm.countTokens('<|im_start|>User:Which is nearer?<end_of_utterance>\nAssistant:');
      expect(r.promptTokens).toBe(text + 2 * (64 + 3));
    });

    it('interrupt() stops generation early', async () => {
      let n = 0;
      const r = await vlm.generate({
        prompt: 'Describe the room.',
        maxNewTokens: 60,
        onToken: () => {
          if (++n === 1) vlm.interrupt();
        },
      });
      expect(r.finishReason).toBe('interrupted');
      expect(r.tokens).toBeLessThan(60);
    });

    it('an AbortSignal stops generation early; an already aborted one does not start', async () => {
      const ac = new AbortController();
      const r = await vlm.generate({
        prompt: 'Describe the room.',
        maxNewTokens: 60,
        signal: ac.signal,
        onToken: () => ac.abort(),
      });
      expect(r.finishReason).toBe('aborted');
      expect(r.tokens).toBeLessThan(60);
      const again = await vlm.generate({ prompt: 'x', signal: ac.signal });
      expect(again).toMatchObject({ tokens: 0, text: '', finishReason: 'aborted' });
    });

    it('latest request wins: a new generate() interrupts the running one', async () => {
      const first = vlm.generate({ prompt: 'one', maxNewTokens: 200 });
      const second = vlm.generate({ prompt: 'two', maxNewTokens: 5 });
      const [a, b] = await Promise.all([first, second]);
      expect(a.finishReason).toBe('interrupted');
      expect(a.tokens).toBeLessThan(200);
      expect(b).toMatchObject({ finishReason: 'length', tokens: 5 });
    });

    it('dispose() releases the model and a second load() works and is deterministic', async () => {
      const before = await vlm.generate({ prompt: 'Where is the sofa?', maxNewTokens: 6 });
      await vlm.dispose();
      expect(vlm.backend).toBeNull();
      expect(() => vlm.countTokens('x')).toThrow(EngineNotLoadedError);
      await vlm.load();
      const after = await vlm.generate({ prompt: 'Where is the sofa?', maxNewTokens: 6 });
      expect(after.text).toBe(before.text);
    });
  },
);
