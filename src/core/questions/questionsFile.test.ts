import { describe, expect, it } from 'vitest';
import { QuestionsFileError, validateQuestions } from './questionsFile';

const ok = {
  id: 1,
  question_type: 'object_rel_direction_easy',
  question: 'If I am standing by the A and facing the B, is the C to my left or the right?',
  options: ['A. left', 'B. right'],
  ground_truth: 'B',
};

describe('validateQuestions', () => {
  it('accepts a valid file and turns ids into strings', () => {
    expect(
      validateQuestions(
        [
          ok,
          {
            id: 'n',
            question_type: 'object_counting',
            question: 'How many chair(s) are in this room?',
            ground_truth: '3',
          },
        ],
        'q.json',
      )[0].id,
    ).toBe('1');
  });
  it.each([
    [{}, /expected a JSON array/],
    [[{ ...ok, question_type: 'nope' }], /q\.json: item 0 \(id "1"\): "question_type" "nope" is not one of/],
    [[{ ...ok, options: undefined }], /multiple choice and needs "options"/],
    [[{ ...ok, ground_truth: 'C' }], /not one of the option letters A, B/],
    [[{ ...ok, question_type: 'object_counting', ground_truth: 'many' }], /is not a number/],
    [[ok, ok], /duplicate id/],
    [[{ ...ok, question: '' }], /non-empty string/],
  ])('rejects %j with a message naming the file and item', (json, msg) => {
    expect(() => validateQuestions(json, 'q.json')).toThrow(QuestionsFileError);
    expect(() => validateQuestions(json, 'q.json')).toThrow(msg);
  });
});
