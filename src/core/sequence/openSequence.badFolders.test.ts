import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_PIXELS } from '../image/limits';
import { encodeGrey16Png, encodeRgbPng } from '../image/pngEncode';
import { parseDetectionsJson } from './detectionsJson';
import { memoryFileSource, type FileSource } from './fileSource';
import { parseIntrinsicsJson } from './intrinsicsJson';
import { openSequence } from './openSequence';
import { SequenceFormatError } from './sequenceFormatError';
import { parseTrajectoryLog, writeTrajectoryLog } from './trajectoryLog';

/**
 * Bad sequence folders, each refused with SequenceFormatError whose one-line message names the file (and the
 * matrix, frame or field) and the problem. Complements openSequence.test.ts, which covers naming and numbering.
 */

const W = 8;
const H = 6;
const rgb = encodeRgbPng(W, H, new Uint8Array(W * H * 3).fill(100));
const depth = encodeGrey16Png(W, H, new Uint16Array(W * H).fill(1500));
const I = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
const K = { width: W, height: H, intrinsic_matrix: [6, 0, 0, 0, 6, 0, 3.5, 2.5, 1] };

function folder(frames = 3): Record<string, Uint8Array | string> {
  const files: Record<string, Uint8Array | string> = {};
  for (let i = 0; i < frames; i++) {
    const id = String(i).padStart(5, '0');
    files[`image/${id}.png`] = rgb;
    files[`depth/${id}.png`] = depth;
  }
  files['trajectory.log'] = writeTrajectoryLog(Array.from({ length: frames }, () => I));
  files['intrinsics.json'] = JSON.stringify(K);
  return files;
}

async function refusal(files: Record<string, Uint8Array | string>): Promise<string> {
  const err = await openSequence(memoryFileSource(files)).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SequenceFormatError);
  const message = (err as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

const log = (matrices: number[][]) => writeTrajectoryLog(matrices);

describe('trajectory.log', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a NaN',
      log([I, I, I]).replace(/\n0\.00000000 0\.00000000 1\.00000000 0\.00000000\n/, '\n0 0 nan 0\n'),
      /^trajectory\.log: matrix 0 \(frame 0\) contains NaN or infinite values$/,
    ],
    [
      'an overflowing number',
      log([I, I, I]).replace('1.00000000', '1e999'),
      /^trajectory\.log: matrix 0 \(frame 0\) contains NaN or infinite values$/,
    ],
    [
      'a scaled rotation (non-rigid)',
      log([I, [1.5, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], I]),
      /^trajectory\.log: matrix 1 \(frame 1\) is not a camera pose: rotation part is not orthonormal/,
    ],
    [
      'a sheared matrix (non-rigid)',
      log([I, I, [1, 0.4, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]]),
      /^trajectory\.log: matrix 2 \(frame 2\) is not a camera pose: rotation part is not orthonormal/,
    ],
    [
      'a reflection',
      log([I, [-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], I]),
      /^trajectory\.log: matrix 1 \(frame 1\) is not a camera pose: rotation part is a reflection/,
    ],
    [
      'a projective last row',
      log([I, I, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0.5, 1]]),
      /^trajectory\.log: matrix 2 \(frame 2\) is not a camera pose: last row is not 0 0 0 1/,
    ],
    [
      'a missing matrix (2 poses for 3 frames)',
      log([I, I]),
      /^trajectory\.log: has 2 poses but image\/ has 3 frames/,
    ],
    [
      'an extra matrix (4 poses for 3 frames)',
      log([I, I, I, I]),
      /^trajectory\.log: has 4 poses but image\/ has 3 frames/,
    ],
    [
      'a matrix missing its last row',
      log([I, I, I]).split('\n').slice(0, -2).join('\n'),
      /^trajectory\.log: matrix 2 \(frame 2\) is cut short \(expected 4 rows\)$/,
    ],
    [
      'a row with 3 numbers',
      log([I, I, I]).replace('0.00000000 1.00000000 0.00000000 0.00000000', '0 1 0'),
      /^trajectory\.log: line 3: matrix 0 \(frame 0\) row 1 has 3 numbers, expected 4$/,
    ],
    [
      'matrices without header lines',
      log([I, I, I])
        .split('\n')
        .filter((_, i) => i % 5 !== 0)
        .join('\n'),
      /^trajectory\.log: line 1: expected the header of matrix 0 \(three integers "i i i\+1"\), got "1\.00000000 0\.00000000 0\.00000000 0\.00000000"$/,
    ],
    ['an empty file', '', /^trajectory\.log: contains no poses$/],
    [
      'a binary file',
      new TextDecoder().decode(rgb),
      /^trajectory\.log: line 1: expected the header of matrix 0/,
    ],
  ];
  it.each(cases)('refuses %s', async (_name, text, message) => {
    const files = folder();
    files['trajectory.log'] = text;
    expect(await refusal(files)).toMatch(message);
  });

  it('quotes at most a line of a binary or huge header, not the whole file', () => {
    const junk = 'x'.repeat(5000);
    let msg = '';
    try {
      parseTrajectoryLog(`${junk} ${junk} ${junk}`);
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toMatch(/^trajectory\.log: line 1: expected the header of matrix 0/);
    expect(msg.length).toBeLessThan(300);
  });
});

describe('intrinsics.json', () => {
  const cases: [string, unknown, RegExp][] = [
    [
      'absurd focal length (fx = 50 × width)',
      { ...K, intrinsic_matrix: [400, 0, 0, 0, 400, 0, 3.5, 2.5, 1] },
      /^intrinsics\.json: focal length fx=400 is absurd for a 8-pixel-wide image$/,
    ],
    [
      'a negative focal length',
      { ...K, intrinsic_matrix: [-6, 0, 0, 0, 6, 0, 3.5, 2.5, 1] },
      /^intrinsics\.json: focal lengths must be positive \(fx=-6, fy=6\)$/,
    ],
    [
      'a principal point outside the image',
      { ...K, intrinsic_matrix: [6, 0, 0, 0, 6, 0, 300, 2.5, 1] },
      /^intrinsics\.json: principal point \(300, 2\.5\) lies outside the image$/,
    ],
    [
      'a huge image size',
      { ...K, width: 1e6 },
      /^intrinsics\.json: "width" must be a whole number of pixels from 1 to 16384, got 1000000$/,
    ],
    [
      'a missing width',
      { height: H, intrinsic_matrix: K.intrinsic_matrix },
      /^intrinsics\.json: "width" must be a whole number of pixels from 1 to 16384, got undefined$/,
    ],
    [
      'a width given as a string',
      { ...K, width: '8' },
      /^intrinsics\.json: "width" must be a whole number of pixels from 1 to 16384, got "8"$/,
    ],
    [
      'a fractional height',
      { ...K, height: 6.5 },
      /^intrinsics\.json: "height" must be a whole number of pixels from 1 to 16384, got 6\.5$/,
    ],
    [
      'a matrix of 6 numbers',
      { ...K, intrinsic_matrix: [6, 0, 0, 0, 6, 0] },
      /^intrinsics\.json: intrinsic_matrix must be an array of 9 finite numbers/,
    ],
    [
      'a matrix with a string',
      { ...K, intrinsic_matrix: [6, 0, 0, 0, '6', 0, 3.5, 2.5, 1] },
      /^intrinsics\.json: intrinsic_matrix must be an array of 9 finite numbers/,
    ],
    [
      'an array at the top level',
      [K],
      /^intrinsics\.json: expected an object with width, height and intrinsic_matrix$/,
    ],
    ['null', null, /^intrinsics\.json: expected an object/],
  ];
  it.each(cases)('refuses %s', async (_name, json, message) => {
    const files = folder();
    files['intrinsics.json'] = JSON.stringify(json);
    expect(await refusal(files)).toMatch(message);
  });

  it('refuses a file that is not JSON, quoting the parser', async () => {
    const files = folder();
    files['intrinsics.json'] = '{"width": 8,';
    expect(await refusal(files)).toMatch(/^intrinsics\.json: not valid JSON \(/);
    // V8 quotes the offending text, line breaks included: the message must still be one line.
    files['intrinsics.json'] = 'width: 8\nheight: 6\n';
    expect(await refusal(files)).toMatch(
      /^intrinsics\.json: not valid JSON \(.*"width: 8 height: 6 " is not valid JSON\)$/,
    );
    files['intrinsics.json'] = JSON.stringify(K);
    files['detections.json'] = '\n\n{"frames":\n\n nope}';
    expect(await refusal(files)).toMatch(/^detections\.json: not valid JSON \(/);
  });
});

describe('detections.json', () => {
  const det = (d: unknown) => JSON.stringify({ frames: { '00000': [d] } });
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"frames": {', /^detections\.json: not valid JSON \(/],
    ['JSON null', 'null', /^detections\.json: expected \{"frames": \{"00000": \[ … \]\}\}$/],
    ['frames as an array', '{"frames": [[]]}', /^detections\.json: expected \{"frames"/],
    [
      'a frame that is not a list',
      '{"frames": {"00000": {"label": "tv"}}}',
      /^detections\.json: frames\["00000"\] must be an array of detections$/,
    ],
    [
      'a detection that is a string',
      det('tv'),
      /^detections\.json: frames\["00000"\]\[0\] must be an object$/,
    ],
    [
      'an empty label',
      det({ label: ' ', score: 0.5, box: [0, 0, 1, 1] }),
      /^detections\.json: frames\["00000"\]\[0\]\.label must be a non-empty string$/,
    ],
    [
      'a numeric label',
      det({ label: 62, score: 0.5, box: [0, 0, 1, 1] }),
      /^detections\.json: frames\["00000"\]\[0\]\.label must be a non-empty string$/,
    ],
    [
      'a score above 1',
      det({ label: 'tv', score: 1.5, box: [0, 0, 1, 1] }),
      /^detections\.json: frames\["00000"\]\[0\]\.score must be a number from 0 to 1$/,
    ],
    [
      'a score as a string',
      det({ label: 'tv', score: '0.5', box: [0, 0, 1, 1] }),
      /^detections\.json: frames\["00000"\]\[0\]\.score must be a number from 0 to 1$/,
    ],
    [
      'a box with a null',
      det({ label: 'tv', score: 0.5, box: [0, null, 1, 1] }),
      /^detections\.json: frames\["00000"\]\[0\]\.box must be 4 finite numbers/,
    ],
    [
      'an inverted box',
      det({ label: 'tv', score: 0.5, box: [5, 0, 1, 1] }),
      /^detections\.json: frames\["00000"\]\[0\]\.box has x1 < x0 or y1 < y0$/,
    ],
    [
      'a frame id that is not in image/',
      '{"frames": {"__proto__": []}}',
      /^detections\.json: frame "__proto__" is not in image\/$/,
    ],
  ];
  it.each(cases)('refuses %s', async (_name, text, message) => {
    const files = folder();
    files['detections.json'] = text;
    expect(await refusal(files)).toMatch(message);
  });

  it('keeps an overlong label out of the message', () => {
    const long = { label: 'x'.repeat(10_000), score: 2, box: [0, 0, 1, 1] };
    let msg = '';
    try {
      parseDetectionsJson(det(long));
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toBe('detections.json: frames["00000"][0].score must be a number from 0 to 1');
  });
});

describe('frames', () => {
  it('an empty first image is refused when the folder is opened', async () => {
    const files = folder();
    files['image/00000.png'] = new Uint8Array(0);
    expect(await refusal(files)).toBe('image/00000.png: empty file (0 bytes)');
  });

  it('a first image whose header claims 100000×100000 is refused when the folder is opened', async () => {
    const files = folder();
    const big = rgb.slice();
    new DataView(big.buffer).setUint32(16, 100_000);
    new DataView(big.buffer).setUint32(20, 100_000);
    await expect(openSequence(memoryFileSource(files))).resolves.toBeDefined(); // control: valid before
    files['image/00000.png'] = big;
    expect(await refusal(files)).toMatch(
      /^image\/00000\.png: image is 100000×100000 pixels, more than this app decodes/,
    );
  });

  it('a depth PNG of the wrong bit depth or size is refused when its frame is read', async () => {
    const files = folder();
    files['depth/00001.png'] = encodeRgbPng(W, H, new Uint8Array(W * H * 3));
    files['depth/00002.png'] = encodeGrey16Png(W * 2, H, new Uint16Array(W * H * 2));
    const seq = await openSequence(memoryFileSource(files));
    await expect(seq.readFrame(0)).resolves.toBeDefined();
    const wrongDepth = (await seq.readFrame(1).catch((e: Error) => e)) as Error;
    expect(wrongDepth).toBeInstanceOf(SequenceFormatError);
    expect(wrongDepth.message).toBe(
      'depth/00001.png: depth must be a 16-bit greyscale PNG in millimetres, got 8-bit with 3 channel(s)',
    );
    const wrongSize = (await seq.readFrame(2).catch((e: Error) => e)) as Error;
    expect(wrongSize).toBeInstanceOf(SequenceFormatError);
    expect(wrongSize.message).toMatch(/^depth\/00002\.png: is 16×6 but image image\/00002\.png is 8×6/);
  });

  it('a later corrupt or oversized image is refused when its frame is read, naming it', async () => {
    const files = folder();
    const corrupt = rgb.slice();
    corrupt[50] ^= 0xff; // inside IDAT
    files['image/00001.png'] = corrupt;
    files['image/00002.png'] = encodeRgbPng(W, H + 1, new Uint8Array(W * (H + 1) * 3));
    const seq = await openSequence(memoryFileSource(files));
    await expect(seq.readFrame(1)).rejects.toThrow(/^image\/00001\.png: IDAT chunk has a bad CRC/);
    await expect(seq.readFrame(2)).rejects.toThrow(/^image\/00002\.png: is 8×7 but the sequence is 8×6/);
  });
});

describe('a 10,000-frame folder', () => {
  it('is validated quickly, reading only the first image and the text files, without decoding frames', async () => {
    const n = 10_000;
    const files = folder(n);
    files['detections.json'] = JSON.stringify({
      frames: Object.fromEntries(
        Array.from({ length: n }, (_, i) => [
          String(i).padStart(5, '0'),
          [{ label: 'chair', score: 0.8, box: [1, 1, 4, 5] }],
        ]),
      ),
    });
    const inner = memoryFileSource(files);
    const reads: string[] = [];
    const source: FileSource = {
      list: () => inner.list(),
      read: (p) => {
        reads.push(p);
        return inner.read(p);
      },
    };
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const seq = await openSequence(source);
    const ms = performance.now() - t0;
    expect(seq.frameCount).toBe(n);
    expect(seq.frameIds[n - 1]).toBe('09999');
    expect(seq.poses).toHaveLength(n);
    expect(seq.detections?.[9999]).toHaveLength(1);
    expect(reads.sort()).toEqual(['detections.json', 'image/00000.png', 'intrinsics.json', 'trajectory.log']);
    expect(ms).toBeLessThan(5000); // ~0.3 s here; generous for a loaded machine
    // The poses and detections themselves are a few MB; decoded frames would be ≥ 10000 × (8·6·(3 + 4)) bytes
    // plus typed-array overhead — this guards against an eager decode of every frame.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
    expect(W * H).toBeLessThan(MAX_IMAGE_PIXELS);
  });

  it('reports a gap deep inside the folder by name', async () => {
    const files = folder(10_000);
    delete files['image/07321.png'];
    delete files['depth/07321.png'];
    files['trajectory.log'] = writeTrajectoryLog(Array.from({ length: 9_999 }, () => I));
    expect(await refusal(files)).toBe(
      'image/07321: missing (frames must be numbered consecutively; next is image/07322.png)',
    );
  });
});

describe('parsers called directly', () => {
  it('name the file they were given', () => {
    expect(() => parseTrajectoryLog('', 'seq/poses.log')).toThrow(/^seq\/poses\.log: contains no poses$/);
    expect(() => parseIntrinsicsJson('[]', 'seq/k.json')).toThrow(/^seq\/k\.json: expected an object/);
    expect(() => parseDetectionsJson('{}', 'seq/d.json')).toThrow(/^seq\/d\.json: expected \{"frames"/);
  });
});
