import { describe, expect, it } from 'vitest';
import { sizeFitsClass, UNLABELLED, verifyLabel, type LabelEvidence } from './labelVerification';

const evidence = (
  label: string,
  votes: Record<string, number>,
  alternatives: Record<string, number> = {},
): LabelEvidence => ({
  label,
  // Unsure detections (mean score 0.4) unless `count` says otherwise.
  votes: new Map(Object.entries(votes).map(([l, w]) => [l, { weight: w, count: w / 0.4 }])),
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
    // A 34 × 30 cm thing called "remote" in most views, "book" (its second class) in many.
    const e = evidence('remote', { remote: 2, mouse: 0.4 }, { book: 0.9, keyboard: 0.1 });
    expect(verifyLabel(e, [0.34, 0.3, 0.04])).toEqual({ label: 'book', verdict: 'relabelled' });
  });

  it('leaves the object unlabelled when no class it was given fits, or the one that fits is barely supported', () => {
    const box = evidence('cell phone', { 'cell phone': 2.7 }, { book: 0.1, laptop: 0.08 });
    expect(verifyLabel(box, [0.34, 0.3, 0.08])).toEqual({ label: UNLABELLED, verdict: 'unlabelled' });
    // A class that merely contains the extent does not explain it (a 35 cm box is no dining table).
    const table = evidence('remote', { remote: 1 }, { 'dining table': 1 });
    expect(verifyLabel(table, [0.35, 0.3, 0.05]).label).toBe(UNLABELLED);
  });

  it('trusts a confident label over the size (a fridge merged with the cabinet beside it)', () => {
    const fridge: LabelEvidence = {
      label: 'refrigerator',
      votes: new Map([['refrigerator', { weight: 12, count: 15 }]]),
      alternatives: new Map(),
    };
    expect(verifyLabel(fridge, [1.5, 0.72, 1.9]).label).toBe('refrigerator');
    expect(
      verifyLabel(
        { ...fridge, votes: new Map([['refrigerator', { weight: 6, count: 15 }]]) },
        [1.5, 0.72, 1.9],
      ).label,
    ).toBe(UNLABELLED);
  });

  it('reads a side pair in either order', () => {
    expect(sizeFitsClass('remote', [0.05, 0.2, 0.03])).toBe(true);
    expect(sizeFitsClass('remote', [0.35, 0.3, 0.03])).toBe(false);
    // Fusion's own error: a voxel a side, a thin object's oriented box taking its diagonal.
    expect(sizeFitsClass('keyboard', [0.38, 0.42, 0.04])).toBe(true);
    expect(sizeFitsClass('cup', [0.1, 0.15, 0.12])).toBe(true);
    expect(sizeFitsClass('nothing known', [1, 1, 1])).toBeUndefined();
  });
});
