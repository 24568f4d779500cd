import { describe, expect, it } from 'vitest';
import { liftOrder } from './liftOrder';

const k = { width: 64, height: 48, fx: 50, fy: 50, cx: 31.5, cy: 23.5 };
type Box = [number, number, number, number];

/** A depth image: background at 6 m, then each rectangle painted at its depth, in order. */
function depthOf(rects: { box: Box; z: number }[]): { width: number; height: number; data: Float32Array } {
  const data = new Float32Array(64 * 48).fill(6);
  for (const { box, z } of rects)
    for (let v = box[1]; v < box[3]; v++) for (let u = box[0]; u < box[2]; u++) data[v * 64 + u] = z;
  return { width: 64, height: 48, data };
}

const order = (dets: { label: string; box: Box }[], depth: ReturnType<typeof depthOf>): string[] =>
  liftOrder(dets, (d) => d.box, depth, k).map((d) => d.label);

describe('liftOrder', () => {
  it('lifts smaller boxes first', () => {
    const depth = depthOf([
      { box: [10, 20, 54, 40], z: 3 },
      { box: [28, 14, 36, 22], z: 3 },
    ]);
    const dets = [
      { label: 'dining table', box: [10, 20, 54, 40] as Box },
      { label: 'bowl', box: [28, 14, 36, 22] as Box },
    ];
    expect(order(dets, depth)).toEqual(['bowl', 'dining table']);
  });

  it('lifts a bigger box first when it stands in front of most of a smaller one', () => {
    // A plant at 4 m whose box [20, 8, 40, 30] is mostly covered by a chair at 2 m, box [22, 14, 50, 40].
    const depth = depthOf([
      { box: [20, 8, 40, 30], z: 4 },
      { box: [22, 14, 50, 40], z: 2 },
    ]);
    const dets = [
      { label: 'chair', box: [22, 14, 50, 40] as Box },
      { label: 'potted plant', box: [20, 8, 40, 30] as Box },
    ];
    expect(order(dets, depth)).toEqual(['chair', 'potted plant']);
  });

  it('keeps a laptop before the table it stands on when only a sliver of its box rises above the table box', () => {
    // The laptop at 3 m fills [28, 12, 40, 22]; its box starts two rows higher, where the wall (6 m) shows.
    const depth = depthOf([
      { box: [10, 12, 54, 40], z: 3.2 },
      { box: [28, 12, 40, 22], z: 3 },
    ]);
    const dets = [
      { label: 'dining table', box: [10, 12, 54, 40] as Box },
      { label: 'laptop', box: [28, 10, 40, 22] as Box },
    ];
    expect(order(dets, depth)).toEqual(['laptop', 'dining table']);
  });
});
