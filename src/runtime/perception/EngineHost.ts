/**
 * The perception worker's engines: the configuration they are built for, the detector and depth engines
 * (built on first need, disposed when the configuration changes), their notices for the status line, and the
 * model-progress listener every load reports to.
 */
import type { ModelProgressCallback } from '../../engines/models/progress';
import { InvalidRequestError } from '../errors';
import type { EngineStatus } from '../PerceptionApi';
import {
  DEFAULT_PERCEPTION_CONFIG,
  type DepthEngine,
  type DetectorEngine,
  type OpenVocabEngine,
  type PerceptionConfig,
  type PerceptionEngineFactory,
} from './engines';

export interface EngineSet {
  readonly detector?: DetectorEngine;
  readonly depth?: DepthEngine;
}

const MAX_NOTICES = 20;

export class EngineHost {
  private config: PerceptionConfig = DEFAULT_PERCEPTION_CONFIG;
  private set?: EngineSet;
  private openVocabEngine?: OpenVocabEngine;
  private readonly notices: string[] = [];
  private watcher?: ModelProgressCallback;

  constructor(
    private readonly factory: PerceptionEngineFactory | undefined,
    /** Told whenever the engines in use change (built, or dropped with their configuration). */
    private readonly onEngines: (set: EngineSet) => void = () => undefined,
  ) {}

  /** A changed configuration disposes the engines built under the old one; the next need builds new ones. */
  async configure(config: Partial<PerceptionConfig>): Promise<void> {
    const next = { ...this.config, ...config };
    if (JSON.stringify(next) === JSON.stringify(this.config)) return;
    this.config = next;
    await this.dispose();
  }

  /** One listener for every model event from now on; a later call replaces it. */
  watch(onProgress: ModelProgressCallback): void {
    this.watcher = onProgress;
  }

  /** Model events to the caller's callback and to the watcher; a failing (released) listener is ignored. */
  progress(onProgress?: ModelProgressCallback): ModelProgressCallback {
    return (e) => {
      for (const cb of [onProgress, this.watcher]) {
        try {
          void Promise.resolve(cb?.(e)).catch(() => undefined);
        } catch {
          /* ignore */
        }
      }
    };
  }

  /** The engines for the current configuration, built on first need (cheap: models load on first use). */
  engines(): EngineSet {
    if (this.set) return this.set;
    const f = this.factory;
    const notice = (m: string) => this.notice(m);
    const set = {
      ...(f?.detector ? { detector: f.detector(this.config, notice) } : {}),
      ...(f?.depth ? { depth: f.depth(this.config, notice) } : {}),
    };
    this.set = set;
    this.onEngines(set);
    return set;
  }

  /** The open-vocabulary detector for the current configuration, built on first need (when the factory has one). */
  openVocab(): OpenVocabEngine | undefined {
    return (this.openVocabEngine ??= this.factory?.openVocab?.(this.config, (m) => this.notice(m)));
  }

  async load(kinds: readonly ('detector' | 'depth')[], onProgress?: ModelProgressCallback): Promise<void> {
    const set = this.engines();
    const progress = this.progress(onProgress);
    for (const kind of kinds) {
      const engine = set[kind];
      if (!engine)
        throw new InvalidRequestError(
          `loadModels: this perception service has no ${kind} engine; the worker builds them (use the app's worker).`,
        );
      await engine.load(progress);
    }
  }

  /** Engine labels once loaded, and the notices (fallbacks, failures), newest last. */
  status(): EngineStatus {
    return {
      ...(this.set?.detector ? { detector: this.set.detector.label() } : {}),
      ...(this.set?.depth ? { depth: this.set.depth.label() } : {}),
      notices: [...this.notices],
    };
  }

  notice(message: string): void {
    this.notices.push(message);
    if (this.notices.length > MAX_NOTICES) this.notices.shift();
  }

  async dispose(): Promise<void> {
    const set = this.set;
    const openVocab = this.openVocabEngine;
    this.set = undefined;
    this.openVocabEngine = undefined;
    this.onEngines({});
    await Promise.all([set?.detector?.dispose(), set?.depth?.dispose(), openVocab?.dispose()]);
  }
}
