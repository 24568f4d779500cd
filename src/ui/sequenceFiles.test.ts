import { describe, expect, it } from 'vitest';
import { browserFileSource, folderName, normalisePaths, PickedFilesError } from './sequenceFiles';

// Node 20 has File; webkitRelativePath is browser-only, so tests use normalisePaths directly.
const file = (text: string) => new File([text], 'x');

describe('normalisePaths', () => {
  it('strips the picked folder name shared by every path', () => {
    const m = normalisePaths([
      ['icl/image/00000.jpg', file('a')],
      ['icl/trajectory.log', file('b')],
    ]);
    expect([...m.keys()].sort()).toEqual(['image/00000.jpg', 'trajectory.log']);
  });

  it('keeps image/ and depth/ when the folder contents were dropped', () => {
    const m = normalisePaths([
      ['image/00000.jpg', file('a')],
      ['image/00001.jpg', file('a')],
    ]);
    expect([...m.keys()]).toEqual(['image/00000.jpg', 'image/00001.jpg']);
  });

  it('drops hidden files and backslashes', () => {
    const m = normalisePaths([
      ['seq\\image\\00000.png', file('a')],
      ['seq/.DS_Store', file('b')],
      ['seq/depth/00000.png', file('c')],
    ]);
    expect([...m.keys()].sort()).toEqual(['depth/00000.png', 'image/00000.png']);
  });

  it('throws a named error for an empty pick', () => {
    expect(() => normalisePaths([['.hidden', file('a')]])).toThrow(PickedFilesError);
  });
});

describe('browserFileSource', () => {
  it('lists and reads bytes lazily, and names a missing path', async () => {
    const src = browserFileSource(new Map([['trajectory.log', file('0 0 1')]]));
    expect(src.list()).toEqual(['trajectory.log']);
    expect(new TextDecoder().decode(await src.read('trajectory.log'))).toBe('0 0 1');
    await expect(src.read('intrinsics.json')).rejects.toThrow(/intrinsics\.json: not in the picked folder/);
  });
});

describe('folderName', () => {
  it('is the shared top folder, else a generic name', () => {
    expect(folderName(['icl/image/00000.jpg', 'icl/trajectory.log'])).toBe('icl');
    expect(folderName(['image/00000.jpg'])).toBe('Sequence');
    expect(folderName(['a/x', 'b/y'])).toBe('Sequence');
  });
});
