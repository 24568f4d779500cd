import { describe, expect, it } from 'vitest';
import { MOSAIC_SCHEMA_VERSION, type Mosaic } from '../core/mosaic/types';
import { MosaicFileError, StorageFullError } from './errors';
import { MemoryKvStore } from './kv';
import { MAX_MOSAIC_FILE_CHARS, parseMosaicFile, toMosaicFile } from './mosaicFile';
import { SceneStore } from './SceneStore';
import { FailingKvStore, makeKeyframe, makeObject } from '../../test/storage/storeFixtures';

/**
 * Malformed mosaic files: refused with MosaicFileError naming the file and the field, and importing one
 * leaves every stored scene exactly as it was.
 */

const good = (): Mosaic => ({
  schemaVersion: MOSAIC_SCHEMA_VERSION,
  up: [0, 0, 1],
  objects: [makeObject('o1', 'chair', 1), makeObject('o2', 'tv', 2, 3)],
  trajectory: [makeKeyframe(0), makeKeyframe(3)],
  occupancy: { cellSize: 0.25, free: ['0,0', '-1,2'], occupied: ['3,-4'] },
});

/** A good file with one field replaced (via a JSON round trip, so the change is what a file would hold). */
function withChange(
  change: (m: Record<string, unknown> & { objects: Record<string, unknown>[] }) => void,
): string {
  const m = JSON.parse(toMosaicFile(good()));
  change(m);
  return JSON.stringify(m);
}

function refusal(text: string, file = 'room.mosaic.json'): string {
  try {
    parseMosaicFile(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(MosaicFileError);
    expect((e as Error).message).not.toContain('\n');
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('malformed mosaic files', () => {
  const F = 'room.mosaic.json';
  it.each<[string, string, string | RegExp]>([
    [
      'an empty file',
      '',
      /^room\.mosaic\.json: not JSON \(Unexpected end of JSON input\); export a scene or use `build --out` to make one\.$/,
    ],
    ['a truncated file', toMosaicFile(good()).slice(0, 200), /^room\.mosaic\.json: not JSON \(/],
    ['a PNG', '\x89PNG\r\n\x1a\n\0\0\0\rIHDR', /^room\.mosaic\.json: not JSON \(/],
    [
      'a top-level array',
      '[]',
      `${F}: the top level must be a JSON object with schemaVersion, objects, trajectory and up.`,
    ],
    [
      'a missing schemaVersion',
      withChange((m) => delete m.schemaVersion),
      `${F}: "schemaVersion" must be a positive integer.`,
    ],
    [
      'a string schemaVersion',
      withChange((m) => (m.schemaVersion = '1')),
      `${F}: "schemaVersion" must be a positive integer.`,
    ],
    [
      'a newer schemaVersion',
      withChange((m) => (m.schemaVersion = 99)),
      `${F}: schemaVersion 99 is newer than this app reads (1); update the app.`,
    ],
    [
      'an up with a null',
      withChange((m) => (m.up = [0, null, 1])),
      `${F}: "up" must be [x, y, z] with finite numbers.`,
    ],
    [
      'an up of length 2',
      withChange((m) => (m.up = [0, 0, 2])),
      `${F}: "up" must be a unit vector (its length is 2.0000).`,
    ],
    [
      'objects as an object',
      withChange((m) => (m.objects = { o1: {} } as never)),
      `${F}: "objects" must be an array.`,
    ],
    [
      'a missing trajectory',
      withChange((m) => delete m.trajectory),
      `${F}: "trajectory" must be an array of keyframes.`,
    ],
    [
      'an object without an id',
      withChange((m) => delete m.objects[1].id),
      `${F}: objects[1]: "id" must be a non-empty string.`,
    ],
    [
      'an object with an empty label',
      withChange((m) => (m.objects[0].label = '')),
      `${F}: objects[0]: "label" must be a non-empty string.`,
    ],
    [
      'a centre of two numbers',
      withChange((m) => (m.objects[0].center = [1, 2])),
      `${F}: objects[0]: "center" must be [x, y, z] in metres.`,
    ],
    [
      'an infinite centre (1e999)',
      withChange((m) => (m.objects[0].center = [1, 2, 3])).replace('[1,2,3]', '[1,2,1e999]'),
      `${F}: objects[0]: "center" must be [x, y, z] in metres.`,
    ],
    [
      'a negative size',
      withChange((m) => (m.objects[1].size = [1, -1, 1])),
      `${F}: objects[1]: "size" must not be negative.`,
    ],
    [
      'a yaw as a string',
      withChange((m) => (m.objects[0].yaw = '0.5')),
      `${F}: objects[0]: "yaw" must be a finite number.`,
    ],
    [
      'a missing confidence',
      withChange((m) => delete m.objects[0].confidence),
      `${F}: objects[0]: "confidence" must be a finite number.`,
    ],
    [
      'a duplicate object id',
      withChange((m) => (m.objects[1].id = 'o1')),
      `${F}: objects[1]: duplicate id "o1".`,
    ],
    [
      'a label vote without a count',
      withChange((m) => (m.objects[0].labels = [{ label: 'chair', weight: 1 }])),
      `${F}: objects[0]: "labels" entries must be {label, weight, count}.`,
    ],
    [
      'a null recent observation',
      withChange((m) => (m.objects[0].recentObservations = [null])),
      `${F}: objects[0]: "recentObservations" must be [{frame, box: [x0, y0, x1, y1], score, label}, …].`,
    ],
    [
      'a recent observation without a box',
      withChange((m) => (m.objects[0].recentObservations = [{ frame: 1, score: 0.5, label: 'chair' }])),
      `${F}: objects[0]: "recentObservations" must be [{frame, box: [x0, y0, x1, y1], score, label}, …].`,
    ],
    [
      'a pose of 15 numbers',
      withChange((m) => ((m.trajectory as { pose: number[] }[])[1].pose = Array(15).fill(0))),
      `${F}: trajectory[1]: "pose" must be 16 finite numbers (row-major 4×4 camera-to-world).`,
    ],
    [
      'a non-rigid pose',
      withChange(
        (m) =>
          ((m.trajectory as { pose: number[] }[])[0].pose = [2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]),
      ),
      `${F}: trajectory[0]: "pose" is not a camera pose: rotation part is not orthonormal (not a rigid transform).`,
    ],
    [
      'a fractional frame',
      withChange((m) => ((m.trajectory as { frame: number }[])[0].frame = 0.5)),
      `${F}: trajectory[0]: "frame" must be an integer.`,
    ],
    [
      'an occupancy cell that is not "i,j"',
      withChange((m) => ((m.occupancy as { free: string[] }).free = ['0,0', 'x'])),
      `${F}: "occupancy" must be {cellSize > 0, free: ["i,j", …], occupied: ["i,j", …]}.`,
    ],
    [
      'an infinite cell size',
      withChange((m) => ((m.occupancy as { cellSize: number }).cellSize = 7)).replace(
        '"cellSize":7',
        '"cellSize":1e999',
      ),
      `${F}: "occupancy" must be {cellSize > 0, free: ["i,j", …], occupied: ["i,j", …]}.`,
    ],
    [
      'a room without an area',
      withChange(
        (m) => ((m.occupancy as Record<string, unknown>).room = { center: [0, 0], size: [3, 4], yaw: 0 }),
      ),
      `${F}: "occupancy.room" must be {center: [a, b], size: [w, d], yaw, area}.`,
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it('refuses a file over the size limit without parsing it', () => {
    const huge = ' '.repeat(MAX_MOSAIC_FILE_CHARS + 1);
    const t0 = performance.now();
    expect(refusal(huge, 'big.json')).toBe(
      'big.json: 64 MB is more than a mosaic file holds (at most 64 MB); is this the right file?',
    );
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('keeps labels from files as plain strings (markup is data, not HTML)', () => {
    const m = parseMosaicFile(
      withChange((x) => (x.objects[0].label = '<img src=x onerror=alert(1)>')),
      'x.json',
    );
    expect(m.objects[0].label).toBe('<img src=x onerror=alert(1)>');
  });

  it('a good file still imports (control)', () => {
    expect(parseMosaicFile(toMosaicFile(good()), 'ok.json').objects).toHaveLength(2);
  });
});

/** Every record of the store, deep-copied (MemoryKvStore clones on the way in, so this is the stored state). */
function snapshot(kv: MemoryKvStore): [string, string][] {
  return [...kv.map.entries()].map(([k, v]) => [k, JSON.stringify(v)] as [string, string]).sort();
}

async function storeWithScene(kv: MemoryKvStore): Promise<SceneStore> {
  const store = new SceneStore(kv, { compactEvery: 2, now: () => 1000 });
  await store.create({ name: 'Kitchen', up: [0, 0, 1], id: 'kitchen' });
  await store.appendKeyframe('kitchen', {
    keyframe: makeKeyframe(0),
    upserts: [makeObject('c1', 'cup', 0.5)],
  });
  await store.appendKeyframe('kitchen', {
    keyframe: makeKeyframe(1),
    upserts: [makeObject('c2', 'bowl', 1)],
  });
  await store.appendKeyframe('kitchen', { keyframe: makeKeyframe(2), upserts: [], removed: ['c1'] });
  return store;
}

describe('a bad import leaves stored scenes untouched', () => {
  const bad: [string, string][] = [
    ['not JSON', '{"schemaVersion": 1, "objects": ['],
    ['a bad object', withChange((m) => (m.objects[1].size = [1, -1, 1]))],
    [
      'a non-rigid pose',
      withChange(
        (m) =>
          ((m.trajectory as { pose: number[] }[])[0].pose = [2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]),
      ),
    ],
    ['a newer schema', withChange((m) => (m.schemaVersion = 2))],
  ];
  it.each(bad)('importing a file with %s changes no stored record', async (_name, text) => {
    const kv = new MemoryKvStore();
    const store = await storeWithScene(kv);
    const before = snapshot(kv);
    const loaded = await store.load('kitchen');
    await expect(store.importFile(text, 'bad.mosaic.json')).rejects.toBeInstanceOf(MosaicFileError);
    expect(snapshot(kv)).toEqual(before); // byte-identical, and no new keys
    expect(await store.load('kitchen')).toEqual(loaded);
    expect((await store.list()).map((s) => s.id)).toEqual(['kitchen']);
  });

  it('an import that runs out of quota midway keeps the stored scene and lists no half scene', async () => {
    const kv = new FailingKvStore();
    const store = await storeWithScene(kv);
    const before = snapshot(kv);
    kv.writesLeft = 0;
    await expect(store.importFile(toMosaicFile(good()), 'good.mosaic.json')).rejects.toBeInstanceOf(
      StorageFullError,
    );
    expect(snapshot(kv)).toEqual(before);
    kv.writesLeft = 1; // the snapshot records land, the meta that would commit them does not
    await expect(store.importFile(toMosaicFile(good()), 'good.mosaic.json')).rejects.toBeInstanceOf(
      StorageFullError,
    );
    const kitchenKeys = (entries: [string, string][]) =>
      entries.filter(([k]) => k.startsWith('scene:kitchen:'));
    expect(kitchenKeys(snapshot(kv))).toEqual(kitchenKeys(before));
    expect((await store.list()).map((s) => s.id)).toEqual(['kitchen']);
  });
});
