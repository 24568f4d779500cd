import { describe, expect, it } from 'vitest';
import type { Mosaic, MosaicObject } from '../core/mosaic/types';
import { groundTruthObject } from '../core/questions/groundTruthMosaic';
import { MosaicThinker } from '../core/reasoning/MosaicThinker';
import type { UnitSystem } from '../core/reasoning/answerUnits';
import { layoutRoom } from '../core/synthetic/layoutRoom';
import { suggestionsFor, suggestQuestions, type SuggestionKind } from './suggestQuestions';

const obj = (id: string, label: string, size: [number, number, number] = [1, 1, 1]) =>
  ({ id, label, size }) as MosaicObject;
const mosaic = (...objects: MosaicObject[]): Mosaic => ({
  schemaVersion: 1,
  up: [0, 0, 1],
  objects,
  trajectory: [],
});

/** A generated furnished room as the map of exact boxes (what the app asks about once a scene is built). */
function room(seed: number): Mosaic {
  const objects = layoutRoom(seed).objects.map((o, i) => groundTruthObject({ ...o, firstSeenFrame: i }));
  return { schemaVersion: 1, up: [0, 0, 1], objects, trajectory: [] };
}

/** The reasoner's answer kind each suggestion should get. */
const ANSWER_KIND: Record<SuggestionKind, string> = {
  count: 'object_counting',
  distance: 'object_abs_distance',
  list: 'scene_summary',
  size: 'object_measure',
  nearest: 'nearest',
  standpoint: 'standpoint',
  route: 'route_directions',
};

describe('suggestQuestions', () => {
  it('short everyday questions about the objects named once, largest first, by their everyday names', () => {
    const q = suggestQuestions(
      mosaic(
        obj('o0', 'chair', [0.5, 0.5, 0.9]),
        obj('o1', 'couch', [2, 0.9, 0.8]),
        obj('o2', 'chair', [0.5, 0.5, 0.9]),
        obj('o3', 'tv', [1, 0.1, 0.6]),
        obj('o4', 'refrigerator', [0.8, 0.7, 1.8]),
      ),
    );
    expect(q).toEqual([
      'How many chairs are there?',
      'How far is the couch from the fridge?',
      "What's in this room?",
      'How tall is the fridge in meters?',
      'What is closest to the fridge?',
      'Standing at the couch facing the fridge, is the tv on my left?',
      'How do I get from the couch to the tv?',
    ]);
    for (const s of q) expect(s.length).toBeLessThanOrEqual(80);
  });

  it('names the unit the person chose', () => {
    const m = mosaic(obj('o0', 'couch'), obj('o1', 'tv'));
    expect(suggestQuestions(m, 'imperial')).toContain('How tall is the couch in feet?');
    expect(suggestQuestions(m, 'metric')).toContain('How tall is the couch in meters?');
    expect(suggestQuestions(m, 'imperial').join(' ')).not.toMatch(/meter/);
  });

  it('plurals (couches, plants); one kind of object asks only what it can; no scene, no suggestions', () => {
    expect(suggestQuestions(mosaic(obj('o0', 'couch')))).toEqual([
      'How many couches are there?',
      "What's in this room?",
      'How tall is the couch in meters?',
    ]);
    expect(suggestQuestions(mosaic(obj('o0', 'potted plant'), obj('o1', 'potted plant')))[0]).toBe(
      'How many plants are there?',
    );
    // Every kind named once: count the largest (a couch, not a book).
    expect(
      suggestQuestions(mosaic(obj('o0', 'book', [0.2, 0.15, 0.05]), obj('o1', 'couch', [2, 1, 1])))[0],
    ).toBe('How many couches are there?');
    expect(suggestQuestions(undefined)).toEqual([]);
  });

  // Each suggestion goes through the reasoner as the app's worker asks it: answered from the map, of its kind.
  for (const seed of [3, 7, 11, 19, 23, 42]) {
    for (const units of ['metric', 'imperial'] as UnitSystem[]) {
      it(`room ${seed} (${units}): the reasoner answers every suggestion, each of its kind`, async () => {
        const m = room(seed);
        const suggestions = suggestionsFor(m, units);
        expect(suggestions.map((s) => s.kind)).toEqual(Object.keys(ANSWER_KIND));
        const thinker = new MosaicThinker({ mosaic: m, units });
        for (const s of suggestions) {
          const r = await thinker.ask(s.question);
          const answer = r.trace.find((t) => t.step === 'answer');
          expect({ q: s.question, kind: r.kind, source: answer?.step === 'answer' && answer.source }).toEqual(
            {
              q: s.question,
              kind: ANSWER_KIND[s.kind],
              source: 'tool',
            },
          );
          expect(r.answer).not.toMatch(/haven't seen|have not seen|cannot|can't|don't know/i);
          if (s.kind === 'size') expect(r.unit).toBe(units === 'metric' ? 'm' : 'ft');
        }
      });
    }
  }
});
