import { describe, expect, it } from 'vitest';
import { CATALOG } from '../synthetic/catalog';
import { fitsPrior, hasPrior } from './sizePriors';

describe('size priors', () => {
  it('hold the largest object of every generated class, in any orientation', () => {
    for (const c of CATALOG) {
      if (!hasPrior(c.label)) continue;
      const [w, d, h] = c.size.map((r) => r[1]);
      expect(fitsPrior([c.label], [w, d, h], 1), c.label).toBe(true);
      expect(fitsPrior([c.label], [d, w, h], 1), c.label).toBe(true);
    }
  });

  it('tell a bottle-sized union from a vase-sized one', () => {
    expect(fitsPrior(['bottle'], [0.09, 0.08, 0.3])).toBe(true);
    expect(fitsPrior(['bottle'], [0.3, 0.1, 0.3])).toBe(false);
  });
});
