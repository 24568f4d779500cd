import { describe, expect, it } from 'vitest';
import { MosaicThinker } from '../reasoning/MosaicThinker';
import type { SceneGroundTruth } from '../synthetic/groundTruth';
import { generateQuestions } from './generateQuestions';
import { groundTruthMosaic } from './groundTruthMosaic';
import { validateQuestions } from './questionsFile';
import { scoreItem } from './scoring';
import { QUESTION_TYPES } from './types';

const o = (
  id: string,
  label: string,
  x: number,
  y: number,
  first: number,
  size: [number, number, number] = [0.5, 0.5, 0.8],
) => ({
  id,
  label,
  center: [x, y, size[2] / 2] as [number, number, number],
  size,
  yaw: 0.3 * Number(id.slice(1)),
  firstSeenFrame: first,
  support: 'floor',
});

const GT: SceneGroundTruth = {
  seed: 1,
  up: [0, 0, 1],
  room: { width: 6, depth: 5, height: 2.6, origin: [0, 0, 0] },
  frameCount: 100,
  objects: [
    o('o0', 'couch', 1, 4.4, 0, [2, 0.9, 0.8]),
    o('o1', 'tv', 5.5, 2.5, 10, [1.2, 0.1, 0.7]),
    o('o2', 'bed', 4.5, 0.8, 20, [1.6, 2, 0.5]),
    o('o3', 'refrigerator', 0.4, 0.4, 30, [0.7, 0.7, 1.8]),
    o('o4', 'toilet', 3, 4.5, 40, [0.4, 0.7, 0.75]),
    o('o5', 'sink', 2, 0.3, 50, [0.6, 0.5, 0.85]),
    o('o6', 'potted plant', 3, 2.5, 60, [0.4, 0.4, 1]),
    o('o7', 'chair', 1.5, 2, 70),
    o('o8', 'chair', 2.2, 3.2, 75),
    o('o9', 'oven', 5.6, 4.5, 85, [0.6, 0.6, 0.9]),
  ],
};

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
