import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testScene } from '../../../test/core/reasoning/testScene';
import { main } from '../main';
import { evalCommand } from './eval';

let dir: string;
let mosaicPath: string;

const run = async (argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, [evalCommand]);
  return { code, out: out.join('\n'), err: err.join('\n') };
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sm-eval-'));
  mosaicPath = path.join(dir, 'mosaic.json');
  await writeFile(mosaicPath, JSON.stringify(testScene()));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function evalItems(items: unknown[]) {
  const q = path.join(dir, `q-${Math.random().toString(36).slice(2)}.json`);
  const out = `${q}.results.json`;
  await writeFile(q, JSON.stringify(items));
  const r = await run(['eval', mosaicPath, '--questions', q, '--out', out]);
  return { ...r, results: r.code === 0 ? JSON.parse(await readFile(out, 'utf8')) : undefined };
}

describe('eval never stops for one question', () => {
  it('an unreadable item gets its task fallback, a note, and a count on stdout; the rest are scored', async () => {
    const r = await evalItems([
      {
        id: 'a',
        question_type: 'object_counting',
        question: 'How many chair(s) are in this room?',
        ground_truth: 2,
      },
      { id: 'b', question_type: 'object_counting', question: 'Where did I leave my keys?', ground_truth: 1 },
      {
        id: 'c',
        question_type: 'object_rel_distance',
        question: 'Something nobody can read?',
        options: ['A. tv', 'B. couch'],
        ground_truth: 'A',
      },
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^2 of 3 questions not understood$/m);
    const [a, b, c] = r.results.items;
    expect(a).toMatchObject({ id: 'a', prediction: 2, score: 1 });
    expect(a.note).toBeUndefined();
    // The counting fallback (1) happens to be right here: scored as it falls.
    expect(b).toMatchObject({ id: 'b', prediction: 1, score: 1 });
    expect(b.note).toMatch(/not understood.*question b: does not match the object_counting template/);
    expect(c).toMatchObject({ id: 'c', prediction: 'A', score: 1 });
    expect(c.note).toMatch(/not understood/);
  });
});

describe('eval: free-form items without question_type', () => {
  it('scores numbers in their unit, option letters, yes/no, left/right and object names', async () => {
    const r = await evalItems([
      // The couch's front (y = 2.55) and the tv's back (y = −0.96): 3.51 m, asked in centimetres.
      {
        id: 'n1',
        question: 'What is the distance between the couch and the tv (in meters)?',
        ground_truth: 351,
        unit: 'cm',
      },
      { id: 'u', question: 'What colour should I paint the walls?', ground_truth: 'no' },
      { id: 'n2', question: 'How many chair(s) are in this room?', ground_truth: 2 },
      {
        id: 'o1',
        question: 'Which of these objects (tv, couch) is the closest to the potted plant?',
        options: ['A. tv', 'B. couch'],
        ground_truth: 'B',
      },
      {
        id: 'm1',
        question: 'Which of these objects (tv, couch) is the closest to the potted plant?',
        ground_truth: 'sofas',
      },
    ]);
    expect(r.code).toBe(0);
    const byId = Object.fromEntries(r.results.items.map((i: { id: string }) => [i.id, i]));
    expect(byId.n1).toMatchObject({ prediction: 3.51, score: 1 });
    expect(byId.u.note).toMatch(/not understood: "What colour should I paint the walls\?"/);
    expect(r.out).toMatch(/^1 of 5 questions not understood$/m);
    expect(byId.n2.score).toBe(1);
    expect(byId.o1).toMatchObject({ prediction: 'B', score: 1, question_type: 'free_form' });
    // "couch" predicted, "sofas" expected: the same object after plurals and synonyms.
    expect(byId.m1.score).toBe(1);
    expect(r.results.tasks.free_form).toBeGreaterThan(70);
  });
  it('refuses a unit that is not one of the contract', async () => {
    const r = await evalItems([{ id: 'x', question: 'How far?', ground_truth: 3, unit: 'furlong' }]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/"unit" "furlong" is not one of m, cm, mm, ft, in, m2, ft2/);
  });
});
