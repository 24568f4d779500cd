import type { DepthImage, RgbImage } from '../perception/types';
import { decodeJpeg, isJpeg, jpegSize } from './jpeg';
import { imageSizeProblem } from './limits';
import { decodePng, ImageDecodeError, isPng } from './png';

export { ImageDecodeError } from './png';

/** Colour image (PNG or JPEG, recognised by content, not by name) → interleaved 8-bit RGB. */
export function decodeRgbImage(bytes: Uint8Array, name = 'image'): RgbImage {
  if (isJpeg(bytes)) return decodeJpeg(bytes, name);
  if (!isPng(bytes))
    throw new ImageDecodeError(
      bytes.length === 0 ? `${name}: empty file (0 bytes)` : `${name}: neither a PNG nor a JPEG file`,
    );
  const png = decodePng(bytes, name);
  const { width, height, channels } = png;
  const n = width * height;
  const out = new Uint8Array(n * 3);
  // 16-bit colour keeps its high byte; alpha is dropped (sequence frames are opaque camera images).
  const shift = png.bitDepth === 16 ? 8 : 0;
  const src = png.data;
  for (let i = 0; i < n; i++) {
    const s = i * channels;
    if (channels >= 3) {
      out[i * 3] = src[s] >> shift;
      out[i * 3 + 1] = src[s + 1] >> shift;
      out[i * 3 + 2] = src[s + 2] >> shift;
    } else {
      const g = src[s] >> shift;
      out[i * 3] = g;
      out[i * 3 + 1] = g;
      out[i * 3 + 2] = g;
    }
  }
  return { width, height, data: out };
}

/**
 * Depth PNG (16-bit grey, integer units of 1/`unitsPerMetre` m — millimetres by default) → metres.
 * 0 stays 0 (= no depth).
 */
export function decodeDepthPng(bytes: Uint8Array, name = 'depth', unitsPerMetre = 1000): DepthImage {
  const png = decodePng(bytes, name);
  if (png.channels !== 1 || png.bitDepth !== 16)
    throw new ImageDecodeError(
      `${name}: depth must be a 16-bit greyscale PNG in millimetres, got ${png.bitDepth}-bit with ${png.channels} channel(s)`,
    );
  const src = png.data;
  const out = new Float32Array(src.length);
  const scale = 1 / unitsPerMetre;
  for (let i = 0; i < src.length; i++) out[i] = src[i] * scale;
  return { width: png.width, height: png.height, data: out };
}

/** Image size from the PNG/JPEG header alone (cheap: used to validate a folder without decoding it). */
export function readImageSize(bytes: Uint8Array, name = 'image'): { width: number; height: number } {
  const size = headerSize(bytes, name);
  const problem = imageSizeProblem(size.width, size.height);
  if (problem) throw new ImageDecodeError(`${name}: ${problem}`);
  return size;
}

function headerSize(bytes: Uint8Array, name: string): { width: number; height: number } {
  if (isPng(bytes)) {
    if (bytes.length < 24) throw new ImageDecodeError(`${name}: truncated PNG header`);
    const ihdr = String.fromCharCode(...bytes.subarray(12, 16));
    if (ihdr !== 'IHDR')
      throw new ImageDecodeError(`${name}: PNG does not start with an IHDR chunk (corrupt file)`);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (isJpeg(bytes)) {
    const size = jpegSize(bytes);
    if (!size) throw new ImageDecodeError(`${name}: JPEG has no frame header (corrupt file)`);
    return size;
  }
  if (bytes.length === 0) throw new ImageDecodeError(`${name}: empty file (0 bytes)`);
  throw new ImageDecodeError(`${name}: neither a PNG nor a JPEG file`);
}
