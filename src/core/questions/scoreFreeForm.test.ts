import { describe, expect, it } from 'vitest';
import { validateEvalItems } from './questionsFile';
import { convertUnit, fallbackAnswer, freeFormKind, predictedNumber, scoreFreeForm } from './scoring';

describe('free-form ground truth kinds', () => {
  it.each<[string | number, string[] | undefined, string]>([
    [3.5, undefined, 'number'],
    ['12', undefined, 'number'],
    ['B', ['A. chair', 'B. sofa'], 'option'],
    ['Yes', undefined, 'yes/no'],
    ['left', undefined, 'left/right'],
    ['sofa', undefined, 'name'],
    ['B', undefined, 'name'],
  ])('%s (options %j) → %s', (gt, options, kind) => expect(freeFormKind(gt, options)).toBe(kind));
});

describe('scoreFreeForm', () => {
  it('numbers: MRA after converting the prediction into the item unit', () => {
    expect(scoreFreeForm(1.5, 150, { unit: 'cm', predictionUnit: 'm' })).toBe(1);
    expect(scoreFreeForm('about 5 feet', 152.4, { unit: 'cm' })).toBe(1);
    expect(scoreFreeForm('The fridge is 180 cm tall.', 1.8, { unit: 'm' })).toBe(1);
    expect(scoreFreeForm('12.9 square meters', 138.9, { unit: 'ft2' })).toBe(1);
    expect(scoreFreeForm(2, 4)).toBe(0.1 * 1); // 50 % off: only the 0.50 threshold passes
    expect(scoreFreeForm('no idea', 3)).toBe(0);
  });
  it('option letters, yes/no and left/right exactly', () => {
    const options = ['A. chair', 'B. sofa'];
    expect(scoreFreeForm('B', 'B', { options })).toBe(1);
    expect(scoreFreeForm('(B)', 'B', { options })).toBe(1);
    expect(scoreFreeForm('A', 'B', { options })).toBe(0);
    expect(scoreFreeForm('Yes: the plant is left of the sofa.', 'yes')).toBe(1);
    expect(scoreFreeForm('No, I have not seen a piano.', 'yes')).toBe(0);
    expect(scoreFreeForm('The door is to your left.', 'left')).toBe(1);
    expect(scoreFreeForm('The tv is to the front-left.', 'right')).toBe(0);
  });
  it('object names after plurals and synonyms', () => {
    expect(scoreFreeForm('couch', 'sofas')).toBe(1);
    expect(scoreFreeForm('The fridge.', 'refrigerator')).toBe(1);
    expect(scoreFreeForm('tv', 'sofa')).toBe(0);
  });
  it('units convert only within length or area', () => {
    expect(convertUnit(1, 'ft', 'in')).toBeCloseTo(12, 9);
    expect(convertUnit(1, 'm2', 'ft2')).toBeCloseTo(10.7639, 3);
    expect(convertUnit(3, 'm', 'm2')).toBe(3);
    expect(predictedNumber('1,250 mm')).toEqual({ value: 1250, unit: 'mm' });
  });
  it('the fallback answer of a task', () => {
    expect(fallbackAnswer('object_abs_distance')).toBe(2);
    expect(fallbackAnswer('route_planning', ['A. Turn Left', 'B. Turn Right'])).toBe('A');
  });
});

describe('questions file items without question_type', () => {
  it('are accepted with an optional unit and options', () => {
    const items = validateEvalItems(
      [
        { id: 1, question: 'how tall is the fridge in feet?', ground_truth: 5.9, unit: 'ft' },
        { id: 2, question: 'is there a piano?', ground_truth: 'no' },
        { id: 3, question: 'which is bigger?', options: ['A. bed', 'B. cup'], ground_truth: 'A' },
      ],
      'q.json',
    );
    expect(items.map((q) => q.question_type)).toEqual([undefined, undefined, undefined]);
    expect(items[0].unit).toBe('ft');
  });
  it('refuse a unit on a ground truth that is not a number', () => {
    expect(() =>
      validateEvalItems([{ id: 1, question: 'x?', ground_truth: 'sofa', unit: 'm' }], 'q.json'),
    ).toThrow('q.json: item 0 (id "1"): "unit" is given but "ground_truth" "sofa" is not a number');
  });
});
