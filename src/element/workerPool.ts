import type { Remote } from 'comlink';
import { wrapWorker, type WorkerClient } from '../runtime/workerClient';
import { AbortError } from '../runtime/errors';
import type { PerceptionApi, PerceptionConfig } from '../runtime/PerceptionApi';
import type { ReasonerApi, ReasonerConfig } from '../runtime/ReasonerApi';
import { PerceptionSupervisor } from '../runtime/supervisor/PerceptionSupervisor';
import { ReasonerSupervisor } from '../runtime/supervisor/ReasonerSupervisor';
import type { WorkerRestart } from '../runtime/supervisor/WorkerSupervisor';

/**
 * The workers behind `<spatial-mosaic>` elements: one perception and one reasoner worker for every element on a
 * page (models load once), each under the app's watchdog (a crashed worker is replaced and the elements say
 * so). The reasoner is stateless per question, so questions from several elements take turns on it, each with
 * its own element's settings. The perception worker holds one scene's fusion state, so it is lent: a demo build
 * borrows it for the build (others wait their turn), a live mosaic fed by `addFrame` keeps it while it lives,
 * and an element that needs a scene while another keeps the shared one gets a worker of its own for that scene.
 */

/** What a pool creates a worker client from (a page: `new Worker(…)`; tests: an in-thread service). */
export interface WorkerClientFactories {
  perception(): WorkerClient<PerceptionApi>;
  reasoner(): WorkerClient<ReasonerApi>;
}

/** Worker scripts a host page owns: each function returns a new module Worker running the package's handler. */
export interface WorkerScripts {
  /** A worker that calls `handlePerceptionWorker()` from `spatial-mosaic/worker/perception`. */
  perception(): Worker;
  /** A worker that calls `handleReasonerWorker()` from `spatial-mosaic/worker/reasoner`. */
  reasoner(): Worker;
}

export interface WorkerPoolOptions {
  /** How long a busy worker may stay silent before it counts as dead (ms); default 30 s (perception), 60 s (reasoner). */
  readonly heartbeatMs?: { readonly perception?: number; readonly reasoner?: number };
}

/** A perception worker lent to one element for one scene; `release()` hands it back (safe twice). */
export interface PerceptionLease {
  readonly api: Remote<PerceptionApi>;
  release(): void;
}

export type LeaseUse = 'build' | 'live';

/** Backend, models URL and network permission: what an element applies to the workers it uses. */
export type WorkerSettings = Partial<PerceptionConfig> & Partial<ReasonerConfig>;
type Settings = WorkerSettings;

export class WorkerPool {
  readonly perception: WorkerClient<PerceptionApi>;
  readonly reasoner: WorkerClient<ReasonerApi>;
  private readonly restartListeners = new Set<(r: WorkerRestart) => void>();
  /** Who holds the shared perception worker's scene, and for what. */
  private holder?: { use: LeaseUse; released: Promise<void> };
  private asking: Promise<unknown> = Promise.resolve();
  /** Each asker's question waiting or running, so its newer question replaces it (latest wins, per element). */
  private readonly pendingAsk = new Map<object, { abort(): void }>();
  private readonly dedicated = new Set<WorkerClient<PerceptionApi>>();
  private users = 0;

  constructor(
    private readonly factories: WorkerClientFactories,
    private readonly options: WorkerPoolOptions = {},
  ) {
    this.perception = this.supervisePerception();
    this.reasoner = new ReasonerSupervisor({
      create: () => factories.reasoner(),
      heartbeatMs: options.heartbeatMs?.reasoner ?? 60_000,
      onRestart: (r) => this.announce(r),
    }).client();
  }

  /** Calls `listener` on every restart of a worker of this pool; returns the unsubscribe function. */
  onRestart(listener: (restart: WorkerRestart) => void): () => void {
    this.restartListeners.add(listener);
    return () => void this.restartListeners.delete(listener);
  }

  /** An element starts using the pool; `detach` when it is removed (the last one out stops the workers). */
  attach(): () => void {
    this.users++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--this.users === 0) this.terminate();
    };
  }

  /**
   * The shared perception worker for one scene, configured with `settings`. A build waits while another build
   * holds it; when a live mosaic holds it, the caller gets a dedicated worker, stopped on release.
   */
  async lease(use: LeaseUse, settings: Settings): Promise<PerceptionLease> {
    while (this.holder?.use === 'build') await this.holder.released;
    if (this.holder) return this.dedicatedLease(settings);
    let release!: () => void;
    const holder = { use, released: new Promise<void>((r) => (release = r)) };
    this.holder = holder;
    try {
      await this.perception.api.configure(perceptionSettings(settings));
    } catch (e) {
      this.holder = undefined;
      release();
      throw e;
    }
    return {
      api: this.perception.api,
      release: () => {
        if (this.holder === holder) this.holder = undefined;
        release();
      },
    };
  }

  /**
   * Runs one question on the shared reasoner after the ones already asked, with the asker's settings applied
   * first. A newer question from the same `asker` replaces its waiting or running one (AbortError).
   */
  ask<T>(asker: object, settings: Settings, run: (api: Remote<ReasonerApi>) => Promise<T>): Promise<T> {
    this.pendingAsk.get(asker)?.abort();
    let aborted = false;
    let running = false;
    let rejectNow!: (e: unknown) => void;
    const stopped = new Promise<never>((_, reject) => (rejectNow = reject));
    const mine = {
      abort: () => {
        aborted = true;
        rejectNow(new AbortError('This question was replaced by a newer one.'));
        // Questions take turns, so the one running on the reasoner now is this asker's.
        if (running) void this.reasoner.api.interrupt(undefined).catch(() => undefined);
      },
    };
    this.pendingAsk.set(asker, mine);
    const turn = this.asking.then(async () => {
      if (aborted) throw new AbortError('This question was replaced by a newer one.');
      running = true;
      await this.reasoner.api.configure(reasonerSettings(settings));
      return run(this.reasoner.api);
    });
    // The next question waits for this one to settle, however it ends.
    this.asking = turn.catch(() => undefined);
    const result = Promise.race([turn, stopped]);
    stopped.catch(() => undefined);
    void result
      .finally(() => {
        if (this.pendingAsk.get(asker) === mine) this.pendingAsk.delete(asker);
      })
      .catch(() => undefined);
    return result;
  }

  /** Applies changed settings to the shared workers (each lease and question also applies its own). */
  async configure(settings: Settings): Promise<void> {
    await this.perception.api.configure(perceptionSettings(settings));
  }

  /** Stops every worker of the pool; the next use starts fresh ones. */
  terminate(): void {
    this.perception.terminate();
    this.reasoner.terminate();
    for (const c of this.dedicated) c.terminate();
    this.dedicated.clear();
  }

  private supervisePerception(): WorkerClient<PerceptionApi> {
    return new PerceptionSupervisor({
      create: () => this.factories.perception(),
      heartbeatMs: this.options.heartbeatMs?.perception ?? 30_000,
      onRestart: (r) => this.announce(r),
    }).client();
  }

  private async dedicatedLease(settings: Settings): Promise<PerceptionLease> {
    const client = this.supervisePerception();
    this.dedicated.add(client);
    const stop = () => {
      this.dedicated.delete(client);
      client.terminate();
    };
    try {
      await client.api.configure(perceptionSettings(settings));
    } catch (e) {
      stop();
      throw e;
    }
    return { api: client.api, release: stop };
  }

  private announce(restart: WorkerRestart): void {
    for (const l of [...this.restartListeners]) l(restart);
  }
}

const perceptionSettings = (s: Settings): Partial<PerceptionConfig> => ({
  ...(s.backend ? { backend: s.backend } : {}),
  ...(s.modelsBaseUrl ? { modelsBaseUrl: s.modelsBaseUrl } : {}),
  ...(s.allowNetwork !== undefined ? { allowNetwork: s.allowNetwork } : {}),
});
const reasonerSettings = perceptionSettings as (s: Settings) => Partial<ReasonerConfig>;

/** A pool over worker scripts the host owns (see `WorkerScripts`). */
export function createWorkerPool(scripts: WorkerScripts, options: WorkerPoolOptions = {}): WorkerPool {
  return new WorkerPool(
    {
      perception: () => wrapWorker<PerceptionApi>(scripts.perception(), 'perception'),
      reasoner: () => wrapWorker<ReasonerApi>(scripts.reasoner(), 'reasoner'),
    },
    options,
  );
}

let defaultScripts: (() => WorkerClientFactories) | undefined;
let defaultPool: WorkerPool | undefined;

/** Which workers the default pool starts (set once by the entry: the app build's or the package's). */
export function setDefaultWorkerFactories(factories: () => WorkerClientFactories): void {
  defaultScripts ??= factories;
}

/** The pool every element uses unless given its own (`element.workers = createWorkerPool(…)`). */
export function defaultWorkerPool(): WorkerPool {
  if (!defaultScripts)
    throw new Error(
      'spatial-mosaic: no worker scripts are set; import the element from "spatial-mosaic/element".',
    );
  defaultPool ??= new WorkerPool(defaultScripts());
  return defaultPool;
}

/**
 * Replaces the page's default pool (before the first element starts): e.g. workers the host created from its
 * own scripts, or a pool with other heartbeats.
 */
export function setDefaultWorkerPool(pool: WorkerPool): void {
  defaultPool = pool;
}
