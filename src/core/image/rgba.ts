import type { RgbImage } from '../perception/types';

/** RGBA bytes as a canvas, ImageData or the WebXR camera image gives them. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray | Uint8Array;
}

/** RGBA → interleaved RGB in a fresh buffer (one that can be transferred to a worker). */
export function rgbaToRgb(img: RgbaImage): RgbImage {
  const n = img.width * img.height;
  const out = new Uint8Array(n * 3);
  const src = img.data;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    out[i * 3] = src[j];
    out[i * 3 + 1] = src[j + 1];
    out[i * 3 + 2] = src[j + 2];
  }
  return { width: img.width, height: img.height, data: out };
}
