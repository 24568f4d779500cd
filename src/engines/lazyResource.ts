/**
 * The one load-once, dispose-any-time holder for an engine or its model: concurrent load() calls share one load
 * (the first caller's argument, e.g. its progress callback, is the one used), a failed load is forgotten so that
 * a retry starts afresh, and dispose() during a load releases what that load produces. After dispose() the next
 * load() starts a new one.
 */
export class LazyResource<T, A = void> {
  private pending: Promise<T> | null = null;
  private value: T | null = null;

  constructor(
    private readonly create: (arg: A) => Promise<T>,
    private readonly release: (value: T) => Promise<unknown>,
  ) {}

  /** The loaded value, or null before load / after dispose. */
  get current(): T | null {
    return this.value;
  }

  load(arg: A): Promise<T> {
    if (!this.pending) {
      const p: Promise<T> = this.create(arg).then(
        (v) => {
          if (this.pending === p) this.value = v;
          return v;
        },
        (err: unknown) => {
          if (this.pending === p) this.pending = null;
          throw err;
        },
      );
      this.pending = p;
    }
    return this.pending;
  }

  async dispose(): Promise<void> {
    const p = this.pending;
    this.pending = null;
    this.value = null;
    const v = await p?.catch(() => null);
    if (v) await this.release(v);
  }
}
