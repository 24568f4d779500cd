import { describe, expect, it } from 'vitest';
import type { Mosaic, MosaicObject } from '../core/mosaic/types';
import { suggestQuestions } from './suggestQuestions';

const obj = (id: string, label: string) => ({ id, label }) as MosaicObject;
const mosaic = (...labels: string[]): Mosaic => ({
  schemaVersion: 1,
  up: [0, 0, 1],
  objects: labels.map((l, i) => obj(`o${i}`, l)),
  trajectory: [],
});

describe('suggestQuestions', () => {
  it('counts the most frequent label, measures between two unique ones, and asks the room size', () => {
    const q = suggestQuestions(mosaic('chair', 'couch', 'chair', 'tv'));
    expect(q).toEqual([
      'How many chairs are in this room?',
      'Measuring from the closest point of each object, what is the direct distance between the couch and the tv (in meters)?',
      'What is the size of this room (in square meters)? If multiple rooms are shown, estimate the size of the combined space.',
    ]);
  });
  it('plurals (couches, potted plants), and no scene means no suggestions', () => {
    expect(suggestQuestions(mosaic('couch'))[0]).toBe('How many couches are in this room?');
    expect(suggestQuestions(mosaic('potted plant', 'potted plant'))[0]).toBe(
      'How many potted plants are in this room?',
    );
    expect(suggestQuestions(undefined)).toEqual([]);
  });
});
