import { describe, expect, it, afterEach } from 'vitest';
import { expose, proxy, wrap, type Remote } from 'comlink';
import { installErrorTransfer } from './errorTransfer';
import { PerceptionService } from './PerceptionService';
import { ReasonerService } from './ReasonerService';
import type { PerceptionApi, PerceptionFrame } from './PerceptionApi';
import type { ReasonerApi, ReasonerEvent } from './ReasonerApi';
import type { ProgressEvent } from './progress';
import { callWithSignal, transferFrame } from './clients';
import { AbortError } from './errors';
import { SceneStore } from '../storage/SceneStore';
import { MemoryKvStore } from '../storage/kv';
import { StorageFullError } from '../storage/errors';
import { FailingKvStore, makeObject } from '../../test/storage/storeFixtures';
import { syntheticFrame } from '../../e2e/harness/syntheticFrame';
import { SelfTestError } from '../../e2e/harness/harnessErrors';
import {
  PerceptionUnderTest,
  type PerceptionUnderTestApi,
  type SelfTestResult,
} from '../../e2e/harness/perceptionUnderTest';

// The real comlink protocol over a real MessageChannel (Node's), so structured cloning, transfer, proxies and
// the error handler are exercised exactly as between a page and a worker.
const channels: MessageChannel[] = [];
function connect<T>(service: object): Remote<T> {
  installErrorTransfer();
  const ch = new MessageChannel();
  channels.push(ch);
  expose(service, ch.port1 as unknown as Parameters<typeof expose>[1]);
  return wrap<T>(ch.port2 as unknown as Parameters<typeof wrap>[0]);
}
afterEach(() => {
  for (const ch of channels.splice(0)) {
    ch.port1.close();
    ch.port2.close();
  }
});

const probe = async () => ({
  caps: { webgpu: false, shaderF16: false, fallbackAdapter: false, wasmThreads: false, node: false },
  adapter: null,
  crossOriginIsolated: false,
  hardwareConcurrency: 2,
  context: 'worker' as const,
});

const frame = (n: number): PerceptionFrame => syntheticFrame(n);

describe('PerceptionService over comlink', () => {
  it('streams ordered progress through a proxy, ending at exactly one done at 100', async () => {
    const api = connect<PerceptionUnderTestApi>(new PerceptionUnderTest({ probe }));
    const events: ProgressEvent[] = [];
    const result = await api.selfTest(
      { kind: 'progress', steps: 10 },
      proxy((e: ProgressEvent) => void events.push(e)),
    );
    expect(result).toEqual({ kind: 'progress', steps: 10 });
    await new Promise((r) => setTimeout(r, 20)); // proxied callbacks are async messages of their own
    expect(events[0].status).toBe('initiate');
    const values = events.flatMap((e) => (e.status === 'initiate' ? [] : [e.progress]));
    expect(values).toHaveLength(11);
    expect(values.every((v, i) => i === 0 || v >= values[i - 1])).toBe(true);
    expect(events.at(-1)).toMatchObject({ status: 'done', progress: 100 });
    expect(events.filter((e) => e.status === 'done')).toHaveLength(1);
  });

  it('interrupt(requestId) rejects the call with an AbortError that keeps its class and name', async () => {
    const api = connect<PerceptionUnderTestApi>(new PerceptionUnderTest({ probe }));
    const call = api.selfTest({ kind: 'wait', ms: 5000 }, undefined, { requestId: 'w1' });
    await new Promise((r) => setTimeout(r, 30));
    expect(await api.interrupt('w1')).toBe(1);
    const err = await call.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect((err as Error).name).toBe('AbortError');
    expect(await api.interrupt('w1')).toBe(0);
  });

  it('callWithSignal turns an AbortSignal into an interrupt', async () => {
    const api = connect<PerceptionUnderTestApi>(new PerceptionUnderTest({ probe }));
    const ctl = new AbortController();
    const call = callWithSignal<SelfTestResult>(
      ctl.signal,
      (id) => api.interrupt(id),
      (requestId) => api.selfTest({ kind: 'wait', ms: 5000 }, undefined, { requestId }),
    );
    setTimeout(() => ctl.abort(), 20);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    // The worker side was really interrupted: nothing is left running.
    await new Promise((r) => setTimeout(r, 20));
    expect(await api.interrupt()).toBe(0);
  });

  it('a thrown named error arrives with its name, message and class', async () => {
    const api = connect<PerceptionUnderTestApi>(new PerceptionUnderTest({ probe }));
    const err = await api.selfTest({ kind: 'throw', message: 'boom: do X instead' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SelfTestError);
    expect(err).toMatchObject({ name: 'SelfTestError', message: 'boom: do X instead' });
  });

  it('a storage error from the worker side keeps its class (StorageFullError)', async () => {
    const kv = new FailingKvStore();
    kv.writesLeft = 0;
    const api = connect<PerceptionUnderTestApi>(
      new PerceptionUnderTest({ probe, openLibrary: async () => new SceneStore(kv) }),
    );
    const err = await api
      .selfTest({
        kind: 'storage',
        sceneId: 'x',
        mosaic: { schemaVersion: 1, up: [0, 0, 1], objects: [], trajectory: [] },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as Error).message).toMatch(/storage is full/);
  });

  it('transfers frame buffers (detached on the sender), fuses, and persists each keyframe', async () => {
    const kv = new MemoryKvStore();
    const api = connect<PerceptionApi>(
      new PerceptionService({ probe, openLibrary: async () => new SceneStore(kv) }),
    );
    const meta = await api.openScene({ name: 'room', id: 'r1' });
    const f = frame(0);
    const result = await api.processFrame(transferFrame(f));
    expect(f.rgb.data.byteLength).toBe(0);
    expect(f.depth!.data.byteLength).toBe(0);
    // One middling observation is tentative: MosaicBuilder confirms such an object after three.
    expect(result).toMatchObject({ dropped: false, frame: 0, upserted: 0, objectCount: 0, sceneId: meta.id });
    if (result.dropped) throw new Error('unreachable');
    expect(result.timings.map((t) => t.stage)).toEqual(['validate', 'fuse', 'persist']);
    for (const n of [1, 2, 3]) await api.processFrame(transferFrame(frame(n)));
    const stored = await new SceneStore(kv).load('r1');
    const live = await api.mosaic();
    expect(stored.mosaic.objects).toEqual(live.objects);
    expect(stored.mosaic.occupancy).toEqual(live.occupancy);
    expect(stored.mosaic.trajectory.map((k) => k.frame)).toEqual([0, 1, 2, 3]);
    expect(stored.mosaic.objects).toHaveLength(1);
    expect(stored.mosaic.objects[0]).toMatchObject({ label: 'chair', observations: 4 });
  });

  it('after a full quota, the next keyframe that fits brings the stored objects back in step', async () => {
    const kv = new FailingKvStore();
    const api = connect<PerceptionApi>(
      new PerceptionService({ probe, openLibrary: async () => new SceneStore(kv) }),
    );
    await api.openScene({ name: 'room', id: 'q1' });
    for (const n of [0, 1]) await api.processFrame(frame(n));
    kv.writesLeft = 0;
    // Frame 2 confirms the chair (third observation): that upsert is what fails to save.
    await expect(api.processFrame(frame(2))).rejects.toBeInstanceOf(StorageFullError);
    expect((await new SceneStore(kv).load('q1')).mosaic.objects).toEqual([]);
    kv.writesLeft = Infinity;
    // Frame 3 sees nothing, so the chair does not change: only the carried-over delta can save it.
    await api.processFrame({ ...frame(3), detections: [] });
    const stored = await new SceneStore(kv).load('q1');
    expect(stored.mosaic.objects).toEqual((await api.mosaic()).objects);
    expect(stored.mosaic.objects).toHaveLength(1);
    expect(stored.mosaic.trajectory.map((k) => k.frame)).toEqual([0, 1, 3]);
  });

  it('drops frames that arrive while one is in flight instead of queueing them', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const store = new SceneStore(new MemoryKvStore());
    const slow = Object.create(store) as SceneStore;
    slow.appendKeyframe = async (...args) => {
      await gate;
      return store.appendKeyframe(...args);
    };
    const api = connect<PerceptionApi>(new PerceptionService({ probe, openLibrary: async () => slow }));
    await api.openScene({ name: 'room' });
    const first = api.processFrame(frame(0));
    await new Promise((r) => setTimeout(r, 20));
    const [second, third] = await Promise.all([api.processFrame(frame(1)), api.processFrame(frame(2))]);
    expect(second).toEqual({ dropped: true, frame: 1, reason: 'busy' });
    expect(third).toEqual({ dropped: true, frame: 2, reason: 'busy' });
    release();
    expect(await first).toMatchObject({ dropped: false, frame: 0 });
    expect(await api.processFrame(frame(3))).toMatchObject({ dropped: false, frame: 3 });
  });

  it('refuses a malformed frame with a message naming the frame and the fix', async () => {
    const api = connect<PerceptionApi>(new PerceptionService({ probe }));
    const good = frame(4);
    const bad = { ...good, intrinsics: { ...good.intrinsics, width: 128 } };
    await expect(api.processFrame(bad)).rejects.toMatchObject({
      name: 'InvalidRequestError',
      message: expect.stringMatching(/frame 4\): rgb is 96×72 but intrinsics describe 128×72/),
    });
  });

  it("refuses a depth camera's own depth that does not fit, or that comes without its camera", async () => {
    const api = connect<PerceptionApi>(new PerceptionService({ probe }));
    const good = frame(5);
    const short = { width: 96, height: 72, data: new Float32Array(10) };
    await expect(api.processFrame({ ...good, rawDepth: short })).rejects.toMatchObject({
      name: 'InvalidRequestError',
      message: expect.stringMatching(/frame 5\): the depth camera's own depth has 10 values, expected 6912/),
    });
    const whole = { width: 96, height: 72, data: new Float32Array(96 * 72) };
    await expect(api.processFrame({ ...good, rawDepth: whole })).rejects.toMatchObject({
      message: expect.stringMatching(/came without its camera/),
    });
  });

  it('reports capabilities and the backend choice per model kind', async () => {
    const api = connect<PerceptionApi>(new PerceptionService({ probe }));
    const caps = await api.capabilities('webgpu');
    expect(caps.choices.vlm).toMatchObject({ device: 'wasm', reason: expect.stringMatching(/no adapter/) });
    expect(await api.ping()).toEqual({ pong: true, context: 'node' });
  });
});

describe('ReasonerService over comlink', () => {
  const mosaic = {
    schemaVersion: 1,
    up: [0, 0, 1] as const,
    objects: [makeObject('a', 'chair', 0), makeObject('b', 'chair', 1), makeObject('c', 'table', 2)],
    trajectory: [],
  };

  it('answers a counting question exactly through the reasoning loop, streaming, done last', async () => {
    const api = connect<ReasonerApi>(new ReasonerService({ probe }));
    const events: ReasonerEvent[] = [];
    const answer = await api.ask(
      { mosaic, question: 'How many chairs are there?' },
      proxy((e: ReasonerEvent) => void events.push(e)),
    );
    expect(answer).toMatchObject({ value: 2, answered: true, objects: ['a', 'b'] });
    await new Promise((r) => setTimeout(r, 20));
    const statuses = events.map((e) => e.status);
    expect(statuses.at(-1)).toBe('done');
    expect(statuses.filter((s) => s === 'done')).toHaveLength(1);
    expect(statuses).toContain('token');
    expect(answer.trace.map((s) => s.step)).toContain('understand');
    expect(answer.trace.at(-1)?.step).toBe('answer');
  });

  // Both boxes have yaw 0.25 and size 0.5 × 1 along their own x × y. In their frame the centres differ by
  // (2·cos 0.25, −2·sin 0.25) = (1.938, −0.495); the y extents overlap, so the gap is 1.938 − 0.5 = 1.438 m.
  it('answers a distance exactly from the oriented boxes', async () => {
    const api = connect<ReasonerApi>(new ReasonerService({ probe }));
    const two = { ...mosaic, objects: [mosaic.objects[0], mosaic.objects[2]] };
    const answer = await api.ask({
      mosaic: two,
      question: 'What is the distance between the chair and the table?',
    });
    expect(answer.answered).toBe(true);
    expect(Number(answer.value)).toBeCloseTo(2 * Math.cos(0.25) - 0.5, 2);
  });

  it('answers in the units setting, highlighting exactly the instances used', async () => {
    const api = connect<ReasonerApi>(new ReasonerService({ probe }));
    const q = 'What is the distance between the chair and the table?';
    const metric = await api.ask({ mosaic, question: q });
    const imperial = await api.ask({ mosaic, question: q, units: 'imperial' });
    expect(metric.unit).toBe('m');
    expect(imperial.unit).toBe('ft');
    expect(imperial.answer).toMatch(/ ft/);
    expect(Number(imperial.value)).toBeCloseTo(Number(metric.value) / 0.3048, 0);
    // Two chairs, one table: the table and both chairs (each measured), never objects the answer did not use.
    expect([...metric.objects].sort()).toEqual(['a', 'b', 'c']);
    const biggest = await api.ask({ mosaic, question: 'what is the largest object?' });
    expect(biggest.objects).toHaveLength(1);
  });

  it("sends the answer in the ask --json shape and the trace as the core's structured steps", async () => {
    const api = connect<ReasonerApi>(new ReasonerService({ probe }));
    const a = await api.ask({ mosaic, question: 'How many chairs are there?' });
    expect(a).toMatchObject({
      answer: expect.stringMatching(/2/),
      value: 2,
      unit: null,
      kind: 'object_counting',
    });
    expect([...a.objects].sort()).toEqual(['a', 'b']);
    const steps = a.trace.map((s) => s.step);
    expect(steps).toEqual(['understand', 'coverage', 'tools', 'answer']);
    expect(a.trace[0]).toMatchObject({ step: 'understand', parsed: { task: { kind: 'object_counting' } } });
    expect(a.trace.at(-1)).toMatchObject({ step: 'answer', prediction: 2, answer: a.answer, source: 'tool' });
  });

  it('says so when it cannot answer (an object the mosaic never saw, no VLM)', async () => {
    const api = connect<ReasonerApi>(new ReasonerService({ probe }));
    const answer = await api.ask({
      mosaic,
      question: 'What is the distance between the sofa and the table?',
    });
    expect(answer.answered).toBe(false);
    expect(answer.trace.at(-1)).toMatchObject({ step: 'answer', source: 'fallback' });
  });

  it('latest request wins: a new ask aborts the running one, whose late events are never sent', async () => {
    const api = connect<ReasonerApi>(new ReasonerService({ probe, tokenDelayMs: 30 }));
    const first: ReasonerEvent[] = [];
    const slowQuestion = 'Where is the chair relative to the table when I stand by the door?';
    const a = api.ask(
      { mosaic, question: slowQuestion, requestId: 'q1' },
      proxy((e: ReasonerEvent) => void first.push(e)),
    );
    await new Promise((r) => setTimeout(r, 40));
    const b = api.ask({ mosaic, question: 'how many tables?', requestId: 'q2' });
    await expect(a).rejects.toBeInstanceOf(AbortError);
    expect(await b).toMatchObject({ value: 1 });
    expect(first.some((e) => e.status === 'done')).toBe(false);
  });

  it('refuses an empty question with a clear named error', async () => {
    const api = connect<ReasonerApi>(new ReasonerService({ probe }));
    await expect(api.ask({ mosaic, question: '  ' })).rejects.toMatchObject({ name: 'InvalidRequestError' });
  });
});
