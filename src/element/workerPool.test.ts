import type { Remote } from 'comlink';
import { describe, expect, it } from 'vitest';
import type { WorkerClient } from '../runtime/workerClient';
import type { PerceptionApi } from '../runtime/PerceptionApi';
import type { ReasonerApi } from '../runtime/ReasonerApi';
import { WorkerPool } from './workerPool';

/**
 * The pool over in-thread fakes that record what reached them: how many workers were started, which settings
 * each question ran with, and in what order questions ran.
 */
function fakes() {
  const log: string[] = [];
  let perceptionStarted = 0;
  let reasonerStarted = 0;
  let terminated = 0;
  const gates = new Map<string, () => void>();
  /** Each started worker's uncaught-error hook, as a real Worker's `error` event would call it. */
  const crash: ((message: string) => void)[] = [];
  const client = <T>(api: object): WorkerClient<T> => ({
    api: api as Remote<T>,
    ready: async () => undefined,
    terminate: () => void terminated++,
    onError: (listener) => void crash.push(listener),
  });
  const pool = new WorkerPool({
    perception: () => {
      const n = ++perceptionStarted;
      return client<PerceptionApi>({
        ping: async () => ({ pong: true }),
        configure: async (c: { modelsBaseUrl?: string }) =>
          void log.push(`p${n} configure ${c.modelsBaseUrl}`),
      });
    },
    reasoner: () => {
      reasonerStarted++;
      let base = '';
      let running: ((e: Error) => void) | undefined;
      return client<ReasonerApi>({
        ping: async () => ({ pong: true }),
        configure: async (c: { modelsBaseUrl: string }) => void (base = c.modelsBaseUrl),
        interrupt: async () => {
          running?.(Object.assign(new Error('interrupted'), { name: 'AbortError' }));
          return 1;
        },
        ask: (req: { question: string }) =>
          new Promise((resolve, reject) => {
            log.push(`start ${req.question} @${base}`);
            running = reject;
            gates.set(req.question, () => {
              log.push(`end ${req.question}`);
              resolve({ text: req.question });
            });
          }),
      });
    },
  });
  const open = async (question: string) => {
    while (!gates.has(question)) await new Promise((r) => setTimeout(r, 1));
    gates.get(question)!();
  };
  return {
    pool,
    log,
    open,
    crash,
    counts: () => ({ perceptionStarted, reasonerStarted, terminated }),
  };
}

const settings = (base: string) => ({ backend: 'wasm' as const, modelsBaseUrl: base, allowNetwork: false });
const ask = (pool: WorkerPool, asker: object, base: string, question: string) =>
  pool.ask(asker, settings(base), (api) => api.ask({ mosaic: undefined as never, question }));

describe('WorkerPool', () => {
  it('questions from two elements take turns on one reasoner, each with its own settings, none aborted', async () => {
    const { pool, log, open, counts } = fakes();
    const [a, b] = [{}, {}];
    const qa = ask(pool, a, '/a/', 'qa');
    const qb = ask(pool, b, '/b/', 'qb');
    await open('qa');
    await open('qb');
    await expect(qa).resolves.toEqual({ text: 'qa' });
    await expect(qb).resolves.toEqual({ text: 'qb' });
    expect(log).toEqual(['start qa @/a/', 'end qa', 'start qb @/b/', 'end qb']);
    expect(counts().reasonerStarted).toBe(1);
  });

  it("an element's newer question replaces its own waiting or running one", async () => {
    const { pool, log, open } = fakes();
    const [a, b] = [{}, {}];
    const first = ask(pool, a, '/a/', 'first');
    while (!log.includes('start first @/a/')) await new Promise((r) => setTimeout(r, 1));
    const other = ask(pool, b, '/b/', 'other');
    const waiting = ask(pool, b, '/b/', 'waiting');
    const second = ask(pool, a, '/a/', 'second');
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    await expect(other).rejects.toMatchObject({ name: 'AbortError' });
    await open('waiting');
    await open('second');
    await expect(waiting).resolves.toEqual({ text: 'waiting' });
    await expect(second).resolves.toEqual({ text: 'second' });
    expect(log.filter((l) => l.startsWith('start'))).toEqual([
      'start first @/a/',
      'start waiting @/b/',
      'start second @/a/',
    ]);
  });

  it('lends the shared perception worker: builds take turns, a second live mosaic gets a worker of its own', async () => {
    const { pool, log, counts } = fakes();
    const build = await pool.lease('build', settings('/a/'));
    let second = false;
    const waiting = pool.lease('build', settings('/b/')).then((l) => ((second = true), l));
    await new Promise((r) => setTimeout(r, 5));
    expect(second).toBe(false); // waits while the first build holds the worker
    build.release();
    build.release(); // safe twice
    const next = await waiting;
    expect(next.api).toBe(build.api);
    next.release();

    const live = await pool.lease('live', settings('/a/'));
    const other = await pool.lease('live', settings('/b/'));
    expect(other.api).not.toBe(live.api);
    expect(counts().perceptionStarted).toBe(2);
    expect(log).toContain('p2 configure /b/');
    const before = counts().terminated;
    other.release();
    expect(counts().terminated).toBe(before + 1); // the dedicated worker stops with its scene
    live.release();
    const again = await pool.lease('live', settings('/a/'));
    expect(again.api).toBe(live.api);
  });

  it('replaces a worker that crashes mid-question and tells every listener', async () => {
    const { pool, log, open, crash, counts } = fakes();
    const heard: string[] = [];
    pool.onRestart((r) => heard.push(`${r.worker}: ${r.message}`));
    const stop = pool.onRestart((r) => heard.push(`second listener: ${r.worker}`));
    const lost = ask(pool, {}, '/a/', 'lost');
    while (!log.includes('start lost @/a/')) await new Promise((r) => setTimeout(r, 1));
    crash.at(-1)!('out of memory');
    await expect(lost).rejects.toMatchObject({ name: 'WorkerCrashedError' });
    expect(counts().reasonerStarted).toBe(2);
    expect(heard).toEqual([
      expect.stringMatching(/^reasoner: .*out of memory.*ask it again/),
      'second listener: reasoner',
    ]);
    stop();
    const next = ask(pool, {}, '/a/', 'next');
    await open('next');
    await expect(next).resolves.toEqual({ text: 'next' });
  });

  it('stops its workers when the last element leaves', async () => {
    const { pool, counts } = fakes();
    const leaveA = pool.attach();
    const leaveB = pool.attach();
    await pool.perception.ready();
    await pool.reasoner.ready();
    leaveA();
    leaveA();
    expect(counts().terminated).toBe(0);
    leaveB();
    expect(counts().terminated).toBe(2);
  });
});
