import { unzlibSync } from 'fflate';
import { imageSizeProblem, MAX_DECODED_BYTES } from './limits';

/**
 * A pure-TS PNG decoder (no DOM, no Node built-ins) so that sequence frames decode the same way in Node,
 * workers and pages. Handles every non-interlaced colour type and bit depth; interlaced files are refused.
 *
 * Why not fast-png (weighed for the package, v8): it inflates IDAT through a streaming inflater with no output
 * bound, so a small file that claims a small image can still inflate to gigabytes; here the output buffer is
 * sized from the checked header (`unzlibSync(…, { out })`). It also returns sub-byte samples packed and
 * palettes unexpanded, so the expansion below would stay, and it names neither the file nor the chunk in its
 * errors. What it would replace is the unfilter loop alone.
 */

/** A file that is not a decodable image; the message names the file and the problem. */
export class ImageDecodeError extends Error {
  override name = 'ImageDecodeError';
}

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  /** 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA (palette images are expanded to 3 or 4). */
  readonly channels: 1 | 2 | 3 | 4;
  /** 8 (Uint8Array samples) or 16 (Uint16Array samples). Sub-byte depths are expanded to 8. */
  readonly bitDepth: 8 | 16;
  readonly data: Uint8Array | Uint16Array;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const CHANNELS_OF_TYPE: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS_OF_TYPE: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array, start: number, end: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Decodes a PNG file. `name` only labels error messages. */
export function decodePng(bytes: Uint8Array, name = 'PNG'): DecodedPng {
  const fail = (problem: string): never => {
    throw new ImageDecodeError(`${name}: ${problem}`);
  };
  if (!isPng(bytes)) fail(bytes.length === 0 ? 'empty file (0 bytes)' : 'not a PNG file (bad signature)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colourType = -1;
  let palette: Uint8Array | undefined;
  let paletteAlpha: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  let idatLength = 0;
  let sawEnd = false;
  while (pos < bytes.length && !sawEnd) {
    if (pos + 12 > bytes.length) fail('truncated chunk header');
    const length = view.getUint32(pos);
    const type = String.fromCharCode(bytes[pos + 4], bytes[pos + 5], bytes[pos + 6], bytes[pos + 7]);
    const dataStart = pos + 8;
    const dataEnd = dataStart + length;
    if (dataEnd + 4 > bytes.length) fail(`truncated ${type} chunk (file is cut short)`);
    if (crc32(bytes, pos + 4, dataEnd) !== view.getUint32(dataEnd))
      fail(`${type} chunk has a bad CRC (corrupt file)`);
    const body = bytes.subarray(dataStart, dataEnd);
    if (type === 'IHDR') {
      if (length !== 13) fail('IHDR chunk has the wrong length');
      width = view.getUint32(dataStart);
      height = view.getUint32(dataStart + 4);
      bitDepth = body[8];
      colourType = body[9];
      if (body[10] !== 0 || body[11] !== 0) fail('unknown compression or filter method');
      if (body[12] !== 0) fail('interlaced PNGs are not supported (re-save it without interlacing)');
    } else if (type === 'PLTE') {
      palette = body;
    } else if (type === 'tRNS') {
      paletteAlpha = body;
    } else if (type === 'IDAT') {
      idat.push(body);
      idatLength += length;
    } else if (type === 'IEND') {
      sawEnd = true;
    }
    pos = dataEnd + 4;
  }
  if (colourType < 0) fail('missing IHDR chunk');
  const sizeProblem = imageSizeProblem(width, height);
  if (sizeProblem) fail(sizeProblem);
  const allowedDepths = DEPTHS_OF_TYPE[colourType];
  if (!allowedDepths) fail(`unknown colour type ${colourType}`);
  if (!allowedDepths.includes(bitDepth))
    fail(`bit depth ${bitDepth} is invalid for colour type ${colourType}`);
  if (colourType === 3 && !palette) fail('palette image without a PLTE chunk');
  // A file cut exactly at a chunk boundary parses cleanly up to there: without IEND, say it is truncated.
  if (idat.length === 0)
    fail(sawEnd ? 'no image data (IDAT chunk missing)' : 'truncated: the file ends before its image data');

  let compressed: Uint8Array;
  if (idat.length === 1) compressed = idat[0];
  else {
    compressed = new Uint8Array(idatLength);
    let o = 0;
    for (const c of idat) {
      compressed.set(c, o);
      o += c.length;
    }
  }
  const samplesPerPixel = CHANNELS_OF_TYPE[colourType];
  const bitsPerPixel = samplesPerPixel * bitDepth;
  const rowBytes = Math.ceil((width * bitsPerPixel) / 8);
  const expected = height * (rowBytes + 1);
  if (expected > MAX_DECODED_BYTES)
    fail(
      `a ${width}×${height} ${bitDepth}-bit image with ${samplesPerPixel} channel(s) decodes to ${Math.round(expected / 1024 / 1024)} MB, more than the ${MAX_DECODED_BYTES / 1024 / 1024} MB this app decodes; scale it down or save it as 8-bit RGB`,
    );
  let raw: Uint8Array;
  try {
    raw = unzlibSync(compressed, { out: new Uint8Array(expected) });
  } catch (e) {
    return fail(`${sawEnd ? '' : 'truncated: '}image data does not decompress (${(e as Error).message})`);
  }
  if (raw.length < expected)
    fail(`${sawEnd ? '' : 'truncated: '}image data is too short (${raw.length} of ${expected} bytes)`);
  unfilter(raw, height, rowBytes, Math.max(1, bitsPerPixel >> 3), fail);
  return expand(raw, width, height, rowBytes, bitDepth, colourType, palette, paletteAlpha, fail);
}

/** Reverses the per-row PNG filters in place; rows keep their leading filter byte. */
function unfilter(
  raw: Uint8Array,
  height: number,
  rowBytes: number,
  bpp: number,
  fail: (p: string) => never,
): void {
  const stride = rowBytes + 1;
  for (let y = 0; y < height; y++) {
    const row = y * stride + 1;
    const prev = row - stride; // only read when y > 0
    const filter = raw[row - 1];
    switch (filter) {
      case 0:
        break;
      case 1:
        for (let i = bpp; i < rowBytes; i++) raw[row + i] = (raw[row + i] + raw[row + i - bpp]) & 0xff;
        break;
      case 2:
        if (y > 0) for (let i = 0; i < rowBytes; i++) raw[row + i] = (raw[row + i] + raw[prev + i]) & 0xff;
        break;
      case 3:
        for (let i = 0; i < rowBytes; i++) {
          const left = i >= bpp ? raw[row + i - bpp] : 0;
          const up = y > 0 ? raw[prev + i] : 0;
          raw[row + i] = (raw[row + i] + ((left + up) >> 1)) & 0xff;
        }
        break;
      case 4:
        for (let i = 0; i < rowBytes; i++) {
          const a = i >= bpp ? raw[row + i - bpp] : 0;
          const b = y > 0 ? raw[prev + i] : 0;
          const c = i >= bpp && y > 0 ? raw[prev + i - bpp] : 0;
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          const pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          raw[row + i] = (raw[row + i] + pred) & 0xff;
        }
        break;
      default:
        fail(`row ${y} has an unknown filter type ${filter} (corrupt file)`);
    }
  }
}

function expand(
  raw: Uint8Array,
  width: number,
  height: number,
  rowBytes: number,
  bitDepth: number,
  colourType: number,
  palette: Uint8Array | undefined,
  paletteAlpha: Uint8Array | undefined,
  fail: (p: string) => never,
): DecodedPng {
  const stride = rowBytes + 1;
  const samples = CHANNELS_OF_TYPE[colourType];
  if (bitDepth === 16) {
    const out = new Uint16Array(width * height * samples);
    const n = width * samples;
    for (let y = 0; y < height; y++) {
      const row = y * stride + 1;
      const o = y * n;
      for (let i = 0; i < n; i++) out[o + i] = (raw[row + 2 * i] << 8) | raw[row + 2 * i + 1];
    }
    return { width, height, channels: samples as 1 | 2 | 3 | 4, bitDepth: 16, data: out };
  }
  // 8-bit or sub-byte: first unpack to one byte per sample (grey values scaled to 0–255, palette indices kept).
  const n = width * samples;
  const unpacked = new Uint8Array(width * height * samples);
  if (bitDepth === 8) {
    for (let y = 0; y < height; y++) unpacked.set(raw.subarray(y * stride + 1, y * stride + 1 + n), y * n);
  } else {
    const perByte = 8 / bitDepth;
    const mask = (1 << bitDepth) - 1;
    const scale = colourType === 3 ? 1 : 255 / mask;
    for (let y = 0; y < height; y++) {
      const row = y * stride + 1;
      for (let x = 0; x < width; x++) {
        const byte = raw[row + Math.floor(x / perByte)];
        const shift = 8 - bitDepth * ((x % perByte) + 1);
        unpacked[y * width + x] = ((byte >> shift) & mask) * scale;
      }
    }
  }
  if (colourType !== 3)
    return { width, height, channels: samples as 1 | 2 | 3 | 4, bitDepth: 8, data: unpacked };
  const pal = palette as Uint8Array;
  const entries = Math.floor(pal.length / 3);
  const withAlpha = paletteAlpha !== undefined;
  const ch = withAlpha ? 4 : 3;
  const out = new Uint8Array(width * height * ch);
  for (let i = 0; i < width * height; i++) {
    const idx = unpacked[i];
    if (idx >= entries) fail(`palette index ${idx} is outside the ${entries}-entry palette`);
    out[i * ch] = pal[idx * 3];
    out[i * ch + 1] = pal[idx * 3 + 1];
    out[i * ch + 2] = pal[idx * 3 + 2];
    if (withAlpha) out[i * ch + 3] = idx < paletteAlpha.length ? paletteAlpha[idx] : 255;
  }
  return { width, height, channels: ch, bitDepth: 8, data: out };
}
