import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { FileSource } from './fileSource';
import { memoryFileSource } from './fileSource';
import { openSequence } from './openSequence';
import { SequenceFormatError } from './sequenceFormatError';
import { writeTrajectoryLog } from './trajectoryLog';

const repoRoot = path.resolve(__dirname, '../../..');
const icl = path.resolve(repoRoot, '../shared/data/icl-livingroom');
const hasIcl = existsSync(path.join(icl, 'trajectory.log'));

function fsSource(dir: string): FileSource {
  const files = ['image', 'depth'].flatMap((d) => readdirSync(path.join(dir, d)).map((f) => `${d}/${f}`));
  files.push(...readdirSync(dir).filter((f) => f.includes('.')));
  return { list: () => files, read: async (p) => new Uint8Array(readFileSync(path.join(dir, p))) };
}

function rgbPng(w: number, h: number): Uint8Array {
  const png = new PNG({ width: w, height: h });
  png.data = Buffer.alloc(w * h * 4, 128);
  for (let i = 3; i < png.data.length; i += 4) png.data[i] = 255; // opaque, so pngjs writes 128 as-is
  return new Uint8Array(PNG.sync.write(png, { colorType: 2 }));
}

function depthPng(w: number, h: number, mm = 1500): Uint8Array {
  const opts = {
    width: w,
    height: h,
    bitDepth: 16,
    colorType: 0,
    inputColorType: 0,
    inputHasAlpha: false,
  } as const;
  const png = new PNG(opts);
  (png as unknown as { data: Uint16Array }).data = new Uint16Array(w * h).fill(mm);
  return new Uint8Array(PNG.sync.write(png, opts));
}

const I = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
const shifted = (x: number) => [1, 0, 0, x, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

/** A valid 3-frame 8×6 sequence; each case below breaks one thing. */
function valid(): Record<string, Uint8Array | string> {
  return {
    'image/00000.png': rgbPng(8, 6),
    'image/00001.png': rgbPng(8, 6),
    'image/00002.png': rgbPng(8, 6),
    'depth/00000.png': depthPng(8, 6),
    'depth/00001.png': depthPng(8, 6),
    'depth/00002.png': depthPng(8, 6),
    'trajectory.log': writeTrajectoryLog([I, shifted(0.1), shifted(0.2)]),
    'intrinsics.json': JSON.stringify({
      width: 8,
      height: 6,
      intrinsic_matrix: [6, 0, 0, 0, 6, 0, 3.5, 2.5, 1],
    }),
    'detections.json': JSON.stringify({
      frames: { '00001': [{ label: 'chair', score: 0.9, box: [1, 1, 4, 5] }] },
    }),
    'README.md': 'ignored',
  };
}

async function openWith(change: (files: Record<string, Uint8Array | string>) => void) {
  const files = valid();
  change(files);
  return openSequence(memoryFileSource(files));
}

describe('openSequence on an in-memory folder', () => {
  it('reads a valid folder, lazily decoding frames', async () => {
    const seq = await openWith(() => {});
    expect(seq.frameCount).toBe(3);
    expect(seq.frameIds).toEqual(['00000', '00001', '00002']);
    expect(seq.intrinsics).toEqual({ width: 8, height: 6, fx: 6, fy: 6, cx: 3.5, cy: 2.5 });
    expect(seq.intrinsicsGuessed).toBe(false);
    expect(seq.poses?.[2][3]).toBeCloseTo(0.2, 8);
    expect(seq.detections?.map((d) => d.length)).toEqual([0, 1, 0]);
    const f = await seq.readFrame(1);
    expect(f.rgb.data[0]).toBe(128);
    expect(f.depth?.data[5]).toBeCloseTo(1.5, 6);
  });

  it('accepts a dropped folder with a leading folder name, and guesses intrinsics when absent', async () => {
    const files = valid();
    delete files['intrinsics.json'];
    const prefixed = Object.fromEntries(Object.entries(files).map(([k, v]) => [`my-seq/${k}`, v]));
    const seq = await openSequence(memoryFileSource(prefixed));
    expect(seq.frameCount).toBe(3);
    expect(seq.intrinsicsGuessed).toBe(true);
    expect(seq.intrinsics.cx).toBe(3.5);
  });

  const cases: [string, (f: Record<string, Uint8Array | string>) => void, RegExp][] = [
    [
      'missing image/',
      (f) => {
        for (const k of Object.keys(f)) if (k.startsWith('image/')) delete f[k];
      },
      /^image\/: no frames found/,
    ],
    ['a gap in numbering', (f) => void delete f['image/00001.png'], /image\/00001: missing/],
    [
      'a stray file name',
      (f) => void (f['image/frame.png'] = rgbPng(8, 6)),
      /image\/frame\.png: not a frame name/,
    ],
    ['a missing depth', (f) => void delete f['depth/00002.png'], /depth\/00002\.png: missing/],
    [
      'an extra depth',
      (f) => void (f['depth/00003.png'] = depthPng(8, 6)),
      /depth\/00003\.png: has no matching image/,
    ],
    [
      'a NaN in the trajectory',
      (f) => void (f['trajectory.log'] = writeTrajectoryLog([I, I, I]).replace(/^0\.0+ 1\.0+ /m, 'NaN 1.0 ')),
      /^trajectory\.log: matrix 0 \(frame 0\) contains NaN/,
    ],
    [
      'a non-rigid matrix',
      (f) =>
        void (f['trajectory.log'] = writeTrajectoryLog([
          I,
          I,
          [2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
        ])),
      /trajectory\.log: matrix 2 \(frame 2\) is not a camera pose: rotation part is not orthonormal/,
    ],
    [
      'a truncated matrix',
      (f) => void (f['trajectory.log'] = writeTrajectoryLog([I, I, I]).split('\n').slice(0, 13).join('\n')),
      /trajectory\.log: matrix 2 \(frame 2\) is cut short/,
    ],
    [
      'a word inside a matrix',
      (f) => void (f['trajectory.log'] = writeTrajectoryLog([I, I, I]).replace('1.00000000', 'one')),
      /trajectory\.log: line 2: "one" in matrix 0 \(frame 0\) is not a number/,
    ],
    [
      'too few poses',
      (f) => void (f['trajectory.log'] = writeTrajectoryLog([I, I])),
      /trajectory\.log: has 2 poses but image\/ has 3 frames/,
    ],
    [
      'intrinsics that are not JSON',
      (f) => void (f['intrinsics.json'] = '{width: 8'),
      /intrinsics\.json: not valid JSON/,
    ],
    [
      'absurd intrinsics',
      (f) =>
        void (f['intrinsics.json'] = JSON.stringify({
          width: 8,
          height: 6,
          intrinsic_matrix: [5000, 0, 0, 0, 5000, 0, 3.5, 2.5, 1],
        })),
      /intrinsics\.json: focal length fx=5000 is absurd/,
    ],
    [
      'row-major intrinsics',
      (f) =>
        void (f['intrinsics.json'] = JSON.stringify({
          width: 8,
          height: 6,
          intrinsic_matrix: [6, 0, 3.5, 0, 6, 2.5, 0, 0, 1],
        })),
      /intrinsics\.json: intrinsic_matrix looks row-major/,
    ],
    [
      'intrinsics of another image size',
      (f) =>
        void (f['intrinsics.json'] = JSON.stringify({
          width: 16,
          height: 12,
          intrinsic_matrix: [12, 0, 0, 0, 12, 0, 7.5, 5.5, 1],
        })),
      /intrinsics\.json: describes 16×12 images but image\/00000\.png is 8×6/,
    ],
    [
      'detections without frames',
      (f) => void (f['detections.json'] = '{"00000": []}'),
      /detections\.json: expected \{"frames"/,
    ],
    [
      'a detection with a bad box',
      (f) =>
        void (f['detections.json'] = JSON.stringify({
          frames: { '00000': [{ label: 'tv', score: 0.5, box: [1, 2, 3] }] },
        })),
      /detections\.json: frames\["00000"\]\[0\]\.box must be 4 finite numbers/,
    ],
    [
      'detections of an unknown frame',
      (f) => void (f['detections.json'] = JSON.stringify({ frames: { '00009': [] } })),
      /detections\.json: frame "00009" is not in image\//,
    ],
  ];
  it.each(cases)('rejects %s with a message naming the file', async (_name, change, message) => {
    const err = await openWith(change).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SequenceFormatError);
    expect((err as Error).message).toMatch(message);
  });

  it('reports frames that do not decode or do not match in size when read', async () => {
    const bad = await openWith(
      (f) => void (f['image/00001.png'] = (f['image/00001.png'] as Uint8Array).slice(0, 40)),
    );
    await expect(bad.readFrame(1)).rejects.toThrow(/^image\/00001\.png: truncated/);
    const odd = await openWith((f) => void (f['depth/00002.png'] = depthPng(4, 3)));
    await expect(odd.readFrame(2)).rejects.toThrow(
      /depth\/00002\.png: is 4×3 but image image\/00002\.png is 8×6/,
    );
    await expect(odd.readFrame(2)).rejects.toBeInstanceOf(SequenceFormatError);
  });
});

describe.skipIf(!hasIcl)('openSequence on the real ICL folder (../shared/data/icl-livingroom)', () => {
  it('finds 211 frames with depth, poses and intrinsics', async () => {
    const seq = await openSequence(fsSource(icl));
    expect(seq.frameCount).toBe(211);
    expect(seq.frameIds[210]).toBe('00210');
    expect(seq.hasDepth).toBe(true);
    expect(seq.intrinsics).toEqual({ width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5 });
    expect(seq.poses).toHaveLength(211);
    expect(seq.poses?.[1][3]).toBeCloseTo(0.00118646, 8);
    const f = await seq.readFrame(100);
    expect(f.rgb.width).toBe(640);
    expect(f.depth?.data.some((d) => d > 1)).toBe(true);
  });
});
