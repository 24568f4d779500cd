import { describe, expect, it } from 'vitest';
import type { SequenceFrame } from './openSequence';
import { SequenceFormatError } from './sequenceFormatError';
import { SkippedFrames, skipReasonOf } from './skippedFrames';

/** A sequence of 4 frames whose frames listed in `bad` throw what the reader throws for them. */
function seq(bad: Record<number, string>) {
  return {
    frameIds: ['00000', '00001', '00002', '00003'],
    readFrame: async (i: number): Promise<SequenceFrame> => {
      if (i < 0 || i > 3) throw new RangeError(`frame index ${i} is outside 0…3`);
      if (bad[i]) throw new SequenceFormatError(bad[i]);
      return {
        index: i,
        id: `0000${i}`,
        rgb: { width: 1, height: 1, data: new Uint8Array(3) },
      } as SequenceFrame;
    },
  };
}

describe('SkippedFrames', () => {
  it('skips and counts frames that cannot be read, by reason, and reads the rest', async () => {
    const s = seq({
      1: 'depth/00001.png: not a PNG (bad signature)',
      2: 'image/00002.jpg: truncated JPEG',
      3: 'depth/00003.png: not a PNG (bad signature)',
    });
    const skipped = new SkippedFrames();
    const read = [];
    for (let i = 0; i < 4; i++) read.push(await skipped.read(s, i));
    expect(read.map((f) => f?.index)).toEqual([0, undefined, undefined, undefined]);
    expect(skipped.summary()).toBe(
      '3 frames skipped: unreadable depth (00001, 00003), unreadable image (00002)',
    );
  });

  it('stops at the first bad frame when strict, and never hides an index outside the sequence', async () => {
    const s = seq({ 1: 'depth/00001.png: not a PNG' });
    await expect(new SkippedFrames().read(s, 1, true)).rejects.toThrow(/depth\/00001.png/);
    await expect(new SkippedFrames().read(s, 9)).rejects.toThrow(RangeError);
  });

  it('names sizes that do not match, says one frame in the singular, and shortens long lists', async () => {
    expect(
      skipReasonOf('image/00004.png: is 8×6 but the sequence is 640×480 (all frames must share one size)'),
    ).toBe('image of another size');
    expect(skipReasonOf('depth/00004.png: is 8×6 but image image/00004.png is 640×480')).toBe(
      'depth of another size',
    );
    const one = new SkippedFrames();
    await one.read(seq({ 2: 'image/00002.jpg: bad' }), 2);
    expect(one.summary()).toBe('1 frame skipped: unreadable image (00002)');
    expect(new SkippedFrames().summary()).toBeUndefined();
    const many = new SkippedFrames();
    const s = seq({ 0: 'depth/a', 1: 'depth/b', 2: 'depth/c', 3: 'depth/d' });
    for (let i = 0; i < 4; i++) await many.read(s, i);
    expect(many.summary(2)).toBe('4 frames skipped: unreadable depth (00000, 00001 and 2 more)');
  });
});
