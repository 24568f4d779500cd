import { describe, expect, it } from 'vitest';
import { estimateTokens, preTokenPieces } from './tokenEstimate';

describe('estimateTokens (SmolLM2-style pre-tokenization, conservative)', () => {
  it('cuts pieces as Digits(individual) then the GPT-2 split do', () => {
    expect(preTokenPieces('a 12')).toEqual(['a', ' ', '1', '2']);
    expect(preTokenPieces('\nFrame from 00:05:')).toEqual([
      '\n',
      'Frame',
      ' from',
      ' ',
      '0',
      '0',
      ':',
      '0',
      '5',
      ':',
    ]);
    expect(preTokenPieces('1 tv 0,-10,12')).toEqual(['1', ' tv', ' ', '0', ',-', '1', '0', ',', '1', '2']);
    expect(preTokenPieces("it's")).toEqual(['it', "'s"]);
  });

  it('spends a token on every digit, so numbers cost far more than 4 characters a token', () => {
    expect(estimateTokens('2.00')).toBe(4);
    expect(estimateTokens('\nFrame from 00:05:')).toBe(10);
    const line = '1 cup: (2.00, 2.00, 0.79) size 0.08x0.08x0.10';
    expect(estimateTokens(line)).toBeGreaterThan(3 * Math.ceil(line.length / 4));
  });

  it('is never below the number of pieces (the exact lower bound) and errs high on long words and symbols', () => {
    for (const t of [
      'Scene map, allocentric: x, y = metres',
      '....5...4........',
      'refrigerator',
      'room ≈ 12 m²',
    ]) {
      expect(estimateTokens(t)).toBeGreaterThanOrEqual(preTokenPieces(t).length);
    }
    expect(estimateTokens(' table')).toBe(1);
    expect(estimateTokens(' refrigerator')).toBe(3);
    expect(estimateTokens('........')).toBe(4);
    // '≈' is 3 UTF-8 bytes: up to 3 tokens.
    expect(estimateTokens('≈')).toBe(3);
    expect(estimateTokens('')).toBe(0);
  });
});
