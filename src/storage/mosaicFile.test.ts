import { describe, expect, it } from 'vitest';
import { parseMosaicFile, toMosaicFile } from './mosaicFile';
import { MosaicFileError } from './errors';
import { makeKeyframe, makeObject } from '../../test/storage/storeFixtures';
import type { Mosaic } from '../core/mosaic/types';

const mosaic: Mosaic = {
  schemaVersion: 1,
  up: [0, -1, 0],
  objects: [makeObject('o1', 'chair', 1), makeObject('o2', 'tv', 2, 4)],
  trajectory: [makeKeyframe(0), makeKeyframe(4)],
  occupancy: {
    cellSize: 0.2,
    free: ['0,0'],
    occupied: ['1,1'],
    floorHeight: -0.02,
    room: { center: [1, 2], size: [3, 4], yaw: 0.1, area: 12 },
  },
  source: { poses: 'trajectory.log' },
};

const fileWith = (patch: Record<string, unknown>) =>
  JSON.stringify({ ...JSON.parse(toMosaicFile(mosaic)), ...patch });

describe('mosaic file', () => {
  it('round-trips export → import exactly', () => {
    expect(parseMosaicFile(toMosaicFile(mosaic), 'room.mosaic.json')).toEqual(mosaic);
  });

  it('accepts a minimal CLI-style file (documented fields only) and fills the rest', () => {
    const text = JSON.stringify({
      schemaVersion: 1,
      up: [0, 0, 1],
      objects: [
        {
          id: 'a',
          label: 'cup',
          center: [0, 0, 1],
          size: [0.1, 0.1, 0.1],
          yaw: 0,
          confidence: 0.5,
          firstSeenFrame: 2,
          observations: 3,
        },
      ],
      trajectory: [],
      extraField: 'ignored',
    });
    const m = parseMosaicFile(text, 'cli.json');
    expect(m.objects[0]).toMatchObject({
      labels: [{ label: 'cup', weight: 0.5, count: 3 }],
      lastSeenFrame: 2,
    });
  });

  it.each([
    ['not json {', /room\.json: not JSON/],
    [fileWith({ schemaVersion: 99 }), /room\.json: schemaVersion 99 is newer than this app reads \(1\)/],
    [fileWith({ schemaVersion: '1' }), /"schemaVersion" must be a positive integer/],
    [fileWith({ up: [0, 2, 0] }), /"up" must be a unit vector \(its length is 2\.0000\)/],
    [fileWith({ objects: {} }), /"objects" must be an array/],
    [
      fileWith({ occupancy: { cellSize: 0.1, free: [], occupied: [], room: { center: [0] } } }),
      /"occupancy\.room" must be/,
    ],
    [
      fileWith({ objects: [{ ...makeObject('x', 'cup', 0), center: [0, 'a', 1] }] }),
      /objects\[0\]: "center" must be \[x, y, z\]/,
    ],
    [
      fileWith({ objects: [makeObject('x', 'cup', 0), makeObject('x', 'cup', 1)] }),
      /objects\[1\]: duplicate id "x"/,
    ],
    [
      fileWith({ objects: [{ ...makeObject('x', 'cup', 0), size: [1, -1, 1] }] }),
      /"size" must not be negative/,
    ],
    [
      fileWith({ trajectory: [{ frame: 0, time: 0, pose: [1, 0, 0] }] }),
      /trajectory\[0\]: "pose" must be 16 finite numbers/,
    ],
  ])('rejects bad input with a message naming the file and the field (%#)', (text, message) => {
    let err: unknown;
    try {
      parseMosaicFile(text, 'room.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MosaicFileError);
    expect((err as Error).message).toMatch(message);
  });
});

describe('SceneStore import/export', () => {
  it('exports a stored scene and imports it back as an identical new scene', async () => {
    const { SceneStore } = await import('./SceneStore');
    const { MemoryKvStore } = await import('./kv');
    const store = new SceneStore(new MemoryKvStore());
    const meta = await store.saveMosaic(mosaic, { name: 'Living room #2', id: 'src' });
    const file = await store.exportFile(meta.id);
    expect(file.fileName).toBe('Living-room-2.mosaic.json');
    const imported = await store.importFile(file.text, file.fileName);
    expect(imported.name).toBe('Living-room-2');
    expect((await store.load(imported.id)).mosaic).toEqual(mosaic);
    await expect(store.importFile('{"schemaVersion":1}', 'bad.json')).rejects.toThrow(
      /bad\.json: "up" must be/,
    );
  });
});
