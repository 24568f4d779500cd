import { zlibSync } from 'fflate';

/**
 * A small pure-TS PNG encoder (8-bit RGB and 16-bit grey) so that generated scenes are written in the
 * exact sequence-folder layout from Node, workers and pages alike. Rows use the "up" filter, which
 * compresses smooth depth and flat-shaded colour well at a fast zlib level.
 */
let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function encode(
  width: number,
  height: number,
  colourType: 0 | 2,
  bitDepth: 8 | 16,
  raw: Uint8Array,
  level: number,
): Uint8Array {
  const stride = raw.length / height;
  const filtered = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1);
    filtered[o] = y === 0 ? 0 : 2;
    const row = y * stride;
    if (y === 0) filtered.set(raw.subarray(0, stride), o + 1);
    else for (let i = 0; i < stride; i++) filtered[o + 1 + i] = (raw[row + i] - raw[row - stride + i]) & 0xff;
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = bitDepth;
  ihdr[9] = colourType;
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibSync(filtered, { level: level as 1 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

/** 8-bit RGB PNG from interleaved RGB bytes (length width*height*3). */
export function encodeRgbPng(width: number, height: number, rgb: Uint8Array, level = 3): Uint8Array {
  if (rgb.length !== width * height * 3)
    throw new RangeError(`encodeRgbPng: expected ${width * height * 3} bytes, got ${rgb.length}`);
  return encode(width, height, 2, 8, rgb, level);
}

/** 16-bit grey PNG (big-endian samples), e.g. depth in millimetres. */
export function encodeGrey16Png(width: number, height: number, values: Uint16Array, level = 3): Uint8Array {
  if (values.length !== width * height)
    throw new RangeError(`encodeGrey16Png: expected ${width * height} values, got ${values.length}`);
  const raw = new Uint8Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    raw[2 * i] = values[i] >>> 8;
    raw[2 * i + 1] = values[i] & 0xff;
  }
  return encode(width, height, 0, 16, raw, level);
}
