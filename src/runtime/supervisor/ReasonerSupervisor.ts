import type { Remote } from 'comlink';
import type { ReasonerApi, ReasonerConfig } from '../ReasonerApi';
import { WorkerSupervisor, type WorkerRestart, type WorkerSupervisorOptions } from './WorkerSupervisor';

/**
 * The reasoner worker with a watchdog: a worker that dies mid-question is replaced by a fresh one with the last
 * configuration; the question in flight rejects with WorkerCrashedError saying to ask again (it is not retried
 * by itself: a question that crashed a worker may crash the next one too), and the next question is answered.
 */
export class ReasonerSupervisor extends WorkerSupervisor<ReasonerApi> {
  private config?: Partial<ReasonerConfig>;

  constructor(opts: WorkerSupervisorOptions<ReasonerApi>) {
    super('reasoner', opts);
  }

  async configure(config: Partial<ReasonerConfig>): Promise<void> {
    this.config = { ...this.config, ...config };
    await this.call((api) => api.configure(config));
  }

  protected override invoke(method: string, args: unknown[]): Promise<unknown> {
    if (method === 'configure') return this.configure(args[0] as Partial<ReasonerConfig>);
    return super.invoke(method, args);
  }

  protected override async resume(api: Remote<ReasonerApi>): Promise<WorkerRestart['scene']> {
    if (this.config) await api.configure(this.config);
    return undefined;
  }

  protected override describe(why: string): string {
    return `Reasoner worker crashed (${why}) and was restarted; the question in progress was lost: ask it again.`;
  }

  protected override lostCallMessage(why: string): string {
    return `The reasoner worker crashed (${why}) while answering and was restarted: ask the question again.`;
  }
}
