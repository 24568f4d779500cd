import { zlibSync } from 'fflate';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeDepthPng, decodeRgbImage, ImageDecodeError, readImageSize } from './decodeImage';
import { MAX_DECODED_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './limits';
import { decodePng } from './png';
import { encodeGrey16Png, encodeRgbPng } from './pngEncode';

/** Bad images: each is refused with ImageDecodeError whose message names the file and the problem. */

const SIG = [137, 80, 78, 71, 13, 10, 26, 10];

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): number[] {
  const head = [...type].map((c) => c.charCodeAt(0));
  const crc = crc32(new Uint8Array([...head, ...body]));
  const be = (n: number) => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  return [...be(body.length), ...head, ...body, ...be(crc)];
}

/** A well-formed PNG whose header claims `w`×`h` but whose image data is one tiny zlib stream. */
function pngClaiming(w: number, h: number, depth = 8, colourType = 0): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, w);
  v.setUint32(4, h);
  ihdr.set([depth, colourType, 0, 0, 0], 8);
  return new Uint8Array([
    ...SIG,
    ...chunk('IHDR', ihdr),
    ...chunk('IDAT', zlibSync(new Uint8Array(64))),
    ...chunk('IEND', new Uint8Array(0)),
  ]);
}

const rgb = (w: number, h: number) => encodeRgbPng(w, h, new Uint8Array(w * h * 3).fill(90));
const depth16 = (w: number, h: number) => encodeGrey16Png(w, h, new Uint16Array(w * h).fill(1200));

function smallJpeg(w = 16, h = 8): Uint8Array {
  const data = Buffer.alloc(w * h * 4, 180);
  return new Uint8Array(jpeg.encode({ width: w, height: h, data }, 90).data);
}

/** Patches the first SOF marker's height and width. */
function jpegClaiming(w: number, h: number): Uint8Array {
  const out = smallJpeg().slice();
  for (let i = 2; i + 8 < out.length; i++) {
    if (out[i] === 0xff && out[i + 1] === 0xc0) {
      out.set([h >> 8, h & 0xff, w >> 8, w & 0xff], i + 5);
      return out;
    }
  }
  throw new Error('test setup: no SOF0 marker');
}

function caught(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('empty files', () => {
  it.each([
    ['decodeRgbImage', () => decodeRgbImage(new Uint8Array(0), 'image/00003.png')],
    ['decodeDepthPng', () => decodeDepthPng(new Uint8Array(0), 'image/00003.png')],
    ['readImageSize', () => readImageSize(new Uint8Array(0), 'image/00003.png')],
  ])('%s says the file is empty', (_name, fn) => {
    const e = caught(fn);
    expect(e).toBeInstanceOf(ImageDecodeError);
    expect(e.message).toBe('image/00003.png: empty file (0 bytes)');
  });
});

describe('truncated files', () => {
  const png = rgb(12, 9);
  // 33 = right after IHDR, 45 = inside IDAT, length − 13 = IDAT's CRC cut. (Only IEND missing still decodes:
  // every pixel is there.)
  it.each([9, 20, 33, 45, png.length - 13, png.length - 1])(
    'a PNG cut to %i bytes is refused as truncated',
    (n) => {
      const e = caught(() => decodeRgbImage(png.subarray(0, n), 'image/00001.png'));
      expect(e).toBeInstanceOf(ImageDecodeError);
      expect(e.message).toMatch(/^image\/00001\.png: truncated/);
    },
  );

  it('a PNG cut inside the 8-byte signature is not taken for a PNG', () => {
    const e = caught(() => decodeRgbImage(png.subarray(0, 5), 'image/00001.png'));
    expect(e.message).toBe('image/00001.png: neither a PNG nor a JPEG file');
  });

  it('a JPEG cut in its scan data does not decode', () => {
    const j = smallJpeg();
    const e = caught(() => decodeRgbImage(j.subarray(0, j.length - 30), 'image/00002.jpg'));
    expect(e).toBeInstanceOf(ImageDecodeError);
    expect(e.message).toMatch(/^image\/00002\.jpg: JPEG does not decode/);
  });

  it('a JPEG cut before its frame header has no size', () => {
    const e = caught(() => readImageSize(smallJpeg().subarray(0, 12), 'image/00002.jpg'));
    expect(e.message).toBe('image/00002.jpg: JPEG has no frame header (corrupt file)');
  });
});

describe('corrupt files', () => {
  it('a flipped byte in a PNG chunk fails its CRC, naming the chunk', () => {
    const png = rgb(12, 9).slice();
    png[50] ^= 0x55; // inside IDAT
    const e = caught(() => decodeRgbImage(png, 'image/00004.png'));
    expect(e).toBeInstanceOf(ImageDecodeError);
    expect(e.message).toBe('image/00004.png: IDAT chunk has a bad CRC (corrupt file)');
  });

  it('image data that is not zlib (with a valid CRC) does not decompress', () => {
    const ihdr = new Uint8Array([0, 0, 0, 4, 0, 0, 0, 4, 8, 0, 0, 0, 0]);
    const file = new Uint8Array([
      ...SIG,
      ...chunk('IHDR', ihdr),
      ...chunk('IDAT', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])),
      ...chunk('IEND', new Uint8Array(0)),
    ]);
    const e = caught(() => decodePng(file, 'depth/00000.png'));
    expect(e).toBeInstanceOf(ImageDecodeError);
    expect(e.message).toMatch(/^depth\/00000\.png: image data does not decompress/);
  });

  it('a PNG signature followed by garbage has no IHDR', () => {
    const file = new Uint8Array([...SIG, ...new Array(40).fill(7)]);
    expect(caught(() => readImageSize(file, 'image/00000.png')).message).toBe(
      'image/00000.png: PNG does not start with an IHDR chunk (corrupt file)',
    );
    expect(caught(() => decodeRgbImage(file, 'image/00000.png'))).toBeInstanceOf(ImageDecodeError);
  });

  it('a JPEG without its Huffman tables does not decode (jpeg-js TypeError becomes ImageDecodeError)', () => {
    const j = smallJpeg();
    const dht = j.findIndex((b, i) => b === 0xff && j[i + 1] === 0xc4);
    const len = (j[dht + 2] << 8) | j[dht + 3];
    const file = new Uint8Array([...j.subarray(0, dht), ...j.subarray(dht + 2 + len)]);
    const e = caught(() => decodeRgbImage(file, 'image/00005.jpg'));
    expect(e).toBeInstanceOf(ImageDecodeError);
    expect(e.message).toMatch(/^image\/00005\.jpg: JPEG does not decode \(/);
  });

  it('a file of text is neither PNG nor JPEG', () => {
    const e = caught(() => decodeRgbImage(new TextEncoder().encode('<html>404</html>'), 'image/00000.png'));
    expect(e.message).toBe('image/00000.png: neither a PNG nor a JPEG file');
  });
});

describe('oversized images are refused from the header, before allocating pixels', () => {
  it('a 100-byte PNG claiming 100000×100000 fails at once with a size message', () => {
    const file = pngClaiming(100_000, 100_000);
    expect(file.length).toBeLessThan(120);
    for (const fn of [decodePng, decodeRgbImage, readImageSize]) {
      const e = caught(() => fn(file, 'image/00000.png'));
      expect(e).toBeInstanceOf(ImageDecodeError);
      expect(e.message).toMatch(
        /^image\/00000\.png: image is 100000×100000 pixels, more than this app decodes \(at most 16384 pixels a side and 64 megapixels\); scale it down$/,
      );
    }
  });

  it('a header within the side limit but over the pixel budget (12000×12000, 16-bit RGBA) never allocates its 1.1 GB', () => {
    // 12000² × 8 bytes ≈ 1.15 GB: without the budget the decoder would allocate it before finding the data short.
    const file = pngClaiming(12_000, 12_000, 16, 6);
    const before = process.memoryUsage().arrayBuffers;
    const t0 = performance.now();
    const e = caught(() => decodePng(file, 'image/00007.png'));
    expect(performance.now() - t0).toBeLessThan(2000); // refused from the header: generous for a busy machine
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
    expect(e.message).toMatch(/^image\/00007\.png: image is 12000×12000 pixels, more than this app decodes/);
  });

  it('the limits: one pixel past a side or past the budget is refused, the limits themselves are not', () => {
    expect(caught(() => readImageSize(pngClaiming(MAX_IMAGE_SIDE + 1, 1))).message).toMatch(
      /16385×1 pixels, more than/,
    );
    expect(caught(() => readImageSize(pngClaiming(8193, 8192))).message).toMatch(/8193×8192 pixels/);
    expect(readImageSize(pngClaiming(MAX_IMAGE_SIDE, 1))).toEqual({ width: MAX_IMAGE_SIDE, height: 1 });
    expect(readImageSize(pngClaiming(8192, 8192))).toEqual({ width: 8192, height: 8192 });
    expect(8192 * 8192).toBe(MAX_IMAGE_PIXELS);
    // A wide strip at the side limit still decodes.
    const strip = decodeRgbImage(encodeRgbPng(MAX_IMAGE_SIDE, 1, new Uint8Array(MAX_IMAGE_SIDE * 3).fill(4)));
    expect(strip.width).toBe(MAX_IMAGE_SIDE);
  });

  it('a header within the pixel budget whose samples exceed the byte budget (8192² 16-bit RGBA) is refused', () => {
    // Such a file can be a few hundred KB of compressed zeros that inflate to 512 MB: refuse it before inflating.
    const file = pngClaiming(8192, 8192, 16, 6);
    const before = process.memoryUsage().arrayBuffers;
    const e = caught(() => decodeRgbImage(file, 'image/00008.png'));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
    expect(e).toBeInstanceOf(ImageDecodeError);
    expect(e.message).toBe(
      `image/00008.png: a 8192×8192 16-bit image with 4 channel(s) decodes to 512 MB, more than the ${MAX_DECODED_BYTES / 1024 / 1024} MB this app decodes; scale it down or save it as 8-bit RGB`,
    );
    // 8-bit RGB at the same size stays within both budgets (rows of 3·8192 bytes plus a filter byte).
    expect(8192 * (8192 * 3 + 1)).toBeLessThan(MAX_DECODED_BYTES);
  });

  it('a zero-sized PNG header is refused as corrupt', () => {
    expect(caught(() => decodePng(pngClaiming(0, 5), 'a.png')).message).toBe(
      'a.png: bad image size 0×5 (corrupt header)',
    );
  });

  it('a JPEG whose frame header claims 12000×6000 (72 MP) is refused before jpeg-js decodes it', () => {
    const file = jpegClaiming(12_000, 6_000);
    expect(caught(() => readImageSize(file, 'image/00009.jpg')).message).toMatch(
      /^image\/00009\.jpg: image is 12000×6000 pixels, more than this app decodes/,
    );
    expect(caught(() => decodeRgbImage(file, 'image/00009.jpg')).message).toMatch(
      /^image\/00009\.jpg: image is 12000×6000 pixels, more than this app decodes/,
    );
  });
});

describe('depth PNGs of the wrong kind', () => {
  it.each([
    ['8-bit grey', encodeRgbPng(4, 3, new Uint8Array(36)), /got 8-bit with 3 channel/],
    ['16-bit RGB', pngClaiming(1, 1, 16, 2), /./],
  ])('%s is refused with what a depth PNG must be', (_name, file, detail) => {
    const e = caught(() => decodeDepthPng(file, 'depth/00012.png'));
    expect(e).toBeInstanceOf(ImageDecodeError);
    expect(e.message).toMatch(/^depth\/00012\.png: /);
    expect(e.message).toMatch(detail);
  });

  it('an 8-bit greyscale depth says it must be 16-bit millimetres', () => {
    const ihdr = new Uint8Array([0, 0, 0, 2, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
    const file = new Uint8Array([
      ...SIG,
      ...chunk('IHDR', ihdr),
      ...chunk('IDAT', zlibSync(new Uint8Array([0, 10, 20]))),
      ...chunk('IEND', new Uint8Array(0)),
    ]);
    expect(caught(() => decodeDepthPng(file, 'depth/00000.png')).message).toBe(
      'depth/00000.png: depth must be a 16-bit greyscale PNG in millimetres, got 8-bit with 1 channel(s)',
    );
  });

  it('a JPEG given as depth is not a PNG', () => {
    const e = caught(() => decodeDepthPng(smallJpeg(), 'depth/00000.png'));
    expect(e.message).toBe('depth/00000.png: not a PNG file (bad signature)');
  });

  it('a valid 16-bit depth still decodes (control)', () => {
    const d = decodeDepthPng(depth16(5, 4), 'depth/00000.png');
    expect(d.data[19]).toBeCloseTo(1.2, 6);
  });
});
