import { rgbaToRgb, type RgbaImage } from '../core/image/rgba';
import type { DepthImage, RgbImage } from '../core/perception/types';

/**
 * What `addFrame` accepts as an image, turned into the runtime's interleaved RGB. Pixels are always copied into
 * a fresh buffer, because the frame's buffer is then transferred to the worker and a caller's ImageData
 * must stay usable.
 */
export type FrameImage = ImageBitmap | ImageData | RgbImage;

export class FrameInputError extends Error {
  override name = 'FrameInputError';
}

/** RGB of RGBA bytes, after checking that there are width*height*4 of them. */
function checkedRgbaToRgb(img: RgbaImage): RgbImage {
  const n = img.width * img.height;
  if (!Number.isInteger(n) || n <= 0 || img.data.length !== n * 4) {
    throw new FrameInputError(
      `addFrame: the image is ${img.width}×${img.height} but has ${img.data.length} bytes, expected width*height*4 (RGBA); pass an ImageData, an ImageBitmap or {width, height, data} with interleaved RGB.`,
    );
  }
  return rgbaToRgb(img);
}

const isBitmap = (x: unknown): x is ImageBitmap =>
  typeof ImageBitmap !== 'undefined' && x instanceof ImageBitmap;

/** RGB pixels of a frame, in a buffer of their own. */
export function toRgbImage(image: FrameImage): RgbImage {
  if (isBitmap(image)) {
    const canvas = new OffscreenCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    if (!ctx)
      throw new FrameInputError('addFrame: this browser gives no 2D canvas to read the ImageBitmap with.');
    ctx.drawImage(image, 0, 0);
    return checkedRgbaToRgb(ctx.getImageData(0, 0, image.width, image.height));
  }
  const { width, height, data } = image as RgbaImage;
  if (!data || !(width > 0) || !(height > 0)) {
    throw new FrameInputError(
      'addFrame: the image has no width, height or data; pass an ImageData, an ImageBitmap or an RgbImage.',
    );
  }
  if (data.length === width * height * 4) return checkedRgbaToRgb(image as RgbaImage);
  if (data.length === width * height * 3) return { width, height, data: new Uint8Array(data) };
  throw new FrameInputError(
    `addFrame: the image is ${width}×${height} with ${data.length} bytes; expected width*height*3 (RGB) or *4 (RGBA).`,
  );
}

/** A copy of the depth, in its own buffer (it is transferred to the worker). */
export function copyDepth(depth: DepthImage, rgb: RgbImage): DepthImage {
  if (depth.width !== rgb.width || depth.height !== rgb.height) {
    throw new FrameInputError(
      `addFrame: depth is ${depth.width}×${depth.height} but the image is ${rgb.width}×${rgb.height}; resample the depth to the image size.`,
    );
  }
  return { width: depth.width, height: depth.height, data: new Float32Array(depth.data) };
}
