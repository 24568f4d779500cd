import { describe, expect, it } from 'vitest';
import {
  aggregate,
  fuzzyMatch,
  meanRelativeAccuracy,
  MRA_THRESHOLDS,
  scoreItem,
  toFloat,
  type ScoredItem,
} from './scoring';

describe('VSI-Bench scoring', () => {
  it('uses the ten thresholds 0.50 … 0.95', () => {
    expect(MRA_THRESHOLDS.length).toBe(10);
    expect(MRA_THRESHOLDS[0]).toBe(0.5);
    expect(MRA_THRESHOLDS[9]).toBe(0.95);
    expect(MRA_THRESHOLDS[4]).toBeCloseTo(0.7, 12);
  });
  it('MRA by hand: exact → 1, 10% off → 0.9, 30% off → 0.5, 50% off → 0.1, 60% off → 0', () => {
    expect(meanRelativeAccuracy(2, 2)).toBe(1);
    expect(meanRelativeAccuracy(2.2, 2)).toBeCloseTo(0.9, 12);
    expect(meanRelativeAccuracy(1.4, 2)).toBeCloseTo(0.5, 12);
    expect(meanRelativeAccuracy(3, 2)).toBeCloseTo(0.1, 12);
    expect(meanRelativeAccuracy(0.8, 2)).toBe(0);
  });
  it('takes the first word of the prediction, as the reference fuzzy_matching does', () => {
    expect(fuzzyMatch('B. left')).toBe('B');
    expect(fuzzyMatch('3.5 meters')).toBe('3.5');
    expect(scoreItem('object_rel_direction_easy', 'b.', 'B')).toBe(1);
    expect(scoreItem('object_rel_direction_easy', 'A', 'B')).toBe(0);
    expect(scoreItem('object_counting', '4', 4)).toBe(1);
    expect(scoreItem('object_counting', 'four', 4)).toBe(0);
    expect(toFloat(' 1e2 ')).toBe(100);
  });
  it('overall = mean of tasks, relative direction counted once as the mean of its levels', () => {
    const it_ = (t: ScoredItem['question_type'], score: number): ScoredItem => ({
      id: t + score,
      question_type: t,
      prediction: 0,
      ground_truth: 0,
      score,
    });
    const r = aggregate([
      it_('object_counting', 1),
      it_('object_counting', 0.5),
      it_('object_rel_direction_easy', 1),
      it_('object_rel_direction_medium', 0),
      it_('object_rel_direction_hard', 0.5),
    ]);
    expect(r.tasks.object_counting).toBeCloseTo(75, 12);
    expect(r.tasks.object_rel_direction).toBeCloseTo(50, 12);
    expect(r.overall).toBeCloseTo((75 + 50) / 2, 12);
  });
});
