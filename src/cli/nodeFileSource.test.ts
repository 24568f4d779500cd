import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeFileSource } from './nodeFileSource';

describe('openNodeFileSource', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'file-source-'));
    await mkdir(path.join(dir, 'seq/image'), { recursive: true });
    await mkdir(path.join(dir, 'seq/a/b/c/d'), { recursive: true });
    await mkdir(path.join(dir, 'elsewhere'), { recursive: true });
    await writeFile(path.join(dir, 'seq/image/00000.png'), new Uint8Array([1, 2, 3]));
    await writeFile(path.join(dir, 'seq/.DS_Store'), 'x');
    await writeFile(path.join(dir, 'seq/a/b/c/d/too-deep.txt'), 'x');
    await writeFile(path.join(dir, 'elsewhere/00000.png'), 'x');
    await symlink(path.join(dir, 'elsewhere'), path.join(dir, 'seq/depth'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists relative /-paths (following links, skipping hidden and deep files) and reads bytes', async () => {
    const src = await openNodeFileSource(path.join(dir, 'seq'));
    expect(src.list().sort()).toEqual(['depth/00000.png', 'image/00000.png']);
    expect(Array.from(await src.read('image/00000.png'))).toEqual([1, 2, 3]);
  });

  it('names a missing folder or a file given instead of a folder', async () => {
    await expect(openNodeFileSource(path.join(dir, 'nope'))).rejects.toThrow(/nope: no such folder/);
    await expect(openNodeFileSource(path.join(dir, 'seq/image/00000.png'))).rejects.toThrow(
      /is a file, not a sequence folder/,
    );
  });
});
