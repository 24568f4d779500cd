import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastestRunMs } from '../../../test/runTime';
import { normalizeName } from './labels';
import { MAX_QUESTION_CHARS } from './limits';
import { parseByPattern } from './parseFreeForm';
import { parseDeclared, parseTemplate, QuestionParseError } from './parseQuestion';
import { QuestionsFileError, validateQuestions } from './questionsFile';
import type { QuestionType } from './types';

/**
 * Property-based fuzzing of the question parsers and the questions-file validator (fixed seeds, bounded runs):
 * arbitrary text never throws anything but the parsers' own user-facing error, never takes long, and VSI-Bench
 * templates filled with random object names read back those names.
 */

const SEED = 0x9e57;
const SLOW_MS = 250;

/** Pieces of the templates, so that random text gets deep into the regexes (and their backtracking). */
const PIECES = [
  'how many ',
  '(s) are in this room?',
  'what is the direct distance between the ',
  ' and the ',
  ' (in meters)?',
  'length of the longest dimension (length, width, or height) of the ',
  ', measured in centimeters?',
  'which of these objects (',
  ') is the closest to the ',
  'if i am standing by the ',
  ' and facing the ',
  ', is the ',
  ' to my left or the right',
  ' to my left, right, or back',
  ' to my front-left, front-right, back-left, or back-right',
  'you are a robot beginning at the ',
  ' facing the ',
  '. you want to navigate to the ',
  '. you will perform the following actions (note: ',
  '): ',
  '1. go forward until the ',
  ' is on your left. ',
  '2. [please fill in] ',
  'you have reached the final destination.',
  'first-time appearance order of the following categories in the video: ',
  'how far is the ',
  ' from the ',
  'is the ',
  ' between the ',
  ' to the left of the ',
  ' behind me',
  'which did i see first, ',
  'chair',
  'tv',
  ', ',
  ' or ',
  '?',
  ' ',
];
const questionText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((p) => p.join('')),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
);

function timed<T>(what: string, fn: () => T): T {
  const { out, ms } = fastestRunMs(fn, SLOW_MS);
  if (ms > SLOW_MS) throw new Error(`${what} took ${ms.toFixed(0)} ms (fastest of 3 runs)`);
  return out;
}

describe('question parsers under fuzzing', () => {
  it('parseTemplate and parseByPattern return a task for any text (QuestionParseError only past the length limit)', () => {
    fc.assert(
      fc.property(questionText, (q) => {
        for (const [name, parse] of [
          ['parseTemplate', () => parseTemplate(q)],
          ['parseByPattern', () => parseByPattern(q)],
        ] as const) {
          try {
            const p = timed(`${name} on ${q.length} chars`, parse);
            if (p) expect(typeof p.task.kind).toBe('string');
          } catch (e) {
            if (!(e instanceof QuestionParseError && q.length > MAX_QUESTION_CHARS))
              throw new Error(`${name}: ${(e as Error).name}: ${(e as Error).message}`);
          }
        }
      }),
      { seed: SEED, numRuns: 800 },
    );
  });

  it('parseDeclared either parses as the declared type or throws QuestionParseError naming the id', () => {
    const types: QuestionType[] = [
      'object_counting',
      'route_planning',
      'object_rel_direction_hard',
      'room_size_estimation',
    ];
    fc.assert(
      fc.property(questionText, fc.constantFrom(...types), (q, type) => {
        try {
          const p = timed('parseDeclared', () => parseDeclared('fz', type, q));
          expect(p.questionType).toBe(type);
        } catch (e) {
          if (!(e instanceof QuestionParseError)) throw e;
          expect(e.message.startsWith('question fz')).toBe(true);
        }
      }),
      { seed: SEED + 1, numRuns: 600 },
    );
  });
});

/** Object names: one or two lower-case words that are not template keywords. */
const RESERVED = new Set([
  'and',
  'or',
  'the',
  'is',
  'to',
  'my',
  'of',
  'in',
  'are',
  'there',
  'facing',
  'by',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'any',
  'from',
  'until',
  'on',
  'your',
  'left',
  'right',
  'back',
  'then',
]);
const word = fc.stringMatching(/^[a-z]{2,9}$/).filter((w) => !RESERVED.has(w));
const objectName = fc.array(word, { minLength: 1, maxLength: 2 }).map((ws) => ws.join(' '));
const n = normalizeName;

describe('templates filled with random object names read the names back', () => {
  it('counting, distance, size and appearance order', () => {
    fc.assert(
      fc.property(objectName, objectName, objectName, (a, b, c) => {
        expect(parseTemplate(`How many ${a}(s) are in this room?`)?.task).toEqual({
          kind: 'object_counting',
          label: n(a),
        });
        expect(
          parseTemplate(
            `Measuring from the closest point of each object, what is the direct distance between the ${a} and the ${b} (in meters)?`,
          )?.task,
        ).toEqual({ kind: 'object_abs_distance', a: n(a), b: n(b) });
        expect(
          parseTemplate(
            `What is the length of the longest dimension (length, width, or height) of the ${c}, measured in centimeters?`,
          )?.task,
        ).toEqual({ kind: 'object_size_estimation', label: n(c) });
        expect(
          parseTemplate(
            `What will be the first-time appearance order of the following categories in the video: ${a}, ${b}, ${c}?`,
          )?.task,
        ).toEqual({ kind: 'obj_appearance_order', labels: [n(a), n(b), n(c)] });
      }),
      { seed: SEED + 2, numRuns: 300 },
    );
  });

  it('relative distance and the three relative-direction levels', () => {
    const levels = [
      ['to the left or the right of the X?', 'easy'],
      ['to my left, right, or back?', 'medium'],
      ['to my front-left, front-right, back-left, or back-right?', 'hard'],
    ] as const;
    fc.assert(
      fc.property(
        objectName,
        objectName,
        objectName,
        objectName,
        fc.constantFrom(...levels),
        (a, b, c, d, [tail, level]) => {
          const rel = parseTemplate(`Which of these objects (${a}, ${b}, ${c}) is the closest to the ${d}?`, [
            'A. x',
            'B. y',
            'C. z',
          ]);
          expect(rel?.task).toEqual({
            kind: 'object_rel_distance',
            anchor: n(d),
            choices: [n(a), n(b), n(c)],
          });
          const dir = parseTemplate(
            `If I am standing by the ${a} and facing the ${b}, is the ${c} ${tail.replace('X', b)}`,
          );
          expect(dir?.questionType).toBe(`object_rel_direction_${level}`);
          expect(dir?.task).toEqual({
            kind: 'object_rel_direction',
            level,
            standing: n(a),
            facing: n(b),
            query: n(c),
          });
        },
      ),
      { seed: SEED + 3, numRuns: 300 },
    );
  });

  it('route planning', () => {
    fc.assert(
      fc.property(objectName, objectName, objectName, objectName, (a, b, c, d) => {
        const q =
          `You are a robot beginning at the ${a} facing the ${b}. You want to navigate to the ${c}. ` +
          `You will perform the following actions (Note: for each [please fill in], choose either 'turn back,' 'turn left,' or 'turn right.'): ` +
          `1. Go forward until the ${d}. 2. [please fill in] 3. Go forward until the ${c}. You have reached the final destination.`;
        expect(parseDeclared('r', 'route_planning', q).task).toEqual({
          kind: 'route_planning',
          start: n(a),
          facing: n(b),
          destination: n(c),
          steps: [{ kind: 'forward', target: n(d) }, { kind: 'turn' }, { kind: 'forward', target: n(c) }],
        });
      }),
      { seed: SEED + 4, numRuns: 300 },
    );
  });
});

describe('questions-file validator under fuzzing', () => {
  const item = fc.record(
    {
      id: fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null)),
      question_type: fc.oneof(
        fc.constantFrom(
          'object_counting',
          'object_rel_distance',
          'route_planning',
          'room_size_estimation',
          'nope',
        ),
        fc.jsonValue(),
      ),
      question: fc.oneof(questionText, fc.jsonValue()),
      options: fc.oneof(
        fc.array(
          fc.oneof(fc.constantFrom('A. chair', 'B. tv', 'C) bed', '(D) sink'), fc.string({ maxLength: 6 })),
          { maxLength: 5 },
        ),
        fc.jsonValue(),
      ),
      ground_truth: fc.oneof(fc.constantFrom('A', 'b', 'C', '3', '2.5', 'x'), fc.double(), fc.jsonValue()),
    },
    { requiredKeys: [] },
  );

  it('arbitrary JSON validates into well-formed questions or is refused with QuestionsFileError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(item, { maxLength: 4 }), fc.jsonValue()), (json) => {
        let qs;
        try {
          qs = validateQuestions(json, 'fuzz.json');
        } catch (e) {
          if (!(e instanceof QuestionsFileError)) throw e;
          if (!e.message.startsWith('fuzz.json: ') || e.message.includes('\n')) throw new Error(e.message);
          return;
        }
        const ids = qs.map((q) => q.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const q of qs) {
          expect(q.question.trim().length).toBeGreaterThan(0);
          expect(q.question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
        }
      }),
      { seed: SEED + 5, numRuns: 1000 },
    );
  });
});
