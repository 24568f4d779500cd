/**
 * Cheap image statistics for keyframe selection, on small grey thumbnails: a 320×240 frame becomes a few
 * thousand pixels, so each statistic costs well under a millisecond in the page.
 */

/** Pixels of a frame: interleaved RGB (3 channels) or RGBA (4, as canvas ImageData gives them). */
export interface PixelSource {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
  /** Bytes per pixel; inferred from the data length when omitted. */
  readonly channels?: 3 | 4;
}

export interface GreyImage {
  readonly width: number;
  readonly height: number;
  /** Luma 0–255, row-major. */
  readonly data: Float32Array;
}

export class ImageStatsError extends Error {
  override name = 'ImageStatsError';
}

function channelsOf(img: PixelSource): 3 | 4 {
  if (img.channels) return img.channels;
  const n = img.width * img.height;
  if (img.data.length === n * 4) return 4;
  if (img.data.length === n * 3) return 3;
  throw new ImageStatsError(
    `keyframes: a ${img.width}×${img.height} image has ${img.data.length} bytes; send RGB (w*h*3) or RGBA (w*h*4) pixels.`,
  );
}

/**
 * Box-averaged grey thumbnail at most `maxWidth` wide (aspect kept; never upscaled). Averaging every source
 * pixel (not sampling) keeps sensor noise from looking like change.
 */
export function greyThumbnail(img: PixelSource, maxWidth: number): GreyImage {
  const ch = channelsOf(img);
  const step = Math.max(1, Math.ceil(img.width / maxWidth));
  const w = Math.max(1, Math.floor(img.width / step));
  const h = Math.max(1, Math.floor(img.height / step));
  const out = new Float32Array(w * h);
  const src = img.data;
  const norm = 1 / (step * step);
  for (let ty = 0; ty < h; ty++) {
    for (let tx = 0; tx < w; tx++) {
      let sum = 0;
      for (let dy = 0; dy < step; dy++) {
        let p = ((ty * step + dy) * img.width + tx * step) * ch;
        for (let dx = 0; dx < step; dx++, p += ch) {
          // Rec. 601 luma.
          sum += 0.299 * src[p] + 0.587 * src[p + 1] + 0.114 * src[p + 2];
        }
      }
      out[ty * w + tx] = sum * norm;
    }
  }
  return { width: w, height: h, data: out };
}

/** Halves a grey image (2×2 box average): the coarse thumbnail that frame differences are taken on. */
export function halve(img: GreyImage): GreyImage {
  const w = Math.max(1, img.width >> 1);
  const h = Math.max(1, img.height >> 1);
  if (img.width < 2 || img.height < 2) return img;
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = 2 * y * img.width + 2 * x;
      out[y * w + x] =
        (img.data[p] + img.data[p + 1] + img.data[p + img.width] + img.data[p + img.width + 1]) / 4;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * Sharpness: variance of the 4-neighbour Laplacian over the interior. Motion blur removes the high
 * frequencies the Laplacian responds to, so a blurred frame scores far lower than a sharp one of the same view.
 */
export function laplacianVariance(img: GreyImage): number {
  const { width: w, height: h, data: d } = img;
  if (w < 3 || h < 3) return 0;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const p = y * w + x;
      const l = d[p - 1] + d[p + 1] + d[p - w] + d[p + w] - 4 * d[p];
      sum += l;
      sumSq += l * l;
      n++;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/**
 * Mean absolute grey difference (0–255) of two thumbnails of the same size, after removing the difference of
 * their means, so that auto-exposure brightening the whole frame is not mistaken for a new view.
 * Infinity when the sizes differ (a new resolution is always new).
 */
export function meanAbsDiff(a: GreyImage, b: GreyImage): number {
  if (a.width !== b.width || a.height !== b.height) return Infinity;
  const n = a.data.length;
  let offset = 0;
  for (let i = 0; i < n; i++) offset += a.data[i] - b.data[i];
  offset /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(a.data[i] - b.data[i] - offset);
  return s / n;
}
