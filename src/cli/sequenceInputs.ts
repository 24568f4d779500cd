import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UpView } from '../core/fusion/inferUp';
import { inferUpFromTrajectory, refineUpWithSurfaces } from '../core/fusion/inferUp';
import { isVec3, type CameraToWorld, type Vec3 } from '../core/geometry/types';
import { fileDetections, type DetectFrame } from '../core/reasoning/SequencePerceiver';
import type { Sequence } from '../core/sequence/openSequence';
import { YoloxNodeDetector } from '../engines/detector/yoloxNode';
import { ModelIntegrityError, ModelUnavailableError } from '../engines/models/modelLoader';
import { UserError } from './command';

/**
 * What `build` and `ask` (and `eval`) share about a sequence folder: where detections come from (the folder's
 * detections.json, or YOLOX-Nano run on the frames) and which way is up.
 */
export type DetectorChoice = 'file' | 'yolox';

/**
 * The models folder shipped with the package (public/models/, two folders above this module in the source
 * and in the compiled dist-lib/node/ alike), so an installed CLI finds its bundled YOLOX-Nano wherever it runs.
 */
export const DEFAULT_MODELS_DIR = fileURLToPath(new URL('../../public/models', import.meta.url));

export const DETECTOR_USAGE = `  --detector file|yolox  detections from the folder's detections.json (default when it exists) or
                         YOLOX-Nano run on the frames (default otherwise)
  --models DIR           models folder for --detector yolox (DIR/yolox-nano/yolox_nano.onnx;
                         default: the model shipped with spatial-mosaic)`;

export function parseDetectorChoice(v: string): DetectorChoice {
  if (v !== 'file' && v !== 'yolox') throw new UserError(`--detector must be file or yolox, got '${v}'`);
  return v;
}

export interface FrameDetections {
  readonly detect: DetectFrame;
  /** For the Mosaic file's `source` and progress lines. */
  readonly description: string;
  dispose(): Promise<void>;
}

/** Detections for a sequence folder: the chosen source, or detections.json when present and YOLOX otherwise. */
export function openFrameDetections(
  seq: Sequence,
  folder: string,
  choice?: DetectorChoice,
  modelsDir = DEFAULT_MODELS_DIR,
): FrameDetections {
  const use = choice ?? (seq.detections ? 'file' : 'yolox');
  if (use === 'file') {
    if (!seq.detections)
      throw new UserError(
        `${path.join(folder, 'detections.json')}: missing; give the folder a detections.json or use --detector yolox`,
      );
    return { detect: fileDetections(seq), description: 'detections.json', dispose: async () => {} };
  }
  const detector = new YoloxNodeDetector({ modelsDir });
  return {
    detect: async (frame, signal) => {
      try {
        return await detector.detect(frame.rgb, { signal });
      } catch (e) {
        // A missing or damaged model is the user's to fix: one line, no stack.
        if (e instanceof ModelUnavailableError || e instanceof ModelIntegrityError)
          throw new UserError(e.message);
        throw e;
      }
    },
    description: `yolox-nano (${path.join(modelsDir, 'yolox-nano')})`,
    dispose: () => detector.dispose(),
  };
}

/** groundtruth.json's up vector, when the folder is a generated scene. */
async function groundTruthUp(folder: string): Promise<Vec3 | undefined> {
  const text = await readFile(path.join(folder, 'groundtruth.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const up = (JSON.parse(text) as { up?: unknown }).up;
    if (isVec3(up)) return up;
  } catch {
    // fall through to the error below
  }
  throw new UserError(
    `${path.join(folder, 'groundtruth.json')}: not JSON with an "up": [x, y, z] vector; fix it or pass --up`,
  );
}

/** Depth frames read to find horizontal surfaces when up is inferred. */
const UP_VIEWS = 10;

/**
 * World up: given, else groundtruth.json's, else inferred from the camera trajectory (cameras rarely roll)
 * and, where the sequence has depth, refined with the horizontal surfaces of a few frames.
 */
export async function resolveUp(
  folder: string,
  poses: readonly (CameraToWorld | undefined)[],
  given?: Vec3,
  seq?: Sequence,
): Promise<{ up: Vec3; source: string }> {
  if (given) return { up: given, source: '--up' };
  const gt = await groundTruthUp(folder);
  if (gt) return { up: gt, source: 'groundtruth.json' };
  // A frame that could not be read or placed has no pose (undefined): it takes no part.
  const fromTrajectory = inferUpFromTrajectory(poses.filter((p): p is CameraToWorld => p !== undefined));
  if (!seq?.hasDepth || poses.length === 0)
    return { up: fromTrajectory, source: 'inferred from the camera trajectory' };
  const views: UpView[] = [];
  const count = Math.min(UP_VIEWS, poses.length);
  for (let j = 0; j < count; j++) {
    const i = Math.floor((j * poses.length) / count);
    const pose = poses[i];
    if (!pose) continue;
    const depth = await seq.readFrame(i).then(
      (f) => f.depth,
      () => undefined, // an unreadable frame was skipped (and counted) by the build
    );
    if (depth) views.push({ pose, depth, intrinsics: seq.intrinsics });
  }
  return {
    up: refineUpWithSurfaces(fromTrajectory, views),
    source: 'inferred from the camera trajectory and the horizontal surfaces in depth',
  };
}
