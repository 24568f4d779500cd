import { describe, expect, it } from 'vitest';
import type { CameraToWorld, Intrinsics } from '../geometry/types';
import { floorFrame } from '../mosaic/floorFrame';
import type { DepthImage, Detection } from '../perception/types';
import { liftDetection, type LiftedDetection } from './liftDetection';
import { liftBounds } from '../../../test/core/fusion/testScenes';

/**
 * Flat things lying on a support (a book on a table): they rise a centimetre or two above it, less than the
 * support layer's band, so a box drawn loose around them (or a few pixels off, where colour and depth are
 * not registered) took in the table top around them.
 */
const K: Intrinsics = { width: 160, height: 120, fx: 120, fy: 120, cx: 79.5, cy: 59.5 };
const S = Math.SQRT1_2;
// World z up; the camera 1 m above the table, looking 45° down along +y.
const POSE = [1, 0, 0, 0, 0, -S, S, -0.6, 0, -S, -S, 1, 0, 0, 0, 1] as unknown as CameraToWorld;

interface Slab {
  /** Footprint [a0, b0, a1, b1] (world x, y) and thickness above the table (metres). */
  readonly rect: readonly [number, number, number, number];
  readonly thickness: number;
}

/** Depth of a table tilted by about a degree (h = 0.02·x) with slabs lying on it; ±1 mm noise. */
function render(slabs: readonly Slab[]): { depth: DepthImage; boxOf: (s: Slab) => Detection['box'] } {
  const data = new Float32Array(K.width * K.height);
  let seed = 7;
  const noise = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.002;
  const boxes = new Map<Slab, number[]>(slabs.map((s) => [s, [Infinity, Infinity, -Infinity, -Infinity]]));
  for (let v = 0; v < K.height; v++)
    for (let u = 0; u < K.width; u++) {
      const x = (u - K.cx) / K.fx,
        y = (v - K.cy) / K.fy;
      // The ray in world coordinates (per unit of camera depth z).
      const d = [x, -S * y + S, -S * y - S];
      const o = [POSE[3], POSE[7], POSE[11]];
      // Where the ray meets the plane h = table(x) + t: o.z + z·d.z = 0.02·(o.x + z·d.x) + t.
      const at = (t: number): number => (0.02 * o[0] + t - o[2]) / (d[2] - 0.02 * d[0]);
      let z = at(0);
      for (const s of slabs) {
        // The slab's top, then its four sides (between the table and the top).
        const inRect = (wx: number, wy: number): boolean =>
          wx >= s.rect[0] - 1e-9 &&
          wx <= s.rect[2] + 1e-9 &&
          wy >= s.rect[1] - 1e-9 &&
          wy <= s.rect[3] + 1e-9;
        const hits = [at(s.thickness)].filter((t) => inRect(o[0] + t * d[0], o[1] + t * d[1]));
        for (const [ax, side] of [
          [0, s.rect[0]],
          [0, s.rect[2]],
          [1, s.rect[1]],
          [1, s.rect[3]],
        ]) {
          const t = (side - o[ax]) / d[ax];
          const [wx, wy, wz] = [o[0] + t * d[0], o[1] + t * d[1], o[2] + t * d[2]];
          if (t > 0 && inRect(wx, wy) && wz >= 0.02 * wx && wz <= 0.02 * wx + s.thickness) hits.push(t);
        }
        const zs = Math.min(...hits);
        if (zs < z) {
          z = zs;
          const b = boxes.get(s)!;
          [b[0], b[1], b[2], b[3]] = [
            Math.min(b[0], u),
            Math.min(b[1], v),
            Math.max(b[2], u + 1),
            Math.max(b[3], v + 1),
          ];
        }
      }
      data[v * K.width + u] = z + noise();
    }
  return {
    depth: { width: K.width, height: K.height, data },
    boxOf: (s) => boxes.get(s) as unknown as Detection['box'],
  };
}

/** The box grown by a share of its size on each side (a loose box, or one a few pixels off). */
const grow = (b: Detection['box'], by: number): Detection['box'] => {
  const [w, h] = [b[2] - b[0], b[3] - b[1]];
  return [b[0] - by * w, b[1] - by * h, b[2] + by * w, b[3] + by * h];
};

function extent(l: LiftedDetection): number[] {
  const { lo, hi } = liftBounds(l);
  return hi.map((x, i) => x - lo[i]);
}

describe('liftDetection of flat things on a support', () => {
  it('lifts a book from what rises above the table, not the table top its loose box takes in', () => {
    const book: Slab = { rect: [-0.1, 0.85, 0.1, 1.13], thickness: 0.012 };
    const { depth, boxOf } = render([book]);
    const det: Detection = { label: 'book', score: 0.6, box: grow(boxOf(book), 0.25) };
    const l = liftDetection(det, depth, K, POSE, floorFrame([0, 0, 1]))!;
    expect(l).toBeDefined();
    const [a, b, h] = extent(l);
    // The book is 20 × 28 cm; the box's table top reaches 30 × 42 cm (before: the whole box was kept).
    expect(a).toBeLessThan(0.23);
    expect(b).toBeLessThan(0.31);
    expect(a).toBeGreaterThan(0.17);
    expect(h).toBeLessThan(0.02);
    // The table's height under the book (a tilted table: 0.02 · x, x ≈ 0 there).
    expect(l.support).toBeDefined();
    expect(Math.abs(l.support!)).toBeLessThan(0.005);
  });

  it('leaves out a mug standing at the corner of a heap of papers, down to the table', () => {
    const papers: Slab = { rect: [-0.15, 0.85, 0.15, 1.15], thickness: 0.01 };
    const mug: Slab = { rect: [0.1, 0.8, 0.18, 0.88], thickness: 0.1 };
    const { depth, boxOf } = render([papers, mug]);
    const det: Detection = { label: 'book', score: 0.6, box: grow(boxOf(papers), 0.1) };
    const l = liftDetection(det, depth, K, POSE, floorFrame([0, 0, 1]))!;
    const [a, , h] = extent(l);
    // Before: 33 cm across and 10 cm tall, the mug's top taken in.
    expect(h).toBeLessThan(0.02);
    expect(a).toBeLessThan(0.31);
  });
});
