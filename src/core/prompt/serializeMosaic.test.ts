import { describe, expect, it } from 'vitest';
import { AT_1_1_LOOK_MINUS_X, testScene } from '../../../test/core/reasoning/testScene';
import { cases } from '../../../test/core/prompt/goldenCases';
import { estimateTokens } from '../reasoning/tokenEstimate';
import { rawFramesTokens } from './rawFrames';
import { DEFAULT_MAP_TOKENS, serializeMosaic } from './serializeMosaic';

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
    for (const budget of [60, 90, 120, 150, 250, 400]) {
      const s = serializeMosaic(testScene(), { taskLabels: ['tv'], budgetTokens: budget });
      expect(s.listed[0].id).toBe('o2');
      expect(s.listed.length + s.summarised).toBe(7);
      if (s.summarised > 0) expect(s.text).toMatch(new RegExp(`\\n\\+${s.summarised} more: [^\\n]+$`));
      else expect(s.text).not.toMatch(/more:/);
      if (budget >= 90) expect(s.tokens).toBeLessThanOrEqual(budget);
      expect(s.tokens).toBe(estimateTokens(s.text));
    }
  });
  it('lists the main instance of each task label before any second one, and summarises what does not fit', () => {
    const s = serializeMosaic(testScene(), { taskLabels: ['chair', 'couch', 'tv'], budgetTokens: 100 });
    expect(s.listed.map((x) => x.id)).toEqual(['o3', 'o1', 'o2']);
    expect(s.summarised).toBe(4);
    expect(s.text).toMatch(/\n\+4 more: chair, cup, dining table, potted plant$/);
  });
  it('keeps the first task object even over budget (the list is never empty)', () => {
    const s = serializeMosaic(testScene(), { taskLabels: ['couch'], budgetTokens: 10 });
    expect(s.listed.map((x) => x.id)).toEqual(['o1']);
    expect(s.summarised).toBe(6);
  });
  it('writes centres and sizes in whole decimetres', () => {
    const s = serializeMosaic(testScene(), { taskLabels: ['tv'], budgetTokens: 400 });
    expect(s.text).toContain('\n1 tv 0,-10,12 12x1x7\n');
    // A 8 cm cup is still 1 dm wide: no size reads as zero.
    expect(s.text).toMatch(/\n\w cup 20,20,8 1x1x1(\n|$)/);
  });
  it('fits the default budget to a twentieth of 32 raw frames, with a grid when the task allows', () => {
    const raw = rawFramesTokens(32, 10, estimateTokens);
    const s = serializeMosaic(testScene(), { taskLabels: ['tv'] });
    expect(DEFAULT_MAP_TOKENS).toBeLessThanOrEqual(raw / 20);
    expect(s.tokens).toBeLessThanOrEqual(DEFAULT_MAP_TOKENS);
    expect(s.gridSize).toBeGreaterThan(0);
  });
  it('uses the given tokenizer', () => {
    const s = serializeMosaic(testScene(), { countTokens: () => 1, budgetTokens: 5 });
    expect(s.tokens).toBe(1);
    expect(s.summarised).toBe(0);
    expect(s.gridSize).toBe(16);
  });
});
