import type { Remote } from 'comlink';
import type { PerceptionApi, PerceptionConfig, PerceptionFrame, ProcessFrameResult } from '../PerceptionApi';
import type { SceneMeta } from '../../storage/SceneStore';
import {
  WorkerCrashedError,
  WorkerSupervisor,
  type WorkerRestart,
  type WorkerSupervisorOptions,
} from './WorkerSupervisor';

export { WorkerCrashedError };

export type PerceptionSupervisorOptions = WorkerSupervisorOptions<PerceptionApi>;

/**
 * The perception worker with a watchdog: a worker that crashes mid-frame is replaced by a fresh one, which
 * gets the last configuration and reopens the current scene from storage, so the next frames append to the
 * same scene. The frame in flight is lost (its buffers were transferred) and its call rejects with
 * WorkerCrashedError; everything committed before it stays. Its `client()` tracks configure / openScene /
 * resumeScene / closeScene / reset made through it, so the app's plain calls are resumed the same way.
 */
export class PerceptionSupervisor extends WorkerSupervisor<PerceptionApi> {
  private config?: Partial<PerceptionConfig>;
  private scene?: SceneMeta;

  constructor(opts: PerceptionSupervisorOptions) {
    super('perception', opts);
  }

  async configure(config: Partial<PerceptionConfig>): Promise<void> {
    this.config = { ...this.config, ...config };
    await this.call((api) => api.configure(config));
  }

  async openScene(init: Parameters<PerceptionApi['openScene']>[0]): Promise<SceneMeta> {
    this.scene = await this.call((api) => api.openScene(init));
    return this.scene;
  }

  async resumeScene(id: string): Promise<SceneMeta> {
    this.scene = await this.call((api) => api.resumeScene(id));
    return this.scene;
  }

  async closeScene(): Promise<void> {
    this.scene = undefined;
    await this.call((api) => api.closeScene());
  }

  async reset(): Promise<void> {
    this.scene = undefined;
    await this.call((api) => api.reset());
  }

  processFrame(...args: Parameters<PerceptionApi['processFrame']>): Promise<ProcessFrameResult> {
    return this.call<ProcessFrameResult>((api) => api.processFrame(...(args as [PerceptionFrame])));
  }

  protected override invoke(method: string, args: unknown[]): Promise<unknown> {
    switch (method) {
      case 'configure':
        return this.configure(args[0] as Partial<PerceptionConfig>);
      case 'openScene':
        return this.openScene(args[0] as Parameters<PerceptionApi['openScene']>[0]);
      case 'resumeScene':
        return this.resumeScene(args[0] as string);
      case 'closeScene':
        return this.closeScene();
      case 'reset':
        return this.reset();
      default:
        return super.invoke(method, args);
    }
  }

  protected override async resume(api: Remote<PerceptionApi>): Promise<WorkerRestart['scene']> {
    if (this.config) await api.configure(this.config);
    if (!this.scene) return undefined;
    this.scene = await api.resumeScene(this.scene.id);
    return { id: this.scene.id, name: this.scene.name, keyframes: this.scene.commit.keyframes };
  }

  protected override describe(why: string, scene: WorkerRestart['scene']): string {
    const resumed = scene ? `; reopened scene "${scene.name}", resumed at keyframe ${scene.keyframes}` : '';
    return `Perception worker crashed (${why}) and was restarted${resumed}. The frame in flight was not saved.`;
  }

  protected override lostCallMessage(why: string): string {
    return `The perception worker crashed (${why}) during this call and was restarted; the frame in flight was not saved.`;
  }
}
