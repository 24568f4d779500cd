import type { Vec3 } from '../../core/geometry/types';
import type { Mosaic } from '../../core/mosaic/types';
import type { FrameSources } from '../frameSources';

/**
 * Worker-side jobs that build a whole scene (the demo, a sequence folder): the heavy work — rendering or
 * decoding frames, fusing, storing — runs in the perception worker, and the page only receives updates.
 */
export interface BuildUpdate {
  /** What the job is doing now, in words ("Fusing Demo scene"). */
  readonly label: string;
  /** Keyframes fused so far, of how many will be. */
  readonly done: number;
  readonly total: number;
  /** The stored scene's id, as soon as it exists. */
  readonly sceneId?: string;
  /** The fused mosaic so far: every few keyframes, when stopped, and at the end. */
  readonly mosaic?: Mosaic;
  /** Where detections, depth and poses come from, in words, once the first keyframe says. */
  readonly perception?: string;
  /** The same, as data (which engines ran), for the header's Models. */
  readonly sources?: FrameSources;
}

/** The demo is stored under one fixed id: opening it again reopens (or rebuilds) that entry, never a second one. */
export const DEMO_SCENE_ID = 'demo-scene';

export type BuildUpdateCallback = (update: BuildUpdate) => void;

export interface BuildResult {
  readonly sceneId: string;
  readonly name: string;
  readonly mosaic: Mosaic;
  readonly keyframes: number;
  readonly up?: Vec3;
  /** Where detections, depth and poses came from, in words (see BuildUpdate.perception). */
  readonly perception?: string;
  readonly sources?: FrameSources;
  /** What the stored scene lacks, when it is not all that was asked for ("1 frame skipped: unreadable depth (00003)"). */
  readonly partial?: string;
}

/** One file of a picked sequence folder: its path inside the folder and the File (a Blob: posting it copies no bytes). */
export interface SequenceFileEntry {
  readonly path: string;
  readonly file: Blob;
}

export interface BuildSequenceRequest {
  readonly name: string;
  readonly files: readonly SequenceFileEntry[];
  /** At most this many evenly spaced keyframes (default 120): fusion cost grows with the frames fed. */
  readonly maxKeyframes?: number;
}
