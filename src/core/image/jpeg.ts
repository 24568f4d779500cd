import { decode } from 'jpeg-js';
import type { RgbImage } from '../perception/types';
import { imageSizeProblem } from './limits';
import { ImageDecodeError } from './png';

/** JPEG → interleaved RGB through jpeg-js (pure JS; typed arrays only, so no Node Buffer is needed). */

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** Decodes a baseline or progressive JPEG; grey JPEGs come back as RGB with equal channels. */
export function decodeJpeg(bytes: Uint8Array, name = 'JPEG'): RgbImage {
  if (!isJpeg(bytes)) throw new ImageDecodeError(`${name}: not a JPEG file (bad signature)`);
  // Refuse an oversized frame from its header, before jpeg-js allocates the pixels.
  const size = jpegSize(bytes);
  const sizeProblem = size && imageSizeProblem(size.width, size.height);
  if (sizeProblem) throw new ImageDecodeError(`${name}: ${sizeProblem}`);
  let img: { width: number; height: number; data: Uint8Array };
  try {
    img = decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      tolerantDecoding: false,
      maxResolutionInMP: 64,
    });
  } catch (e) {
    throw new ImageDecodeError(`${name}: JPEG does not decode (${(e as Error).message})`);
  }
  if (!img.width || !img.height || img.data.length !== img.width * img.height * 3)
    throw new ImageDecodeError(`${name}: JPEG decoded to an empty or inconsistent image`);
  return { width: img.width, height: img.height, data: img.data };
}

/** Width and height from the first SOF marker, without decoding the pixels. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  let pos = 2;
  while (pos + 9 < bytes.length) {
    if (bytes[pos] !== 0xff) return undefined;
    const marker = bytes[pos + 1];
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    const length = (bytes[pos + 2] << 8) | bytes[pos + 3];
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      return {
        height: (bytes[pos + 5] << 8) | bytes[pos + 6],
        width: (bytes[pos + 7] << 8) | bytes[pos + 8],
      };
    }
    if (marker === 0xda || marker === 0xd9) return undefined; // scan data before any SOF: broken file
    pos += 2 + length;
  }
  return undefined;
}
