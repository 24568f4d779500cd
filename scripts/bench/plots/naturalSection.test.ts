import { describe, expect, it } from 'vitest';
import type { NaturalBenchResult } from '../natural/runNatural';
import { naturalSection } from './naturalSection';

const result = (overall: number, kinds: Record<string, number>): NaturalBenchResult => ({
  questions: Object.keys(kinds).length * 10,
  overall,
  itemMean: overall,
  kinds: Object.fromEntries(Object.entries(kinds).map(([k, score]) => [k, { n: 10, score }])),
  unread: 0,
  items: [],
});

describe('naturalSection', () => {
  it('is empty when no bank ran', () => expect(naturalSection({})).toBe(''));

  it('one column per bank that ran, in bank order, kinds from any bank, a dash where a bank lacks one', () => {
    const md = naturalSection({
      heldout: result(90.2, { counting: 100, existence: 69.2 }),
      main: result(100, { counting: 100 }),
    });
    expect(md).toContain('| kind | main (n) | heldout (n) |');
    expect(md).toContain('| existence | – | 69.2 (10) |');
    expect(md).toContain('| **overall (mean of kinds)** | **100.0** | **90.2** |');
    expect(md).not.toContain('bank3');
  });
});
