import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOSAIC_SCHEMA_VERSION, type Mosaic } from '../core/mosaic/types';
import { MosaicFileError } from './errors';
import { MemoryKvStore } from './kv';
import { parseMosaicFile, toMosaicFile } from './mosaicFile';
import { SceneStore } from './SceneStore';
import { makeKeyframe, makeObject } from '../../test/storage/storeFixtures';

/**
 * Property-based fuzzing of mosaic-file import (fixed seeds, bounded runs): any text parses into a mosaic
 * that round-trips and that reasoning can read, or is refused with MosaicFileError — and a refused import
 * writes nothing.
 */

const SEED = 0x305a1c;

const base: Mosaic = {
  schemaVersion: MOSAIC_SCHEMA_VERSION,
  up: [0, 0, 1],
  objects: [
    {
      ...makeObject('o1', 'chair', 1),
      recentObservations: [{ frame: 0, box: [1, 2, 3, 4], score: 0.9, label: 'chair' }],
    },
    makeObject('o2', 'tv', 2, 3),
  ],
  trajectory: [makeKeyframe(0), makeKeyframe(3)],
  occupancy: {
    cellSize: 0.25,
    free: ['0,0'],
    occupied: ['1,-1'],
    room: { center: [1, 1], size: [3, 4], yaw: 0, area: 12 },
  },
  source: { sequence: 'seq' },
};

/** A path into the good file's JSON tree and a value to put there: near-valid files that probe every field. */
type Path = (string | number)[];
function paths(v: unknown, prefix: Path = []): Path[] {
  if (v === null || typeof v !== 'object') return [prefix];
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [prefix, ...keys.flatMap((k) => paths((v as Record<string | number, unknown>)[k], [...prefix, k]))];
}
const baseJson = JSON.parse(toMosaicFile(base)) as unknown;
const allPaths = paths(baseJson).filter((p) => p.length > 0);

function setAt(root: unknown, path: Path, value: unknown, remove: boolean): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, -1, 0, 0.5, 1e308, '', 'x', [], {}, [0, 0], [1, 2, 3], '0,0', 'NaN', true),
);

/** Throws when `m` would break a reader: every number finite, every pose 16 numbers. */
function checkReadable(m: Mosaic): void {
  expect(Math.abs(Math.hypot(...m.up) - 1)).toBeLessThan(1e-3);
  for (const o of m.objects) {
    expect([...o.center, ...o.size, o.yaw, o.confidence, o.firstSeenFrame].every(Number.isFinite)).toBe(true);
    for (const r of o.recentObservations ?? []) expect(Number.isInteger(r.frame)).toBe(true);
  }
  for (const k of m.trajectory) expect(k.pose.length).toBe(16);
}

describe('mosaic-file import under fuzzing', () => {
  it('one field replaced or removed anywhere: a readable mosaic that round-trips, or MosaicFileError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allPaths), junk, fc.boolean(), (path, value, remove) => {
        const text = JSON.stringify(setAt(baseJson, path, value, remove));
        let m: Mosaic;
        try {
          m = parseMosaicFile(text, 'fuzz.json');
        } catch (e) {
          if (!(e instanceof MosaicFileError))
            throw new Error(`${(e as Error).name} escaped: ${(e as Error).message}`);
          if (!e.message.startsWith('fuzz.json: ') || e.message.includes('\n')) throw new Error(e.message);
          return;
        }
        checkReadable(m);
        expect(parseMosaicFile(toMosaicFile(m), 'again.json')).toEqual(m);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('arbitrary text and JSON only ever throw MosaicFileError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
        ),
        (text) => {
          try {
            checkReadable(parseMosaicFile(text, 'fuzz.json'));
          } catch (e) {
            if (!(e instanceof MosaicFileError))
              throw new Error(`${(e as Error).name} escaped: ${(e as Error).message}`);
          }
        },
      ),
      { seed: SEED + 1, numRuns: 800 },
    );
  });

  it('a refused import writes nothing to the store', async () => {
    const kv = new MemoryKvStore();
    const store = new SceneStore(kv, { now: () => 1 });
    await store.saveMosaic(base, { name: 'kept', id: 'kept' });
    const before = JSON.stringify([...kv.map.entries()]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...allPaths), junk, async (path, value) => {
        const text = JSON.stringify(setAt(baseJson, path, value, false));
        const keys = kv.map.size;
        try {
          await store.importFile(text, 'fuzz.mosaic.json');
        } catch (e) {
          if (!(e instanceof MosaicFileError)) throw e;
          expect(kv.map.size).toBe(keys);
        }
      }),
      { seed: SEED + 2, numRuns: 150 },
    );
    expect(JSON.stringify([...kv.map.entries()].filter(([k]) => k.startsWith('scene:kept:')))).toBe(
      JSON.stringify(JSON.parse(before).filter(([k]: [string]) => k.startsWith('scene:kept:'))),
    );
  });
});
