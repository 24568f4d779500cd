import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateScene } from '../../core/synthetic/generateScene';
import { sceneToFiles } from '../../core/synthetic/sceneFiles';
import { buildCommand } from './build';

const io = () => {
  const out: string[] = [];
  return { out, io: { out: (l: string) => out.push(l), err: () => {} } };
};

/** A generated sequence folder on disk. */
function writeScene(prefix: string, seed: number, frameCount: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, bytes] of sceneToFiles(generateScene({ seed, frameCount }), { pngLevel: 1 })) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), bytes);
  }
  return dir;
}

describe('build command', () => {
  it('refuses an unknown detector and a missing --out with one-line messages', async () => {
    await expect(buildCommand.run(['seq', '--out', 'm.json', '--detector', 'owl'], io().io)).rejects.toThrow(
      /--detector must be file or yolox, got 'owl'/,
    );
    await expect(buildCommand.run(['seq'], io().io)).rejects.toThrow(/missing --out/);
  });

  it('builds a Mosaic file from a generated sequence folder', async () => {
    const dir = writeScene('build-', 9, 12);
    const out = path.join(dir, 'mosaic.json');
    const { io: cliIo, out: lines } = io();
    expect(await buildCommand.run([dir, '--out', out, '--quiet'], cliIo)).toBe(0);
    const m = JSON.parse(readFileSync(out, 'utf8'));
    expect(m.schemaVersion).toBe(1);
    expect(m.up).toEqual([0, 0, 1]);
    // detections.json present and no --detector: the file is the detector.
    expect(m.source.detections).toBe('detections.json');
    expect(m.trajectory).toHaveLength(12);
    for (const o of m.objects)
      expect(Object.keys(o)).toEqual(
        expect.arrayContaining([
          'id',
          'label',
          'center',
          'size',
          'yaw',
          'confidence',
          'firstSeenFrame',
          'observations',
        ]),
      );
    expect(lines[0]).toMatch(/12 keyframes/);
  });

  it('skips and counts a frame it cannot read (trajectory.log and odometry alike); --strict stops there', async () => {
    const dir = writeScene('build-bad-', 9, 8);
    writeFileSync(path.join(dir, 'depth/00003.png'), 'not a png');
    const out = path.join(dir, 'mosaic.json');
    for (const pose of ['file', 'odometry']) {
      const { io: cliIo, out: lines } = io();
      expect(await buildCommand.run([dir, '--out', out, '--quiet', '--pose', pose], cliIo)).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8')).trajectory).toHaveLength(7);
      expect(lines[0]).toMatch(/^build: 7 keyframes → .*; 1 frame skipped: unreadable depth \(00003\)$/);
    }
    await expect(buildCommand.run([dir, '--out', out, '--quiet', '--strict'], io().io)).rejects.toThrow(
      /^depth\/00003\.png: /,
    );
  });
});
