import { describe, expect, it } from 'vitest';
import { parseByPattern } from './parseFreeForm';
import type { Task } from './types';

/** Each family: phrasings in several registers (terse, casual, formal, with contractions) → one reading. */
const FAMILIES: Record<string, [string, Partial<Task> & { kind: Task['kind'] }][]> = {
  counting: [
    ['Count the tables for me', { kind: 'object_counting', label: 'table' }],
    ['number of chairs?', { kind: 'object_counting', label: 'chair' }],
    ['how many chairs did you see', { kind: 'object_counting', label: 'chair' }],
    ['Could you tell me the number of sofas in this room?', { kind: 'object_counting', label: 'sofa' }],
    ["what's the count of mugs", { kind: 'object_counting', label: 'mug' }],
    ['chairs - how many?', { kind: 'object_counting', label: 'chair' }],
    ['How many trash cans are there?', { kind: 'object_counting', label: 'trash can' }],
  ],
  totals: [
    ['how many objects are in the room?', { kind: 'count_total', labels: [] }],
    ['How many things did you find in total', { kind: 'count_total', labels: [] }],
    ['how many pieces of furniture are there', { kind: 'count_total', labels: [] }],
    ['how many cups and bottles are there in total?', { kind: 'count_total', labels: ['cup', 'bottle'] }],
    ['total number of chairs and tables?', { kind: 'count_total', labels: ['chair', 'table'] }],
  ],
  existence: [
    ['is there a piano in here?', { kind: 'object_existence', label: 'piano' }],
    ['Do you see any plants?', { kind: 'object_existence', label: 'plant' }],
    ['any tellies around?', { kind: 'object_existence', label: 'telly' }],
    ['have you seen a bicycle anywhere', { kind: 'object_existence', label: 'bicycle' }],
    ['Does the room have a couch?', { kind: 'object_existence', label: 'couch' }],
    ['are there bins?', { kind: 'object_existence', label: 'bin' }],
  ],
  measures: [
    ['how tall is the fridge in feet?', { kind: 'object_measure', label: 'fridge', measure: 'height' }],
    ["What's the height of the lamp?", { kind: 'object_measure', label: 'lamp', measure: 'height' }],
    ['how long is the couch', { kind: 'object_measure', label: 'couch', measure: 'length' }],
    ['How wide is the sofa in inches', { kind: 'object_measure', label: 'sofa', measure: 'width' }],
    ['how big is the bed?', { kind: 'object_measure', label: 'bed', measure: 'longest' }],
    ['fridge height in cm?', { kind: 'object_measure', label: 'fridge', measure: 'height' }],
    ['what is the area of the rug in square feet', { kind: 'object_measure', label: 'rug', measure: 'area' }],
    ['how many cm tall is the stove?', { kind: 'object_measure', label: 'stove', measure: 'height' }],
    [
      'What is the length of the longest dimension (length, width, or height) of the bookcase, in centimeters?',
      { kind: 'object_measure', label: 'bookcase', measure: 'longest' },
    ],
    ["what's the longest side of the desk", { kind: 'object_measure', label: 'desk', measure: 'longest' }],
  ],
  distances: [
    ['how far is the sofa from the telly', { kind: 'object_abs_distance', a: 'sofa', b: 'telly' }],
    ['distance between the two chairs', { kind: 'object_abs_distance', a: 'chair', b: 'chair' }],
    ['How far apart are the couch and the tv?', { kind: 'object_abs_distance', a: 'couch', b: 'tv' }],
    [
      'how many meters between the chair and the table',
      { kind: 'object_abs_distance', a: 'chair', b: 'table' },
    ],
    [
      "what's the distance from the stove to the fridge in feet",
      { kind: 'object_abs_distance', a: 'stove', b: 'fridge' },
    ],
    ['how far am I from the tv?', { kind: 'ego_distance', target: 'tv' }],
  ],
  superlatives: [
    ['What is the largest object in the room?', { kind: 'superlative', measure: 'longest', order: 'max' }],
    ["what's the smallest thing you saw", { kind: 'superlative', measure: 'longest', order: 'min' }],
    ['which chair is the tallest?', { kind: 'superlative', measure: 'height', order: 'max', among: 'chair' }],
    ['the widest object?', { kind: 'superlative', measure: 'width', order: 'max' }],
  ],
  nearest: [
    ['what is closest to the clock?', { kind: 'nearest', anchor: 'clock', order: 'min' }],
    ['Which is the nearest object to the couch?', { kind: 'nearest', anchor: 'couch', order: 'min' }],
    ['what is the farthest object from the door?', { kind: 'nearest', anchor: 'door', order: 'max' }],
    ["what's next to the sink?", { kind: 'nearest', anchor: 'sink', order: 'min', near: true }],
    ['anything beside the bed?', { kind: 'nearest', anchor: 'bed', order: 'min', near: true }],
  ],
  comparisons: [
    [
      'which is bigger, the sofa or the table?',
      { kind: 'compare', labels: ['sofa', 'table'], measure: 'longest', order: 'max' },
    ],
    ['whats bigger, the couch or the dining table', { kind: 'compare', labels: ['couch', 'dining table'] }],
    [
      'Which is taller: the fridge or the door?',
      { kind: 'compare', labels: ['fridge', 'door'], measure: 'height' },
    ],
    ['which one is smaller, the cup or the vase', { kind: 'compare', labels: ['cup', 'vase'], order: 'min' }],
    ['is the couch bigger than the fridge?', { kind: 'compare', labels: ['couch', 'fridge'], claim: true }],
    [
      'is the chair closer to the bed or the tv?',
      { kind: 'object_rel_distance', anchor: 'chair', choices: ['bed', 'tv'] },
    ],
    [
      'which is nearer to the tv, the chair or the plant?',
      { kind: 'object_rel_distance', anchor: 'tv', choices: ['chair', 'plant'] },
    ],
    [
      'which is farther from the door, the bed or the tv?',
      { kind: 'nearest', anchor: 'door', order: 'max', among: ['bed', 'tv'] },
    ],
  ],
  standpoints: [
    [
      'If I stand by the couch facing the tv, is the fridge to my left?',
      { kind: 'standpoint', standing: 'couch', facing: 'tv', query: 'fridge', check: 'left' },
    ],
    [
      "if I'm at the fridge looking at the couch, where is the suitcase?",
      { kind: 'standpoint', standing: 'fridge', facing: 'couch', query: 'suitcase' },
    ],
    [
      'if I stand at the bed facing the door, would the lamp be on my left or right?',
      { kind: 'standpoint', standing: 'bed', facing: 'door', query: 'lamp', check: 'left-right' },
    ],
    [
      "Imagine you're standing at the fridge facing the tv. Is the couch on your left?",
      { kind: 'standpoint', standing: 'fridge', facing: 'tv', query: 'couch', check: 'left' },
    ],
    [
      'Suppose I am sitting on the sofa looking at the telly; where is the stove?',
      { kind: 'standpoint', standing: 'sofa', facing: 'telly', query: 'stove' },
    ],
    [
      'if I stand next to the tv with my back to the couch, is the fridge to my left or right?',
      {
        kind: 'standpoint',
        standing: 'tv',
        facing: 'couch',
        query: 'fridge',
        check: 'left-right',
        backTo: true,
      },
    ],
  ],
  whereAndEgo: [
    ['where is the suitcase?', { kind: 'locate', target: 'suitcase' }],
    ["Where's the fridge?", { kind: 'locate', target: 'fridge' }],
    ['where can I find the cup', { kind: 'locate', target: 'cup' }],
    ["what's behind me?", { kind: 'ego_whats_there', direction: 'back' }],
    ['anything to my right?', { kind: 'ego_whats_there', direction: 'right' }],
    ['is the door to my left?', { kind: 'ego_direction_of', target: 'door' }],
  ],
  appearance: [
    [
      'in what order did the couch, the clock and the suitcase first appear?',
      { kind: 'obj_appearance_order', labels: ['couch', 'clock', 'suitcase'] },
    ],
    ['which came first, the tv or the couch?', { kind: 'obj_appearance_order', labels: ['tv', 'couch'] }],
    [
      'what order did the tv, the cup and the plant show up in?',
      { kind: 'obj_appearance_order', labels: ['tv', 'cup', 'plant'] },
    ],
  ],
  summaries: [
    ["what's in this room?", { kind: 'scene_summary', detail: 'list' }],
    ['list everything you saw', { kind: 'scene_summary', detail: 'list' }],
    ['What did you see?', { kind: 'scene_summary', detail: 'list' }],
    ['describe the room', { kind: 'scene_summary', detail: 'describe' }],
    ['tell me about this room', { kind: 'scene_summary', detail: 'describe' }],
    ['summarize the scene', { kind: 'scene_summary', detail: 'describe' }],
    ['How big is the room?', { kind: 'room_size_estimation' }],
    ["what's the floor area in square feet", { kind: 'room_size_estimation' }],
  ],
  routesFromStandpoint: [
    [
      'im at the bed facing the door, how can i get to the desk',
      { kind: 'route_directions', from: 'bed', facing: 'door', to: 'desk' },
    ],
    [
      'Beginning by the sink and looking towards the oven, what is the way to the table?',
      { kind: 'route_directions', from: 'sink', facing: 'oven', to: 'table' },
    ],
    [
      'with the window behind me, standing next to the lamp, how should I walk to the bookshelf?',
      { kind: 'route_directions', from: 'lamp', facing: 'window', to: 'bookshelf', backTo: true },
    ],
    [
      'Say I stand at the fridge with the couch ahead of me. Which way to turn to reach the tv?',
      { kind: 'route_directions', from: 'fridge', facing: 'couch', to: 'tv' },
    ],
    ['directions from the bed to the door please', { kind: 'route_directions', from: 'bed', to: 'door' }],
  ],
  appearanceChoices: [
    [
      'between the lamp and the chair, which did you spot earlier?',
      { kind: 'obj_appearance_order', labels: ['lamp', 'chair'], ask: 'first' },
    ],
    [
      'Which of these turned up last in the recording: the tv, the cup or the bed?',
      { kind: 'obj_appearance_order', labels: ['tv', 'cup', 'bed'], ask: 'last' },
    ],
    [
      'was the fridge visible before the sink?',
      { kind: 'obj_appearance_order', labels: ['fridge', 'sink'], ask: 'before' },
    ],
    [
      'did the tv come into view after the sofa',
      { kind: 'obj_appearance_order', labels: ['tv', 'sofa'], ask: 'after' },
    ],
  ],
  kindsAndNames: [
    [
      'how many distinct categories of objects did you find',
      { kind: 'count_total', labels: [], kinds: true },
    ],
    ['Number of different sorts of things in here?', { kind: 'count_total', labels: [], kinds: true }],
    ['lamps plus chairs: how many altogether', { kind: 'count_total', labels: ['lamp', 'chair'] }],
    ['total lamps?', { kind: 'object_counting', label: 'lamp' }],
    ['tell me how many lamps there are', { kind: 'object_counting', label: 'lamp' }],
    ['how many mice are on the desk', { kind: 'object_counting', label: 'mouse' }],
  ],
  measurementNouns: [
    [
      'what is the separation between the bed and the door',
      { kind: 'object_abs_distance', a: 'bed', b: 'door' },
    ],
    ['how many feet lie between the lamp and the bed?', { kind: 'object_abs_distance', a: 'lamp', b: 'bed' }],
    ['how many mm is it from the cup to the laptop', { kind: 'object_abs_distance', a: 'cup', b: 'laptop' }],
    ['the biggest measurement of the desk?', { kind: 'object_measure', label: 'desk', measure: 'longest' }],
    ["the lamp's closest neighbours", { kind: 'nearest', anchor: 'lamp', order: 'min' }],
    ['what is the bed farthest from?', { kind: 'nearest', anchor: 'bed', order: 'max' }],
    [
      'which takes up less room, the desk or the bed?',
      { kind: 'compare', labels: ['desk', 'bed'], measure: 'volume', order: 'min' },
    ],
    ['could you find a harp somewhere?', { kind: 'object_existence', label: 'harp' }],
  ],
  notUnderstood: [
    ['what is the weather like', { kind: 'open' }],
    ['asdf qwer', { kind: 'open' }],
    ['tell me a story', { kind: 'open' }],
    // Not the chair's nearest neighbour: measured from the user (no rule for one class yet).
    ['which chair is closest to me', { kind: 'open' }],
  ],
};

describe('free-form phrasing families', () => {
  for (const [family, cases] of Object.entries(FAMILIES))
    describe(family, () => {
      it.each(cases)('%s', (q, task) => {
        expect(parseByPattern(q).task).toMatchObject(task);
      });
    });
});

describe('units and what was read', () => {
  it.each([
    ['how tall is the fridge in feet?', 'ft'],
    ['how far is the tv from the couch in centimetres', 'cm'],
    ['fridge height in mm', 'mm'],
    ['how wide is the bed in inches', 'in'],
    ['how far is the sofa from the tv in meters', 'm'],
    ['how big is the room in square feet', 'ft2'],
    ['floor area in square metres?', 'm2'],
  ])('%s → %s', (q, unit) => {
    expect(parseByPattern(q).unit).toBe(unit);
  });
  it('never takes a unit or a question word for an object name', () => {
    expect(parseByPattern('how tall is the fridge in feet?').task).toEqual({
      kind: 'object_measure',
      label: 'fridge',
      measure: 'height',
    });
    expect(parseByPattern('what is the weather like').read).toBe(
      '"what is the weather like", objects: weather',
    );
  });
});

describe('phrasings written after the rules (another register)', () => {
  it.each([
    [
      'Please state the total count of seating (chairs) present.',
      { kind: 'object_counting', label: 'chair' },
    ],
    [
      'Between the fridge and the couch, which one stands taller?',
      { kind: 'compare', labels: ['fridge', 'couch'] },
    ],
    [
      'From the chair, facing the couch, is the plant on the left or the right?',
      { kind: 'standpoint', standing: 'chair', facing: 'couch', query: 'plant', check: 'left-right' },
    ],
    ['Give me a rundown of the room.', { kind: 'scene_summary', detail: 'describe' }],
    ["what's the closest thing to me", { kind: 'ego_nearest', order: 'min' }],
    ['which object is farthest from me?', { kind: 'ego_nearest', order: 'max' }],
    ['how far away is the couch', { kind: 'ego_distance', target: 'couch' }],
    [
      'Which did you see last, the couch or the tv?',
      { kind: 'obj_appearance_order', labels: ['couch', 'tv'] },
    ],
  ] as [string, Partial<Task>][])('%s', (q, task) => {
    expect(parseByPattern(q).task).toMatchObject(task);
  });
});

describe('lists of names', () => {
  it('a name never runs across a comma ("sofa, chair" is not a "sofa chair")', () => {
    expect(
      parseByPattern('Which of these objects (sofa, chair, refrigerator, table) is the closest to the stove?')
        .task,
    ).toEqual({
      kind: 'object_rel_distance',
      anchor: 'stove',
      choices: ['sofa', 'chair', 'refrigerator', 'table'],
    });
  });
});
