import type { Remote } from 'comlink';
import type { WorkerClient } from '../clients';

/** The worker died (uncaught error, or it stopped answering) during a call; that call's work is lost. */
export class WorkerCrashedError extends Error {
  override name = 'WorkerCrashedError';
}

export type SupervisedWorker = 'perception' | 'reasoner';

/** One restart, for the UI's notice (role=status) and the tests. */
export interface WorkerRestart {
  readonly worker: SupervisedWorker;
  /** Why it was judged dead ("it did not answer a ping within 500 ms", or the uncaught error). */
  readonly reason: string;
  /** The scene the fresh worker continues, with its committed keyframe count (perception only). */
  readonly scene?: { readonly id: string; readonly name: string; readonly keyframes: number };
  /** One line for people: what happened and what was lost. */
  readonly message: string;
}

export interface WorkerSupervisorOptions<T> {
  readonly create: () => WorkerClient<T>;
  /**
   * While a call is pending the worker is pinged this often, and a ping unanswered this long means it died
   * (a closed or killed worker fires no event). Keep it above the longest synchronous stretch of a call.
   */
  readonly heartbeatMs?: number;
  /** Runs on every fresh worker (the first and each replacement) before any call reaches it. */
  readonly setUp?: (api: Remote<T>) => Promise<void>;
  readonly onRestart?: (restart: WorkerRestart) => void;
  /** One line per restart (same text as `WorkerRestart.message`). */
  readonly onNotice?: (message: string) => void;
}

type Pingable = { ping(): Promise<unknown> };

/**
 * A worker with a watchdog: a worker that dies during a call (an uncaught error, or silence past a heartbeat) is
 * replaced by a fresh one, the call in flight rejects with WorkerCrashedError, and later calls go to the new one.
 * Subclasses restore their state on the new worker (`resume`). `client()` is a WorkerClient whose every method
 * call goes through the watchdog, so code written against a plain client gets the restarts for free.
 */
export class WorkerSupervisor<T extends Pingable> {
  private worker?: WorkerClient<T>;
  private starting?: Promise<WorkerClient<T>>;
  private generation = 0;
  private crashListeners = new Set<(why: string) => void>();
  private restarting?: Promise<void>;
  restarts = 0;
  readonly notices: string[] = [];
  readonly history: WorkerRestart[] = [];
  /** Settable (tests shorten it to see a silent death quickly). */
  heartbeatMs: number;

  constructor(
    readonly kind: SupervisedWorker,
    protected readonly opts: WorkerSupervisorOptions<T>,
  ) {
    this.heartbeatMs = opts.heartbeatMs ?? 10_000;
  }

  /** Runs one call on the current worker; if the worker dies meanwhile, restarts it and rejects. */
  async call<R>(fn: (api: Remote<T>) => Promise<R>): Promise<R> {
    // A call made while a replacement is being set up waits for it (its state restored first).
    await this.restarting;
    const client = await this.current();
    const gen = this.generation;
    const hb = this.heartbeatMs;
    let onCrash: (why: string) => void = () => undefined;
    const died = new Promise<never>((_, reject) => {
      onCrash = (why) => reject(new WorkerCrashedError(why));
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
      if (e instanceof WorkerCrashedError) {
        const why = e.message;
        await this.restart(gen, why);
        throw new WorkerCrashedError(this.lostCallMessage(why));
      }
      throw e;
    } finally {
      clearInterval(timer);
      this.crashListeners.delete(onCrash);
    }
  }

  /** A WorkerClient over this supervisor: `api.x(...)` is `call((api) => api.x(...))`, plus `intercept`. */
  client(): WorkerClient<T> & { readonly supervisor: WorkerSupervisor<T> } {
    const api = new Proxy(
      {},
      {
        get: (_target, key) => {
          // Not thenable (an awaited client must not look like a promise), no symbol members.
          if (typeof key !== 'string' || key === 'then') return undefined;
          return (...args: unknown[]) => this.invoke(key, args);
        },
      },
    ) as Remote<T>;
    return {
      api,
      supervisor: this,
      ready: async () => void (await this.current()),
      terminate: () => this.terminate(),
    };
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.starting = undefined;
  }

  /** Routes a method call of `client().api`; subclasses track state-changing calls here. */
  protected invoke(method: string, args: unknown[]): Promise<unknown> {
    return this.call((api) =>
      (api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method](...args),
    );
  }

  /** Restores state on a fresh worker after a crash; returns what was resumed, for the notice. */
  protected async resume(_api: Remote<T>): Promise<WorkerRestart['scene']> {
    return undefined;
  }

  /** The notice's line for a restart. */
  protected describe(why: string, _scene: WorkerRestart['scene']): string {
    return `The ${this.kind} worker crashed (${why}) and was restarted.`;
  }

  /** The message of the WorkerCrashedError the call in flight rejects with. */
  protected lostCallMessage(why: string): string {
    return `The ${this.kind} worker crashed (${why}) and was restarted; this call's work was lost.`;
  }

  private current(): Promise<WorkerClient<T>> {
    this.starting ??= (async () => {
      const client = this.opts.create();
      client.onError?.((message) => {
        if (this.worker === client) for (const l of [...this.crashListeners]) l(message);
      });
      this.worker = client;
      try {
        await client.ready();
        await this.opts.setUp?.(client.api);
      } catch (e) {
        // A worker that fails to start is forgotten, so a retry starts a fresh one.
        if (this.worker === client) this.terminate();
        throw e;
      }
      return client;
    })();
    return this.starting;
  }

  /** Replaces the worker of generation `gen` (once, however many calls saw it die). */
  private async restart(gen: number, why: string): Promise<void> {
    if (gen !== this.generation) return this.restarting;
    this.generation++;
    this.terminate();
    this.restarts++;
    const p: Promise<void> = this.replace(why).finally(() => {
      if (this.restarting === p) this.restarting = undefined;
    });
    this.restarting = p;
    return p;
  }

  private async replace(why: string): Promise<void> {
    let scene: WorkerRestart['scene'];
    let failed = '';
    try {
      scene = await this.resume((await this.current()).api);
    } catch (e) {
      // The next call retries the start; the notice says the state was not restored.
      failed = ` Restoring its state failed: ${(e as Error)?.name}: ${(e as Error)?.message}.`;
    }
    const message = this.describe(why, scene) + failed;
    const restart: WorkerRestart = { worker: this.kind, reason: why, ...(scene ? { scene } : {}), message };
    this.history.push(restart);
    this.notices.push(message);
    this.opts.onRestart?.(restart);
    this.opts.onNotice?.(message);
  }
}
