import { describe, expect, it } from 'vitest';
import { sizeFitsClass, UNLABELLED, verifyLabel, type LabelEvidence } from './labelVerification';

const evidence = (
  label: string,
  votes: Record<string, number>,
  alternatives: Record<string, number> = {},
): LabelEvidence => ({
  label,
  votes: new Map(Object.entries(votes).map(([l, w]) => [l, { weight: w }])),
  alternatives: new Map(Object.entries(alternatives)),
});

describe('label verification against size priors', () => {
  it('keeps a label whose class can be that size, however small (a partial view)', () => {
    expect(verifyLabel(evidence('cup', { cup: 5 }), [0.1, 0.09, 0.12])).toEqual({
      label: 'cup',
      verdict: 'kept',
    });
    expect(verifyLabel(evidence('tv', { tv: 1 }), [0.22, 0.21, 0.08]).label).toBe('tv');
    // No size prior: nothing to check against.
    expect(verifyLabel(evidence('ladder', { ladder: 1 }), [3, 3, 3]).label).toBe('ladder');
  });

  it('switches to a well-supported class of the detector that explains the size', () => {
    // A 30 × 22 cm thing called "remote" in most views, "book" (its second class) in many.
    const e = evidence('remote', { remote: 2, mouse: 0.4 }, { book: 0.9, keyboard: 0.1 });
    expect(verifyLabel(e, [0.3, 0.22, 0.04])).toEqual({ label: 'book', verdict: 'relabelled' });
  });

  it('leaves the object unlabelled when no class it was given fits, or the one that fits is barely supported', () => {
    const box = evidence('cell phone', { 'cell phone': 2.7 }, { book: 0.1, laptop: 0.08 });
    expect(verifyLabel(box, [0.34, 0.3, 0.08])).toEqual({ label: UNLABELLED, verdict: 'unlabelled' });
    // A class that merely contains the extent does not explain it (a 35 cm box is no dining table).
    const table = evidence('remote', { remote: 1 }, { 'dining table': 1 });
    expect(verifyLabel(table, [0.35, 0.3, 0.05]).label).toBe(UNLABELLED);
  });

  it('reads a side pair in either order', () => {
    expect(sizeFitsClass('remote', [0.05, 0.2, 0.03])).toBe(true);
    expect(sizeFitsClass('remote', [0.2, 0.2, 0.03])).toBe(false);
    expect(sizeFitsClass('nothing known', [1, 1, 1])).toBeUndefined();
  });
});
