import { describe, expect, it } from 'vitest';
import type { EstimatedDepth } from './engines';
import { ASSUMED_MEDIAN_DEPTH_M, assumedFit, metricDepth } from './metricDepth';

const K = { width: 4, height: 1, fx: 2, fy: 2, cx: 2, cy: 0.5 };
// Disparity: larger is nearer. Median of the positive values is 2 (index 2 of [1, 2, 4] after sort).
const est = (data: number[]): EstimatedDepth => ({
  width: data.length,
  height: 1,
  data: new Float32Array(data),
  scale: 'relative-disparity',
});

describe('metricDepth without any metric cue', () => {
  it('is undefined unless an assumed scale is allowed', () => {
    expect(metricDepth(est([1, 2, 4, 0]), [], K)).toBeUndefined();
  });

  it('maps the median disparity to the assumed depth, keeps relative order, and marks the fit', () => {
    const m = metricDepth(est([1, 2, 4, 0]), [], K, undefined, true);
    expect(m?.scale).toBe('assumed room scale');
    const d = [...(m?.depth.data ?? [])];
    expect(d[1]).toBeCloseTo(ASSUMED_MEDIAN_DEPTH_M, 6);
    expect(d[0]).toBeCloseTo(2 * ASSUMED_MEDIAN_DEPTH_M, 6);
    expect(d[2]).toBeCloseTo(ASSUMED_MEDIAN_DEPTH_M / 2, 6);
    expect(d[3]).toBe(0); // no disparity, no depth
    expect(m?.fit?.assumed).toBe(true);
    // Reused on the next frame, it still says it is assumed.
    const next = metricDepth(est([2, 2, 2, 2]), [], K, m?.fit);
    expect(next?.scale).toBe('assumed room scale');
  });

  it('has no fit for a map with no positive disparity', () => {
    expect(assumedFit(est([0, -1, Number.NaN]))).toBeUndefined();
  });
});
