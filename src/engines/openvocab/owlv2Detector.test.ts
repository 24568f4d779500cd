import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_CAPABILITIES } from '../transformers/backendChoice';
import { EngineInputError } from '../transformers/errors';
import { tinyModelSource } from '../transformers/testModels';
import { Owlv2Detector } from './owlv2Detector';

const image = { width: 80, height: 60, data: new Uint8Array(80 * 60 * 3).map((_, i) => (i * 13) % 256) };

describe('Owlv2Detector on the tiny OWLv2 layout (real zero-shot-object-detection pipeline, Node cpu)', () => {
  const det = new Owlv2Detector({ source: tinyModelSource(), capabilities: NODE_CAPABILITIES });
  beforeAll(() => det.load());
  afterAll(() => det.dispose());

  it('returns boxes in image pixels with labels from the query, best first', async () => {
    const out = await det.detect(image, ['chair', 'coffee mug'], { threshold: 0.05 });
    expect(out.length).toBeGreaterThan(0);
    // 64×64 input, 16×16 patches: 16 candidate boxes per label at most.
    expect(out.length).toBeLessThanOrEqual(32);
    for (const d of out) {
      expect(['chair', 'coffee mug']).toContain(d.label);
      expect(d.score).toBeGreaterThanOrEqual(0.05);
      expect(d.score).toBeLessThanOrEqual(1);
      const [x0, y0, x1, y1] = d.box;
      expect(0 <= x0 && x0 <= x1 && x1 <= image.width).toBe(true);
      expect(0 <= y0 && y0 <= y1 && y1 <= image.height).toBe(true);
    }
    const scores = out.map((d) => d.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await det.detect(image, ['chair', 'coffee mug'], { threshold: 0.05, topK: 3 })).toHaveLength(3);
  });

  it('refuses an empty label list and honours an aborted signal', async () => {
    await expect(det.detect(image, [' ', ''])).rejects.toThrow(EngineInputError);
    const ac = new AbortController();
    ac.abort();
    await expect(det.detect(image, ['chair'], { signal: ac.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
