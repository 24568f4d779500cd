import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_FILES_MISSING, hubFilesAvailable } from '../../../scripts/tiny-models/hubFiles';
import { NODE_CAPABILITIES } from '../transformers/backendChoice';
import { EngineInputError } from '../transformers/errors';
import { OWLV2_BASE } from '../transformers/modelIds';
import { importTransformers } from '../transformers/modelSource';
import { tinyModelSource } from '../../../test/engines/testModels';
import { Owlv2Detector } from './owlv2Detector';

const available = hubFilesAvailable();
const skipped = available ? '' : ` (skipped: ${HUB_FILES_MISSING})`;

const image = { width: 80, height: 60, data: new Uint8Array(80 * 60 * 3).map((_, i) => (i * 13) % 256) };

describe.skipIf(!available)(
  `Owlv2Detector on the OWLv2 stand-in: real preprocessor and CLIP tokenizer, tiny weights (Node cpu)${skipped}`,
  () => {
    const source = available ? tinyModelSource() : { localModelPath: '', allowRemoteModels: false };
    const det = new Owlv2Detector({ source, capabilities: NODE_CAPABILITIES });
    beforeAll(() => det.load());
    afterAll(() => det.dispose());

    it('returns boxes in image pixels with labels from the query, best first', async () => {
      const out = await det.detect(image, ['chair', 'coffee mug'], { threshold: 0.05 });
      expect(out.length).toBeGreaterThan(0);
      // The real preprocessor pads to a square and resizes to 960×960; 16 px patches: 3600 boxes, each scored per label.
      expect(out.length).toBeLessThanOrEqual(3600 * 2);
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

    it('tokenizes queries as CLIP does: real ids, "!" padding, at most 16 tokens', async () => {
      const lib = await importTransformers(source);
      const tok = await lib.AutoTokenizer.from_pretrained(OWLV2_BASE);
      const ids = (t: unknown) => Array.from((t as { data: BigInt64Array }).data, Number);
      // CLIP's ids for "a photo of a cat": <|startoftext|> a</w> photo</w> of</w> a</w> cat</w> <|endoftext|>.
      expect(ids(tok('a photo of a cat').input_ids)).toEqual([49406, 320, 1125, 539, 320, 2368, 49407]);
      const batch = tok(['chair', 'A  Coffee mug'], { padding: true, truncation: true });
      expect(ids(batch.input_ids)).toEqual([49406, 4269, 49407, 0, 0, 49406, 320, 2453, 9722, 49407]);
      const long = tok(
        ['one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen'],
        {
          padding: true,
          truncation: true,
        },
      );
      expect((long.input_ids as { dims: number[] }).dims).toEqual([1, 16]);
      const pre = await lib.AutoImageProcessor.from_pretrained(OWLV2_BASE);
      const px = await pre(new lib.RawImage(image.data, image.width, image.height, 3));
      expect((px.pixel_values as { dims: number[] }).dims).toEqual([1, 3, 960, 960]);
    });
  },
);
