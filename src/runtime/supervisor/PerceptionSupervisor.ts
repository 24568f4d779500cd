import type { Remote } from 'comlink';
import type { WorkerClient } from '../clients';
import type { PerceptionApi, PerceptionConfig, PerceptionFrame, ProcessFrameResult } from '../PerceptionApi';
import type { SceneMeta } from '../../storage/SceneStore';

/** The worker died (uncaught error, or it stopped answering) during a call; that call's work is lost. */
export class WorkerCrashedError extends Error {
  override name = 'WorkerCrashedError';
}

export interface PerceptionSupervisorOptions {
  readonly create: () => WorkerClient<PerceptionApi>;
  /**
   * While a call is pending the worker is pinged this often, and a ping unanswered this long means it died
   * (a closed or killed worker fires no event). Keep it above the longest synchronous stretch of a frame.
   */
  readonly heartbeatMs?: number;
  /** One line per restart, for the UI's notice area. */
  readonly onNotice?: (message: string) => void;
}

/**
 * The perception worker with a watchdog: a worker that crashes mid-frame is replaced by a fresh one, which
 * gets the last configuration and reopens the current scene from storage, so the next frames append to the
 * same scene. The frame in flight is lost (its buffers were transferred) and its call rejects with
 * WorkerCrashedError; everything committed before it stays.
 */
export class PerceptionSupervisor {
  private client?: WorkerClient<PerceptionApi>;
  private starting?: Promise<WorkerClient<PerceptionApi>>;
  private generation = 0;
  private config?: Partial<PerceptionConfig>;
  private scene?: SceneMeta;
  private crashListeners = new Set<(why: string) => void>();
  restarts = 0;
  readonly notices: string[] = [];

  constructor(private readonly opts: PerceptionSupervisorOptions) {}

  async configure(config: Partial<PerceptionConfig>): Promise<void> {
    this.config = { ...this.config, ...config };
    await this.call((api) => api.configure(config));
  }

  async openScene(init: Parameters<PerceptionApi['openScene']>[0]): Promise<SceneMeta> {
    this.scene = await this.call((api) => api.openScene(init));
    return this.scene;
  }

  async closeScene(): Promise<void> {
    this.scene = undefined;
    await this.call((api) => api.closeScene());
  }

  processFrame(frame: PerceptionFrame): Promise<ProcessFrameResult> {
    return this.call<ProcessFrameResult>((api) => api.processFrame(frame));
  }

  /** Runs one call on the current worker; if the worker dies meanwhile, restarts it and rejects. */
  async call<T>(fn: (api: Remote<PerceptionApi>) => Promise<T>): Promise<T> {
    const client = await this.current();
    const gen = this.generation;
    const hb = this.opts.heartbeatMs ?? 10_000;
    let onCrash: (why: string) => void = () => undefined;
    const died = new Promise<never>((_, reject) => {
      onCrash = (why) => reject(new WorkerCrashedError(`The perception worker crashed: ${why}.`));
    });
    this.crashListeners.add(onCrash);
    let pinging = false;
    const timer = setInterval(() => {
      if (pinging) return;
      pinging = true;
      const timeout = new Promise<false>((res) => setTimeout(() => res(false), hb));
      void Promise.race([client.api.ping().then(() => true), timeout]).then((ok) => {
        pinging = false;
        if (!ok) onCrash(`it did not answer a ping within ${hb} ms`);
      });
    }, hb);
    try {
      return await Promise.race([fn(client.api), died]);
    } catch (e) {
      if (e instanceof WorkerCrashedError) await this.restart(gen, e.message);
      throw e;
    } finally {
      clearInterval(timer);
      this.crashListeners.delete(onCrash);
    }
  }

  terminate(): void {
    this.client?.terminate();
    this.client = undefined;
    this.starting = undefined;
  }

  private current(): Promise<WorkerClient<PerceptionApi>> {
    this.starting ??= (async () => {
      const client = this.opts.create();
      client.onError?.((message) => {
        if (this.client === client) for (const l of [...this.crashListeners]) l(message);
      });
      this.client = client;
      await client.ready();
      return client;
    })();
    return this.starting;
  }

  /** Replaces the worker of generation `gen` (once, however many calls saw it die). */
  private async restart(gen: number, why: string): Promise<void> {
    if (gen !== this.generation) return;
    this.generation++;
    this.terminate();
    this.restarts++;
    const api = (await this.current()).api;
    if (this.config) await api.configure(this.config);
    if (this.scene) this.scene = await api.resumeScene(this.scene.id);
    const scene = this.scene ? ` and reopened scene "${this.scene.name}"` : '';
    const message = `${why} Restarted it${scene}; the frame in flight was not saved.`;
    this.notices.push(message);
    this.opts.onNotice?.(message);
  }
}
