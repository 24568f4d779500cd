import { describe, expect, it } from 'vitest';
import { parseByPattern } from './parseFreeForm';
import { readQuestion } from './readQuestion';
import type { Task } from './types';

/** Phrasing families the reader once misread, several wordings each (written for this test, not from a bench). */
const task = (q: string): Task => parseByPattern(q).task;
const objects = (q: string): string[] => readQuestion(q).mentions.map((m) => m.name);

describe('asking whether something is there, with a finding verb', () => {
  it.each([
    ['have you come across a kettle at all?', 'kettle'],
    ['did you run across any umbrella?', 'umbrella'],
    ['would we find a toaster somewhere in this flat?', 'toaster'],
    ['could you make out a clock anywhere?', 'clock'],
    ['do you know whether there is a microwave?', 'microwave'],
    ['I am searching for my backpack, is there one?', 'backpack'],
    ['we are hunting for scissors, any around?', 'scissors'],
    ['any idea whether there is a toaster in here?', 'toaster'],
    ['is there any chance you have seen a laptop?', 'laptop'],
  ])('%s', (q, label) => {
    expect(task(q)).toEqual({ kind: 'object_existence', label });
  });

  it('"where would I find X" still asks where', () => {
    expect(task('where would I find the kettle?')).toEqual({ kind: 'locate', target: 'kettle' });
  });
});

describe('framing words are not objects', () => {
  it.each([
    [
      'picture yourself by the bed, looking at the window: is the lamp to your left?',
      ['bed', 'window', 'lamp'],
    ],
    ['imagine you are on the couch facing the tv', ['couch', 'tv']],
    ['keep your eyes fixed on the door', ['door']],
    ['I am wondering about the sink', ['sink']],
    ['say you stand by the fridge', ['fridge']],
  ])('%s', (q, names) => {
    expect(objects(q)).toEqual(names);
  });

  it('a picture on the wall is still an object', () => {
    expect(objects('how big is the picture above the couch?')).toEqual(['picture', 'couch']);
  });
});

describe('where I stand and what I face', () => {
  const sp = (standing: string, facing: string, query: string, backTo = false) => ({
    kind: 'standpoint',
    standing,
    facing,
    query,
    check: 'left-right',
    ...(backTo ? { backTo } : {}),
  });
  it.each([
    [
      'sitting on the bed with the wardrobe in front of me, is the desk to my left or right?',
      sp('bed', 'wardrobe', 'desk'),
    ],
    ['I am at the sink, the oven ahead of me: is the fridge left or right?', sp('sink', 'oven', 'fridge')],
    [
      'by the door, facing away from the bed, is the lamp on my left or right?',
      sp('door', 'bed', 'lamp', true),
    ],
    [
      'standing at the desk with the bed behind me, is the shelf on my left or my right?',
      sp('desk', 'bed', 'shelf', true),
    ],
    [
      'keep your eyes on the tv while standing at the table: is the plant to your left or right?',
      sp('table', 'tv', 'plant'),
    ],
  ])('%s', (q, want) => {
    expect(task(q)).toEqual(want);
  });
});

describe('a route with "first" is not an appearance question', () => {
  it.each([
    [
      'which way should I turn first to go from the bed to the door if I am facing the window?',
      'bed',
      'door',
      'window',
    ],
    [
      'facing the tv, which direction do I head first to get from the couch to the fridge?',
      'couch',
      'fridge',
      'tv',
    ],
  ])('%s', (q, from, to, facing) => {
    expect(task(q)).toEqual({ kind: 'route_directions', from, to, facing });
  });

  it('"which did I see first" still asks the appearance order', () => {
    expect(task('which did I see first, the bed or the door?')).toMatchObject({
      kind: 'obj_appearance_order',
      ask: 'first',
    });
  });
});

describe('yes/no comparisons', () => {
  it.each([
    ['does the wardrobe reach higher than the door?', ['wardrobe', 'door'], 'height'],
    ['is the bed longer than the couch?', ['bed', 'couch'], 'length'],
    ['did the table look wider than the desk?', ['table', 'desk'], 'width'],
  ])('%s', (q, labels, measure) => {
    expect(task(q)).toMatchObject({ kind: 'compare', labels, measure, claim: true });
  });

  it.each([
    ['is the bed farther from the door than the desk is?', 'door', ['bed', 'desk'], 'bed', 'max'],
    ['is the lamp closer to the sofa than the tv?', 'sofa', ['lamp', 'tv'], 'lamp', 'min'],
  ])('%s', (q, anchor, among, claim, order) => {
    expect(task(q)).toEqual({ kind: 'nearest', anchor, order, among, claim });
  });
});

describe('the anchor of "which of B and C is farther from A"', () => {
  it.each([
    'is the bed or the desk farther from the door?',
    'which of the bed and the desk is further away from the door?',
    'are the bed or the desk further from the door?',
  ])('%s', (q) => {
    expect(task(q)).toMatchObject({ kind: 'nearest', anchor: 'door', order: 'max', among: ['bed', 'desk'] });
  });

  it('"is A closer to B or C" keeps A as the anchor', () => {
    expect(task('is the lamp closer to the bed or the desk?')).toEqual({
      kind: 'object_rel_distance',
      anchor: 'lamp',
      choices: ['bed', 'desk'],
    });
  });
});

describe('paraphrases', () => {
  it.each<[string, Partial<Task>]>([
    ['what do the cups and the bowls add up to?', { kind: 'count_total', labels: ['cup', 'bowl'] }],
    [
      'the chairs plus the stools, what does that sum up to?',
      { kind: 'count_total', labels: ['chair', 'stool'] },
    ],
    [
      'top to bottom, how many inches is the shelf?',
      { kind: 'object_measure', label: 'shelf', measure: 'height' },
    ],
    ['end to end, how many metres is the bed?', { kind: 'object_measure', label: 'bed', measure: 'length' }],
    ['side to side, how many cm is the desk?', { kind: 'object_measure', label: 'desk', measure: 'width' }],
    ["tell me what's alongside the bed", { kind: 'nearest', anchor: 'bed', near: true }],
    ['run me through what is in here', { kind: 'scene_summary' }],
    ['what kinds of things are in this place?', { kind: 'scene_summary' }],
    ['what sort of furniture is in this room?', { kind: 'scene_summary' }],
  ])('%s', (q, want) => {
    expect(task(q)).toMatchObject(want);
  });
});

describe('two words that name one class', () => {
  it.each([
    ['how many computer mice are there?', 'computer mouse'],
    ['how many computer mice can you count?', 'computer mouse'],
  ])('%s', (q, label) => {
    expect(task(q)).toEqual({ kind: 'object_counting', label });
  });

  it('a comma keeps two names apart', () => {
    expect(objects('computer, mouse and cup')).toEqual(['computer', 'mouse', 'cup']);
  });
});

describe('polite and indirect requests', () => {
  it.each([
    ['would you mind counting the mugs, please?', { kind: 'object_counting', label: 'mug' }],
    ['could you be so kind as to go counting the plates?', { kind: 'object_counting', label: 'plate' }],
    [
      'can you give me a rough idea of how tall the bookcase is?',
      { kind: 'object_measure', label: 'bookcase', measure: 'height' },
    ],
    [
      'could you give me a sense of how wide the bed is?',
      { kind: 'object_measure', label: 'bed', measure: 'width' },
    ],
    [
      'would you be able to tell me whether the desk is wider than the bed?',
      { kind: 'compare', labels: ['desk', 'bed'], measure: 'width', order: 'max', claim: true },
    ],
    [
      'can you let me know if the sofa is taller than the lamp?',
      { kind: 'compare', labels: ['sofa', 'lamp'], measure: 'height', order: 'max', claim: true },
    ],
    [
      'I was wondering if the cup is on the table',
      { kind: 'pair_relation', a: 'cup', relation: 'above', b: 'table' },
    ],
  ])('%s', (q, t) => {
    expect(task(q)).toEqual(t);
  });
});

describe('standpoints said in other ways', () => {
  it.each([
    [
      'I am at the desk and I look to the window. Is the bed left or right of me?',
      { kind: 'standpoint', standing: 'desk', facing: 'window', query: 'bed', check: 'left-right' },
    ],
    [
      'I am at the sink and the oven is right in front of me. Is the fridge on my right?',
      { kind: 'standpoint', standing: 'sink', facing: 'oven', query: 'fridge', check: 'right' },
    ],
    [
      'at the bed with my back to the desk, do I go left or right to head towards the door?',
      { kind: 'route_directions', from: 'bed', to: 'door', facing: 'desk', backTo: true },
    ],
    [
      'at the bed, facing away from the desk, do I turn left or right to go to the door?',
      { kind: 'route_directions', from: 'bed', to: 'door', facing: 'desk', backTo: true },
    ],
    [
      'standing by the sofa looking at the tv, left or right for the lamp?',
      { kind: 'route_directions', from: 'sofa', to: 'lamp', facing: 'tv' },
    ],
  ])('%s', (q, t) => {
    expect(task(q)).toEqual(t);
  });
});

describe('degrees said with more, most, less, least', () => {
  it.each([
    [
      'which one is less tall, the lamp or the desk?',
      { kind: 'compare', labels: ['lamp', 'desk'], measure: 'height', order: 'min' },
    ],
    [
      'which is more wide: the bed or the sofa?',
      { kind: 'compare', labels: ['bed', 'sofa'], measure: 'width', order: 'max' },
    ],
    ['what is the least big thing in the room?', { kind: 'superlative', measure: 'longest', order: 'min' }],
    [
      'which item in this space is the most large?',
      { kind: 'superlative', measure: 'longest', order: 'max' },
    ],
    [
      'from the desk, which is more distant, the bed or the lamp?',
      { kind: 'nearest', anchor: 'desk', order: 'max', among: ['bed', 'lamp'] },
    ],
    [
      'which is less far from the bed, the lamp or the chair?',
      { kind: 'object_rel_distance', anchor: 'bed', choices: ['lamp', 'chair'] },
    ],
    [
      'which is the smallest of the two, the cup or the bowl?',
      { kind: 'compare', labels: ['cup', 'bowl'], measure: 'longest', order: 'min' },
    ],
    [
      'which is least tall: the desk or the bookcase?',
      { kind: 'compare', labels: ['desk', 'bookcase'], measure: 'height', order: 'min' },
    ],
    ['which chair is the tallest?', { kind: 'superlative', measure: 'height', order: 'max', among: 'chair' }],
    ['what thing is most close to the sink?', { kind: 'nearest', anchor: 'sink', order: 'min' }],
    ['which object is the most near to the door?', { kind: 'nearest', anchor: 'door', order: 'min' }],
    ['how long is the sofa at its longest?', { kind: 'object_measure', label: 'sofa', measure: 'length' }],
    [
      'roughly how big is the wardrobe at its biggest?',
      { kind: 'object_measure', label: 'wardrobe', measure: 'longest' },
    ],
  ])('%s', (q, t) => {
    expect(task(q)).toEqual(t);
  });

  it('"its" typed for "it\'s" is still read', () => {
    expect(task('its the sofa, how tall is it?')).toEqual({
      kind: 'object_measure',
      label: 'sofa',
      measure: 'height',
    });
  });
});

describe('listing the room, and the room said to have something', () => {
  it.each([
    ['which things can be found in this room?', { kind: 'scene_summary', detail: 'list' }],
    ['which items are here?', { kind: 'scene_summary', detail: 'list' }],
    ['tell me everything that is around', { kind: 'scene_summary', detail: 'list' }],
    ['what would I find in here?', { kind: 'scene_summary', detail: 'list' }],
    ['list all the objects you spotted', { kind: 'scene_summary', detail: 'list' }],
    ['I cannot see well. Would you tell me what is around me?', { kind: 'scene_summary', detail: 'list' }],
    ['the flat has a piano, am I right?', { kind: 'object_existence', label: 'piano' }],
    ['does this apartment come with a dishwasher?', { kind: 'object_existence', label: 'dishwasher' }],
    ['my room contains a desk, true?', { kind: 'object_existence', label: 'desk' }],
  ])('%s', (q, t) => {
    expect(task(q)).toEqual(t);
  });
});

describe('texting', () => {
  it.each([
    ['u see a kettle anywhere?', { kind: 'object_existence', label: 'kettle' }],
    ['how many mugs r there rn', { kind: 'object_counting', label: 'mug' }],
    ['pls how tall is ur fridge', { kind: 'object_measure', label: 'fridge', measure: 'height' }],
  ])('%s', (q, t) => {
    expect(task(q)).toEqual(t);
  });
});

describe('yes/no said as a statement, and degrees of a measure noun', () => {
  it.each([
    [
      'the bed, it is more wide than the sofa?',
      { kind: 'compare', labels: ['bed', 'sofa'], measure: 'width', order: 'max', claim: true },
    ],
    [
      'the lamp is nearer to the desk than the bed?',
      { kind: 'nearest', anchor: 'desk', order: 'min', among: ['lamp', 'bed'], claim: 'lamp' },
    ],
    [
      'which one has less width, the desk or the bed?',
      { kind: 'compare', labels: ['desk', 'bed'], measure: 'width', order: 'min' },
    ],
    ['what item has the biggest volume?', { kind: 'superlative', measure: 'volume', order: 'max' }],
    ['what is close to me?', { kind: 'ego_nearest', order: 'min' }],
  ])('%s', (q, t) => {
    expect(task(q)).toEqual(t);
  });

  it('"do" is never an object: a counting question said after the objects is read with them', () => {
    expect(task('There are plates on the shelf. How many do you see?')).toEqual({
      kind: 'object_counting',
      label: 'plate',
    });
  });
});

describe('"my back is to Y" gives what I face away from', () => {
  it('in a standpoint', () => {
    expect(task('my back is towards the desk and I am at the bed. Is the door on my left or right?')).toEqual(
      {
        kind: 'standpoint',
        standing: 'bed',
        facing: 'desk',
        query: 'door',
        check: 'left-right',
        backTo: true,
      },
    );
  });
});
