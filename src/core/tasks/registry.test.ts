import { describe, expect, it } from 'vitest';
import { generateQuestions } from '../questions/generateQuestions';
import { groundTruthMosaic } from '../questions/groundTruthMosaic';
import { parseDeclared, parseTemplate } from '../questions/parseQuestion';
import { scoreItem } from '../questions/scoring';
import { QUESTION_TYPES, taskTargets } from '../questions/types';
import { solveTask } from '../reasoning/solveTask';
import { SMALL_ROOM as GT } from '../../../test/core/questions/smallRoom';
import { isVsiTask, moduleOfType, TASKS, taskModule } from './index';

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
    free: Array.from({ length: 30 }, (_, i) => `${i % 6},${Math.floor(i / 6)}`),
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
