import { describe, expect, it } from 'vitest';
import { fitFloorBox } from './fitFloorBox';

/**
 * Two faces of an axis-aligned 0.7 × 0.7 m fridge seen from one corner (an L of surface points), and a strip of
 * the wall behind it beyond its side.
 */
function lShape(): Float64Array {
  const out: number[] = [];
  for (let t = 0; t <= 0.7001; t += 0.05)
    for (let h = 0.1; h <= 1.7; h += 0.4) {
      out.push(0.7, t, h); // front face a = 0.7
      out.push(t, 0.7, h); // side face b = 0.7
    }
  for (let b = 0.75; b <= 0.9001; b += 0.05) for (let h = 0.1; h <= 1.7; h += 0.4) out.push(0, b, h);
  return Float64Array.from(out);
}

describe('fitFloorBox', () => {
  it('aligns the box with the faces of an object seen as an L (closeness), where the smallest area is diagonal', () => {
    const area = fitFloorBox(lShape());
    expect(area.yaw).toBeGreaterThan(0.5); // the triangle's hull: about 45°
    const close = fitFloorBox(lShape(), 2, 'closeness');
    expect(close.yaw).toBeCloseTo(0, 9);
    expect(close.center[0]).toBeCloseTo(0.35, 9);
    expect(close.size[0]).toBeCloseTo(0.7, 9);
  });
});
