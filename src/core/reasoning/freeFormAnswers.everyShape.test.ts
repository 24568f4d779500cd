import { describe, expect, it } from 'vitest';
import type { Mosaic } from '../mosaic/types';
import { MosaicThinker } from './MosaicThinker';
import { obj, testScene } from '../../../test/core/reasoning/testScene';

/**
 * Every phrasing family × names seen, unseen, repeated or unknown × awkward maps (empty, one object, no camera
 * pose): an answer in words every time, never an exception, "undefined" or "NaN" in the text.
 */
const SHAPES = [
  'how many {a}?',
  'is there a {a}?',
  'how tall is the {a} in feet?',
  'how far is the {a} from the {b}?',
  'distance between the two {a}s',
  'which is bigger, the {a} or the {b}?',
  'is the {a} taller than the {b}?',
  'what is closest to the {a}?',
  "what's next to the {a}?",
  'which is the largest {a}?',
  'what is the largest object?',
  'if I stand by the {a} facing the {b}, is the {c} to my left?',
  'if I stand by the {a} facing the {b}, where is the {c}?',
  'where is the {a}?',
  'how far am I from the {a}?',
  'what is behind me?',
  'is the {a} closer to the {b} or the {c}?',
  'in what order did the {a}, the {b} and the {c} first appear?',
  'how many {a}s and {b}s in total?',
  'describe the room',
  "what's in this room?",
  'how big is the room in square feet?',
  'is the {a} on the {b}?',
  '{a}?',
  '',
];
const NAMES: [string, string, string][] = [
  ['chair', 'sofa', 'telly'],
  ['chair', 'chair', 'chair'],
  ['piano', 'harp', 'sofa'],
  ['cup', 'table', 'plant'],
];

function maps(): [string, Mosaic][] {
  const empty: Mosaic = { ...testScene(), objects: [], trajectory: [] };
  const one: Mosaic = { ...testScene(), objects: [obj('x', 'chair', [0, 1, 0.45], [0.5, 0.5, 0.9], 3)] };
  const noPose: Mosaic = { ...testScene(), trajectory: [] };
  return [
    ['room', testScene()],
    ['empty', empty],
    ['one chair', one],
    ['no camera pose', noPose],
  ];
}

describe('free-form answers never break', () => {
  for (const [mapName, m] of maps())
    it(`over a map: ${mapName}`, async () => {
      const thinker = new MosaicThinker({ mosaic: m });
      for (const shape of SHAPES)
        for (const [a, b, c] of NAMES) {
          const q = shape.replace('{a}', a).replace('{b}', b).replace('{c}', c) || '?';
          const r = await thinker.ask(q);
          expect(r.answer, q).toMatch(/\w/);
          expect(r.answer, q).not.toMatch(/undefined|NaN|Infinity|\[object/);
          const ids = new Set(m.objects.map((o) => o.id));
          for (const id of r.objects) expect(ids.has(id), `${q}: ${id}`).toBe(true);
        }
    });
});
