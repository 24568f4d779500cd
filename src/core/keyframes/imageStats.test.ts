import { describe, expect, it } from 'vitest';
import { greyThumbnail, halve, ImageStatsError, laplacianVariance, meanAbsDiff } from './imageStats';

const grey = (width: number, height: number, values: number[]) => ({
  width,
  height,
  data: Float32Array.from(values),
});

describe('greyThumbnail', () => {
  it('box-averages Rec. 601 luma over each block', () => {
    // 4×2 RGB: left 2×2 block pure red (luma 0.299*255), right block white and black half-and-half.
    const R = [255, 0, 0];
    const W = [255, 255, 255];
    const K = [0, 0, 0];
    const data = Uint8Array.from([...R, ...R, ...W, ...K, ...R, ...R, ...K, ...W]);
    const t = greyThumbnail({ width: 4, height: 2, data }, 2);
    expect([t.width, t.height]).toEqual([2, 1]);
    expect(t.data[0]).toBeCloseTo(0.299 * 255, 3);
    expect(t.data[1]).toBeCloseTo(127.5, 3);
  });

  it('reads RGBA (canvas ImageData) and never upscales', () => {
    const data = Uint8ClampedArray.from([10, 10, 10, 255, 20, 20, 20, 255]);
    const t = greyThumbnail({ width: 2, height: 1, data }, 64);
    expect([t.width, t.height]).toEqual([2, 1]);
    expect(Array.from(t.data).map((v) => Math.round(v))).toEqual([10, 20]);
  });

  it('names the problem for pixels that are neither RGB nor RGBA', () => {
    expect(() => greyThumbnail({ width: 2, height: 2, data: new Uint8Array(5) }, 2)).toThrow(ImageStatsError);
    expect(() => greyThumbnail({ width: 2, height: 2, data: new Uint8Array(5) }, 2)).toThrow(
      /2×2 image has 5 bytes/,
    );
  });
});

describe('laplacianVariance', () => {
  it('is the variance of the 4-neighbour Laplacian over interior pixels', () => {
    // Interior pixels (1,1) and (2,1): L = -32 and 8 → mean -12, variance 400.
    const img = grey(4, 3, [0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0]);
    expect(laplacianVariance(img)).toBeCloseTo(400, 6);
  });

  it('is zero for a flat or linear ramp image (no edges to be sharp about)', () => {
    expect(laplacianVariance(grey(3, 3, [5, 5, 5, 5, 5, 5, 5, 5, 5]))).toBe(0);
    expect(laplacianVariance(grey(4, 3, [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]))).toBeCloseTo(0, 9);
  });
});

describe('meanAbsDiff and halve', () => {
  it('ignores a uniform brightness change (auto-exposure) but sees a local one', () => {
    const a = grey(2, 1, [0, 10]);
    expect(meanAbsDiff(a, grey(2, 1, [0, 0]))).toBeCloseTo(5, 6);
    expect(meanAbsDiff(a, grey(2, 1, [40, 50]))).toBeCloseTo(0, 6);
    expect(meanAbsDiff(a, grey(1, 2, [0, 10]))).toBe(Infinity);
  });

  it('halves by 2×2 box averages', () => {
    const h = halve(grey(4, 2, [0, 4, 8, 8, 4, 0, 8, 0]));
    expect([h.width, h.height]).toEqual([2, 1]);
    expect(Array.from(h.data)).toEqual([2, 6]);
  });
});
