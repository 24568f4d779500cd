/**
 * YOLOX pre- and post-processing, pure so that the Node (onnxruntime-node) and the browser
 * (onnxruntime-web) detectors share one tested implementation.
 *
 * Spec (../shared/models/yolox-nano/README.md, checked on real ICL frames in yoloxNode.test.ts):
 * input float32 [1,3,S,S], BGR, 0–255, letterboxed to the top-left corner (YOLOX's own `preproc`),
 * padded with 114; output [1, N, 5 + C] raw grid outputs for strides 8/16/32 in that order.
 */
import type { Detection, DetectionAlternative, RgbImage } from './types';
import { COCO_LABELS } from './coco';

export const YOLOX_INPUT_SIZE = 416;
export const YOLOX_STRIDES: readonly number[] = [8, 16, 32];
export const YOLOX_PAD_VALUE = 114;
export const YOLOX_DEFAULT_SCORE_THRESHOLD = 0.3;
export const YOLOX_DEFAULT_NMS_IOU = 0.45;
/** A box's other classes kept as `alternatives`: at most this many, each scoring at least this. */
export const YOLOX_MAX_ALTERNATIVES = 3;
export const YOLOX_MIN_ALTERNATIVE_SCORE = 0.02;

export class YoloxShapeError extends Error {
  override readonly name = 'YoloxShapeError';
}

export type ChannelOrder = 'bgr' | 'rgb';

export interface Letterboxed {
  /** NCHW float32, length 3*size*size. */
  readonly tensor: Float32Array;
  readonly size: number;
  /** Input pixels per source pixel: source coordinate = network coordinate / scale. */
  readonly scale: number;
}

/**
 * Resize keeping the aspect ratio so that the longer side is `size` (bilinear, OpenCV's half-pixel
 * centres as in YOLOX's cv2.resize), place at the top-left, pad with 114, write planar channels.
 */
export function letterbox(
  image: RgbImage,
  size: number = YOLOX_INPUT_SIZE,
  order: ChannelOrder = 'bgr',
): Letterboxed {
  const { width, height, data } = image;
  if (width <= 0 || height <= 0 || data.length !== width * height * 3) {
    throw new YoloxShapeError(
      `letterbox: image ${width}x${height} has ${data.length} bytes, expected ${width * height * 3}: pass interleaved 8-bit RGB`,
    );
  }
  const scale = Math.min(size / width, size / height);
  const outW = Math.min(size, Math.round(width * scale));
  const outH = Math.min(size, Math.round(height * scale));
  const plane = size * size;
  const tensor = new Float32Array(3 * plane).fill(YOLOX_PAD_VALUE);
  // Channel c of the source (R=0,G=1,B=2) goes to plane dst[c].
  const dst = order === 'bgr' ? [2, 1, 0] : [0, 1, 2];
  const sx = width / outW;
  const sy = height / outH;
  for (let y = 0; y < outH; y++) {
    const fy = Math.max(0, (y + 0.5) * sy - 0.5);
    const y0 = Math.min(height - 1, Math.floor(fy));
    const y1 = Math.min(height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < outW; x++) {
      const fx = Math.max(0, (x + 0.5) * sx - 0.5);
      const x0 = Math.min(width - 1, Math.floor(fx));
      const x1 = Math.min(width - 1, x0 + 1);
      const wx = fx - x0;
      const i00 = (y0 * width + x0) * 3;
      const i01 = (y0 * width + x1) * 3;
      const i10 = (y1 * width + x0) * 3;
      const i11 = (y1 * width + x1) * 3;
      const o = y * size + x;
      for (let c = 0; c < 3; c++) {
        const top = data[i00 + c] * (1 - wx) + data[i01 + c] * wx;
        const bottom = data[i10 + c] * (1 - wx) + data[i11 + c] * wx;
        tensor[dst[c] * plane + o] = top * (1 - wy) + bottom * wy;
      }
    }
  }
  return { tensor, size, scale };
}

/** Number of anchor points for a square input: 52²+26²+13² = 3549 at 416. */
export function yoloxAnchorCount(size: number = YOLOX_INPUT_SIZE, strides = YOLOX_STRIDES): number {
  return strides.reduce((n, s) => n + (size / s) * (size / s), 0);
}

export interface DecodeOptions {
  /** Source image size, for clipping boxes. */
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** From `letterbox`. */
  readonly scale: number;
  readonly inputSize?: number;
  readonly strides?: readonly number[];
  readonly labels?: readonly string[];
  readonly scoreThreshold?: number;
  readonly nmsIoU?: number;
  readonly maxDetections?: number;
}

/**
 * Decode raw YOLOX grid outputs into detections in source-image pixels: grid offset + exp size per
 * stride, score = objectness × best class score, threshold, class-wise NMS, best first.
 */
export function decodeYolox(output: Float32Array, opts: DecodeOptions): Detection[] {
  const size = opts.inputSize ?? YOLOX_INPUT_SIZE;
  const strides = opts.strides ?? YOLOX_STRIDES;
  const labels = opts.labels ?? COCO_LABELS;
  const threshold = opts.scoreThreshold ?? YOLOX_DEFAULT_SCORE_THRESHOLD;
  const stride = 5 + labels.length;
  const anchors = yoloxAnchorCount(size, strides);
  if (output.length !== anchors * stride) {
    throw new YoloxShapeError(
      `decodeYolox: output has ${output.length} values, expected ${anchors}x${stride} (input ${size}, ${labels.length} classes): check the model's input size and class count`,
    );
  }
  const candidates: Detection[] = [];
  let a = 0;
  for (const s of strides) {
    const grid = size / s;
    for (let gy = 0; gy < grid; gy++) {
      for (let gx = 0; gx < grid; gx++, a++) {
        const o = a * stride;
        const objectness = output[o + 4];
        if (objectness < threshold) continue; // class scores are ≤ 1, so the product cannot pass
        let best = 0;
        for (let c = 1; c < labels.length; c++) if (output[o + 5 + c] > output[o + 5 + best]) best = c;
        const score = objectness * output[o + 5 + best];
        if (score < threshold) continue;
        const cx = (output[o] + gx) * s;
        const cy = (output[o + 1] + gy) * s;
        const w = Math.exp(output[o + 2]) * s;
        const h = Math.exp(output[o + 3]) * s;
        const alternatives = alternativesAt(output, o + 5, labels, best, objectness);
        candidates.push({
          label: labels[best],
          score,
          ...(alternatives.length ? { alternatives } : {}),
          box: [
            clamp((cx - w / 2) / opts.scale, 0, opts.imageWidth),
            clamp((cy - h / 2) / opts.scale, 0, opts.imageHeight),
            clamp((cx + w / 2) / opts.scale, 0, opts.imageWidth),
            clamp((cy + h / 2) / opts.scale, 0, opts.imageHeight),
          ],
        });
      }
    }
  }
  const kept = nonMaxSuppression(candidates, opts.nmsIoU ?? YOLOX_DEFAULT_NMS_IOU);
  return opts.maxDetections === undefined ? kept : kept.slice(0, opts.maxDetections);
}

/** The other classes of one anchor scoring at least YOLOX_MIN_ALTERNATIVE_SCORE, best first (a few). */
function alternativesAt(
  output: Float32Array,
  at: number,
  labels: readonly string[],
  best: number,
  objectness: number,
): DetectionAlternative[] {
  const out: DetectionAlternative[] = [];
  for (let c = 0; c < labels.length; c++) {
    const score = objectness * output[at + c];
    if (c === best || score < YOLOX_MIN_ALTERNATIVE_SCORE) continue;
    out.push({ label: labels[c], score });
  }
  return out.sort((p, q) => q.score - p.score).slice(0, YOLOX_MAX_ALTERNATIVES);
}

/** Greedy NMS within each label; the result is sorted by score, best first. */
export function nonMaxSuppression(detections: readonly Detection[], iouThreshold: number): Detection[] {
  const sorted = [...detections].sort((p, q) => q.score - p.score);
  const kept: Detection[] = [];
  for (const d of sorted) {
    if (kept.every((k) => k.label !== d.label || iou(k.box, d.box) <= iouThreshold)) kept.push(d);
  }
  return kept;
}

export function iou(a: Detection['box'], b: Detection['box']): number {
  const iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (iw <= 0 || ih <= 0) return 0;
  const inter = iw * ih;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
  return union > 0 ? inter / union : 0;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
