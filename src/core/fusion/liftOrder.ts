import type { Intrinsics } from '../geometry/types';
import type { DepthImage } from '../perception/types';

type Box = readonly [number, number, number, number];

/**
 * The order in which one frame's boxes are lifted (each claims the depth pixels it keeps, so earlier boxes
 * win shared pixels). Smaller boxes first, so a couch's box does not take the suitcase in front of it nor a
 * table the cups on it; but a bigger box that occludes a smaller one goes before it: a chair in front of a
 * plant covers most of the plant's box, and lifted second the plant would take the chair's pixels. B
 * occludes A when B's box covers half to three quarters of A's, and where they overlap it is nearer
 * (median), by over 25 cm, than the near side (first quartile) of what A's box shows outside B's: a table's
 * box never occludes the bowl or laptop standing on it (a sliver of a laptop's box above the table's box
 * holds more wall than laptop).
 */
export function liftOrder<T>(
  items: readonly T[],
  boxOf: (t: T) => Box,
  depth: DepthImage,
  k: Intrinsics,
): T[] {
  const area = (b: Box): number => (b[2] - b[0]) * (b[3] - b[1]);
  const bySize = [...items].sort((x, y) => area(boxOf(x)) - area(boxOf(y)));
  const occluders = (a: T): T[] =>
    bySize.filter((b) => {
      const [ba, bb] = [boxOf(a), boxOf(b)];
      if (b === a || area(bb) <= area(ba)) return false;
      const both: Box = [
        Math.max(ba[0], bb[0]),
        Math.max(ba[1], bb[1]),
        Math.min(ba[2], bb[2]),
        Math.min(ba[3], bb[3]),
      ];
      // B covers half of A or more, and A shows a real part of itself outside B (a quarter of its box).
      if (both[2] <= both[0] || both[3] <= both[1]) return false;
      if (area(both) < 0.5 * area(ba) || area(both) > 0.75 * area(ba)) return false;
      const front = depthQuantile(depth, k, both, 0.5);
      const own = depthQuantile(depth, k, ba, 0.25, bb);
      return front !== undefined && own !== undefined && front < own - 0.25;
    });
  const out: T[] = [];
  const done = new Set<T>();
  const visit = (t: T): void => {
    if (done.has(t)) return;
    done.add(t);
    for (const b of occluders(t)) visit(b);
    out.push(t);
  };
  for (const t of bySize) visit(t);
  return out;
}

/**
 * A depth quantile over a box (detection pixels; the depth image may be another size), about 200 samples,
 * leaving out `except` when given; undefined with fewer than 12 valid samples.
 */
function depthQuantile(
  depth: DepthImage,
  k: Intrinsics,
  box: Box,
  q: number,
  except?: Box,
): number | undefined {
  const sx = depth.width / k.width,
    sy = depth.height / k.height;
  const x0 = Math.max(0, Math.floor(box[0] * sx)),
    y0 = Math.max(0, Math.floor(box[1] * sy));
  const x1 = Math.min(depth.width, Math.ceil(box[2] * sx)),
    y1 = Math.min(depth.height, Math.ceil(box[3] * sy));
  if (x1 <= x0 || y1 <= y0) return undefined;
  const stride = Math.max(1, Math.floor(Math.sqrt(((x1 - x0) * (y1 - y0)) / 200)));
  const zs: number[] = [];
  for (let v = y0; v < y1; v += stride)
    for (let u = x0; u < x1; u += stride) {
      if (except) {
        const bu = (u + 0.5) / sx,
          bv = (v + 0.5) / sy;
        if (bu >= except[0] && bu < except[2] && bv >= except[1] && bv < except[3]) continue;
      }
      const z = depth.data[v * depth.width + u];
      if (z > 0.05 && z < 10) zs.push(z);
    }
  if (zs.length < 12) return undefined;
  zs.sort((a, b) => a - b);
  return zs[Math.floor(q * (zs.length - 1))];
}
