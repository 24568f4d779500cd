import { inferUpFromTrajectory } from '../../core/fusion/inferUp';
import { isVec3, type Vec3 } from '../../core/geometry/types';
import { openSequence, type FileSource } from '../../core/sequence';
import type { Sequence } from '../../core/sequence/openSequence';
import { InvalidRequestError } from '../errors';
import type { FrameSources } from '../frameSources';
import { blobFileSource } from './blobFileSource';
import type { FrameSink } from './frameSink';
import { describeSequenceSources, fuseSequence } from './fuseSequence';
import type { BuildResult, BuildSequenceRequest, BuildUpdateCallback } from './types';

const DEFAULT_MAX_KEYFRAMES = 120;
/** The growing mosaic goes to the page about once a second (its view shows no more often). */
const MOSAIC_REFRESH_MS = 1000;

export interface SequenceJobOptions {
  readonly signal?: AbortSignal;
  readonly onUpdate?: BuildUpdateCallback;
  /** The opened folder, for a caller that keeps it to perceive more of its frames later (HeldSequences). */
  readonly onSequence?: (seq: Sequence) => void;
}

/**
 * A picked sequence folder, opened, decoded and fused in the perception worker. The page posts the File
 * objects (handles, not bytes); each frame's JPEG/PNG is read and decoded here, so the page never spends
 * the 50–260 ms per frame that decoding took on its thread.
 */
export async function buildSequence(
  perception: FrameSink,
  request: BuildSequenceRequest,
  opts: SequenceJobOptions = {},
): Promise<BuildResult> {
  if (!request.files?.length)
    throw new InvalidRequestError(`${request.name}: no files posted — pick a sequence folder with image/.`);
  const files = blobFileSource(request.files);
  const seq = await openSequence(files);
  opts.onSequence?.(seq);
  // World up: a generated scene says (groundtruth.json); otherwise infer it from how the camera was held.
  const up = (await groundTruthUp(files)) ?? (seq.poses ? inferUpFromTrajectory(seq.poses) : undefined);
  const label = `Fusing ${request.name}`;
  let sceneId = '';
  const update = opts.onUpdate ?? (() => undefined);
  const max = Math.max(1, request.maxKeyframes ?? DEFAULT_MAX_KEYFRAMES);
  let done = 0;
  let planned = 0;
  let perceivedBy: string | undefined;
  let sources: FrameSources | undefined;
  const said = () => ({
    ...(perceivedBy ? { perception: perceivedBy } : {}),
    ...(sources ? { sources } : {}),
  });
  const result = await fuseSequence(seq, perception, {
    name: request.name,
    ...(up ? { up } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    // Until sequences go through the keyframe selector too: at most `max` keyframes, spread evenly.
    stride: Math.ceil(seq.frameCount / max),
    refreshMs: MOSAIC_REFRESH_MS,
    onScene: (id) => (sceneId = id),
    onSources: (s) => {
      sources = s;
      perceivedBy = describeSequenceSources(s);
    },
    onFrame: (d, total) => {
      [done, planned] = [d, total];
      update({ label, done, total, sceneId, ...said() });
    },
    onMosaic: (mosaic) =>
      update({
        label,
        done,
        total: planned,
        sceneId,
        mosaic,
        ...said(),
      }),
  });
  return {
    sceneId: result.sceneId,
    name: request.name,
    mosaic: result.mosaic,
    keyframes: result.keyframes,
    ...(result.skipped ? { partial: result.skipped } : {}),
    ...(up ? { up } : {}),
    ...said(),
  };
}

/** A generated scene's groundtruth.json says which way is up. */
export async function groundTruthUp(files: FileSource): Promise<Vec3 | undefined> {
  const path = files.list().find((p) => p === 'groundtruth.json' || p.endsWith('/groundtruth.json'));
  if (!path) return undefined;
  try {
    const gt = JSON.parse(new TextDecoder().decode(await files.read(path))) as { up?: unknown };
    const up = gt.up;
    return isVec3(up) ? up : undefined;
  } catch {
    return undefined;
  }
}
