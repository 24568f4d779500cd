import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLandmark } from './landmark';
import { parseDeclared, parseRouteStart, parseTemplate } from './parseQuestion';
import type { QuestionType, Task } from './types';

/** Real VSI-Bench questions (ARKitScenes part), read at test time from the shared data; never copied here. */
const DEV = path.resolve(__dirname, '../../../../shared/data/vsibench-dev/questions.json');
interface Raw {
  id: number;
  question_type: QuestionType;
  question: string;
  options: string[] | null;
}
const dev: Raw[] = existsSync(DEV) ? JSON.parse(readFileSync(DEV, 'utf8')) : [];
const byId = (id: number): Raw => dev.find((q) => q.id === id)!;
const task = (q: Raw): Task =>
  parseDeclared(String(q.id), q.question_type, q.question, q.options ?? undefined).task;

describe.skipIf(dev.length === 0)('vsibench-dev: every real question reads as its task', () => {
  it('all 1,601 parse as their declared type', () => {
    const failed = dev.filter((q) => {
      try {
        task(q);
        return false;
      } catch {
        return true;
      }
    });
    expect(failed.map((q) => q.id)).toEqual([]);
    expect(dev.length).toBe(1601);
  });
  it('pins one real question of each family to its objects', () => {
    expect(task(byId(0))).toEqual({ kind: 'object_counting', label: 'table' });
    expect(task(byId(167))).toEqual({ kind: 'object_size_estimation', label: 'stove' });
    expect(task(byId(530))).toEqual({ kind: 'room_size_estimation' });
    expect(task(byId(680))).toEqual({ kind: 'object_abs_distance', a: 'sofa', b: 'stove' });
    expect(task(byId(1334))).toEqual({
      kind: 'object_rel_distance',
      anchor: 'tv',
      choices: ['chair', 'stool', 'stove', 'sofa'],
    });
    for (const [id, level] of [
      [957, 'hard'],
      [1100, 'medium'],
      [1236, 'easy'],
    ] as const)
      expect(task(byId(id))).toEqual({
        kind: 'object_rel_direction',
        level,
        standing: 'stove',
        facing: 'sofa',
        query: 'tv',
      });
  });
  it('reads the hand-written route starts and landmarks', () => {
    const black = task(byId(4979));
    expect(black).toMatchObject({ start: 'black chair', facing: 'white table', destination: 'tv' });
    const into = task(byId(5014));
    expect(into).toMatchObject({ start: 'door', facing: '', facingHow: 'into-room', destination: 'bathtub' });
    const rel = task(byId(4973));
    expect(rel).toMatchObject({ facing: 'closest sofa', destination: 'stool by the piano' });
    expect(readLandmark((rel as { destination: string }).destination)).toMatchObject({
      name: 'stool',
      relation: 'by the piano',
    });
    // "Go forward until the trash bin is on your right."
    const side = task(byId(4960)) as { steps: { kind: string; target?: string }[] };
    expect(readLandmark(side.steps[3].target!)).toMatchObject({ name: 'trash bin', side: 'right' });
  });
});

describe('VSI-Bench official templates and their variants', () => {
  const cases: [string, Partial<Task>][] = [
    ['How many chair(s) are in this room?', { kind: 'object_counting', label: 'chair' }],
    ['In frame 12, how many trash can(s) are visible?', { kind: 'object_counting', label: 'trash can' }],
    [
      'Measuring from the closest point of each object, what is the direct distance between the bed and the door (in meters)?',
      { kind: 'object_abs_distance', a: 'bed', b: 'door' },
    ],
    [
      'Measuring from the closest point of each object, what is the distance between the sofa and the stove (in meters)?',
      { kind: 'object_abs_distance', a: 'sofa', b: 'stove' },
    ],
    [
      'Measuring from the closest point of each object in frame 4, what is the direct distance between the lamp and the bed (in meters)?',
      { kind: 'object_abs_distance', a: 'lamp', b: 'bed' },
    ],
    [
      'In frame 7, what is the length of the longest dimension (length, width, or height) of the nightstand, measured in centimeters?',
      { kind: 'object_size_estimation', label: 'nightstand' },
    ],
    [
      'In frame 3, measuring from the closest point of each object,\nwhich of these objects (bed, desk, lamp) is the closest to the door?\nIf there are multiple instances of an object category, measure to the closest.',
      { kind: 'object_rel_distance', anchor: 'door', choices: ['bed', 'desk', 'lamp'] },
    ],
    [
      'In frame 2, if I am standing by the bed and facing the desk,\nis the lamp to my left, right, or back?',
      { kind: 'object_rel_direction', level: 'medium', standing: 'bed', facing: 'desk', query: 'lamp' },
    ],
    [
      'What will be the first-time appearance order of the following categories in the video: chair, bed, lamp, tv?',
      { kind: 'obj_appearance_order', labels: ['chair', 'bed', 'lamp', 'tv'] },
    ],
  ];
  it.each(cases)('%s', (q, expected) => {
    expect(parseTemplate(q)?.task).toMatchObject(expected);
  });
});

describe('route starts people write', () => {
  it.each<[string, ReturnType<typeof parseRouteStart>]>([
    ['at the bed facing the tv', { start: 'bed', facing: 'tv' }],
    ['by the chair and facing the window', { start: 'chair', facing: 'window' }],
    ['at the black chair and facing to white table', { start: 'black chair', facing: 'white table' }],
    ['at the trash can and facing toward the door', { start: 'trash can', facing: 'door' }],
    ['at the door and facing into the room', { start: 'door', facing: '', facingHow: 'into-room' }],
    ['at the window and facing the outside', { start: 'window', facing: '', facingHow: 'out-of-room' }],
    ['at the sink with your back to the fridge', { start: 'sink', facing: 'fridge', facingHow: 'away' }],
    ['near the sofa, facing away from the tv', { start: 'sofa', facing: 'tv', facingHow: 'away' }],
  ])('%s', (clause, expected) => {
    expect(parseRouteStart(clause)).toEqual(expected);
  });

  it('a whole route with a relational destination, a short walk and a typo in "until"', () => {
    const q =
      "You are a robot beginning at the sink with your back to the fridge. You want to navigate to the lamp on the cabinet. You will perform the following actions (Note: for each [please fill in], choose either 'turn back,' 'turn left,' or 'turn right.'): 1. Go forward untli the table 2. [Please fill in] 3. Go forward about one foot 4. [please fill in] 5. Go forward until the lamp on the cabinet. You have reached the final destination.";
    expect(parseTemplate(q)?.task).toEqual({
      kind: 'route_planning',
      start: 'sink',
      facing: 'fridge',
      facingHow: 'away',
      destination: 'lamp on the cabinet',
      steps: [
        { kind: 'forward', target: 'table' },
        { kind: 'turn' },
        { kind: 'walk', metres: 0.3048 },
        { kind: 'turn' },
        { kind: 'forward', target: 'lamp on the cabinet' },
      ],
    });
  });
});

describe('landmarks as written', () => {
  it.each([
    ['the lamp on the cabinet', { name: 'lamp', relation: 'on the cabinet' }],
    ['the closest sofa', { name: 'sofa', pick: 'nearest' }],
    ['the farthest sofa', { name: 'sofa', pick: 'farthest' }],
    ['the other chair by the window', { name: 'chair', pick: 'other', relation: 'by the window' }],
    ['past the corner of the bed', { name: 'bed' }],
    ['the bottom-right corner of the bed', { name: 'bed' }],
    ['2 feet before the wall', { name: 'wall' }],
    ['window is on your right', { name: 'window', side: 'right' }],
    ['the nightstand closest to the window', { name: 'nightstand', relation: 'closest to the window' }],
    ['the cabinets', { name: 'cabinet' }],
  ])('%s', (raw, expected) => {
    expect(readLandmark(raw)).toEqual(expected);
  });
});
