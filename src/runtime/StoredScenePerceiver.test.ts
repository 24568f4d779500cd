import { describe, expect, it } from 'vitest';
import { MOSAIC_SCHEMA_VERSION, type Mosaic } from '../core/mosaic/types';
import { generateScene } from '../core/synthetic/generateScene';
import { sceneToFiles } from '../core/synthetic/sceneFiles';
import { MemoryKvStore, openSceneLibrary, type SceneStore } from '../storage';
import { makeKeyframe, makeObject } from '../../test/storage/storeFixtures';
import type { SceneFrames, SceneFramesRequest } from './PerceptionApi';
import { PerceptionService } from './PerceptionService';
import type { OpenVocabEngine, PerceptionEngineFactory } from './perception/engines';
import type { SceneFramePort } from './ReasonerApi';
import { ReasonerService } from './ReasonerService';
import { formatStep } from '../core/reasoning/trace';

const probe = async () => {
  throw new Error('not probed in this test');
};

/**
 * A perception stand-in over a stored scene of 30 frames, 0 and 10 perceived: perceiving frame 20 finds a
 * refrigerator (and a piano when asked for one by name), and appends that keyframe to the stored scene.
 */
class FakePerception implements SceneFramePort {
  readonly calls: SceneFramesRequest[] = [];
  readonly perceived = new Set([0, 10]);
  constructor(
    private readonly store: SceneStore,
    private readonly sceneId: string,
  ) {}

  async perceiveSceneFrames(request: SceneFramesRequest): Promise<SceneFrames | null> {
    if (request.sceneId !== this.sceneId) return null;
    this.calls.push(request);
    for (const f of request.frames ?? []) {
      if (this.perceived.has(f)) continue;
      this.perceived.add(f);
      const found =
        f === 20
          ? [
              makeObject('fridge', 'refrigerator', 3, f),
              ...(request.prompts?.includes('piano') ? [makeObject('piano', 'piano', -2, f)] : []),
            ]
          : [];
      await this.store.appendKeyframe(this.sceneId, { keyframe: makeKeyframe(f), upserts: found });
    }
    return {
      available: Array.from({ length: 30 }, (_, i) => i),
      perceived: [...this.perceived].sort((a, b) => a - b),
      objectCount: 0,
      notes: ['a note from perception'],
    };
  }
}

async function storedRoom(): Promise<{ kv: MemoryKvStore; store: SceneStore; id: string }> {
  const kv = new MemoryKvStore();
  const store = await openSceneLibrary(kv);
  const mosaic: Mosaic = {
    schemaVersion: MOSAIC_SCHEMA_VERSION,
    up: [0, 0, 1],
    // The tv was seen in frames 10 and 20 (its last sighting): the loop looks around there.
    objects: [{ ...makeObject('tv', 'tv', 0, 10), lastSeenFrame: 20, observations: 3 }],
    trajectory: [makeKeyframe(0), makeKeyframe(10)],
  };
  const meta = await store.saveMosaic(mosaic, { name: 'Room' });
  return { kv, store, id: meta.id };
}

/** Asks about the stored room with a FakePerception whose scene is `heldId` (the room's own id by default). */
async function askRoom(question: string, heldId?: string) {
  const { kv, store, id } = await storedRoom();
  const perception = new FakePerception(store, heldId ?? id);
  const reasoner = new ReasonerService({ probe, openLibrary: () => openSceneLibrary(kv) });
  const answer = await reasoner.ask({ sceneId: id, question }, undefined, perception);
  return { answer, perception, store, id };
}

describe('the reasoning loop fetches more frames of a stored scene', () => {
  it('asks perception for frames around where the related object was seen, then answers', async () => {
    const { answer, perception, store, id } = await askRoom(
      'What is the distance between the tv and the refrigerator?',
    );
    expect(answer.answered).toBe(true);
    expect(answer.objects).toEqual(expect.arrayContaining(['tv', 'fridge']));
    expect(answer.sceneChanged).toBe(true);
    const asked = perception.calls.flatMap((c) => c.frames ?? []);
    expect(asked).toContain(20);
    // Frames near the tv's sightings (10 and 20, temporal kernel), none already perceived.
    expect(asked.every((f) => f >= 3 && f <= 28 && f !== 10)).toBe(true);
    const steps = answer.trace.filter((s) => s.step === 'perceive').map(formatStep);
    expect(steps.some((d) => /frames .*\b20\b.*objects 1 → 2.*; a note from perception$/.test(d))).toBe(true);
    // The frames went into the stored scene itself.
    expect((await store.load(id)).mosaic.objects.map((o) => o.id)).toContain('fridge');
  });

  it('gives names no detector class covers to perception as prompts', async () => {
    const { answer, perception } = await askRoom('What is the distance between the tv and the piano?');
    // While the piano is missing, and while it is seen only once (weak), the name goes along.
    const rounds = perception.calls.filter((c) => c.frames?.length);
    expect(rounds.length).toBeGreaterThan(1);
    expect(rounds.every((c) => c.prompts?.includes('piano'))).toBe(true);
    expect(answer.answered).toBe(true);
    expect(answer.objects).toEqual(expect.arrayContaining(['tv', 'piano']));
  });

  it('stops the perceiving when the question is stopped', async () => {
    const { kv, id } = await storedRoom();
    const started: string[] = [];
    const stopped: string[] = [];
    const port: SceneFramePort = {
      perceiveSceneFrames: (request, opts) =>
        request.frames?.length
          ? new Promise((_, reject) => {
              started.push(opts!.requestId!);
              port.interrupt = async (rid) => {
                stopped.push(rid);
                reject(Object.assign(new Error('interrupted'), { name: 'AbortError' }));
              };
            })
          : Promise.resolve({ available: [0, 10, 20], perceived: [0, 10], objectCount: 1 }),
    };
    const reasoner = new ReasonerService({ probe, openLibrary: () => openSceneLibrary(kv) });
    const q = reasoner.ask(
      { sceneId: id, requestId: 'q1', question: 'What is the distance between the tv and the refrigerator?' },
      undefined,
      port,
    );
    await expect.poll(() => started.length).toBe(1);
    await reasoner.interrupt('q1');
    await expect(q).rejects.toMatchObject({ name: 'AbortError' });
    expect(stopped).toEqual(started);
  });

  it('answers from what is stored when perception holds no frames of the scene', async () => {
    const { answer } = await askRoom(
      'What is the distance between the tv and the refrigerator?',
      'another-scene',
    );
    expect(answer.answered).toBe(false);
    expect(answer.sceneChanged).toBeUndefined();
    expect(answer.trace.map((s) => s.step)).not.toContain('perceive');
  });
});

describe('perception holds a built folder for more frames (real services, generated sequence)', () => {
  // 40 generated frames built from 4 keyframes (0, 10, 20, 30): the refrigerator is only in frames between them.
  async function built(engines?: PerceptionEngineFactory) {
    const scene = generateScene({ seed: 7, frameCount: 40, objectCount: 6, imageWidth: 96, imageHeight: 72 });
    const files = [...sceneToFiles(scene, { pngLevel: 1 })].map(([path, bytes]) => ({
      path,
      file: new Blob([bytes as BlobPart]),
    }));
    const kv = new MemoryKvStore();
    const perception = new PerceptionService({
      openLibrary: () => openSceneLibrary(kv),
      probe,
      ...(engines ? { engines } : {}),
    });
    const r = await perception.buildSequence({ name: 'gen', files, maxKeyframes: 4 });
    const reasoner = new ReasonerService({ probe, openLibrary: () => openSceneLibrary(kv) });
    return { kv, perception, reasoner, sceneId: r.sceneId, labels: r.mosaic.objects.map((o) => o.label) };
  }

  it('perceives frames of the folder into the stored scene until the asked object is found', async () => {
    const { kv, perception, reasoner, sceneId, labels } = await built();
    expect(labels).not.toContain('refrigerator');
    const held = await perception.perceiveSceneFrames({ sceneId });
    expect(held?.available).toHaveLength(40);
    expect(held?.perceived).toEqual([0, 10, 20, 30]);
    const q = 'What is the distance between the tv and the refrigerator?';
    const without = await reasoner.ask({ sceneId, question: q });
    expect(without.answered).toBe(false);
    const answer = await reasoner.ask({ sceneId, question: q }, undefined, perception);
    expect(answer.answered).toBe(true);
    const perceived = answer.trace.filter((s) => s.step === 'perceive');
    expect(perceived.length).toBeGreaterThan(0);
    // Perception said nothing went wrong: the steps carry no note.
    expect(perceived.every((s) => /\(\d+ ms\)$/.test(formatStep(s)))).toBe(true);
    expect(answer.sceneChanged).toBe(true);
    const stored = (await (await openSceneLibrary(kv)).load(sceneId)).mosaic;
    expect(stored.objects.map((o) => o.label)).toContain('refrigerator');
    expect(stored.trajectory.length).toBeGreaterThan(4);
  }, 60_000);

  it('gives prompts to the open-vocabulary detector, and goes on without it once it fails', async () => {
    const asked: string[][] = [];
    let fail = false;
    const openVocab: OpenVocabEngine = {
      load: async () => undefined,
      detect: async (image, names) => {
        asked.push([...names]);
        if (fail) throw new Error('model files missing');
        return [{ label: names[0], score: 0.6, box: [10, 10, 40, 40] }];
      },
      label: () => 'fake OWLv2',
      dispose: async () => undefined,
    };
    const { perception, sceneId } = await built({ openVocab: () => openVocab });
    const found = await perception.perceiveSceneFrames({ sceneId, frames: [5, 6], prompts: ['piano'] });
    expect(asked).toEqual([['piano'], ['piano']]);
    expect(found?.perceived).toEqual([0, 5, 6, 10, 20, 30]);
    expect(found?.notes).toEqual(['looked for piano with fake OWLv2: piano in 2 frames']);
    fail = true;
    const failed = await perception.perceiveSceneFrames({ sceneId, frames: [7, 8], prompts: ['piano'] });
    expect(asked).toHaveLength(3);
    expect(failed?.perceived).toEqual([0, 5, 6, 7, 8, 10, 20, 30]);
    expect(failed?.notes).toEqual([
      'open-vocabulary detector failed (fake OWLv2: model files missing); closed-set detections only',
    ]);
    const later = await perception.perceiveSceneFrames({ sceneId, frames: [9], prompts: ['piano'] });
    expect(asked).toHaveLength(3);
    expect(later?.notes?.[0]).toMatch(/^no open-vocabulary detector \(fake OWLv2: model files missing\)/);
  }, 60_000);

  it('holds nothing for a scene it did not build', async () => {
    const { perception } = await built();
    expect(await perception.perceiveSceneFrames({ sceneId: 'elsewhere', frames: [1] })).toBeNull();
  }, 60_000);
});
