import { describe, expect, it } from 'vitest';
import type { Mosaic } from '../core/mosaic/types';
import { PerceptionService } from '../runtime/PerceptionService';
import type { ProgressEvent } from '../runtime/progress';
import { ReasonerService } from '../runtime/ReasonerService';
import { SYNTHETIC_UP, syntheticFrame } from '../../e2e/harness/syntheticFrame';
import { MemoryKvStore } from '../storage/kv';
import { parseMosaicFile } from '../storage/mosaicFile';
import { openSceneLibrary } from '../storage/openSceneLibrary';
import { makeKeyframe, makeObject } from '../../test/storage/storeFixtures';
import { MosaicSession, NoSceneError, summarize } from './MosaicSession';
import type { MosaicChangeDetail } from './types';

/**
 * The real services over one in-memory library, except `buildDemoScene`: a stand-in job (the real one renders
 * 60 frames and is tested with the runtime) that stores a scene, reports three keyframes, and sends one more,
 * stale, update after it has returned, as a comlink callback can.
 */
function makeSession() {
  const kv = new MemoryKvStore();
  const library = () => openSceneLibrary(kv);
  const perception = new PerceptionService({ openLibrary: library, probe: async () => NO_CAPS });
  const reasoner = new ReasonerService({ probe: async () => NO_CAPS });
  const demo: typeof perception.buildDemoScene = async (onUpdate) => {
    const meta = await (await library()).saveMosaic(chairsAndTable(2), { name: 'Demo scene' });
    for (let done = 0; done <= 3; done++)
      onUpdate?.({
        label: 'Fusing',
        done,
        total: 3,
        sceneId: meta.id,
        ...(done === 3 ? { mosaic: chairsAndTable(2) } : {}),
      });
    setTimeout(() => onUpdate?.({ label: 'Fusing', done: 1, total: 3, mosaic: chairsAndTable(5) }), 0);
    return { sceneId: meta.id, name: 'Demo scene', mosaic: chairsAndTable(2), keyframes: 2 };
  };
  // One wrapper for the session's lifetime: the service keeps its fused state on `this`.
  const withDemo = Object.assign(Object.create(perception) as PerceptionService, { buildDemoScene: demo });
  const progress: ProgressEvent[] = [];
  const changes: MosaicChangeDetail[] = [];
  const session = new MosaicSession(
    {
      perception: async () => ({ api: withDemo, release: () => undefined }),
      reasoner: async () => reasoner,
      library,
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
  it('shows the demo job as it grows, reports monotone progress ending at 100, ignores late updates, stores nothing', async () => {
    const { session, library, progress, changes } = makeSession();
    const detail = await session.loadDemo();
    expect(detail).toMatchObject({
      source: 'demo',
      objectCount: 3,
      keyframeCount: 2,
      labels: { chair: 2, table: 1 },
    });
    expect(progress.map((e) => (e.status === 'initiate' ? 'initiate' : `${e.status} ${e.progress}`))).toEqual(
      [
        'initiate',
        'progress 0',
        'progress 33.333333333333336',
        'progress 66.66666666666667',
        'progress 99.999',
        'done 100',
      ],
    );
    await new Promise((r) => setTimeout(r, 20)); // the stale update and the delete land
    expect(changes.at(-1)).toEqual(detail);
    expect(session.mosaic?.objects).toHaveLength(3);
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
    expect([...a.objects].sort()).toEqual(['c0', 'c1']);
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
