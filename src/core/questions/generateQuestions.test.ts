import { describe, expect, it } from 'vitest';
import { MosaicThinker } from '../reasoning/MosaicThinker';
import { SMALL_ROOM as GT } from '../../../test/core/questions/smallRoom';
import { generateQuestions } from './generateQuestions';
import { groundTruthMosaic } from './groundTruthMosaic';
import { validateQuestions } from './questionsFile';
import { scoreItem } from './scoring';
import { QUESTION_TYPES } from './types';

describe('generateQuestions', () => {
  const qs = generateQuestions(GT, { seed: 5, perType: 2 });

  it('covers all eight task types (and the three direction levels) with valid VSI-Bench fields', () => {
    expect(new Set(qs.map((q) => q.question_type))).toEqual(new Set(QUESTION_TYPES));
    expect(validateQuestions(JSON.parse(JSON.stringify(qs)), 'generated')).toHaveLength(qs.length);
  });

  it('is deterministic by seed', () => {
    expect(generateQuestions(GT, { seed: 5, perType: 2 })).toEqual(qs);
    expect(generateQuestions(GT, { seed: 6, perType: 2 })).not.toEqual(qs);
  });

  it('says "the X" only of labels with one instance', () => {
    for (const q of qs) {
      if (q.question_type === 'object_counting' || q.question_type === 'obj_appearance_order') continue;
      const named = [...q.question.matchAll(/the ([a-z ]+?)(?= and| facing|,| is| \(|\?|\.| measured)/g)].map(
        (m) => m[1],
      );
      expect(named).not.toContain('chair');
    }
  });

  it('has hand-checkable answers: room area, counts', () => {
    expect(qs.find((q) => q.question_type === 'room_size_estimation')?.ground_truth).toBe(30);
    for (const q of qs.filter((x) => x.question_type === 'object_counting')) {
      const label = /How many (.+)\(s\)/.exec(q.question)![1];
      expect(q.ground_truth).toBe(GT.objects.filter((x) => x.label === label).length);
    }
  });

  it('is answered perfectly from ground-truth perception (room area from the room footprint)', async () => {
    const m = groundTruthMosaic(GT);
    m.occupancy = {
      cellSize: 1,
      free: Array.from({ length: 30 }, (_, i) => `${i % 6},${Math.floor(i / 6)}`),
      occupied: [],
    };
    const th = new MosaicThinker({ mosaic: m });
    for (const q of qs) {
      const r = await th.ask(q);
      expect([q.id, scoreItem(q.question_type, r.prediction, q.ground_truth)]).toEqual([q.id, 1]);
    }
  });
});
