import { describe, expect, it } from 'vitest';
import {
  decodeYolox,
  iou,
  letterbox,
  nonMaxSuppression,
  yoloxAnchorCount,
  YoloxShapeError,
} from './yoloxDecode';
import { COCO_LABELS, COCO_CLASS_COUNT } from './coco';
import type { Detection } from './types';

const STRIDE = 85;

/** An all-zero output with one anchor set by hand. */
function outputWith(
  cells: { anchor: number; raw: [number, number, number, number]; obj: number; cls: number; p: number }[],
) {
  const out = new Float32Array(3549 * STRIDE);
  for (const c of cells) {
    const o = c.anchor * STRIDE;
    out.set(c.raw, o);
    out[o + 4] = c.obj;
    out[o + 5 + c.cls] = c.p;
  }
  return out;
}

const CHAIR = COCO_LABELS.indexOf('chair');
const BED = COCO_LABELS.indexOf('bed');
// stride-16 grid starts after the 52×52 stride-8 grid; cell (gx=3, gy=2)
const ANCHOR_S16 = 52 * 52 + 2 * 26 + 3;

describe('COCO labels', () => {
  it('has the 80 classes in the usual order', () => {
    expect(COCO_CLASS_COUNT).toBe(80);
    expect([COCO_LABELS[0], COCO_LABELS[56], COCO_LABELS[59], COCO_LABELS[62], COCO_LABELS[75]]).toEqual([
      'person',
      'chair',
      'bed',
      'tv',
      'vase',
    ]);
  });
});

describe('yoloxAnchorCount', () => {
  it('is 52²+26²+13² at 416', () => expect(yoloxAnchorCount(416)).toBe(3549));
});

describe('decodeYolox', () => {
  it('decodes grid offset, exp size and stride, and undoes the letterbox scale', () => {
    // cx=(0.5+3)*16=56, cy=(0.5+2)*16=40, w=e^ln2*16=32, h=e^0*16=16 → net box [40,32,72,48]; /0.5
    const out = outputWith([
      { anchor: ANCHOR_S16, raw: [0.5, 0.5, Math.log(2), 0], obj: 0.9, cls: CHAIR, p: 0.8 },
    ]);
    const dets = decodeYolox(out, { imageWidth: 832, imageHeight: 624, scale: 0.5 });
    expect(dets).toHaveLength(1);
    expect(dets[0].label).toBe('chair');
    expect(dets[0].score).toBeCloseTo(0.72, 6);
    dets[0].box.forEach((v, i) => expect(v).toBeCloseTo([80, 64, 144, 96][i], 4));
  });

  it('uses the stride-8 grid first and the stride-32 grid last', () => {
    const s8 = 1 * 52 + 1; // (1,1) at stride 8 → centre (1.5*8, 1.5*8) = (12, 12) with raw 0.5
    const s32 = 52 * 52 + 26 * 26 + 12 * 13 + 12; // (12,12) at stride 32 → centre (400, 400)
    const out = outputWith([
      { anchor: s8, raw: [0.5, 0.5, 0, 0], obj: 1, cls: 0, p: 0.9 },
      { anchor: s32, raw: [0.5, 0.5, 0, 0], obj: 1, cls: 1, p: 0.8 },
    ]);
    const dets = decodeYolox(out, { imageWidth: 416, imageHeight: 416, scale: 1 });
    expect(dets.map((d) => d.label)).toEqual(['person', 'bicycle']);
    expect(dets[0].box).toEqual([8, 8, 16, 16]);
    expect(dets[1].box).toEqual([384, 384, 416, 416]);
  });

  it('thresholds on objectness × class score and clips to the image', () => {
    const out = outputWith([
      { anchor: 0, raw: [0, 0, Math.log(4), Math.log(4)], obj: 0.9, cls: CHAIR, p: 0.8 },
    ]);
    expect(decodeYolox(out, { imageWidth: 100, imageHeight: 100, scale: 1, scoreThreshold: 0.75 })).toEqual(
      [],
    );
    const [d] = decodeYolox(out, { imageWidth: 100, imageHeight: 100, scale: 1, scoreThreshold: 0.7 });
    // centre (0,0), 32×32 box at stride 8, clipped at the top-left
    d.box.forEach((v, i) => expect(v).toBeCloseTo([0, 0, 16, 16][i], 4));
  });

  it('keeps the best class of each anchor', () => {
    const out = outputWith([{ anchor: 5, raw: [0, 0, 0, 0], obj: 0.9, cls: BED, p: 0.7 }]);
    out[5 * STRIDE + 5 + CHAIR] = 0.5;
    const dets = decodeYolox(out, { imageWidth: 416, imageHeight: 416, scale: 1 });
    expect(dets.map((d) => d.label)).toEqual(['bed']);
  });

  it("gives the box's next-best classes as alternatives (objectness × class score, best first, a few)", () => {
    const out = outputWith([{ anchor: 5, raw: [0, 0, 0, 0], obj: 0.9, cls: BED, p: 0.7 }]);
    const couch = COCO_LABELS.indexOf('couch');
    const p = [
      [CHAIR, 0.5],
      [couch, 0.3],
      [COCO_LABELS.indexOf('bench'), 0.1],
      [COCO_LABELS.indexOf('tv'), 0.05],
      [COCO_LABELS.indexOf('cup'), 0.01], // 0.009 overall: not kept
    ];
    for (const [c, v] of p) out[5 * STRIDE + 5 + c] = v;
    const [d] = decodeYolox(out, { imageWidth: 416, imageHeight: 416, scale: 1 });
    expect(d.alternatives?.map((a) => a.label)).toEqual(['chair', 'couch', 'bench']);
    expect(d.alternatives?.[0].score).toBeCloseTo(0.45, 6);
    // A box whose other classes all score near zero carries none.
    const lone = decodeYolox(outputWith([{ anchor: 5, raw: [0, 0, 0, 0], obj: 0.9, cls: BED, p: 0.7 }]), {
      imageWidth: 416,
      imageHeight: 416,
      scale: 1,
    });
    expect(lone[0].alternatives).toBeUndefined();
  });

  it('rejects an output of the wrong size with a message that says what to check', () => {
    expect(() =>
      decodeYolox(new Float32Array(3549 * 84), { imageWidth: 1, imageHeight: 1, scale: 1 }),
    ).toThrow(YoloxShapeError);
    expect(() => decodeYolox(new Float32Array(10), { imageWidth: 1, imageHeight: 1, scale: 1 })).toThrow(
      /expected 3549x85/,
    );
  });

  it('caps the number of detections', () => {
    const cells = [0, 10, 20, 30].map((anchor, i) => ({
      anchor,
      raw: [0.5, 0.5, 0, 0] as [number, number, number, number],
      obj: 1,
      cls: i,
      p: 0.9 - i * 0.1,
    }));
    const dets = decodeYolox(outputWith(cells), {
      imageWidth: 416,
      imageHeight: 416,
      scale: 1,
      maxDetections: 2,
    });
    expect(dets.map((d) => d.label)).toEqual(['person', 'bicycle']);
  });
});

describe('nonMaxSuppression', () => {
  const det = (label: string, score: number, box: Detection['box']): Detection => ({ label, score, box });

  it('suppresses overlapping boxes of one label and keeps other labels', () => {
    const a = det('chair', 0.9, [0, 0, 10, 10]);
    const b = det('chair', 0.8, [1, 0, 11, 10]); // IoU 90/110 ≈ 0.82
    const c = det('bed', 0.7, [0, 0, 10, 10]);
    const d = det('chair', 0.6, [20, 20, 30, 30]);
    expect(nonMaxSuppression([d, c, b, a], 0.45)).toEqual([a, c, d]);
  });

  it('computes IoU by hand', () => {
    expect(iou([0, 0, 10, 10], [5, 0, 15, 10])).toBeCloseTo(50 / 150, 10);
    expect(iou([0, 0, 10, 10], [10, 0, 20, 10])).toBe(0);
  });
});

describe('letterbox', () => {
  it('resizes the longer side to the target, pads with 114 below, writes BGR planes', () => {
    // 2×1 image, one colour: scale 2 → 4×2, rows 2–3 are padding
    const image = { width: 2, height: 1, data: new Uint8Array([10, 20, 30, 10, 20, 30]) };
    const { tensor, scale, size } = letterbox(image, 4);
    expect(scale).toBe(2);
    expect(size).toBe(4);
    const plane = (c: number) => Array.from(tensor.subarray(c * 16, c * 16 + 16));
    expect(plane(0)).toEqual([30, 30, 30, 30, 30, 30, 30, 30, ...Array(8).fill(114)]);
    expect(plane(1)).toEqual([20, 20, 20, 20, 20, 20, 20, 20, ...Array(8).fill(114)]);
    expect(plane(2)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, ...Array(8).fill(114)]);
    expect(Array.from(letterbox(image, 4, 'rgb').tensor.subarray(0, 4))).toEqual([10, 10, 10, 10]);
  });

  it('interpolates bilinearly with half-pixel centres (as cv2.resize does)', () => {
    // red channel 0 then 100 → [0, 25, 75, 100]
    const image = { width: 2, height: 1, data: new Uint8Array([0, 0, 0, 100, 0, 0]) };
    const red = letterbox(image, 4).tensor.subarray(2 * 16, 2 * 16 + 4);
    expect(Array.from(red)).toEqual([0, 25, 75, 100]);
  });

  it('rejects a buffer that is not width×height×3', () => {
    expect(() => letterbox({ width: 2, height: 2, data: new Uint8Array(16) }, 4)).toThrow(YoloxShapeError);
  });
});
