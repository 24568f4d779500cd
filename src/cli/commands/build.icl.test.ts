/**
 * build and ask on the real ICL living room with real YOLOX-Nano detections (no detections.json): the white
 * armchair, called "bed" in most frames and "chair" in some (often both, on the same box), must fuse into ONE
 * object with both labels in its distribution and an armchair's size. Measured from the depth itself (back top
 * ≈ 0.38 m wide, seat front ≈ 0.5 m, runners to ≈ 0.65 m; floor to back top ≈ 0.83 m), so we accept a longest
 * horizontal side of 0.55–1.1 m and a height of 0.6–1.1 m.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Mosaic } from '../../core/mosaic/types';
import { askCommand } from './ask';
import { buildCommand } from './build';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seqDir = path.resolve(repoRoot, '../shared/data/icl-livingroom');
const modelsDir = path.resolve(repoRoot, '../shared/models');
const ready =
  existsSync(path.join(seqDir, 'image/00000.jpg')) &&
  existsSync(path.join(modelsDir, 'yolox-nano/yolox_nano.onnx'));
if (!ready) console.warn(`skipping ICL + YOLOX build tests: need ${seqDir} and ${modelsDir}/yolox-nano/`);

const capture = () => {
  const out: string[] = [];
  return { out, io: { out: (l: string) => out.push(l), err: () => {} } };
};

describe.skipIf(!ready)('build --detector yolox on the real ICL living room', () => {
  it('fuses the armchair into one object with a {bed, chair} distribution and an armchair size', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'icl-')), 'mosaic.json');
    const { io } = capture();
    const args = [seqDir, '--out', out, '--detector', 'yolox', '--models', modelsDir, '--every', '10'];
    expect(await buildCommand.run([...args, '--quiet'], io)).toBe(0);
    const m = JSON.parse(readFileSync(out, 'utf8')) as Mosaic;
    const seats = m.objects.filter((o) => ['bed', 'chair', 'couch', 'bench'].includes(o.label));
    expect(seats).toHaveLength(1);
    const [armchair] = seats;
    expect(armchair.labels.map((v) => v.label).sort()).toEqual(['bed', 'chair']);
    expect(armchair.observations).toBeGreaterThanOrEqual(15); // of 22 keyframes
    const long = Math.max(armchair.size[0], armchair.size[1]);
    expect(long).toBeGreaterThan(0.55);
    expect(long).toBeLessThan(1.1);
    expect(armchair.size[2]).toBeGreaterThan(0.6);
    expect(armchair.size[2]).toBeLessThan(1.1);
    expect(m.source?.detections).toMatch(/yolox-nano/);
  }, 60_000);

  it('refuses a models folder without the model with a one-line message', async () => {
    const out = path.join(os.tmpdir(), 'never.json');
    await expect(
      buildCommand.run(
        [seqDir, '--out', out, '--detector', 'yolox', '--models', os.tmpdir(), '--quiet'],
        capture().io,
      ),
    ).rejects.toThrow(/yolox_nano\.onnx.*--models/);
  });

  it('answers a question about the folder with --detector yolox', async () => {
    const { out, io } = capture();
    const q =
      'What is the length of the longest dimension (length, width, or height) of the bed, measured in centimeters?';
    const args = [seqDir, q, '--detector', 'yolox', '--models', modelsDir, '--every', '20'];
    expect(await askCommand.run(args, io)).toBe(0);
    expect(Number(out[0])).toBeGreaterThan(60);
    expect(Number(out[0])).toBeLessThan(110);
  }, 60_000);
});
