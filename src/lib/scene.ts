import { inferUpFromTrajectory } from '../core/fusion/inferUp';
import { MosaicBuilder, type KeyframeReport } from '../core/fusion/MosaicBuilder';
import type { CameraToWorld, Intrinsics, Mat4, Vec3 } from '../core/geometry/types';
import type { Mosaic } from '../core/mosaic/types';
import type { DepthImage, Detection } from '../core/perception/types';
import type { FramePerceiver } from '../core/reasoning/interfaces';
import {
  MosaicThinker,
  type AskOptions,
  type QuestionInput,
  type ThinkResult,
  type ThinkerBudget,
} from '../core/reasoning/MosaicThinker';
import { SequencePerceiver, type DetectFrame } from '../core/reasoning/SequencePerceiver';
import { formatTrace, type TraceStep } from '../core/reasoning/trace';
import type { FileSource } from '../core/sequence/fileSource';
import { openSequence } from '../core/sequence/openSequence';
import { SequenceFormatError } from '../core/sequence/sequenceFormatError';
import { toMosaicFile } from '../storage/mosaicFile';

/**
 * The headless API: a scene is a mosaic (objects with 3D boxes, keyframe poses, occupancy) you can ask spatial
 * questions about. Make one from a mosaic file, from frames you fuse yourself, or from a sequence folder. Pure
 * TypeScript: the same in Node, a page and a worker.
 */

/** One keyframe to fuse: the camera pose, its intrinsics, metric depth and 2D detections in its pixels. */
export interface FrameInput {
  /** Frame number (first-seen order); default: one more than the last. */
  readonly frame?: number;
  /** Seconds from the start; default: frame / 30. */
  readonly time?: number;
  /** Camera-to-world, row-major 4×4, metres, OpenCV camera axes (x right, y down, z forward). */
  readonly pose: Mat4;
  readonly intrinsics: Intrinsics;
  /** Metres per pixel (0 = no depth), at the intrinsics' size. */
  readonly depth: DepthImage;
  /** Boxes in pixels `[x0, y0, x1, y1]` with a COCO label and a score. */
  readonly detections: readonly Detection[];
}

export interface SceneOptions {
  /** World up (unit vector); default +z for frames. A sequence's is inferred from its camera trajectory. */
  readonly up?: Vec3;
  /** Reasoning budget: iterations, time, prompt tokens (see `ThinkerBudget`). */
  readonly budget?: Partial<ThinkerBudget>;
  /** Where the mosaic came from, kept in the mosaic file's `source`. */
  readonly source?: Record<string, string>;
}

/** Perceives frames on demand and holds the mosaic they fuse into (a sequence's `SequencePerceiver`). */
export interface MosaicPerceiver extends FramePerceiver {
  mosaic(): Mosaic;
}

/** An answer with the steps that led to it. */
export interface SceneAnswer extends ThinkResult {
  /** The trace as text, one step a line (what `spatial-mosaic ask --trace` prints). */
  readonly traceText: string;
}

export class Scene {
  private nextFrame = 0;

  private constructor(
    private readonly current: () => Mosaic,
    private readonly builder: MosaicBuilder | undefined,
    private readonly perceiver: MosaicPerceiver | undefined,
    private readonly budget: Partial<ThinkerBudget> | undefined,
  ) {}

  /** A scene over a finished mosaic (e.g. `parseMosaicFile(text)`); `addFrame` is not available on it. */
  static fromMosaic(mosaic: Mosaic, options: Pick<SceneOptions, 'budget'> = {}): Scene {
    return new Scene(() => mosaic, undefined, undefined, options.budget);
  }

  /** An empty scene that `addFrame` fuses keyframes into. */
  static fromFrames(options: SceneOptions = {}): Scene {
    const builder = new MosaicBuilder({
      ...(options.up ? { up: options.up } : {}),
      ...(options.source ? { source: options.source } : {}),
    });
    return new Scene(() => builder.toMosaic(), builder, undefined, options.budget);
  }

  /** A scene over a sequence whose frames are fused on demand (see `openSequenceScene`). */
  static fromPerceiver(perceiver: MosaicPerceiver, options: Pick<SceneOptions, 'budget'> = {}): Scene {
    return new Scene(() => perceiver.mosaic(), undefined, perceiver, options.budget);
  }

  /** The mosaic as it is now. */
  get mosaic(): Mosaic {
    return this.current();
  }

  /** Fuses one keyframe; returns how many objects it created, merged and pruned. */
  addFrame(input: FrameInput): KeyframeReport {
    if (!this.builder)
      throw new TypeError(
        'addFrame: this scene was opened from a mosaic or a sequence; make one with Scene.fromFrames() to add frames.',
      );
    const frame = input.frame ?? this.nextFrame;
    this.nextFrame = frame + 1;
    return this.builder.addKeyframe({
      frame,
      time: input.time ?? frame / 30,
      pose: input.pose as CameraToWorld,
      intrinsics: input.intrinsics,
      depth: input.depth,
      detections: input.detections,
    });
  }

  /**
   * Answers a question (free-form, or a VSI-Bench item with `question_type` and `options`). Over a sequence the
   * reasoning loop fuses more frames where the question needs them. Rejects with a named error for a question
   * it cannot read (`QuestionParseError`).
   */
  async ask(question: string | QuestionInput, options: AskOptions = {}): Promise<SceneAnswer> {
    const thinker = new MosaicThinker({
      mosaic: this.current,
      ...(this.perceiver ? { perceiver: this.perceiver } : {}),
      ...(this.budget ? { budget: this.budget } : {}),
    });
    const result = await thinker.ask(question, options);
    return { ...result, traceText: formatTrace(result.trace as TraceStep[]) };
  }

  /** The mosaic as an ARCHITECTURE.md "Mosaic file" (JSON text). */
  toFile(): string {
    return toMosaicFile(this.current());
  }
}

export interface SequenceSceneOptions extends Pick<SceneOptions, 'budget'> {
  /** Frames fused before any question, every how many (default 4); the loop adds more where needed. */
  readonly every?: number;
  /** Detections per frame; default: the folder's detections.json. */
  readonly detect?: DetectFrame;
  /** World up; default: inferred from the camera trajectory (cameras rarely roll). */
  readonly up?: Vec3;
  /** Frame rate for first-seen times (default 30). */
  readonly fps?: number;
  readonly signal?: AbortSignal;
}

/**
 * Opens a sequence folder (ARCHITECTURE.md "Sequence folder": image/, depth/, trajectory.log, intrinsics.json,
 * detections.json) from any file source and fuses every `every`th frame. Needs trajectory.log and depth/, and
 * detections.json unless `detect` is given; throws `SequenceFormatError` naming what is missing.
 */
export async function openSequenceScene(
  source: FileSource,
  options: SequenceSceneOptions = {},
): Promise<Scene> {
  const seq = await openSequence(source);
  const lacking = [
    !seq.poses && 'trajectory.log',
    !seq.hasDepth && 'depth/',
    !seq.detections && !options.detect && 'detections.json (or a detector)',
  ].filter(Boolean);
  if (lacking.length)
    throw new SequenceFormatError(
      `reasoning over a sequence needs ${lacking.join(', ')}; the folder has none`,
    );
  const up = options.up ?? inferUpFromTrajectory(seq.poses!);
  const builder = new MosaicBuilder({
    up,
    source: { detections: options.detect ? 'detector' : 'detections.json' },
  });
  const perceiver = new SequencePerceiver(seq, builder, options.detect, options.fps);
  const every = options.every ?? 4;
  if (!Number.isInteger(every) || every <= 0)
    throw new RangeError(`every must be a positive whole number, got ${every}`);
  await perceiver.perceive(
    perceiver.framesAvailable().filter((f) => f % every === 0),
    options.signal,
  );
  return Scene.fromPerceiver(perceiver, options.budget ? { budget: options.budget } : {});
}
