import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../reasoning/tokenEstimate';
import { numberWords, rawFramesPrompt, rawFramesTokens } from './rawFrames';

describe('raw frames as a SmolVLM2 video prompt', () => {
  it('writes the processor text: intro with the count in words, a timestamp per frame, the outro', () => {
    const p = rawFramesPrompt(32, 10);
    expect(
      p.text.startsWith(
        'You are provided the following series of thirty-two frames from a 0:00:10 [H:MM:SS] video.\n',
      ),
    ).toBe(true);
    expect(p.text.match(/\nFrame from \d\d:\d\d:/g)).toHaveLength(32);
    expect(p.text).toContain('\nFrame from 00:09:');
    expect(p.text.endsWith('\n\n')).toBe(true);
    expect(p.specialTokens).toBe(32 * 67);
  });
  it('counts special tokens exactly and the text with the given counter', () => {
    expect(rawFramesTokens(32, 10, () => 0)).toBe(2144);
    // Ten tokens a timestamp line ("\n", "Frame", " from", " ", four digits, two colons) and the intro.
    const t = rawFramesTokens(32, 10, estimateTokens);
    expect(t).toBeGreaterThan(2144 + 320);
    expect(t).toBeLessThan(2144 + 400);
  });
  it('spells numbers as num2words does', () => {
    expect([numberWords(8), numberWords(16), numberWords(32), numberWords(40), numberWords(99)]).toEqual([
      'eight',
      'sixteen',
      'thirty-two',
      'forty',
      'ninety-nine',
    ]);
  });
});
