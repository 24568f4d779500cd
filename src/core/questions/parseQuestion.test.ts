import { describe, expect, it } from 'vitest';
import { parseDeclared, parseOption, parseTemplate, parseTurns, QuestionParseError } from './parseQuestion';

describe('parseTemplate (VSI-Bench templates)', () => {
  it('object_counting', () => {
    const p = parseTemplate('How many chair(s) are in this room?');
    expect(p?.questionType).toBe('object_counting');
    expect(p?.task).toEqual({ kind: 'object_counting', label: 'chair' });
  });
  it('object_abs_distance', () => {
    const p = parseTemplate(
      'Measuring from the closest point of each object, what is the direct distance between the sofa and the tv (in meters)?',
    );
    expect(p?.task).toEqual({ kind: 'object_abs_distance', a: 'sofa', b: 'tv' });
  });
  it('object_size_estimation', () => {
    const p = parseTemplate(
      'What is the length of the longest dimension (length, width, or height) of the dining table, measured in centimeters?',
    );
    expect(p?.task).toEqual({ kind: 'object_size_estimation', label: 'dining table' });
  });
  it('room_size_estimation (two lines)', () => {
    const p = parseTemplate(
      'What is the size of this room (in square meters)? \nIf multiple rooms are shown, estimate the size of the combined space.',
    );
    expect(p?.questionType).toBe('room_size_estimation');
  });
  it('object_rel_distance with options', () => {
    const p = parseTemplate(
      'Measuring from the closest point of each object, which of these objects (chair, stool, stove, sofa) is the closest to the tv?\nIf there are multiple instances of an object category, measure to the closest.',
      ['A. chair', 'B. stool', 'C. stove', 'D. sofa'],
    );
    expect(p?.task).toEqual({
      kind: 'object_rel_distance',
      anchor: 'tv',
      choices: ['chair', 'stool', 'stove', 'sofa'],
    });
    expect(p?.options?.[3]).toEqual({ letter: 'D', text: 'sofa' });
  });
  it('object_rel_direction: the three levels, both easy wordings', () => {
    const easy = parseTemplate(
      'If I am standing by the tv and facing the lamp, is the table to the left or the right of the lamp?',
    );
    expect(easy?.questionType).toBe('object_rel_direction_easy');
    expect(easy?.task).toEqual({
      kind: 'object_rel_direction',
      level: 'easy',
      standing: 'tv',
      facing: 'lamp',
      query: 'table',
    });
    expect(
      parseTemplate('If I am standing by the A and facing the B, is the C to my left or the right?')
        ?.questionType,
    ).toBe('object_rel_direction_easy');
    const medium = parseTemplate(
      'If I am standing by the stove and facing the sofa, is the tv to my left, right, or back?\nAn object is to my back if I would have to turn at least 135 degrees in order to face it.',
    );
    expect(medium?.questionType).toBe('object_rel_direction_medium');
    const hard = parseTemplate(
      'If I am standing by the stove and facing the sofa, is the tv to my front-left, front-right, back-left, or back-right?',
    );
    expect(hard?.questionType).toBe('object_rel_direction_hard');
    expect(hard?.task).toMatchObject({ standing: 'stove', facing: 'sofa', query: 'tv' });
  });
  it('route_planning: steps, blanks, and the Note with its own colon', () => {
    const p = parseTemplate(
      "You are a robot beginning at the bed facing the tv. You want to navigate to the toilet. You will perform the following actions (Note: for each [please fill in], choose either 'turn back,' 'turn left,' or 'turn right.'): 1. Go forward until the TV 2. [please fill in] 3. Go forward until the shower 4. [please fill in] 5. Go forward until the toilet. You have reached the final destination.",
    );
    expect(p?.task).toEqual({
      kind: 'route_planning',
      start: 'bed',
      facing: 'tv',
      destination: 'toilet',
      steps: [
        { kind: 'forward', target: 'tv' },
        { kind: 'turn' },
        { kind: 'forward', target: 'shower' },
        { kind: 'turn' },
        { kind: 'forward', target: 'toilet' },
      ],
    });
  });
  it('obj_appearance_order', () => {
    const p = parseTemplate(
      'What will be the first-time appearance order of the following categories in the video: ceiling light, cup, heater, door?',
    );
    expect(p?.task).toEqual({
      kind: 'obj_appearance_order',
      labels: ['ceiling light', 'cup', 'heater', 'door'],
    });
  });
  it('returns undefined for free-form text', () => {
    expect(parseTemplate('how far is the cup from the laptop?')).toBeUndefined();
  });
});

describe('options and turns', () => {
  it('parses option letters in their usual spellings', () => {
    expect(parseOption('A. chair', 0)).toEqual({ letter: 'A', text: 'chair' });
    expect(parseOption('(B) front-left', 1)).toEqual({ letter: 'B', text: 'front-left' });
    expect(parseOption('C) Turn Left, Turn Right', 2)).toEqual({
      letter: 'C',
      text: 'Turn Left, Turn Right',
    });
    expect(parseOption('no letter', 3)).toEqual({ letter: 'D', text: 'no letter' });
  });
  it('parses route option turn lists', () => {
    expect(parseTurns('Turn Left, Turn Right')).toEqual(['left', 'right']);
    expect(parseTurns('turn back, turn left')).toEqual(['back', 'left']);
    expect(parseTurns('jump, Turn Left')).toBeUndefined();
  });
});

describe('parseDeclared', () => {
  it('refuses a question that does not match its declared type, naming the id', () => {
    expect(() =>
      parseDeclared('q7', 'object_counting', 'What is the size of this room (in square meters)?'),
    ).toThrow(QuestionParseError);
    expect(() => parseDeclared('q7', 'object_counting', 'hello')).toThrow(/q7/);
  });
  it('takes the declared direction level', () => {
    const p = parseDeclared(
      'x',
      'object_rel_direction_easy',
      'If I am standing by the A and facing the B, is the C to my left or the right?',
    );
    expect(p.questionType).toBe('object_rel_direction_easy');
  });
});

describe('counting templates take one category', () => {
  it.each(['how many objects are in the room?', 'How many cups and bottles are there in this room?'])(
    '%s is not a template count',
    (q) => expect(parseTemplate(q)).toBeUndefined(),
  );
  it('a plain category still is', () =>
    expect(parseTemplate('How many chairs are there in the room?')?.task).toEqual({
      kind: 'object_counting',
      label: 'chair',
    }));
});
