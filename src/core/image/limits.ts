/**
 * Size limits for decoded images, checked from the header before any pixel buffer is allocated: a tiny
 * file that claims 100000×100000 pixels must fail with a message, not exhaust memory. Sequence frames are
 * camera images (640×480 to 4K); 8192×8192 leaves room for panoramas and phone photos.
 */
export const MAX_IMAGE_SIDE = 16384;
export const MAX_IMAGE_PIXELS = 8192 * 8192;

/** Why an image of this size is refused, or undefined when it is acceptable. */
export function imageSizeProblem(width: number, height: number): string | undefined {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0)
    return `bad image size ${width}×${height} (corrupt header)`;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS)
    return `image is ${width}×${height} pixels, more than this app decodes (at most ${MAX_IMAGE_SIDE} pixels a side and ${MAX_IMAGE_PIXELS / 1024 / 1024} megapixels); scale it down`;
  return undefined;
}
