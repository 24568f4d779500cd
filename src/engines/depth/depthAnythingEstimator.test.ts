import { afterAll, describe, expect, it } from 'vitest';
import { NODE_CAPABILITIES } from '../transformers/backendChoice';
import { EngineInputError } from '../transformers/errors';
import { tinyModelSource } from '../transformers/testModels';
import { DepthAnythingEstimator } from './depthAnythingEstimator';

function image(width: number, height: number) {
  return { width, height, data: new Uint8Array(width * height * 3).map((_, i) => (i * 29) % 256) };
}

describe('DepthAnythingEstimator on the tiny Depth Anything layout (real depth-estimation pipeline, Node cpu)', () => {
  const est = new DepthAnythingEstimator({ source: tinyModelSource(), capabilities: NODE_CAPABILITIES });
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
});
