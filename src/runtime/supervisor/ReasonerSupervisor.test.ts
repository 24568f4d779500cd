/**
 * The reasoner's watchdog with in-thread ReasonerServices standing in for workers: a "worker" whose crash hook
 * fires mid-question stops answering everything (as a closed worker does), the heartbeat notices, the question
 * rejects saying to ask again, and the next question is answered by a fresh worker with the same configuration.
 */
import type { Remote } from 'comlink';
import { describe, expect, it } from 'vitest';
import type { Mosaic } from '../../core/mosaic/types';
import type { WorkerClient } from '../clients';
import type { ReasonerApi } from '../ReasonerApi';
import { ReasonerService } from '../ReasonerService';
import { ReasonerSupervisor } from './ReasonerSupervisor';
import { ReasonerUnderTest, type ReasonerUnderTestApi } from '../../../e2e/harness/reasonerUnderTest';
import { WorkerCrashedError, type WorkerRestart } from './WorkerSupervisor';

const never = new Promise<never>(() => undefined);
const probe = async () =>
  ({ webgpu: { available: false, reason: 'test' }, wasm: { simd: true, threads: false } }) as never;

function fakeReasoners() {
  const started: { dead: boolean; terminated: boolean; configured: unknown[] }[] = [];
  const create = (): WorkerClient<ReasonerApi> => {
    const state = { dead: false, terminated: false, configured: [] as unknown[] };
    started.push(state);
    const service = new ReasonerUnderTest(new ReasonerService({ probe }), () => void (state.dead = true));
    const api = new Proxy(service, {
      get: (target, key) => {
        const member = Reflect.get(target, key) as unknown;
        if (typeof member !== 'function') return member;
        return (...args: unknown[]) => {
          if (state.dead || state.terminated) return never;
          if (key === 'configure') state.configured.push(args[0]);
          return (member as (...a: unknown[]) => Promise<unknown>).apply(target, args).then(
            (v) => (state.dead ? never : v),
            (e: unknown) => (state.dead ? never : Promise.reject(e)),
          );
        };
      },
    }) as unknown as Remote<ReasonerApi>;
    return { api, ready: async () => undefined, terminate: () => void (state.terminated = true) };
  };
  return { create, started };
}

const chair = (id: string, x: number) => ({
  id,
  label: 'chair',
  labels: [{ label: 'chair', weight: 1, count: 1 }],
  center: [x, 0, 0.4] as [number, number, number],
  size: [0.5, 0.5, 0.8] as [number, number, number],
  yaw: 0,
  confidence: 0.9,
  firstSeenFrame: 0,
  firstSeenTime: 0,
  lastSeenFrame: 1,
  observations: 3,
});
const mosaic: Mosaic = {
  schemaVersion: 1,
  up: [0, 0, 1],
  objects: [chair('a', 0), chair('b', 2)],
  trajectory: [],
};

describe('ReasonerSupervisor', () => {
  it('a worker killed mid-question is restarted: that question fails saying so, the next one is answered', async () => {
    const { create, started } = fakeReasoners();
    const restarts: WorkerRestart[] = [];
    const sup = new ReasonerSupervisor({ create, heartbeatMs: 30, onRestart: (r) => restarts.push(r) });
    const api = sup.client().api as Remote<ReasonerUnderTestApi>;
    await api.configure({ backend: 'wasm' });
    const steps: string[] = [];
    await api.selfTest({ kind: 'crash-next-ask' });
    const lost = api.ask({ mosaic, question: 'How many chairs are there?' }, (e) => {
      if (e.status === 'step') steps.push(e.step.step);
    });
    await expect(lost).rejects.toBeInstanceOf(WorkerCrashedError);
    await expect(lost).rejects.toThrow(
      /reasoner worker crashed \(it did not answer a ping within 30 ms\).*ask the question again/,
    );
    // It died mid-question: the trace had begun.
    expect(steps.length).toBeGreaterThan(0);
    expect(sup.restarts).toBe(1);
    expect(started.map((s) => s.terminated)).toEqual([true, false]);
    expect(restarts).toEqual([
      expect.objectContaining({
        worker: 'reasoner',
        message: expect.stringMatching(
          /^Reasoner worker crashed .* and was restarted; the question in progress was lost/,
        ),
      }),
    ]);
    // The fresh worker got the configuration the first one had.
    expect(started[1].configured).toEqual([{ backend: 'wasm' }]);
    const next = await api.ask({ mosaic, question: 'How many chairs are there?' });
    expect(next.value).toBe(2);
    expect(sup.restarts).toBe(1);
  });

  it('a worker that fails to start is forgotten, so the next call starts a fresh one', async () => {
    const { create, started } = fakeReasoners();
    let first = true;
    const sup = new ReasonerSupervisor({
      create: () => {
        const c = create();
        if (!first) return c;
        first = false;
        return { ...c, ready: async () => Promise.reject(new Error('script failed to load')) };
      },
    });
    const { api } = sup.client();
    await expect(api.ping()).rejects.toThrow(/script failed to load/);
    await expect(api.ping()).resolves.toMatchObject({ pong: true });
    expect(started.map((s) => s.terminated)).toEqual([true, false]);
  });
});
