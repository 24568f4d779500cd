import { afterAll, describe, expect, it } from 'vitest';
import { HUB_FILES_MISSING, hubFilesAvailable } from '../../../scripts/tiny-models/hubFiles';
import { NODE_CAPABILITIES } from '../transformers/backendChoice';
import { EngineInputError } from '../transformers/errors';
import { DEPTH_ANYTHING_V2_SMALL } from '../transformers/modelIds';
import { importTransformers } from '../transformers/modelSource';
import { tinyModelSource } from '../../../test/engines/testModels';
import { DepthAnythingEstimator } from './depthAnythingEstimator';

const available = hubFilesAvailable();
const skipped = available ? '' : ` (skipped: ${HUB_FILES_MISSING})`;

function image(width: number, height: number) {
  return { width, height, data: new Uint8Array(width * height * 3).map((_, i) => (i * 29) % 256) };
}

describe.skipIf(!available)(
  `DepthAnythingEstimator on the Depth Anything V2 stand-in: real config and preprocessor, tiny weights (Node cpu)${skipped}`,
  () => {
    const source = available ? tinyModelSource() : { localModelPath: '', allowRemoteModels: false };
    const est = new DepthAnythingEstimator({ source, capabilities: NODE_CAPABILITIES });

    it('the real DPT preprocessor keeps the aspect ratio at 518 px, sides multiples of 14', async () => {
      const lib = await importTransformers(source);
      const pre = await lib.AutoImageProcessor.from_pretrained(DEPTH_ANYTHING_V2_SMALL);
      const dims = async (w: number, h: number) =>
        ((await pre(new lib.RawImage(image(w, h).data, w, h, 3))).pixel_values as { dims: number[] }).dims;
      // 640×480: the height scale (518/480) is nearer 1 than the width's, so 518 × 690.7 → 518 × 686 (49 × 14).
      expect(await dims(640, 480)).toEqual([1, 3, 518, 686]);
      expect(await dims(96, 72)).toEqual([1, 3, 392, 518]);
    });

    afterAll(() => est.dispose());

    it('lazily loads and returns relative depth at the input resolution', async () => {
      expect(est.backend).toBeNull();
      const d = await est.estimate(image(70, 45));
      expect(est.backend).toMatchObject({ device: 'cpu', dtype: 'fp32' });
      expect([d.width, d.height, d.data.length]).toEqual([70, 45, 70 * 45]);
      expect(d.scale).toBe('relative-disparity');
      expect(d.data.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    });

    it('rejects bad images and aborted requests with named errors', async () => {
      await expect(est.estimate({ width: 4, height: 4, data: new Uint8Array(10) })).rejects.toThrow(
        EngineInputError,
      );
      const ac = new AbortController();
      ac.abort();
      await expect(est.estimate(image(8, 8), { signal: ac.signal })).rejects.toMatchObject({
        name: 'AbortError',
      });
    });

    it('dispose() then estimate() loads again', async () => {
      await est.dispose();
      expect(est.backend).toBeNull();
      const d = await est.estimate(image(28, 28));
      expect([d.width, d.height]).toEqual([28, 28]);
    });
  },
);
