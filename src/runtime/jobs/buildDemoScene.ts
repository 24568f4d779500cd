import { streamScene } from '../../core/synthetic/generateScene';
import { DEMO_SCENE_OPTIONS } from '../../core/synthetic/sceneFiles';
import type { Vec3 } from '../../core/geometry/types';
import type { PerceptionFrame, SceneEnd } from '../frames';
import type { FrameSink } from './frameSink';
import { AbortError } from '../errors';
import { yieldToEvents } from './fuseSequence';
import type { BuildResult, BuildUpdateCallback } from './types';

export const DEMO_SCENE_NAME = 'Demo scene';
export { DEMO_SCENE_ID } from './types';
/** The generated room's world frame is z up (generateScene's ground truth). */
const DEMO_UP: Vec3 = [0, 0, 1];

export interface DemoJobOptions {
  readonly signal?: AbortSignal;
  readonly onUpdate?: BuildUpdateCallback;
  /** Send the mosaic to the page every this many keyframes (and at the end). */
  readonly refreshEvery?: number;
  /**
   * Store it under this id, replacing an earlier build there (the app's one library entry, DEMO_SCENE_ID);
   * without it a fresh id (the web component deletes its demo once shown).
   */
  readonly sceneId?: string;
}

/**
 * The built-in demo scene, rendered and fused frame by frame in the perception worker: each frame goes
 * straight from the renderer into fusion (no PNG round trip), and the page gets progress and the growing
 * mosaic. Rendering the 60 frames is ~1.5 s of CPU that used to block the page.
 */
export async function buildDemoScene(
  perception: FrameSink,
  opts: DemoJobOptions = {},
): Promise<BuildResult> {
  const stream = streamScene(DEMO_SCENE_OPTIONS);
  const total = stream.frameCount;
  const every = Math.max(1, opts.refreshEvery ?? 5);
  const label = `Fusing ${DEMO_SCENE_NAME}`;
  await perception.reset();
  const scene = await perception.openScene({
    name: DEMO_SCENE_NAME,
    ...(opts.sceneId ? { id: opts.sceneId, replace: true } : {}),
    up: [...DEMO_UP],
  });
  const update = opts.onUpdate ?? (() => undefined);
  update({ label, done: 0, total, sceneId: scene.id });
  let done = 0;
  let end: SceneEnd = { discard: true }; // a build that fails leaves nothing behind
  try {
    for (const f of stream.frames()) {
      await yieldToEvents();
      if (opts.signal?.aborted)
        throw new AbortError(`${DEMO_SCENE_NAME}: stopped after ${done} of ${total} keyframes`);
      const frame: PerceptionFrame = {
        frame: f.index,
        time: f.time,
        rgb: f.rgb,
        depth: f.depth,
        pose: f.pose,
        intrinsics: stream.intrinsics,
        detections: f.detections,
      };
      const r = await perception.processFrame(frame);
      if (r.dropped)
        throw new Error(`frame ${f.index} was dropped: the perception worker is busy with another job`);
      done++;
      const refresh = done % every === 0 && done < total;
      update({
        label,
        done,
        total,
        sceneId: scene.id,
        ...(refresh ? { mosaic: await perception.mosaic() } : {}),
      });
    }
    end = {};
  } catch (e) {
    if ((e as Error).name === 'AbortError') {
      end = { partial: `stopped after ${done} of ${total} keyframes` };
      update({ label, done, total, sceneId: scene.id, mosaic: await perception.mosaic() });
    }
    throw e;
  } finally {
    await perception.closeScene(end);
  }
  const mosaic = await perception.mosaic();
  update({ label, done, total, sceneId: scene.id, mosaic });
  return { sceneId: scene.id, name: DEMO_SCENE_NAME, mosaic, keyframes: done, up: DEMO_UP };
}
