import { describe, expect, it } from 'vitest';
import type { NaturalItem } from './generateNatural';
import { extractPrediction, mra, quantities, scorePrediction } from './score';

const item = (over: Partial<NaturalItem>): NaturalItem => ({
  id: 't',
  question: '?',
  ground_truth: 1,
  kind: 'distance',
  phrasing: 'x.1',
  form: 'x',
  source: 'generated',
  scene: 's',
  mosaic: 'm',
  ...over,
});
const judge = (it: NaturalItem, text: string) => {
  const p = extractPrediction(it, { text });
  return { p, score: scorePrediction(it, p, { text }) };
};

describe('reading an answer', () => {
  it('scores numbers by VSI MRA', () => {
    expect(mra(1, 1)).toBe(1);
    expect(mra(1.33, 1)).toBeCloseTo(0.4, 12);
    expect(mra(3, 1)).toBe(0);
  });
  it('reads lengths with their unit and converts to the unit asked', () => {
    expect(quantities('about 5 ft 11 in tall')).toEqual([{ value: 5 + 11 / 12, unit: 'ft' }]);
    const d = item({ ground_truth: 181, unit: 'cm' });
    expect(judge(d, 'The sofa and the TV are 1.81 m apart.').p).toBeCloseTo(181, 9);
    expect(judge(item({ ground_truth: 71, unit: 'in' }), 'It is 1.8 m (71 in) tall.').p).toBe(71);
  });
  it('reads counts in digits and words', () => {
    const c = item({ kind: 'counting', ground_truth: 3 });
    expect(judge(c, 'I count three chairs.').score).toBe(1);
    expect(judge(c, 'There are 2 chairs.').score).toBeCloseTo(0.4, 12);
    expect(judge(c, 'There are 6 chairs.').score).toBe(0);
    expect(judge(item({ kind: 'counting', ground_truth: 21 }), 'I see twenty-one cups.').score).toBe(1);
  });
  it('takes the first candidate named, across synonyms and plurals', () => {
    const q = item({ kind: 'comparison', ground_truth: 'couch', candidates: ['couch', 'microwave'] });
    expect(judge(q, 'The sofa is bigger than the microwave oven.').score).toBe(1);
    expect(judge(q, 'The microwave oven is smaller than the sofa.').score).toBe(0);
  });
  it('tells a "not seen" from a misread question', () => {
    const e = item({ kind: 'existence', ground_truth: 'no' });
    expect(judge(e, "No, I haven't seen a piano.").score).toBe(1);
    expect(judge(e, "I have not seen a 'piano' in this scene.").score).toBe(1);
    expect(judge(e, "I have not seen a 'piano in here' in this scene.").p).toBeNull();
  });
  it('reads a side, and a side against a yes/no question', () => {
    expect(judge(item({ kind: 'standpoint', ground_truth: 'left' }), 'It is on your left.').score).toBe(1);
    const yn = item({ kind: 'standpoint', ground_truth: 'no', side: 'left' });
    expect(judge(yn, 'The fridge is to your right.').score).toBe(1);
  });
  it('counts a room listing when it names the object anywhere', () => {
    const l = item({ kind: 'room_listing', ground_truth: 'potted plant' });
    expect(judge(l, 'I saw 2 chairs, a table and 3 plants.').score).toBe(1);
    expect(judge(l, 'I saw 2 chairs and a table.').score).toBe(0);
  });
});
