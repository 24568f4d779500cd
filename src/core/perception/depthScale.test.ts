import { describe, expect, it } from 'vitest';
import {
  applyDepthScale,
  DepthScaleError,
  fitDepthScale,
  objectSizeSamples,
  pairWithMetric,
  toMetres,
  type MetricSample,
} from './depthScale';

/** Disparity as Depth Anything reports it up to scale and shift: d = 2/z + 0.3. */
const disparity = (z: number): number => 2 / z + 0.3;

describe('fitDepthScale', () => {
  it('recovers scale and shift of inverse depth despite 25% gross outliers', () => {
    const samples: MetricSample[] = [];
    for (let i = 0; i < 40; i++) {
      const z = 0.5 + i * 0.1;
      // Every 4th sample is wrong metric depth (e.g. a depth-sensor hole filled with the wall behind).
      samples.push({ relative: disparity(z), metres: i % 4 === 3 ? z * 3 : z });
    }
    const fit = fitDepthScale(samples, 'disparity');
    // 1/z = (d − 0.3)/2 → a = 0.5, b = −0.15.
    expect(fit.a).toBeCloseTo(0.5, 6);
    expect(fit.b).toBeCloseTo(-0.15, 6);
    expect(fit.inliers).toBe(30);
    expect(fit.samples).toBe(40);
    expect(fit.medianRelError).toBeLessThan(1e-6);
    expect(toMetres(disparity(2.5), fit)).toBeCloseTo(2.5, 6);
  });

  it('fits scale only for relative depth, and for disparity with fewer than 3 samples', () => {
    const depth = fitDepthScale(
      [
        { relative: 2, metres: 1 },
        { relative: 4, metres: 2 },
        { relative: 6, metres: 3.3 },
      ],
      'depth',
    );
    // Least squares z = a·d: a = Σdz/Σd² = (2+8+19.8)/(4+16+36) = 29.8/56.
    expect(depth.a).toBeCloseTo(29.8 / 56, 9);
    expect(depth.b).toBe(0);
    const two = fitDepthScale(
      [
        { relative: 1, metres: 2 },
        { relative: 2, metres: 1 },
      ],
      'disparity',
    );
    // 1/z = a·d with d = [1, 2], 1/z = [0.5, 1] → a = 0.5 exactly.
    expect([two.a, two.b]).toEqual([0.5, 0]);
  });

  it('names the problem when nothing usable is given', () => {
    expect(() =>
      fitDepthScale(
        [
          { relative: 1, metres: 0 },
          { relative: NaN, metres: 2 },
        ],
        'disparity',
      ),
    ).toThrow(DepthScaleError);
    expect(() => fitDepthScale([], 'depth')).toThrow(/none of 0 samples/);
  });
});

describe('pairWithMetric and applyDepthScale', () => {
  it('pairs across resolutions, skips holes, and maps the relative map to metres', () => {
    // Relative 2×2, metric 4×4 (each relative pixel covers a 2×2 metric block).
    const relative = {
      width: 2,
      height: 2,
      data: Float32Array.from([disparity(1), disparity(2), disparity(3), disparity(4)]),
    };
    const metric = { width: 4, height: 4, data: new Float32Array(16) };
    const zOf = [1, 2, 3, 4];
    for (let y = 0; y < 4; y++)
      for (let x = 0; x < 4; x++) metric.data[y * 4 + x] = zOf[(y >> 1) * 2 + (x >> 1)];
    metric.data[0] = 0; // a hole
    const pairs = pairWithMetric(relative, metric, 1);
    expect(pairs).toHaveLength(15);
    expect(pairs[0].metres).toBe(1);
    expect(pairs[0].relative).toBeCloseTo(disparity(1), 6);
    const out = applyDepthScale(relative, fitDepthScale(pairs, 'disparity'));
    expect(Array.from(out.data).map((v) => +v.toFixed(4))).toEqual([1, 2, 3, 4]);
  });

  it('returns 0 (no depth) where the fit maps to non-positive inverse depth', () => {
    expect(toMetres(0.1, { kind: 'disparity', a: 0.5, b: -0.15 })).toBe(0);
  });
});

describe('objectSizeSamples', () => {
  it('turns a chair of known height into a metric sample at the box', () => {
    // fy = 500, chair 0.9 m, 150 px tall → 3 m. Relative map 64×48 for a 640×480 image.
    const relative = { width: 64, height: 48, data: new Float32Array(64 * 48).fill(disparity(3)) };
    const chair = { label: 'chair', score: 0.9, box: [100, 200, 180, 350] as const };
    const cut = { label: 'chair', score: 0.9, box: [0, 200, 80, 350] as const };
    const unknown = { label: 'kite', score: 0.9, box: [300, 100, 340, 160] as const };
    const samples = objectSizeSamples(relative, [chair, cut, unknown], 500, { width: 640, height: 480 });
    expect(samples).toHaveLength(1);
    expect(samples[0].metres).toBeCloseTo(3, 9);
    expect(samples[0].relative).toBeCloseTo(disparity(3), 6);
  });
});
