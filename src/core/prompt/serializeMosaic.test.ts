import { describe, expect, it } from 'vitest';
import { AT_1_1_LOOK_MINUS_X, testScene } from '../reasoning/testScene';
import { cases } from './goldenCases';
import { serializeMosaic } from './serializeMosaic';

// Golden files, compared exactly. Regenerate deliberately (and review the diff) when the format changes.
const golden = import.meta.glob('./__golden__/*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('serializeMosaic golden files', () => {
  it.each(cases)('$name', (c) => {
    const s = serializeMosaic(c.turned ? testScene(AT_1_1_LOOK_MINUS_X) : testScene(), c.opts);
    expect(s.text + '\n').toBe(golden[`./__golden__/${c.name}.txt`]);
  });
});

describe('serializeMosaic budget', () => {
  it('stays within the budget, lists task objects first, summarises the rest', () => {
    for (const budget of [60, 90, 150, 250, 400]) {
      const s = serializeMosaic(testScene(), { taskLabels: ['tv'], budgetTokens: budget });
      expect(s.listed[0].id).toBe('o2');
      expect(s.listed.length + s.summarised).toBe(7);
      if (s.summarised > 0) expect(s.text).toMatch(new RegExp(`\\+${s.summarised} more objects: `));
      if (budget >= 90) expect(s.tokens).toBeLessThanOrEqual(budget);
    }
  });
  it('keeps task objects even over budget (never dropped silently)', () => {
    const s = serializeMosaic(testScene(), { taskLabels: ['chair', 'couch', 'tv'], budgetTokens: 10 });
    expect(s.listed.map((x) => x.id).sort()).toEqual(['o1', 'o2', 'o3', 'o4']);
    expect(s.summarised).toBe(3);
  });
  it('uses the given tokenizer', () => {
    const s = serializeMosaic(testScene(), { countTokens: () => 1, budgetTokens: 5 });
    expect(s.tokens).toBe(1);
    expect(s.summarised).toBe(0);
    expect(s.gridSize).toBe(16);
  });
});
