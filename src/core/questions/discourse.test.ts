import { describe, expect, it } from 'vitest';
import { discourseOf } from './discourse';
import { parseByPattern } from './parseFreeForm';
import type { Task } from './types';

/** Questions with context first (written for this test, not from a bench): the asking sentence is the question. */
const task = (q: string): Task => parseByPattern(q).task;

describe('context sentences before the question', () => {
  it.each([
    [
      'My aunt is buying a carpet for the gap. What is the distance between the sofa and the bookcase?',
      { kind: 'object_abs_distance', a: 'sofa', b: 'bookcase' },
    ],
    [
      'The movers asked me something. How wide is the wardrobe, in inches?',
      { kind: 'object_measure', label: 'wardrobe', measure: 'width' },
    ],
    [
      'We are repainting. How much space is there between the desk and the bed?',
      { kind: 'object_abs_distance', a: 'desk', b: 'bed' },
    ],
    ['Guests arrive at eight. How many chairs do we have?', { kind: 'object_counting', label: 'chair' }],
    ['For the estate agent, what is the total number of objects here?', { kind: 'count_total', labels: [] }],
  ])('%s', (q, t) => {
    expect(task(q)).toEqual(t);
  });

  it('a context noun is not the object asked about', () => {
    expect(parseByPattern('The painters need to know. How tall is the fridge?').read).not.toMatch(/painter/);
  });

  it('a sentence that says too little is read with its context', () => {
    expect(task('Please count the mugs. How many are there?')).toEqual({
      kind: 'object_counting',
      label: 'mug',
    });
    expect(task('I am by the lamp and I will walk over to the door. How many feet is that?')).toEqual({
      kind: 'object_abs_distance',
      a: 'lamp',
      b: 'door',
    });
  });
});

describe('references to the context', () => {
  it.each([
    [
      'I want to mount a shelf over the desk. How tall is it?',
      { kind: 'object_measure', label: 'desk', measure: 'height' },
    ],
    [
      'I left my phone by the sink. What is the nearest object to it?',
      { kind: 'nearest', anchor: 'sink', order: 'min' },
    ],
    [
      'Once I get to the bed, what is right next to it?',
      { kind: 'nearest', anchor: 'bed', order: 'min', near: true },
    ],
    [
      "I'm right next to the couch. Which is closer to me, the lamp or the tv?",
      { kind: 'object_rel_distance', anchor: 'couch', choices: ['lamp', 'tv'] },
    ],
  ])('%s', (q, t) => {
    expect(task(q)).toEqual(t);
  });

  it('where the context puts me is where a distance or a nearest object is measured from', () => {
    expect(task('I am next to the oven. How far away is the table?')).toEqual({
      kind: 'object_abs_distance',
      a: 'oven',
      b: 'table',
    });
    expect(task('I am sitting on the bed. What is the nearest thing to me?')).toEqual({
      kind: 'nearest',
      anchor: 'bed',
      order: 'min',
    });
  });

  it('an "it" that names nothing stays as it is', () => {
    expect(task('How far is it from the sofa to the bed?')).toEqual({
      kind: 'object_abs_distance',
      a: 'sofa',
      b: 'bed',
    });
    expect(discourseOf('How far is it to the door?').question).toBe('how far is it to the door');
  });

  it('a standpoint said before a question of left or right is read with it', () => {
    expect(task('I sit at the desk and I am looking at the door. Where is the lamp, left or right?')).toEqual(
      {
        kind: 'standpoint',
        standing: 'desk',
        facing: 'door',
        query: 'lamp',
        check: 'left-right',
      },
    );
  });

  it('"is that true?" asks yes or no about the claim said before', () => {
    expect(task('My brother thinks the desk is wider than the bed. Is that right?')).toEqual({
      kind: 'compare',
      labels: ['desk', 'bed'],
      measure: 'width',
      order: 'max',
      claim: true,
    });
  });

  it('a name never runs from one sentence into the next', () => {
    expect(task('Sit on the bed and face the desk. Lamp on the left or the right?')).toEqual({
      kind: 'standpoint',
      standing: 'bed',
      facing: 'desk',
      query: 'lamp',
      check: 'left-right',
    });
  });

  it('a standpoint said before the question is read with it', () => {
    expect(task('I am by the bed and the window is dead ahead of me. Is the desk on my right?')).toEqual({
      kind: 'standpoint',
      standing: 'bed',
      facing: 'window',
      query: 'desk',
      check: 'right',
    });
  });
});
