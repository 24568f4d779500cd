import type { RawImage } from '@huggingface/transformers';
import type { RgbImage } from '../../core/perception/types';
import { EngineInputError } from './errors';

type RawImageClass = typeof RawImage;

/** Wraps an RgbImage as a Transformers.js RawImage without copying the pixels. */
export function toRawImage(Raw: RawImageClass, image: RgbImage, what: string): RawImage {
  const { width, height, data } = image;
  if (!(width > 0 && height > 0) || data.length !== width * height * 3) {
    throw new EngineInputError(
      `${what}: image is ${width}×${height} but has ${data.length} bytes (needs width*height*3 interleaved RGB)`,
    );
  }
  return new Raw(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width, height, 3);
}
