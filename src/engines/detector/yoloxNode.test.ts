/**
 * YOLOX-Nano on real frames of ../shared/data/icl-livingroom (the white armchair in the corner of a
 * living room). What the model sees there, recorded by hand: the armchair is called "bed" in most frames
 * (0.35–0.8) and "chair" in a few; the tv and the vase stay below 0.3.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJpeg } from '../../core/image/jpeg';
import { decodeRgbImage } from '../../core/image/decodeImage';
import type { RgbImage } from '../../core/perception/types';
import { letterbox, decodeYolox } from '../../core/perception/yoloxDecode';
import { ModelIntegrityError, ModelUnavailableError } from '../models/modelLoader';
import type { ModelProgress } from '../models/progress';
import { YoloxNodeDetector } from './yoloxNode';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const modelsDir = path.resolve(repoRoot, '../shared/models');
const seqDir = path.resolve(repoRoot, '../shared/data/icl-livingroom');
const haveModel = existsSync(path.join(modelsDir, 'yolox-nano/yolox_nano.onnx'));
const haveFrames = existsSync(path.join(seqDir, 'image/00000.jpg'));
if (!haveModel || !haveFrames) {
  console.warn(
    `skipping YOLOX real-data tests: need ${modelsDir}/yolox-nano/yolox_nano.onnx and ${seqDir}/image/`,
  );
}

const frame = (n: number): RgbImage => {
  const name = `${String(n).padStart(5, '0')}.jpg`;
  return decodeJpeg(new Uint8Array(readFileSync(path.join(seqDir, 'image', name))), name);
};

describe.skipIf(!haveModel || !haveFrames)('YoloxNodeDetector on ICL living-room frames', () => {
  const detector = new YoloxNodeDetector({ modelsDir, threads: 1 });
  afterAll(() => detector.dispose());

  it('loads the pinned model (size and sha256 from the README) with progress that ends at 100', async () => {
    const events: ModelProgress[] = [];
    await detector.load((e) => events.push(e));
    expect(events.map((e) => e.status)).toEqual(['initiate', 'done']);
    expect(events[1]).toMatchObject({ loaded: 3713911, total: 3713911, progress: 100 });
  });

  // frame → what is there (the armchair's label, its score to ±0.03, its box to ±4 px)
  it.each([
    [20, 'bed', 0.66, [290, 182, 529, 389]],
    [120, 'bed', 0.69, [190, 139, 427, 477]],
    [170, 'chair', 0.81, [242, 135, 482, 429]],
  ] as const)(
    'frame %i: finds the armchair as "%s" and no tv or vase at 0.3',
    async (n, label, score, box) => {
      const dets = await detector.detect(frame(n), { scoreThreshold: 0.3 });
      expect(dets[0].label).toBe(label);
      expect(Math.abs(dets[0].score - score)).toBeLessThan(0.03);
      dets[0].box.forEach((v, i) => expect(Math.abs(v - box[i])).toBeLessThan(4));
      expect(dets.filter((d) => d.label === 'tv' || d.label === 'vase')).toEqual([]);
      for (const d of dets) expect(['bed', 'chair']).toContain(d.label);
    },
  );

  it('calls the armchair "bed" in most frames and "chair" in some (every 15th frame)', async () => {
    const labels: string[] = [];
    for (let n = 0; n <= 210; n += 15) {
      const [top] = await detector.detect(frame(n), { scoreThreshold: 0.3 });
      labels.push(top?.label ?? '-');
    }
    const count = (l: string) => labels.filter((x) => x === l).length;
    expect(count('bed')).toBeGreaterThan(labels.length / 2);
    expect(count('chair')).toBeGreaterThanOrEqual(1);
    expect(count('bed') + count('chair') + count('-')).toBe(labels.length);
  });

  it('takes pixels as 0–255: the same frame scaled to 0–1 finds nothing', async () => {
    const session = await ort.InferenceSession.create(path.join(modelsDir, 'yolox-nano/yolox_nano.onnx'));
    const img = frame(20);
    const lb = letterbox(img);
    const run = async (t: Float32Array) =>
      decodeYolox(
        (await session.run({ images: new ort.Tensor('float32', t, [1, 3, 416, 416]) })).output
          .data as Float32Array,
        {
          imageWidth: img.width,
          imageHeight: img.height,
          scale: lb.scale,
          scoreThreshold: 0.1,
        },
      );
    expect((await run(lb.tensor))[0].label).toBe('bed');
    expect(await run(lb.tensor.map((v) => v / 255))).toEqual([]);
    await session.release();
  });

  it('honours an aborted signal', async () => {
    const ac = new AbortController();
    ac.abort(new DOMException('stale frame', 'AbortError'));
    await expect(detector.detect(frame(0), { signal: ac.signal })).rejects.toThrow('stale frame');
  });
});

// The ICL room is nearly grey, so it cannot tell BGR from RGB. A colourful photo can: scikit-image's
// "chelsea" (a tabby cat; Debian's python3-skimage, or CHELSEA_PNG=<path>) is a cat at 0.63 in BGR but a dog at 0.36 in RGB.
const chelsea = process.env.CHELSEA_PNG ?? '/usr/lib/python3/dist-packages/skimage/data/chelsea.png';
describe.skipIf(!haveModel || !existsSync(chelsea))('YOLOX channel order on a colour photo', () => {
  it('is BGR', async () => {
    const detector = new YoloxNodeDetector({ modelsDir, threads: 1 });
    const [top] = await detector.detect(decodeRgbImage(new Uint8Array(readFileSync(chelsea)), 'chelsea.png'));
    expect(top.label).toBe('cat');
    expect(top.score).toBeGreaterThan(0.55);
    await detector.dispose();
  });
});

describe.skipIf(!haveModel)('YoloxNodeDetector model checks', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'yolox-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the missing model path and what to do', async () => {
    const detector = new YoloxNodeDetector({ modelsDir: path.join(dir, 'none') });
    await expect(detector.load()).rejects.toThrow(ModelUnavailableError);
    await expect(detector.load()).rejects.toThrow(
      /none\/yolox-nano\/yolox_nano.onnx: YOLOX-Nano model not readable \(ENOENT\).*--models/,
    );
  });

  it('refuses a corrupt copy (sha256 mismatch)', async () => {
    const bytes = readFileSync(path.join(modelsDir, 'yolox-nano/yolox_nano.onnx'));
    bytes[1000] ^= 0xff;
    mkdirSync(path.join(dir, 'yolox-nano'), { recursive: true });
    writeFileSync(path.join(dir, 'yolox-nano/yolox_nano.onnx'), bytes);
    const detector = new YoloxNodeDetector({ modelsDir: dir });
    await expect(detector.load()).rejects.toThrow(ModelIntegrityError);
    await expect(detector.load()).rejects.toThrow(/does not match the manifest's sha256 d39bee73/);
  });
});
