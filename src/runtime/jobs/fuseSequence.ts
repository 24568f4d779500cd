import type { Vec3 } from '../../core/geometry/types';
import type { Mosaic } from '../../core/mosaic/types';
import { everyNth, fuseFrames, sequenceFrame } from '../../core/pipeline';
import type { Sequence } from '../../core/sequence/openSequence';
import { SkippedFrames } from '../../core/sequence/skippedFrames';
import type { FrameSources } from '../frameSources';
import type { PerceptionFrame, SceneEnd } from '../frames';
import type { FrameSink } from './frameSink';
import { AbortError } from '../errors';

/** A sequence the app cannot build a mosaic from yet; the message says what is missing and what to add. */
export class UnsupportedSequenceError extends Error {
  override name = 'UnsupportedSequenceError';
}

/**
 * After the first keyframe: a folder whose detections or poses the pipeline could not supply would only fill
 * the library with an empty scene, so say what is missing instead.
 */
function refuseUnperceivable(name: string, sources: FrameSources | undefined): void {
  if (sources?.detections.source === 'none')
    throw new UnsupportedSequenceError(
      `${name}: the folder has no detections.json and the object detector could not run (${sources.detections.why}). YOLOX-Nano ships with the app in public/models/yolox-nano/: run \`npm run models\` to check or restore it, then open the folder again (no restart needed); or add detections.json to the folder.`,
    );
  if (sources?.pose.source === 'none')
    throw new UnsupportedSequenceError(`${name}: no camera poses (${sources.pose.why}) — add trajectory.log`);
}

/** Where a sequence's perception came from, for the header: "YOLOX-Nano (wasm); poses by RGB-D odometry". */
export function describeSequenceSources(s: FrameSources): string {
  const detections =
    s.detections.source === 'detector' ? s.detections.engine : 'detections.json from the folder';
  const pose =
    s.pose.source === 'odometry'
      ? 'poses by RGB-D odometry'
      : s.pose.source === 'frame'
        ? 'trajectory.log'
        : 'no poses';
  const depth = s.depth.source === 'estimated' ? `; depth by ${s.depth.engine}` : '';
  return `${detections}; ${pose}${depth}`;
}

/** Lets queued messages in (an `interrupt` from the page) between frames of a long job in a worker. */
export const yieldToEvents = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** What the sequence job drives (the perception service's frame sink). */
export type SequencePerception = FrameSink;

export interface ProcessSequenceOptions {
  readonly name: string;
  /** World up, when the sequence says (a generated scene's groundtruth.json); else the service's default. */
  readonly up?: Vec3;
  readonly signal?: AbortSignal;
  /** Fetch the fused mosaic for the view every this many keyframes (and at the end). */
  readonly refreshEvery?: number;
  /**
   * Instead of every N keyframes: at most once per this many ms (and at the end). Building and posting the whole
   * mosaic costs the worker and the page; the page shows it about once a second anyway.
   */
  readonly refreshMs?: number;
  readonly now?: () => number;
  /**
   * Fuse every Nth frame as a keyframe (default 1). A stand-in for a real keyframe selector: neighbouring
   * frames of a 30 Hz sequence add little, and fusion cost grows with the frames fed.
   */
  readonly stride?: number;
  /** Capture rate, for first-seen times: sequence folders carry no timestamps (ICL-NUIM is 30 Hz). */
  readonly fps?: number;
  /** Keyframes fused so far, of how many will be. */
  readonly onFrame?: (done: number, total: number) => void;
  readonly onMosaic?: (mosaic: Mosaic) => void;
  /** The stored scene's id, as soon as it exists. */
  readonly onScene?: (sceneId: string) => void;
  /** Where the first keyframe's detections, depth and pose came from (the folder, or the worker's engines). */
  readonly onSources?: (sources: FrameSources) => void;
  /** Moves a frame's buffers instead of copying them (comlink `transfer`); identity in-thread. */
  readonly prepare?: (frame: PerceptionFrame) => PerceptionFrame;
}

/**
 * Feeds every frame of a sequence through perception + fusion into a new stored scene, one at a time (the
 * service drops frames that arrive while it is busy, so this awaits each). It runs in the perception worker
 * (buildSequence), so decoding, fusion and the IndexedDB writes all stay off the page's thread.
 */
export async function fuseSequence(
  seq: Sequence,
  perception: SequencePerception,
  opts: ProcessSequenceOptions,
): Promise<{ sceneId: string; mosaic: Mosaic; keyframes: number; skipped?: string }> {
  // What the folder lacks, the perception worker's pipeline fills: YOLOX for detections, our RGB-D odometry
  // for poses (it needs the folder's depth). Without poses and without depth nothing can be placed in 3D.
  if (!seq.poses && !seq.hasDepth)
    throw new UnsupportedSequenceError(
      `${opts.name}: no trajectory.log and no depth/ folder — add camera poses (Open3D log format), or 16-bit millimetre depth PNGs so that odometry can estimate them`,
    );
  const fps = opts.fps ?? 30;
  const every = Math.max(1, opts.refreshEvery ?? 5);
  const frames = everyNth(seq.frameCount, opts.stride ?? 1);
  const total = frames.length;
  const prepare = opts.prepare ?? ((f) => f);
  await perception.reset();
  const scene = await perception.openScene({
    name: opts.name,
    ...(opts.up ? { up: [...opts.up] as Vec3 } : {}),
  });
  opts.onScene?.(scene.id);
  // A frame that cannot be read is skipped and counted; the scene is then marked partial with what was skipped.
  const skipped = new SkippedFrames();
  let fused = 0;
  let firstShown = false;
  const now = opts.now ?? (() => performance.now());
  let lastShown = now();
  // A folder refused, or one that fails before anything was fused, leaves nothing behind.
  let end: SceneEnd = { discard: true };
  try {
    opts.onFrame?.(0, total);
    // The worker's service perceives (its detector, depth model, odometry) and fuses each frame.
    await fuseFrames(
      seq,
      async (f) => {
        const r = await perception.processFrame(prepare(sequenceFrame(seq, f, f.index / fps)));
        if (r.dropped)
          throw new Error(`frame ${f.index} was dropped: the perception worker is busy with another job`);
        if (fused++ === 0) {
          refuseUnperceivable(opts.name, r.sources);
          if (r.sources) opts.onSources?.(r.sources);
        }
        return r;
      },
      {
        frames,
        skipped,
        between: yieldToEvents,
        ...(opts.signal ? { signal: opts.signal } : {}),
        stopped: (k) => new AbortError(`${opts.name}: stopped after ${k} of ${total} keyframes`),
        onFrame: async ({ done }) => {
          opts.onFrame?.(done, total);
          // The first fused keyframe's map at once (the screen shows the scene being built), then every few.
          const first = fused > 0 && !firstShown;
          const due = opts.refreshMs !== undefined ? now() - lastShown >= opts.refreshMs : done % every === 0;
          if ((first || due) && done < total && opts.onMosaic) {
            firstShown = true;
            opts.onMosaic(await perception.mosaic());
            lastShown = now();
          }
        },
      },
    );
    if (fused === 0)
      throw new UnsupportedSequenceError(
        `${opts.name}: none of its frames could be read (${skipped.summary()}). Check the folder's image/ and depth/ files.`,
      );
    const summary = skipped.summary();
    end = summary ? { partial: summary } : {};
  } catch (e) {
    const err = e as Error;
    if (err.name === 'AbortError') {
      // Stopped: what was fused so far is stored, marked partial, and still worth showing.
      end = { partial: [err.message.replace(/^[^:]*: /, ''), skipped.summary()].filter(Boolean).join('; ') };
      opts.onMosaic?.(await perception.mosaic());
    } else if (!(err instanceof UnsupportedSequenceError) && fused > 0) {
      // Failed midway (e.g. storage full): nothing stored is lost; the scene says where and why it ended.
      end = { partial: `ended after ${fused} of ${total} keyframes: ${err.message}` };
    }
    throw e;
  } finally {
    await perception.closeScene(end);
  }
  const mosaic = await perception.mosaic();
  opts.onMosaic?.(mosaic);
  const summary = skipped.summary();
  return { sceneId: scene.id, mosaic, keyframes: fused, ...(summary ? { skipped: summary } : {}) };
}
