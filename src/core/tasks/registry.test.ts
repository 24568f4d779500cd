import { describe, expect, it } from 'vitest';
import { generateQuestions } from '../questions/generateQuestions';
import { groundTruthMosaic } from '../questions/groundTruthMosaic';
import { parseDeclared, parseTemplate } from '../questions/parseQuestion';
import { scoreItem } from '../questions/scoring';
import { QUESTION_TYPES, taskTargets } from '../questions/types';
import { solveTask } from '../reasoning/solveTask';
import type { SceneGroundTruth } from '../synthetic/groundTruth';
import { isVsiTask, moduleOfType, TASKS, taskModule } from './index';

const o = (
  id: string,
  label: string,
  x: number,
  y: number,
  first: number,
  size: [number, number, number],
) => ({
  id,
  label,
  center: [x, y, size[2] / 2] as [number, number, number],
  size,
  yaw: 0.2 * Number(id.slice(1)),
  firstSeenFrame: first,
  support: 'floor',
});

// A small room: a few single objects (relations, routes) and two chairs (a count above one).
const GT: SceneGroundTruth = {
  seed: 3,
  up: [0, 0, 1],
  room: { width: 5, depth: 4, height: 2.5, origin: [0, 0, 0] },
  frameCount: 60,
  objects: [
    o('o0', 'couch', 1, 3.4, 0, [2, 0.9, 0.8]),
    o('o1', 'tv', 4.5, 2, 10, [1.2, 0.1, 0.7]),
    o('o2', 'bed', 3.8, 0.8, 20, [1.6, 1.4, 0.5]),
    o('o3', 'refrigerator', 0.4, 0.4, 30, [0.7, 0.7, 1.8]),
    o('o4', 'chair', 2, 1.8, 40, [0.5, 0.5, 0.8]),
    o('o5', 'chair', 2.6, 2.8, 50, [0.5, 0.5, 0.8]),
  ],
};

describe('task registry', () => {
  it('is the single source of the question types: each type has exactly one module, each kind one module', () => {
    expect(QUESTION_TYPES).toEqual(TASKS.flatMap((t) => t.questionTypes));
    for (const type of QUESTION_TYPES)
      expect([
        type,
        TASKS.filter((t) => (t.questionTypes as readonly string[]).includes(type)).length,
      ]).toEqual([type, 1]);
    const kinds = TASKS.map((t) => t.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const t of TASKS) expect(taskModule(t.kind)).toBe(t);
  });

  it('free-form kinds have no module (they are phrased and solved outside the registry)', () => {
    expect(isVsiTask({ kind: 'object_existence' })).toBe(false);
    expect(taskModule('open')).toBeUndefined();
  });

  const qs = generateQuestions(GT, { seed: 11, perType: 1 });
  const m = groundTruthMosaic(GT);
  m.occupancy = {
    cellSize: 1,
    free: Array.from({ length: 20 }, (_, i) => `${i % 5},${Math.floor(i / 5)}`),
    occupied: [],
  };

  it.each(QUESTION_TYPES.map((t) => [t]))('%s: template → its module → solved correctly', (type) => {
    const mine = qs.filter((q) => q.question_type === type);
    expect(mine.length).toBeGreaterThan(0);
    const mod = moduleOfType(type);
    for (const q of mine) {
      // Exactly one template reads it, so the registry's order never decides between two tasks.
      const flat = q.question.replace(/\s+/g, ' ').trim();
      expect(TASKS.filter((t) => t.match(flat) !== undefined).map((t) => t.kind)).toEqual([mod.kind]);
      const parsed = parseDeclared(q.id, type, q.question, q.options);
      expect(parsed.task.kind).toBe(mod.kind);
      expect(parseTemplate(q.question, q.options)?.task.kind).toBe(mod.kind);
      const task = parsed.task;
      if (!isVsiTask(task)) throw new Error(`${q.id} did not read as a registered task`);
      expect(taskTargets(task)).toEqual(mod.targets(task));
      const out = solveTask(m, parsed);
      expect([q.id, out.status]).toEqual([q.id, 'answered']);
      expect([q.id, scoreItem(type, out.answer ?? '', q.ground_truth)]).toEqual([q.id, 1]);
    }
  });
});
