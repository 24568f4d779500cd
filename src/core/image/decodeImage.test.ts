import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { zlibSync } from 'fflate';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeDepthPng, decodeRgbImage, ImageDecodeError, readImageSize } from './decodeImage';
import { decodePng } from './png';

const repoRoot = path.resolve(__dirname, '../../..');
const icl = path.resolve(repoRoot, '../shared/data/icl-livingroom');
const hasIcl = existsSync(path.join(icl, 'image/00000.jpg'));

/** Deterministic pixels so each filter type sees varied neighbours. */
function pattern(width: number, height: number, channels: number): Uint8Array {
  const out = new Uint8Array(width * height * channels);
  let s = 12345;
  for (let i = 0; i < out.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = (i * 7 + (s >>> 24)) & 0xff;
  }
  return out;
}

function pngjsEncode(
  w: number,
  h: number,
  rgba: Uint8Array,
  opts: { colorType: 0 | 2 | 4 | 6; filterType: number },
): Uint8Array {
  const png = new PNG({
    width: w,
    height: h,
    colorType: opts.colorType,
    inputColorType: 6,
    filterType: opts.filterType,
  });
  png.data = Buffer.from(rgba);
  return new Uint8Array(PNG.sync.write(png, { colorType: opts.colorType, filterType: opts.filterType }));
}

/** Hand-built chunk (for cases pngjs cannot write: palette, interlace flag). */
function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  let c = 0xffffffff;
  for (let i = 4; i < 8 + body.length; i++) {
    c ^= out[i];
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  view.setUint32(8 + body.length, (c ^ 0xffffffff) >>> 0);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function ihdr(w: number, h: number, depth: number, colourType: number, interlace = 0): Uint8Array {
  const b = new Uint8Array(13);
  const v = new DataView(b.buffer);
  v.setUint32(0, w);
  v.setUint32(4, h);
  b.set([depth, colourType, 0, 0, interlace], 8);
  return chunk('IHDR', b);
}

const SIG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

describe('decodePng', () => {
  it.each([0, 1, 2, 3, 4])('decodes RGBA with filter type %i exactly like pngjs', (filterType) => {
    const rgba = pattern(13, 9, 4);
    const file = pngjsEncode(13, 9, rgba, { colorType: 6, filterType });
    const png = decodePng(file);
    expect(png).toMatchObject({ width: 13, height: 9, channels: 4, bitDepth: 8 });
    expect(Array.from(png.data)).toEqual(Array.from(rgba));
  });

  it('decodes 8-bit RGB and grey', () => {
    const rgba = pattern(7, 5, 4);
    for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255; // opaque: pngjs blends alpha when dropping it
    const rgb = decodeRgbImage(pngjsEncode(7, 5, rgba, { colorType: 2, filterType: 4 }));
    expect(rgb.data.length).toBe(7 * 5 * 3);
    expect(Array.from(rgb.data.subarray(0, 6))).toEqual([
      rgba[0],
      rgba[1],
      rgba[2],
      rgba[4],
      rgba[5],
      rgba[6],
    ]);
    const grey = decodePng(pngjsEncode(7, 5, rgba, { colorType: 0, filterType: 1 }));
    expect(grey.channels).toBe(1);
    const ref = PNG.sync.read(Buffer.from(pngjsEncode(7, 5, rgba, { colorType: 0, filterType: 1 })));
    expect(Array.from(grey.data)).toEqual(Array.from({ length: 35 }, (_, i) => ref.data[i * 4]));
  });

  it('expands a 2-bit palette image with transparency', () => {
    // 3×1 pixels, indices 0, 2, 1 packed MSB-first into one byte: 00 10 01 00 → 0b00100100.
    const raw = zlibSync(new Uint8Array([0, 0b00100100]));
    const file = concat([
      SIG,
      ihdr(3, 1, 2, 3),
      chunk('PLTE', new Uint8Array([10, 20, 30, 40, 50, 60, 70, 80, 90])),
      chunk('tRNS', new Uint8Array([0])),
      chunk('IDAT', raw),
      chunk('IEND', new Uint8Array(0)),
    ]);
    const png = decodePng(file);
    expect(png.channels).toBe(4);
    expect(Array.from(png.data)).toEqual([10, 20, 30, 0, 70, 80, 90, 255, 40, 50, 60, 255]);
  });

  it('decodes 16-bit grey into millimetres → metres', () => {
    // 2×1: 1500 mm and 0 (no depth); the second row-less byte layout is big-endian.
    const raw = zlibSync(new Uint8Array([0, 1500 >> 8, 1500 & 0xff, 0, 0]));
    const file = concat([SIG, ihdr(2, 1, 16, 0), chunk('IDAT', raw), chunk('IEND', new Uint8Array(0))]);
    const depth = decodeDepthPng(file, 'depth/00000.png');
    expect(depth.width).toBe(2);
    expect(depth.data[0]).toBeCloseTo(1.5, 6);
    expect(depth.data[1]).toBe(0);
  });

  it('rejects interlaced, corrupt, truncated and non-PNG files with a named error', () => {
    const raw = zlibSync(new Uint8Array([0, 1, 2, 3]));
    const interlaced = concat([
      SIG,
      ihdr(1, 1, 8, 2, 1),
      chunk('IDAT', raw),
      chunk('IEND', new Uint8Array(0)),
    ]);
    expect(() => decodePng(interlaced, 'a.png')).toThrow(/a\.png: interlaced/);
    const good = pngjsEncode(4, 4, pattern(4, 4, 4), { colorType: 6, filterType: 0 });
    const corrupt = good.slice();
    corrupt[45] ^= 0xff; // inside the IDAT payload → CRC mismatch
    expect(() => decodePng(corrupt, 'b.png')).toThrow(/b\.png: IDAT chunk has a bad CRC/);
    expect(() => decodePng(good.subarray(0, good.length - 20), 'c.png')).toThrow(/c\.png: truncated/);
    expect(() => decodePng(new Uint8Array([1, 2, 3]), 'd.png')).toThrow(ImageDecodeError);
    const rgbPng = pngjsEncode(2, 2, pattern(2, 2, 4), { colorType: 2, filterType: 0 });
    expect(() => decodeDepthPng(rgbPng, 'depth/00001.png')).toThrow(
      /depth\/00001\.png: depth must be a 16-bit/,
    );
    expect(() => decodeRgbImage(new Uint8Array(20), 'x.jpg')).toThrow(/x\.jpg: neither a PNG nor a JPEG/);
  });
});

describe('JPEG', () => {
  it('decodes a jpeg-js encoded image and reads its size from the header', () => {
    const w = 16;
    const h = 8;
    const rgba = new Uint8Array(w * h * 4).fill(200);
    const file = new Uint8Array(jpeg.encode({ width: w, height: h, data: Buffer.from(rgba) }, 95).data);
    expect(readImageSize(file)).toEqual({ width: w, height: h });
    const img = decodeRgbImage(file);
    expect(img.width).toBe(w);
    expect(Math.abs(img.data[0] - 200)).toBeLessThanOrEqual(2);
    expect(() => decodeRgbImage(file.subarray(0, 40), 'cut.jpg')).toThrow(/cut\.jpg: JPEG does not decode/);
  });
});

describe.skipIf(!hasIcl)('real ICL frames (../shared/data/icl-livingroom)', () => {
  it('depth/00000.png equals pngjs, in metres', () => {
    const bytes = readFileSync(path.join(icl, 'depth/00000.png'));
    const ours = decodeDepthPng(new Uint8Array(bytes));
    const ref = PNG.sync.read(bytes, { skipRescale: true });
    expect([ours.width, ours.height]).toEqual([640, 480]);
    const refData = ref.data as unknown as Uint16Array;
    let maxErr = 0;
    for (let i = 0; i < ours.data.length; i++)
      maxErr = Math.max(maxErr, Math.abs(ours.data[i] - refData[i * 4] / 1000));
    expect(maxErr).toBeLessThan(1e-6);
    expect(Math.max(...ours.data.subarray(0, 10000))).toBeGreaterThan(0.9);
  });

  it('image/00000.jpg equals jpeg-js RGBA output', () => {
    const bytes = new Uint8Array(readFileSync(path.join(icl, 'image/00000.jpg')));
    const ours = decodeRgbImage(bytes);
    const ref = jpeg.decode(bytes, { useTArray: true });
    expect(readImageSize(bytes)).toEqual({ width: 640, height: 480 });
    for (const i of [0, 1000, 153_599, 307_199]) {
      expect([ours.data[i * 3], ours.data[i * 3 + 1], ours.data[i * 3 + 2]]).toEqual([
        ref.data[i * 4],
        ref.data[i * 4 + 1],
        ref.data[i * 4 + 2],
      ]);
    }
  });
});
