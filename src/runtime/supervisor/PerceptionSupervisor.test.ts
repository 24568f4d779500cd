/**
 * The supervisor with in-thread PerceptionServices standing in for workers: a "worker" whose crash hook fires
 * stops answering everything (as a closed worker does), the heartbeat notices, a new one takes over the
 * configuration and the scene, and the later frames append to that same stored scene.
 */
import type { Remote } from 'comlink';
import { describe, expect, it } from 'vitest';
import { MemoryKvStore, openSceneLibrary } from '../../storage';
import type { WorkerClient } from '../clients';
import type { PerceptionApi } from '../PerceptionApi';
import { SYNTHETIC_UP, syntheticFrame } from '../../../e2e/harness/syntheticFrame';
import { PerceptionSupervisor, WorkerCrashedError } from './PerceptionSupervisor';
import { PerceptionUnderTest, type PerceptionUnderTestApi } from '../../../e2e/harness/perceptionUnderTest';

const never = new Promise<never>(() => undefined);

/**
 * A fake worker: calls go to a PerceptionService (behind the e2e harness's crash hook) until the hook runs;
 * after that nothing answers.
 */
function fakeWorkers(kv: MemoryKvStore) {
  const started: { terminated: boolean }[] = [];
  const create = (): WorkerClient<PerceptionApi> => {
    const state = { dead: false, terminated: false };
    started.push(state);
    const service = new PerceptionUnderTest({
      openLibrary: () => openSceneLibrary(kv),
      crash: () => void (state.dead = true),
    });
    const api = new Proxy(service, {
      get: (target, key) => {
        const member = Reflect.get(target, key) as unknown;
        if (typeof member !== 'function') return member;
        return (...args: unknown[]) =>
          state.dead || state.terminated
            ? never
            : (member as (...a: unknown[]) => Promise<unknown>).apply(target, args).then(
                (v) => (state.dead ? never : v),
                (e: unknown) => (state.dead ? never : Promise.reject(e)),
              );
      },
    }) as unknown as Remote<PerceptionApi>;
    return {
      api,
      ready: async () => undefined,
      terminate: () => void (state.terminated = true),
    };
  };
  return { create, started };
}

describe('PerceptionSupervisor', () => {
  it('restarts a worker that dies mid-frame and the next frames append to the same stored scene', async () => {
    const kv = new MemoryKvStore();
    const { create, started } = fakeWorkers(kv);
    const notices: string[] = [];
    const sup = new PerceptionSupervisor({ create, heartbeatMs: 30, onNotice: (m) => notices.push(m) });
    await sup.configure({ backend: 'wasm' });
    const scene = await sup.openScene({ name: 'crashy', up: SYNTHETIC_UP });
    for (const n of [0, 1, 2]) await sup.processFrame(syntheticFrame(n));
    await sup.call<unknown>((api) =>
      (api as Remote<PerceptionUnderTestApi>).selfTest({ kind: 'crash-next-frame' }),
    );
    await expect(sup.processFrame(syntheticFrame(3))).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(sup.restarts).toBe(1);
    expect(started.map((s) => s.terminated)).toEqual([true, false]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/did not answer a ping within 30 ms.*reopened scene "crashy"/);
    const after = [];
    for (const n of [4, 5]) after.push(await sup.processFrame(syntheticFrame(n)));
    expect(after.map((r) => !r.dropped && r.sceneId)).toEqual([scene.id, scene.id]);
    const { meta, mosaic } = await (await openSceneLibrary(kv)).load(scene.id);
    expect(meta.commit.keyframes).toBe(5);
    expect(mosaic.trajectory.map((k) => k.frame)).toEqual([0, 1, 2, 4, 5]);
  });

  it('its client() tracks the scene opened through plain calls and resumes it at the last commit', async () => {
    const kv = new MemoryKvStore();
    const { create } = fakeWorkers(kv);
    const sup = new PerceptionSupervisor({ create, heartbeatMs: 30 });
    const api = sup.client().api as Remote<PerceptionUnderTestApi>;
    await api.reset();
    const scene = await api.openScene({ name: 'live', up: [...SYNTHETIC_UP] });
    for (const n of [0, 1, 2]) await api.processFrame(syntheticFrame(n));
    await api.selfTest({ kind: 'crash-next-frame' });
    await expect(api.processFrame(syntheticFrame(3))).rejects.toThrow(
      /perception worker crashed .*frame in flight was not saved/,
    );
    expect(sup.history).toEqual([
      expect.objectContaining({
        worker: 'perception',
        scene: { id: scene.id, name: 'live', keyframes: 3 },
        message: expect.stringMatching(/^Perception worker crashed .*restarted; .*resumed at keyframe 3/),
      }),
    ]);
    const r = await api.processFrame(syntheticFrame(4));
    expect(!r.dropped && r.sceneId).toBe(scene.id);
    // Closing through the client forgets the scene: a later crash resumes nothing.
    await api.closeScene();
    await api.selfTest({ kind: 'crash-next-frame' });
    await api.processFrame(syntheticFrame(5)).catch(() => undefined);
    expect(sup.history[1]?.scene).toBeUndefined();
  });

  it('treats an uncaught worker error as a crash too', async () => {
    const kv = new MemoryKvStore();
    let fire: (m: string) => void = () => undefined;
    const { create } = fakeWorkers(kv);
    const sup = new PerceptionSupervisor({
      create: () => ({ ...create(), onError: (l) => void (fire = l) }),
      heartbeatMs: 60_000,
    });
    const pending = sup.call(() => never);
    await new Promise((r) => setTimeout(r, 0));
    fire('Uncaught RangeError: boom');
    await expect(pending).rejects.toThrow(/crashed \(Uncaught RangeError: boom\)/);
    expect(sup.restarts).toBe(1);
  });
});
