import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateQuestions } from '../../core/questions/generateQuestions';
import { testScene } from '../../../test/core/reasoning/testScene';
import { generateScene } from '../../core/synthetic/generateScene';
import { sceneToFiles } from '../../core/synthetic/sceneFiles';
import { main } from '../main';
import { askCommand } from './ask';
import { evalCommand } from './eval';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}
const run = async (argv: string[]) => {
  const c = capture();
  const code = await main(argv, c.io, [askCommand, evalCommand]);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
};

let dir: string;
let mosaicPath: string;
let seqDir: string;
let gtQuestions: ReturnType<typeof generateQuestions>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sm-ask-'));
  mosaicPath = path.join(dir, 'mosaic.json');
  await writeFile(mosaicPath, JSON.stringify(testScene()));
  // A small generated sequence (clean oracle detections) to reason over straight from the folder.
  const scene = generateScene({ seed: 11, frameCount: 40, imageWidth: 160, imageHeight: 120 });
  seqDir = path.join(dir, 'seq');
  for (const [p, bytes] of sceneToFiles(scene, { pngLevel: 1 })) {
    await mkdir(path.dirname(path.join(seqDir, p)), { recursive: true });
    await writeFile(path.join(seqDir, p), bytes);
  }
  gtQuestions = generateQuestions(scene.groundTruth, { seed: 11, perType: 1 });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ask', () => {
  it('answers over a mosaic.json, with the trace on request', async () => {
    const r = await run(['ask', mosaicPath, 'How many chair(s) are in this room?', '--trace']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('2');
    expect(r.out).toContain('[tools] answered');
  });
  it('answers free-form questions in words and reports unseen objects', async () => {
    expect((await run(['ask', mosaicPath, 'what is behind me?'])).out).toBe('A tv is behind you.');
    expect((await run(['ask', mosaicPath, 'how far is the giraffe from the sofa?'])).out).toBe(
      "I haven't seen a giraffe here.",
    );
  });
  it('--json prints exactly answer, value, unit, kind and the objects used', async () => {
    const json = async (q: string, ...more: string[]) =>
      JSON.parse((await run(['ask', mosaicPath, q, '--json', ...more])).out) as Record<string, unknown>;
    const far = await json('how far is the couch from the tv in feet?');
    expect(Object.keys(far)).toEqual(['answer', 'value', 'unit', 'kind', 'objects']);
    expect(far).toMatchObject({ unit: 'ft', kind: 'object_abs_distance', objects: ['o1', 'o2'] });
    expect(far.value).toBe(11.5); // 3.51 m between the closest faces
    expect(await json('is there a piano?')).toEqual({
      answer: "No, I haven't seen a piano.",
      value: false,
      unit: null,
      kind: 'object_existence',
      objects: [],
    });
    expect(await json('How many chair(s) are in this room?')).toMatchObject({
      value: 2,
      kind: 'object_counting',
      objects: ['o3', 'o4'],
    });
    expect(await json('how tall is the tv?', '--units', 'imperial')).toMatchObject({
      value: 27.6,
      unit: 'in',
    });
    expect(await json('tell me a story')).toMatchObject({ value: null, kind: 'open', objects: [] });
  });
  it('bad input: one line, non-zero exit', async () => {
    const r = await run(['ask', path.join(dir, 'nope.json'), 'hi']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nope\.json: no such file or folder/);
    await writeFile(path.join(dir, 'bad.json'), '{"objects": 3}');
    const b = await run(['ask', path.join(dir, 'bad.json'), 'hi']);
    expect(b.code).toBe(1);
    expect(b.err).not.toMatch(/this is a bug/);
  });
  it('reasons straight from a generated sequence folder (fusion + loop)', async () => {
    const q = gtQuestions.find((x) => x.question_type === 'room_size_estimation')!;
    const r = await run(['ask', seqDir, q.question]);
    expect(r.code).toBe(0);
    const area = Number(r.out);
    expect(Math.abs(area - Number(q.ground_truth)) / Number(q.ground_truth)).toBeLessThan(0.5);
  });
});

describe('eval', () => {
  it('scores a questions file and writes results.json in the contract shape', async () => {
    const qPath = path.join(dir, 'q.json');
    await writeFile(
      qPath,
      JSON.stringify([
        {
          id: 'a',
          question_type: 'object_counting',
          question: 'How many chair(s) are in this room?',
          ground_truth: 2,
        },
        {
          id: 'b',
          question_type: 'object_rel_direction_easy',
          question:
            'If I am standing by the potted plant and facing the couch, is the tv to the left or the right of the couch?',
          options: ['A. left', 'B. right'],
          ground_truth: 'A',
        },
      ]),
    );
    const out = path.join(dir, 'results.json');
    const r = await run(['eval', mosaicPath, '--questions', qPath, '--out', out]);
    expect(r.code).toBe(0);
    const res = JSON.parse(await readFile(out, 'utf8'));
    expect(res.overall).toBe(50);
    expect(res.tasks).toEqual({
      object_counting: 100,
      object_rel_direction_easy: 0,
      object_rel_direction: 0,
    });
    expect(res.items[1]).toEqual({
      id: 'b',
      question_type: 'object_rel_direction_easy',
      prediction: 'B',
      ground_truth: 'A',
      score: 0,
    });
  });
  it('rejects a bad questions file with a clear message', async () => {
    const qPath = path.join(dir, 'bad-q.json');
    await writeFile(
      qPath,
      JSON.stringify([{ id: 1, question_type: 'colour', question: 'x', ground_truth: 1 }]),
    );
    const r = await run(['eval', mosaicPath, '--questions', qPath]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad-q\.json: item 0 \(id "1"\): "question_type" "colour" is not one of/);
  });
});
