import { describe, expect, it } from 'vitest';
import { selectFrames } from './selectFrames';

const all = Array.from({ length: 100 }, (_, i) => i);

describe('selectFrames', () => {
  it('centres picks on the seeds, spaced apart, skipping perceived frames', () => {
    const s = selectFrames(all, new Set([50]), [50], 3, 6);
    expect(s.reason).toBe('kernel');
    // 49 and 51 tie (49 wins by index); picks keep ≥ 3 frames (σ/2) apart: 49, then 52, then 46.
    expect(s.frames).toEqual([46, 49, 52]);
  });
  it('fills the largest gaps when nothing related was seen', () => {
    const s = selectFrames(all, new Set([0, 99]), [], 2);
    expect(s.reason).toBe('gaps');
    // 49 is farthest from 0 and 99; then 74 (25 from both 49 and 99) beats 24 (24 from 0).
    expect(s.frames).toEqual([49, 74]);
  });
});
