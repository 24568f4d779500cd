/**
 * Size limits for decoded images, checked from the header before any pixel buffer is allocated: a tiny
 * file that claims 100000×100000 pixels must fail with a message, not exhaust memory. Sequence frames are
 * camera images (640×480 to 4K); 8192×8192 leaves room for panoramas and phone photos.
 */
export const MAX_IMAGE_SIDE = 16384;
export const MAX_IMAGE_PIXELS = 8192 * 8192;
/**
 * Decoded-sample budget for one PNG: within the pixel budget a 16-bit RGBA file still inflates 1000:1 from a
 * few hundred KB of zeros to 512 MB (plus as much again for its samples). 8192² 8-bit RGB fits.
 */
export const MAX_DECODED_BYTES = 256 * 1024 * 1024;

/** Why an image of this size is refused, or undefined when it is acceptable. */
export function imageSizeProblem(width: number, height: number): string | undefined {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0)
    return `bad image size ${width}×${height} (corrupt header)`;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS)
    return `image is ${width}×${height} pixels, more than this app decodes (at most ${MAX_IMAGE_SIDE} pixels a side and ${MAX_IMAGE_PIXELS / 1024 / 1024} megapixels); scale it down`;
  return undefined;
}
