import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intrinsicsProblem } from '../geometry/camera';
import { rigidityProblem } from '../geometry/se3';
import { encodeGrey16Png, encodeRgbPng } from '../image/pngEncode';
import { parseDetectionsJson } from './detectionsJson';
import { memoryFileSource } from './fileSource';
import { parseIntrinsicsJson, writeIntrinsicsJson } from './intrinsicsJson';
import { openSequence } from './openSequence';
import { SequenceFormatError } from './sequenceFormatError';
import { parseTrajectoryLog, writeTrajectoryLog } from './trajectoryLog';

/**
 * Property-based fuzzing of the sequence-folder importers (fixed seeds, bounded runs): any input either
 * parses into values that satisfy the format's invariants, or is refused with SequenceFormatError naming the
 * file — never another error class.
 */

const SEED = 0x5e9;

/** Calls `fn`; a SequenceFormatError (naming `file`) counts as a refusal, anything else fails the property. */
function parsedOrRefused<T>(file: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof SequenceFormatError))
      throw new Error(`${(e as Error).name} escaped: ${(e as Error).message}`);
    // Plain checks: expect() per run is the slow part of a 1000-run property.
    if (!e.message.startsWith(`${file}: `) || e.message.includes('\n'))
      throw new Error(`message is not one line naming ${file}: ${e.message}`);
    return undefined;
  }
}

/** Text made of the pieces a trajectory.log is made of, so that the parser gets past its first line. */
const logText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '0',
        '1',
        '-1',
        '2',
        '0.5',
        '1.00000000',
        '0.00000000',
        'nan',
        'inf',
        '1e999',
        '-0',
        'x',
      ),
      fc.double().map(String),
      fc.integer().map(String),
    ),
    { maxLength: 60 },
  )
  .chain((tokens) =>
    fc
      .array(fc.constantFrom(' ', ' ', ' ', '\n', '\r\n', '\t', '\n\n'), {
        minLength: tokens.length,
        maxLength: tokens.length,
      })
      .map((seps) => tokens.map((t, i) => t + seps[i]).join('')),
  );

/** A random rotation (unit quaternion) and translation, as a row-major 4×4 camera-to-world matrix. */
const pose = fc
  .tuple(
    fc.tuple(
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
    ),
    fc.tuple(
      fc.double({ min: -50, max: 50, noNaN: true }),
      fc.double({ min: -50, max: 50, noNaN: true }),
      fc.double({ min: -50, max: 50, noNaN: true }),
    ),
  )
  .filter(([q]) => Math.hypot(...q) > 0.1)
  .map(([q, t]) => {
    const n = Math.hypot(...q);
    const [w, x, y, z] = q.map((v) => v / n);
    return [
      1 - 2 * (y * y + z * z),
      2 * (x * y - w * z),
      2 * (x * z + w * y),
      t[0],
      2 * (x * y + w * z),
      1 - 2 * (x * x + z * z),
      2 * (y * z - w * x),
      t[1],
      2 * (x * z - w * y),
      2 * (y * z + w * x),
      1 - 2 * (x * x + y * y),
      t[2],
      0,
      0,
      0,
      1,
    ];
  });

describe('trajectory.log under fuzzing', () => {
  it('arbitrary text parses to rigid finite poses or is refused with SequenceFormatError', () => {
    fc.assert(
      fc.property(
        fc.oneof(logText, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 120 })),
        (text) => {
          const poses = parsedOrRefused('trajectory.log', () => parseTrajectoryLog(text));
          for (const p of poses ?? []) {
            expect(p).toHaveLength(16);
            expect(rigidityProblem(p)).toBeUndefined();
          }
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('any rigid poses round-trip through write → parse to 8 decimals', () => {
    fc.assert(
      fc.property(fc.array(pose, { minLength: 1, maxLength: 6 }), (poses) => {
        const back = parseTrajectoryLog(writeTrajectoryLog(poses));
        expect(back).toHaveLength(poses.length);
        back.forEach((p, i) => p.forEach((v, k) => expect(Math.abs(v - poses[i][k])).toBeLessThan(1e-7)));
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });

  it('one damaged number in a valid log is either harmless or refused', () => {
    fc.assert(
      fc.property(
        fc.array(pose, { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.constantFrom('nan', 'NaN', 'Infinity', '-1e999', '', 'one', '2', '1 2', '0x1f', '+', '1e-400'),
        (poses, at, replacement) => {
          const tokens = writeTrajectoryLog(poses).split(/(\s+)/);
          const numbers = tokens.map((t, i) => [t, i] as const).filter(([t]) => /\d/.test(t));
          tokens[numbers[at % numbers.length][1]] = replacement;
          parsedOrRefused('trajectory.log', () => parseTrajectoryLog(tokens.join('')));
        },
      ),
      { seed: SEED + 2, numRuns: 600 },
    );
  });
});

describe('intrinsics.json under fuzzing', () => {
  it('arbitrary JSON parses to sane intrinsics or is refused', () => {
    const nearValid = fc.record(
      {
        width: fc.oneof(fc.integer({ min: -10, max: 20000 }), fc.double(), fc.string(), fc.constant(null)),
        height: fc.oneof(fc.integer({ min: -10, max: 20000 }), fc.double()),
        intrinsic_matrix: fc.oneof(
          fc.array(fc.oneof(fc.double(), fc.integer({ min: -1000, max: 1000 })), {
            minLength: 8,
            maxLength: 10,
          }),
          fc.tuple(
            fc.double({ min: -2000, max: 2000 }),
            fc.constant(0),
            fc.constant(0),
            fc.constant(0),
            fc.double({ min: -2000, max: 2000 }),
            fc.constant(0),
            fc.double({ min: -100, max: 2000 }),
            fc.double({ min: -100, max: 2000 }),
            fc.constant(1),
          ),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(nearValid, fc.jsonValue()), fc.boolean(), (json, asText) => {
        const text = asText ? JSON.stringify(json) : JSON.stringify(json).slice(0, -1);
        const k = parsedOrRefused('intrinsics.json', () => parseIntrinsicsJson(text));
        if (k) {
          expect(intrinsicsProblem(k)).toBeUndefined();
          expect(parseIntrinsicsJson(writeIntrinsicsJson(k))).toEqual(k);
        }
      }),
      { seed: SEED + 3, numRuns: 1500 },
    );
  });
});

describe('detections.json under fuzzing', () => {
  const detection = fc.record(
    {
      label: fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constant(null)),
      score: fc.oneof(fc.double(), fc.double({ min: 0, max: 1 }), fc.string()),
      box: fc.oneof(
        fc.array(fc.oneof(fc.double(), fc.integer({ min: -5, max: 700 })), { minLength: 3, maxLength: 5 }),
        fc.tuple(fc.nat(640), fc.nat(480), fc.nat(640), fc.nat(480)),
        fc.constant('0 0 1 1'),
      ),
    },
    { requiredKeys: [] },
  );
  const file = fc.oneof(
    fc.record({
      frames: fc.dictionary(
        fc.oneof(
          fc.constantFrom('00000', '00001', '__proto__', 'constructor', ''),
          fc.string({ maxLength: 6 }),
        ),
        fc.oneof(fc.array(fc.oneof(detection, fc.jsonValue()), { maxLength: 4 }), fc.jsonValue()),
        { maxKeys: 4 },
      ),
    }),
    fc.jsonValue(),
  );

  it('arbitrary JSON parses to well-formed detections or is refused', () => {
    fc.assert(
      fc.property(file, fc.boolean(), (json, whole) => {
        const text = whole ? JSON.stringify(json) : (JSON.stringify(json) ?? '').slice(1);
        const map = parsedOrRefused('detections.json', () => parseDetectionsJson(text));
        for (const list of map?.values() ?? []) {
          for (const d of list) {
            expect(typeof d.label === 'string' && d.label.trim() !== '').toBe(true);
            expect(d.score >= 0 && d.score <= 1).toBe(true);
            expect(d.box.every(Number.isFinite)).toBe(true);
            expect(d.box[2] >= d.box[0] && d.box[3] >= d.box[1]).toBe(true);
          }
        }
      }),
      { seed: SEED + 4, numRuns: 1500 },
    );
  });
});

describe('openSequence over random folders', () => {
  const png = encodeRgbPng(4, 3, new Uint8Array(36).fill(9));
  const depth = encodeGrey16Png(4, 3, new Uint16Array(12).fill(900));
  const names = fc.constantFrom(
    'image/00000.png',
    'image/00001.png',
    'image/00002.jpg',
    'image/0003.png',
    'image/00001.JPG',
    'image/frame.png',
    'image/.DS_Store',
    'image/sub/00000.png',
    'depth/00000.png',
    'depth/00001.png',
    'depth/00005.png',
    'trajectory.log',
    'intrinsics.json',
    'detections.json',
    'seq/image/00000.png',
    'seq/depth/00000.png',
    'README.md',
    'image\\00002.png',
    './image/00001.png',
  );
  const content = fc.oneof(
    fc.constantFrom<Uint8Array | string>(png, depth, new Uint8Array(0), '{}', '[]', 'null'),
    fc.constant(writeTrajectoryLog([[1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]])),
    fc.constant(writeIntrinsicsJson({ width: 4, height: 3, fx: 3, fy: 3, cx: 1.5, cy: 1 })),
    fc.constant(JSON.stringify({ frames: { '00000': [{ label: 'cup', score: 0.5, box: [0, 0, 1, 1] }] } })),
    fc.uint8Array({ maxLength: 40 }),
  );

  it('opens (and reads every frame of) a random folder, or refuses it with SequenceFormatError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(names, content, { minKeys: 1, maxKeys: 8 }), async (files) => {
        let seq;
        try {
          seq = await openSequence(memoryFileSource(files));
        } catch (e) {
          if (!(e instanceof SequenceFormatError))
            throw new Error(`openSequence: ${(e as Error).name} escaped: ${(e as Error).message}`);
          return;
        }
        for (let i = 0; i < seq.frameCount; i++) {
          try {
            const f = await seq.readFrame(i);
            expect(f.rgb.data.length).toBe(seq.width * seq.height * 3);
          } catch (e) {
            if (!(e instanceof SequenceFormatError))
              throw new Error(`readFrame(${i}): ${(e as Error).name} escaped: ${(e as Error).message}`);
          }
        }
      }),
      { seed: SEED + 5, numRuns: 600 },
    );
  });
});
