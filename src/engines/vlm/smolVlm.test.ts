import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RgbImage } from '../../core/perception/types';
import type { ModelProgress } from '../models/progress';
import { NODE_CAPABILITIES } from '../transformers/backendChoice';
import { EngineNotLoadedError } from '../transformers/errors';
import { tinyModelSource } from '../transformers/testModels';
import { SmolVlm } from './smolVlm';

function image(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37) % 251;
  return { width, height, data };
}

describe('SmolVlm on the tiny SmolVLM2 layout (real Transformers.js load + generate, Node cpu)', () => {
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

  it('counts tokens with the real BPE tokenizer (merges and special tokens)', () => {
    // "the" → t|he, " cat" → Ġc|at ; <image> is one added token.
    expect(vlm.countTokens('the cat')).toBe(4);
    expect(vlm.countTokens('<image>')).toBe(1);
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
    expect(r.text.length).toBeGreaterThan(0);
    expect(vlm.countTokens(r.text)).toBeLessThanOrEqual(12);
  });

  it('takes several images and expands each into its split frames', async () => {
    const prompt = 'Which is nearer?';
    const textOnly = await vlm.generate({ prompt, maxNewTokens: 1 });
    const withImages = await vlm.generate({
      prompt,
      images: [image(64, 48), image(20, 30)],
      maxNewTokens: 3,
    });
    expect(withImages.tokens).toBe(3);
    // Each image is first resized to a longest edge of 64 (20×30 is upscaled to 43×64), then resized to 64×64 and
    // split into 2×2 tiles of 32 + a global frame: 4×(fake + row_col + 4 image) + 2 '\n' + ('\n' fake global
    // 4 image fake) = 34 tokens per image. "User: " loses its space before an image: −1.
    expect(withImages.promptTokens - textOnly.promptTokens).toBe(34 + 34 - 1);
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
});
