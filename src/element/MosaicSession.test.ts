import { describe, expect, it } from 'vitest';
import type { Mosaic } from '../core/mosaic/types';
import { generateScene } from '../core/synthetic/generateScene';
import { DEMO_SCENE_OPTIONS, sceneToFiles } from '../core/synthetic/sceneFiles';
import { PerceptionService } from '../runtime/PerceptionService';
import type { ProgressEvent } from '../runtime/progress';
import { ReasonerService } from '../runtime/ReasonerService';
import { SYNTHETIC_UP, syntheticFrame } from '../runtime/syntheticFrame';
import { MemoryKvStore } from '../storage/kv';
import { parseMosaicFile } from '../storage/mosaicFile';
import { openSceneLibrary } from '../storage/openSceneLibrary';
import { makeKeyframe, makeObject } from '../storage/testing';
import { MosaicSession, NoSceneError, summarize } from './MosaicSession';
import type { MosaicChangeDetail } from './types';

// A small version of the demo (same generator, 6 frames) keeps the file fast.
const SMALL_DEMO = sceneToFiles(generateScene({ ...DEMO_SCENE_OPTIONS, frameCount: 6 }), { pngLevel: 1 });

function makeSession() {
  const kv = new MemoryKvStore();
  const library = () => openSceneLibrary(kv);
  const perception = new PerceptionService({ openLibrary: library, probe: async () => NO_CAPS });
  const reasoner = new ReasonerService({ probe: async () => NO_CAPS });
  const progress: ProgressEvent[] = [];
  const changes: MosaicChangeDetail[] = [];
  const session = new MosaicSession(
    {
      perception: async () => perception,
      reasoner: async () => reasoner,
      library,
      demoFiles: async () => SMALL_DEMO,
    },
    { progress: (e) => progress.push(e), mosaicChange: (d) => changes.push(d) },
  );
  return { session, library, progress, changes };
}

const NO_CAPS = {
  caps: { webgpu: false, shaderF16: false, fallbackAdapter: false, wasmThreads: false, node: true },
} as never;

const chairsAndTable = (chairs: number): Mosaic => ({
  schemaVersion: 1,
  up: [0, -1, 0],
  objects: [
    ...Array.from({ length: chairs }, (_, i) => makeObject(`c${i}`, 'chair', i * 1.5)),
    makeObject('t0', 'table', -2),
  ],
  trajectory: [makeKeyframe(0), makeKeyframe(1)],
});

describe('summarize', () => {
  it('counts objects per label and keyframes', () => {
    expect(summarize(chairsAndTable(2), 'abc', 'abc')).toEqual({
      source: 'abc',
      sceneId: 'abc',
      objectCount: 3,
      keyframeCount: 2,
      labels: { chair: 2, table: 1 },
    });
  });
});

describe('MosaicSession', () => {
  it('fuses the demo in its perception service, reports monotone progress ending at 100, and stores nothing', async () => {
    const { session, library, progress, changes } = makeSession();
    const detail = await session.loadDemo();
    expect(detail.source).toBe('demo');
    expect(detail.objectCount).toBeGreaterThan(0);
    expect(detail.keyframeCount).toBe(6);
    expect(changes.at(-1)).toEqual(detail);
    expect(progress[0].status).toBe('initiate');
    expect(progress.at(-1)).toMatchObject({ status: 'done', progress: 100 });
    const values = progress.flatMap((e) => (e.status === 'initiate' ? [] : [e.progress]));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await new Promise((r) => setTimeout(r, 20)); // the delete runs after the build settles
    expect(await (await library()).list()).toEqual([]);
  });

  it('loads a stored scene, answers over it, and exports it as a mosaic file', async () => {
    const { session, library, changes } = makeSession();
    const meta = await (await library()).saveMosaic(chairsAndTable(2), { name: 'two chairs', id: 'two' });
    await session.load(meta.id);
    expect(changes.at(-1)).toMatchObject({
      source: 'two',
      sceneId: 'two',
      objectCount: 3,
      labels: { chair: 2 },
    });
    const a = await session.ask('How many chairs are there?');
    expect(a.question).toBe('How many chairs are there?');
    expect(a.value).toBe(2);
    expect(a.answered).toBe(true);
    expect([...a.objectIds].sort()).toEqual(['c0', 'c1']);
    expect(a.trace.length).toBeGreaterThan(0);
    const file = parseMosaicFile(session.exportText(), 'export');
    expect(file.objects.map((o) => o.id)).toEqual(['c0', 'c1', 't0']);
  });

  it('two sessions keep their own state', async () => {
    const one = makeSession();
    const two = makeSession();
    await (await one.library()).saveMosaic(chairsAndTable(2), { name: 'a', id: 's' });
    await (await two.library()).saveMosaic(chairsAndTable(3), { name: 'b', id: 's' });
    await Promise.all([one.session.load('s'), two.session.load('s')]);
    const [a, b] = await Promise.all([
      one.session.ask('How many chairs are there?'),
      two.session.ask('How many chairs are there?'),
    ]);
    expect([a.value, b.value]).toEqual([2, 3]);
  });

  it('fuses added frames into a live mosaic, starting fresh after a loaded scene', async () => {
    const { session, library, changes } = makeSession();
    await (await library()).saveMosaic(chairsAndTable(3), { name: 'b', id: 's' });
    await session.load('s');
    const r = await session.addFrame(syntheticFrame(0), [...SYNTHETIC_UP]);
    expect(r.dropped).toBe(false);
    // Fusion confirms an object after three observations.
    for (let n = 1; n < 4; n++) await session.addFrame(syntheticFrame(n), [...SYNTHETIC_UP]);
    expect(changes.at(-1)).toMatchObject({
      source: 'frames',
      objectCount: 1,
      keyframeCount: 4,
      labels: { chair: 1 },
    });
    expect((await session.ask('How many chairs are there?')).value).toBe(1);
    // Fused in memory with the frames' up, and nothing left in the library but the scene that was loaded.
    expect(session.mosaic?.up).toEqual([0, 0, 1]);
    expect((await (await library()).list()).map((m) => m.id)).toEqual(['s']);
  });

  it('refuses to ask or export without a scene, and an empty question, with named errors', async () => {
    const { session } = makeSession();
    await expect(session.ask('How many chairs?')).rejects.toBeInstanceOf(NoSceneError);
    expect(() => session.exportText()).toThrow(NoSceneError);
    await session.load('s').catch(() => undefined);
    await expect(session.ask('  ')).rejects.toMatchObject({ name: 'InvalidRequestError' });
  });
});
