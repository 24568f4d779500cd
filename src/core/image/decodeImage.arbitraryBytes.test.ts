import fc from 'fast-check';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { fastestRunMs } from '../../../test/runTime';
import { decodeDepthPng, decodeRgbImage, ImageDecodeError, readImageSize } from './decodeImage';
import { encodeGrey16Png, encodeRgbPng } from './pngEncode';

/**
 * Property-based fuzzing of the image decoders (fixed seeds, bounded runs): whatever the bytes, each entry
 * point returns an image or throws ImageDecodeError — never a TypeError/RangeError from deep inside, and
 * never a hang (every call is timed).
 */

const SEED = 0x5eed;
const SLOW_MS = 500;

type Decoder = (bytes: Uint8Array, name: string) => unknown;
const decoders: [string, Decoder][] = [
  ['decodeRgbImage', decodeRgbImage],
  ['decodeDepthPng', decodeDepthPng],
  ['readImageSize', readImageSize],
];

/** Runs every decoder; fails the property on a foreign error or a slow call. */
function onlyDecodeErrors(bytes: Uint8Array): void {
  for (const [name, decode] of decoders) {
    const { out: error, ms } = fastestRunMs(() => {
      try {
        decode(bytes, 'fuzz.png');
        return undefined;
      } catch (e) {
        return e;
      }
    }, SLOW_MS);
    if (error !== undefined) {
      if (!(error instanceof ImageDecodeError))
        throw new Error(`${name} threw ${(error as Error).name}: ${(error as Error).message}`);
      expect(error.message.startsWith('fuzz.png: ')).toBe(true);
    }
    if (ms > SLOW_MS)
      throw new Error(`${name} took ${ms.toFixed(0)} ms on ${bytes.length} bytes (fastest of 3 runs)`);
  }
}

let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Rewrites every complete chunk's CRC so that mutations get past the CRC check into the decoder proper. */
function fixCrcs(png: Uint8Array): Uint8Array {
  const out = png.slice();
  const view = new DataView(out.buffer);
  let pos = 8;
  while (pos + 12 <= out.length) {
    const len = view.getUint32(pos);
    if (pos + 12 + len > out.length) break;
    view.setUint32(pos + 8 + len, crc32(out.subarray(pos + 4, pos + 8 + len)));
    pos += 12 + len;
  }
  return out;
}

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
);

function mutate(bytes: Uint8Array, ms: readonly Mutation[]): Uint8Array {
  let out = bytes.slice();
  for (const m of ms) {
    if (out.length === 0) break;
    const at = m.at % out.length;
    if (m.kind === 'flip') out[at] = m.value;
    else if (m.kind === 'cut') out = out.slice(0, at);
    else out = new Uint8Array([...out.subarray(0, at), ...m.bytes, ...out.subarray(at)]);
  }
  return out;
}

function pattern(n: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (i * 37 + (i >> 3) * 11) & 0xff);
}
const rgbPng = encodeRgbPng(9, 7, pattern(9 * 7 * 3));
const depthPng = encodeGrey16Png(
  9,
  7,
  Uint16Array.from({ length: 63 }, (_, i) => 500 + i * 40),
);
const realJpeg = new Uint8Array(
  jpeg.encode({ width: 16, height: 16, data: Buffer.from(pattern(16 * 16 * 4)) }, 80).data,
);

describe('image decoders under fuzzing', () => {
  it('random bytes (with and without a PNG or JPEG signature) only ever throw ImageDecodeError', () => {
    const prefix = fc.constantFrom(
      new Uint8Array(0),
      new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
      new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82]),
      new Uint8Array([0xff, 0xd8, 0xff]),
    );
    fc.assert(
      fc.property(prefix, fc.uint8Array({ maxLength: 300 }), (p, rest) =>
        onlyDecodeErrors(new Uint8Array([...p, ...rest])),
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('mutated real PNGs (CRCs left broken) only ever throw ImageDecodeError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(rgbPng, depthPng),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (f, ms) => onlyDecodeErrors(mutate(f, ms)),
      ),
      { seed: SEED + 1, numRuns: 1500 },
    );
  });

  it('mutated real PNGs with repaired CRCs (so IHDR, zlib and filters see the damage) only throw ImageDecodeError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(rgbPng, depthPng),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (f, ms) => onlyDecodeErrors(fixCrcs(mutate(f, ms))),
      ),
      { seed: SEED + 2, numRuns: 2000 },
    );
  });

  it('mutated real JPEGs only ever throw ImageDecodeError', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) =>
        onlyDecodeErrors(mutate(realJpeg, ms)),
      ),
      { seed: SEED + 3, numRuns: 600 },
    );
  });

  it('decoded images are consistent: data length matches the size', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 2 }), (ms) => {
        let img;
        try {
          img = decodeRgbImage(fixCrcs(mutate(rgbPng, ms)), 'fuzz.png');
        } catch (e) {
          if (e instanceof ImageDecodeError) return;
          throw e;
        }
        expect(img.data.length).toBe(img.width * img.height * 3);
      }),
      { seed: SEED + 4, numRuns: 500 },
    );
  });
});
