// The catalogue's derived tables equal the tables it replaces (old modules, before they read from it).
import { describe, expect, it } from 'vitest';
import { COCO_LABELS } from '../perception/coco';
import { TYPICAL_HEIGHT_M } from '../perception/depthScale';
import { sizePrior, hasPrior } from '../fusion/sizePriors';
import { confusableWith, labelsCompatible } from '../fusion/labelCompatibility';
import { completionReach } from '../fusion/wallCompletion';
import * as oldVocab from '../questions/vocabulary';
import { CATALOG } from '../synthetic/catalog';
import {
  COCO_CLASS_LABELS,
  COMPATIBLE_LABELS,
  GENERATED_CLASSES,
  OBJECT_CLASSES,
  objectClass,
} from './objectClass';
import * as newVocab from './vocabulary';

const keys = OBJECT_CLASSES.map((c) => c.key);
const OLD_SIZE_PRIOR_CM: Record<string, number> = {
  chair: 90,
  couch: 200,
  bed: 200,
  'dining table': 150,
  tv: 110,
  refrigerator: 180,
};
const OLD_SUPPORTS = ['dining table', 'bed', 'bench'];
const OLD_AGAINST_WALL = ['couch', 'bed', 'refrigerator', 'oven', 'sink', 'toilet', 'tv', 'clock'];
const OLD_MAX_PER_ROOM: Record<string, number> = {
  bed: 1,
  refrigerator: 1,
  toilet: 1,
  oven: 1,
  sink: 1,
  couch: 2,
  'dining table': 2,
  tv: 2,
  clock: 1,
  microwave: 1,
};

describe('class catalogue equals the old tables', () => {
  it('COCO labels in detector order', () => expect(COCO_CLASS_LABELS).toEqual([...COCO_LABELS]));
  it('size priors, typical heights, size guesses, supports, walls, room limits', () => {
    for (const k of keys) {
      const c = objectClass(k)!;
      expect(c.sizeMax, k).toEqual(hasPrior(k) ? sizePrior(k) : undefined);
      expect(c.typicalHeight, k).toBe(TYPICAL_HEIGHT_M[k]);
      expect(c.sizeGuessCm, k).toBe(OLD_SIZE_PRIOR_CM[k]);
      expect(c.holdsSmallObjects ?? false, k).toBe(OLD_SUPPORTS.includes(k));
      expect(c.againstWall ?? false, k).toBe(OLD_AGAINST_WALL.includes(k));
      expect(completionReach(k), k).toBe(c.againstWall && c.sizeMax ? c.sizeMax[1] * 1.15 : undefined);
      expect(c.generate?.maxPerRoom, k).toBe(OLD_MAX_PER_ROOM[k]);
    }
    for (const k of [
      ...Object.keys(TYPICAL_HEIGHT_M),
      ...Object.keys(OLD_SIZE_PRIOR_CM),
      ...OLD_SUPPORTS,
      ...OLD_AGAINST_WALL,
      ...Object.keys(OLD_MAX_PER_ROOM),
    ])
      expect(keys, k).toContain(k);
  });
  it('label compatibilities', () => {
    for (const a of keys) {
      expect([...(COMPATIBLE_LABELS.get(a) ?? [])].filter((l) => l !== a).sort(), a).toEqual(
        confusableWith(a),
      );
      for (const b of keys)
        expect(COMPATIBLE_LABELS.get(a)?.has(b) ?? a === b, `${a}/${b}`).toBe(labelsCompatible(a, b));
    }
  });
  it('generated classes in order, with the same specs', () => {
    expect(
      GENERATED_CLASSES.map((c) => ({
        label: c.key,
        support: c.generate.support,
        size: c.generate.size,
        ...(c.againstWall && c.generate.support === 'floor' ? { againstWall: true } : {}),
        ...(c.generate.mountHeight ? { mountHeight: c.generate.mountHeight } : {}),
        weight: c.generate.weight,
        colour: c.generate.colour,
      })),
    ).toEqual(CATALOG);
  });
  it('question vocabulary: same names, same classes, same order', () => {
    expect(newVocab.KNOWN_NAMES).toEqual(oldVocab.KNOWN_NAMES);
    for (const n of [...oldVocab.KNOWN_NAMES, 'car', 'frisbee', 'nothing']) {
      const o = oldVocab.classOf(n);
      const c = newVocab.classOf(n);
      expect(c && { key: c.key, detector: c.detector, b: newVocab.benchmarkName(n) }, n).toEqual(
        o && { key: o.key, detector: o.detector, b: oldVocab.benchmarkName(n) },
      );
    }
    expect(newVocab.VOCABULARY.map((c) => [c.key, c.detector, newVocab.benchmarkName(c.key)])).toEqual(
      oldVocab.VOCABULARY.map((c) => [c.key, c.detector, oldVocab.benchmarkName(c.key)]),
    );
  });
});
