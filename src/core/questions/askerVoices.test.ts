import { describe, expect, it } from 'vitest';
import { discourseOf } from './discourse';
import { parseByPattern } from './parseFreeForm';
import { readQuestion } from './readQuestion';
import type { Task } from './types';

/**
 * Voices the reader once misread (texting, spoken hedges, a purpose or a reporter said first, third-person
 * observers, answer tags): wordings written for this test, not taken from a bench.
 */
const task = (q: string): Task => parseByPattern(q).task;
const objects = (q: string): string[] => readQuestion(q).mentions.map((m) => m.name);

describe('texting shorthand and fillers', () => {
  it.each([
    ['hw high is the fridge', { kind: 'object_measure', label: 'fridge', measure: 'height' }],
    ['hw wide r the sofas in cm', { kind: 'object_measure', label: 'sofa', measure: 'width' }],
    ['wht is the size of the bed', { kind: 'object_measure', label: 'bed', measure: 'longest' }],
    ['ngl hw far is the door from the desk', { kind: 'object_abs_distance', a: 'door', b: 'desk' }],
  ])('%s', (q, t) => {
    expect(task(q)).toEqual(t);
  });

  it.each([
    ['lowkey whats next to the oven rn', ['oven']],
    ['ngl tbh the kettle, how tall is it', ['kettle']],
  ])('%s names no filler as an object', (q, names) => {
    expect(objects(q)).toEqual(names);
  });
});

describe('a purpose or a reporter said before the question names no object', () => {
  it.each([
    ['For the hallway runner, how far apart are the door and the bed?', ['door', 'bed']],
    ['To plan the renovation, how tall is the shelf?', ['shelf']],
    ['So the mover can quote, how big is the piano in feet?', ['piano']],
    ['My niece wants to know how long the desk is.', ['desk']],
    ['My landlord asked whether there is a fridge here.', ['fridge']],
    ['My daughter is curious what the widest thing in here is.', []],
  ])('%s', (q, names) => {
    expect(objects(q)).toEqual(names);
  });

  it('a name said first is still the object asked about', () => {
    expect(objects('the harp, how tall is it?')).toEqual(['harp']);
    expect(task('For the sofa, how long is it?')).toEqual({
      kind: 'object_measure',
      label: 'sofa',
      measure: 'length',
    });
  });
});

describe('asking whether something is there, said as owning or as a statement', () => {
  it.each([
    ['Do we currently have a microwave, or do I need to buy one?', 'microwave'],
    ['Have I already got a lamp here?', 'lamp'],
    ['Has the flat got a dishwasher?', 'dishwasher'],
    ['okay so there are some plates on the shelf?', 'plate'],
  ])('%s', (q, label) => {
    expect(task(q)).toEqual({ kind: 'object_existence', label });
  });

  it('an answer tag after the question leaves the question to be read', () => {
    expect(discourseOf('There is a kettle somewhere in the kitchen? Yes or no?').question).toBe(
      'there is a kettle somewhere in the kitchen',
    );
    expect(discourseOf('The lamp is taller than the chair? True or false?').question).toBe(
      'the lamp is taller than the chair',
    );
  });
});

describe('a measure noun with a modifier, and superlatives over everything', () => {
  it('"the greater overall size" compares sizes', () => {
    expect(task('between the desk and the sofa, which of them has the greater physical size?')).toEqual({
      kind: 'compare',
      labels: ['desk', 'sofa'],
      measure: 'longest',
      order: 'max',
    });
  });

  it('"of everything in the room, which is the tallest" asks for one object', () => {
    expect(task('Looking at everything in here, which item is the tallest?')).toEqual({
      kind: 'superlative',
      measure: 'height',
      order: 'max',
    });
  });
});

describe('third-person observers and turning to face', () => {
  it('"the observer" is where I stand, not an object', () => {
    expect(
      task('An observer sits at the desk looking at the window: is the lamp on their left or right?'),
    ).toEqual({ kind: 'standpoint', standing: 'desk', facing: 'window', query: 'lamp', check: 'left-right' });
  });

  it('"turn left or right to face Z" is a route from where I stand', () => {
    expect(
      task(
        'Standing by the sink with the fridge right behind me, should I turn left or right to face the table?',
      ),
    ).toEqual({
      kind: 'route_directions',
      from: 'sink',
      to: 'table',
      facing: 'fridge',
      backTo: true,
    });
  });
});

describe('appearance said with a leading phrase or a reaching verb', () => {
  it.each([
    ['In the footage, was the lamp seen earlier than the desk?', 'before'],
    ['Okay so between the mug and the sofa, which did the camera get to later?', 'last'],
    ['Between the chair and the tv, which one did the video capture later?', 'last'],
  ])('%s', (q, ask) => {
    expect(task(q)).toMatchObject({ kind: 'obj_appearance_order', ask });
  });
});

describe('second-language and surveyor wordings of a measure or of being there', () => {
  it.each([
    [
      'Please, how much centimetre the desk is wide?',
      { kind: 'object_measure', label: 'desk', measure: 'width' },
    ],
    ['how many inch is the lamp tall?', { kind: 'object_measure', label: 'lamp', measure: 'height' }],
    [
      'Report the vertical dimension of the wardrobe.',
      { kind: 'object_measure', label: 'wardrobe', measure: 'height' },
    ],
    ['Does exist a piano in the house?', { kind: 'object_existence', label: 'piano' }],
    ['Does a kettle exist here?', { kind: 'object_existence', label: 'kettle' }],
    ['Is having a mirror in this flat?', { kind: 'object_existence', label: 'mirror' }],
  ])('%s', (q, t) => {
    expect(task(q)).toEqual(t);
  });

  it('"their left" of a third-person observer is the side asked', () => {
    expect(task('The observer waits by the door looking at the bed; is the desk to their right?')).toEqual({
      kind: 'standpoint',
      standing: 'door',
      facing: 'bed',
      query: 'desk',
      check: 'right',
    });
  });
});

describe('formal and second-language standpoints and distances', () => {
  it('a tagged modifier the vocabulary lacks is not an end of a distance', () => {
    expect(task('State the Euclidean clearance between the sink and the oven.')).toEqual({
      kind: 'object_abs_distance',
      a: 'sink',
      b: 'oven',
    });
  });

  it.each([
    [
      'Suppose an observer occupies the sofa and faces the window: does the plant lie to the observer’s right?',
      { kind: 'standpoint', standing: 'sofa', facing: 'window', query: 'plant', check: 'right' },
    ],
    [
      'The viewer sits on the bed, oriented toward the wardrobe. Is the mirror on the left or on the right?',
      { kind: 'standpoint', standing: 'bed', facing: 'wardrobe', query: 'mirror', check: 'left-right' },
    ],
    [
      'I stay next the desk and look to the shelf, the chair is left or right for me?',
      { kind: 'standpoint', standing: 'desk', facing: 'shelf', query: 'chair', check: 'left-right' },
    ],
  ])('%s', (q, t) => {
    expect(task(q)).toEqual(t);
  });
});
