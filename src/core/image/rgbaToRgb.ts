import type { RgbImage } from '../perception/types';

/** RGBA bytes (a canvas's ImageData, or a plain object of the same shape). */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray | Uint8Array;
}

/** RGBA → interleaved RGB in a fresh buffer (one that can be transferred to a worker); alpha is dropped. */
export function rgbaToRgb(img: RgbaImage): RgbImage {
  const n = img.width * img.height;
  const out = new Uint8Array(n * 3);
  const src = img.data;
  for (let p = 0, q = 0; q < n * 3; p += 4, q += 3) {
    out[q] = src[p];
    out[q + 1] = src[p + 1];
    out[q + 2] = src[p + 2];
  }
  return { width: img.width, height: img.height, data: out };
}
