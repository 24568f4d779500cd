import { describe, expect, it } from 'vitest';
import { parseByPattern, parseWithGenerator } from './parseFreeForm';
import { MAX_QUESTION_CHARS } from './limits';
import { parseDeclared, parseTemplate, QuestionParseError } from './parseQuestion';
import { QuestionsFileError, validateQuestions } from './questionsFile';

/** Malformed questions files and questions: QuestionsFileError / QuestionParseError naming file, item and field. */

const ok = {
  id: 'q1',
  question_type: 'object_rel_distance',
  question: 'Which of these objects (chair, tv) is the closest to the couch?',
  options: ['A. chair', 'B. tv'],
  ground_truth: 'A',
};

function refusal(json: unknown): string {
  try {
    validateQuestions(json, 'q.json');
  } catch (e) {
    expect(e).toBeInstanceOf(QuestionsFileError);
    expect((e as Error).message).not.toContain('\n');
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('malformed questions files', () => {
  it.each<[string, unknown, string]>([
    [
      'an object at the top level',
      { questions: [ok] },
      'q.json: expected a JSON array of questions ({id, question_type, question, options?, ground_truth})',
    ],
    [
      'null at the top level',
      null,
      'q.json: expected a JSON array of questions ({id, question_type, question, options?, ground_truth})',
    ],
    ['a null item', [ok, null], 'q.json: item 1: expected an object'],
    ['an array item', [[ok]], 'q.json: item 0: expected an object'],
    ['an object id', [{ ...ok, id: { n: 1 } }], 'q.json: item 0: "id" is missing (a string or number)'],
    [
      'a missing question_type',
      [{ ...ok, question_type: undefined }],
      'q.json: item 0 (id "q1"): "question_type" undefined is not one of object_counting, object_abs_distance, object_size_estimation, room_size_estimation, object_rel_distance, object_rel_direction_easy, object_rel_direction_medium, object_rel_direction_hard, route_planning, obj_appearance_order',
    ],
    [
      'a question that is a number',
      [{ ...ok, question: 42 }],
      'q.json: item 0 (id "q1"): "question" must be a non-empty string',
    ],
    [
      'a blank question',
      [{ ...ok, question: ' \n ' }],
      'q.json: item 0 (id "q1"): "question" must be a non-empty string',
    ],
    [
      'options that are numbers',
      [{ ...ok, options: [1, 2] }],
      'q.json: item 0 (id "q1"): object_rel_distance is multiple choice and needs "options": ["A. …", "B. …", …]',
    ],
    [
      'a single option',
      [{ ...ok, options: ['A. chair'] }],
      'q.json: item 0 (id "q1"): object_rel_distance is multiple choice and needs "options": ["A. …", "B. …", …]',
    ],
    [
      'a ground truth that is no option letter',
      [{ ...ok, ground_truth: 'chair' }],
      'q.json: item 0 (id "q1"): "ground_truth" "chair" is not one of the option letters A, B',
    ],
    [
      'a ground truth that is an object',
      [{ ...ok, ground_truth: { letter: 'A' } }],
      'q.json: item 0 (id "q1"): "ground_truth" must be a string or number',
    ],
    [
      'a numeric task with a word answer',
      [
        {
          id: 7,
          question_type: 'room_size_estimation',
          question: 'What is the size of this room (in square meters)?',
          ground_truth: 'big',
        },
      ],
      'q.json: item 0 (id "7"): "ground_truth" "big" is not a number, as room_size_estimation needs',
    ],
    [
      'a duplicate id (number vs string)',
      [
        { ...ok, id: 3 },
        { ...ok, id: '3' },
      ],
      'q.json: item 1 (id "3"): duplicate id',
    ],
  ])('refuses %s', (_name, json, message) => {
    expect(refusal(json)).toBe(message);
  });

  it('refuses an over-long question, naming the item and the limit', () => {
    const long = { ...ok, question: `${ok.question} ${'really '.repeat(400)}` };
    expect(refusal([ok, { ...long, id: 'q2' }])).toBe(
      `q.json: item 1 (id "q2"): "question" is ${long.question.length} characters long; ask it in at most ${MAX_QUESTION_CHARS}`,
    );
  });

  it('clips a huge value or id in the message', () => {
    const msg = refusal([{ ...ok, id: 'i'.repeat(5000), question_type: 'x'.repeat(10_000) }]);
    expect(msg).toMatch(/^q\.json: item 0 \(id "i+…\): "question_type" "x+… is not one of object_counting/);
    expect(msg.length).toBeLessThan(400);
  });
});

describe('questions that do not parse', () => {
  it('a declared type whose template does not match names the question id', () => {
    expect(() => parseDeclared('q9', 'object_counting', 'Where did I leave my keys?')).toThrow(
      new QuestionParseError(
        'question q9: does not match the object_counting template: "Where did I leave my keys?"',
      ),
    );
  });

  it('a template of another type names both types', () => {
    expect(() => parseDeclared('q3', 'object_counting', ok.question, ok.options)).toThrow(
      'question q3: declared object_counting but reads as object_rel_distance',
    );
  });

  it('the quoted question is clipped to 80 characters', () => {
    const e = (() => {
      try {
        parseDeclared('q4', 'route_planning', 'z'.repeat(1500));
      } catch (err) {
        return err as Error;
      }
    })();
    expect(e?.message).toBe(`question q4: does not match the route_planning template: "${'z'.repeat(80)}"`);
  });
});

describe('over-long questions are refused before the regexes run', () => {
  // A near-miss of the route-planning template, repeated: its lazy groups backtrack polynomially
  // (12,600 characters took 8 s before the limit; 25,200 took minutes).
  const unit =
    'you are a robot beginning at the a facing the b. you want to navigate to the c. you will perform the following actions (note: ';
  const evil = unit.repeat(100);

  it.each<[string, () => unknown]>([
    ['parseTemplate', () => parseTemplate(evil)],
    ['parseByPattern', () => parseByPattern(evil)],
    ['parseDeclared', () => parseDeclared('r1', 'route_planning', evil)],
  ])('%s refuses it at once with QuestionParseError', (_name, fn) => {
    const t0 = performance.now();
    expect(fn).toThrow(QuestionParseError);
    expect(fn).toThrow(/is 12600 characters long; ask it in at most 2000$/);
    // A refusal before any matching: well under a second even on a loaded 2-core machine (it took 8 s before).
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('parseWithGenerator refuses it without calling the model', async () => {
    let calls = 0;
    const generator = {
      generate: async () => {
        calls++;
        return '{"task": "open"}';
      },
    };
    await expect(parseWithGenerator(evil, generator as never)).rejects.toThrow(QuestionParseError);
    expect(calls).toBe(0);
  });

  it('a question at the limit still parses, quickly', () => {
    const q = `How many chair(s) are in this room?${' '.repeat(MAX_QUESTION_CHARS - 35)}`;
    expect(q.length).toBe(MAX_QUESTION_CHARS);
    const t0 = performance.now();
    expect(parseTemplate(q)?.task).toEqual({ kind: 'object_counting', label: 'chair' });
    const near = unit.repeat(Math.floor(MAX_QUESTION_CHARS / unit.length));
    expect(parseTemplate(near)).toBeUndefined();
    expect(parseByPattern(near).task.kind).toBe('open');
    // Linear-time parsing takes milliseconds; catastrophic backtracking took seconds to minutes at this length.
    // Generous, so a busy machine cannot fail it.
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
