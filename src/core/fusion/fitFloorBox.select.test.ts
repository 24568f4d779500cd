import { describe, expect, it } from 'vitest';
import { Prng } from '../prng';
import { fitFloorBox } from './fitFloorBox';

/** fitFloorBox as it was with sorted trimmed ranges, for the 'area' criterion: the reference. */
function sortedReference(
  pts: Float64Array,
  stepDeg: number,
): { yaw: number; size: number[]; center: number[] } {
  const n = pts.length / 3;
  const trim = n >= 100 ? Math.floor(n * 0.01) : 0;
  const range = (v: number[]): [number, number] => {
    const s = [...v].sort((a, b) => a - b);
    return [s[trim], s[s.length - 1 - trim]];
  };
  let best = { cost: Infinity, yaw: 0, u: [0, 0], w: [0, 0] };
  for (let deg = 0; deg < 90; deg += stepDeg) {
    const yaw = (deg * Math.PI) / 180;
    const c = Math.cos(yaw),
      s = Math.sin(yaw);
    const u: number[] = [],
      w: number[] = [];
    for (let i = 0; i < n; i++) {
      u.push(c * pts[i * 3] + s * pts[i * 3 + 1]);
      w.push(-s * pts[i * 3] + c * pts[i * 3 + 1]);
    }
    const ru = range(u),
      rw = range(w);
    const cost = (ru[1] - ru[0]) * (rw[1] - rw[0]);
    if (cost < best.cost - 1e-9 * Math.abs(cost)) best = { cost, yaw, u: ru, w: rw };
  }
  const hs = range(Array.from({ length: n }, (_, i) => pts[i * 3 + 2]));
  const c = Math.cos(best.yaw),
    s = Math.sin(best.yaw);
  const um = (best.u[0] + best.u[1]) / 2,
    wm = (best.w[0] + best.w[1]) / 2;
  return {
    yaw: best.yaw,
    size: [best.u[1] - best.u[0], best.w[1] - best.w[0], hs[1] - hs[0]],
    center: [c * um - s * wm, s * um + c * wm, (hs[0] + hs[1]) / 2],
  };
}

describe('fitFloorBox trimmed ranges by selection', () => {
  it('gives exactly what sorting gave, with and without trimming, on ties and outliers', () => {
    const rng = new Prng(9);
    for (const n of [5, 60, 99, 100, 257, 1500]) {
      const pts = new Float64Array(n * 3);
      for (let i = 0; i < n; i++) {
        // Lattice points (many ties), a rotated rectangle, a few far outliers.
        const outlier = rng.next() < 0.02;
        pts[i * 3] = outlier ? rng.uniform(-20, 20) : Math.round(rng.uniform(0, 4) * 10) / 10;
        pts[i * 3 + 1] = outlier ? rng.uniform(-20, 20) : Math.round(rng.uniform(0, 2) * 10) / 10;
        pts[i * 3 + 2] = rng.uniform(0, 1);
      }
      const got = fitFloorBox(pts, 3);
      const ref = sortedReference(pts, 3);
      expect(got.yaw, `n=${n}`).toBe(ref.yaw);
      expect([...got.size], `n=${n}`).toEqual(ref.size);
      expect([...got.center], `n=${n}`).toEqual(ref.center);
    }
  });
});
