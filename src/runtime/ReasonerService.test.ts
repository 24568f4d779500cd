import { describe, expect, it } from 'vitest';
import { MOSAIC_SCHEMA_VERSION, type Mosaic } from '../core/mosaic/types';
import { MemoryKvStore, openSceneLibrary, SceneNotFoundError } from '../storage';
import { makeKeyframe, makeObject } from '../../test/storage/storeFixtures';
import { ReasonerService } from './ReasonerService';
import { formatStep } from '../core/reasoning/trace';

const probe = async () => {
  throw new Error('not probed in this test');
};

const room = (objects: Mosaic['objects']): Mosaic => ({
  schemaVersion: MOSAIC_SCHEMA_VERSION,
  up: [0, 0, 1],
  objects,
  trajectory: [makeKeyframe(0), makeKeyframe(1)],
});

describe('ReasonerService reads the scene by id', () => {
  it('answers from the stored scene, and names it in the trace', async () => {
    const kv = new MemoryKvStore();
    const store = await openSceneLibrary(kv);
    const meta = await store.saveMosaic(
      room([makeObject('a', 'chair', 0), makeObject('b', 'chair', 1), makeObject('c', 'table', 2)]),
      { name: 'Kitchen' },
    );
    const reasoner = new ReasonerService({ probe, openLibrary: () => openSceneLibrary(kv) });
    const answer = await reasoner.ask({ sceneId: meta.id, question: 'How many chairs are there?' });
    expect(answer).toMatchObject({ value: 2, answered: true, objects: ['a', 'b'] });
    expect(answer.trace[0]).toMatchObject({ step: 'scene', name: 'Kitchen', objects: 3, keyframes: 2 });
    expect(formatStep(answer.trace[0])).toContain('"Kitchen" read from storage: 3 objects, 2 keyframes');
  });

  it('reads it again for every question, so keyframes stored since are seen', async () => {
    const kv = new MemoryKvStore();
    const store = await openSceneLibrary(kv);
    const meta = await store.saveMosaic(room([makeObject('a', 'chair', 0)]), { name: 'Growing' });
    const reasoner = new ReasonerService({ probe, openLibrary: () => openSceneLibrary(kv) });
    const ask = () => reasoner.ask({ sceneId: meta.id, question: 'How many chairs are there?' });
    expect((await ask()).value).toBe(1);
    await store.appendKeyframe(meta.id, {
      keyframe: makeKeyframe(2),
      upserts: [makeObject('b', 'chair', 1, 2), makeObject('d', 'chair', 3, 2)],
    });
    expect((await ask()).value).toBe(3);
  });

  it('still takes a whole mosaic for a scene that is not stored', async () => {
    const reasoner = new ReasonerService({
      probe,
      openLibrary: () => Promise.reject(new Error('storage must not be opened for a given mosaic')),
    });
    const answer = await reasoner.ask({
      mosaic: room([makeObject('a', 'chair', 0)]),
      question: 'How many chairs are there?',
    });
    expect(answer.value).toBe(1);
    expect(answer.trace.map((s) => s.step)).not.toContain('scene');
  });

  it('says the scene is gone when its id is not stored, and refuses a request with no scene', async () => {
    const reasoner = new ReasonerService({ probe, openLibrary: () => openSceneLibrary(new MemoryKvStore()) });
    await expect(
      reasoner.ask({ sceneId: 'gone', question: 'How many chairs are there?' }),
    ).rejects.toBeInstanceOf(SceneNotFoundError);
    await expect(reasoner.ask({ question: 'How many chairs are there?' })).rejects.toMatchObject({
      name: 'InvalidRequestError',
    });
  });
});
