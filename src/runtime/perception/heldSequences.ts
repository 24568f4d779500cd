/**
 * The reasoning loop's "more frames" in the browser. A sequence folder is built from a subset of its frames
 * (at most 120 keyframes); the perception worker keeps the opened folder (File handles, no pixels) and the fuser
 * of each scene it built this session, so that a question about objects the map lacks can have more frames of
 * that sequence perceived and fused into the same stored scene. Only sequences with their own poses are held:
 * a frame can then be placed on its own, in any order (odometry needs the frames in sequence).
 */
import type { Detection } from '../../core/perception/types';
import type { Sequence, SequenceFrame } from '../../core/sequence/openSequence';
import { SkippedFrames } from '../../core/sequence/skippedFrames';
import { fuseFrames, sequenceFrame } from '../../core/pipeline';
import type { SceneStore } from '../../storage/SceneStore';
import { AbortError, isAbortError } from '../errors';
import type { FrameFuser } from '../MosaicBuilderFuser';
import type { SceneFrames } from '../PerceptionApi';
import type { OpenVocabEngine } from './engines';
import type { FramePipeline } from './FramePipeline';

interface Held {
  readonly seq: Sequence;
  readonly fuser: FrameFuser;
  readonly fps: number;
  readonly perceived: Set<number>;
}

export interface HeldPerceiveContext {
  readonly pipeline: FramePipeline;
  readonly store: SceneStore;
  /** The open-vocabulary detector for `prompts`, when this worker has one. */
  readonly openVocab?: () => OpenVocabEngine | undefined;
  readonly prompts?: readonly string[];
  readonly signal?: AbortSignal;
  /** Runs one frame while this worker's frame slot is held (live frames arriving meanwhile are dropped). */
  readonly slot: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** Scenes built this session whose frames stay available; the oldest is let go beyond this many. */
const MAX_HELD = 3;
/** Open-vocabulary boxes below this score are not fused (OWLv2 scores are low; 0.1 is its usual cut). */
const OPEN_VOCAB_THRESHOLD = 0.15;

export class HeldSequences {
  private readonly held = new Map<string, Held>();
  /** Why the open-vocabulary detector cannot run (said once per failure, then skipped). */
  private openVocabFailed?: string;

  /** Keeps a built scene's sequence and fuser; `perceived` are the frames already fused into it. */
  hold(sceneId: string, seq: Sequence, fuser: FrameFuser, perceived: Iterable<number>, fps = 30): void {
    if (!seq.poses) return;
    this.held.delete(sceneId);
    this.held.set(sceneId, { seq, fuser, fps, perceived: new Set(perceived) });
    for (const id of this.held.keys()) if (this.held.size > MAX_HELD) this.held.delete(id);
  }

  forget(sceneId: string): void {
    this.held.delete(sceneId);
  }

  /** A new open-vocabulary engine (new configuration) gets a fresh chance. */
  resetOpenVocab(): void {
    this.openVocabFailed = undefined;
  }

  /** What is held for the scene, or null when nothing is. */
  state(sceneId: string, notes: readonly string[] = []): SceneFrames | null {
    const h = this.held.get(sceneId);
    if (!h) return null;
    const poses = h.seq.poses ?? [];
    const available = Array.from({ length: h.seq.frameCount }, (_, i) => i).filter((i) => !!poses[i]);
    return {
      available,
      perceived: [...h.perceived].sort((a, b) => a - b),
      objectCount: h.fuser.objectCount,
      ...(notes.length ? { notes } : {}),
    };
  }

  /**
   * Perceives the asked frames (those held and not yet fused) and appends each to the stored scene as a
   * keyframe. `prompts` go to the open-vocabulary detector, whose boxes join the frame's own detections.
   */
  async perceive(
    sceneId: string,
    frames: readonly number[],
    ctx: HeldPerceiveContext,
  ): Promise<SceneFrames | null> {
    const h = this.held.get(sceneId);
    if (!h) return null;
    const notes: string[] = [];
    const prompts = [...new Set((ctx.prompts ?? []).map((p) => p.trim()).filter(Boolean))];
    const openVocab = prompts.length ? this.openVocabFor(ctx, notes) : undefined;
    const found = new Map<string, number>();
    const todo = [...new Set(frames)]
      .filter((f) => Number.isInteger(f) && f >= 0 && f < h.seq.frameCount && !!h.seq.poses?.[f])
      .filter((f) => !h.perceived.has(f))
      .sort((a, b) => a - b);
    // The pipeline core's loop: reads each frame (an unreadable one becomes a note), stops between frames.
    const skipped = new SkippedFrames();
    const perceiveOne = (read: SequenceFrame): Promise<boolean> =>
      ctx.slot(async () => {
        const f = read.index;
        const frame = sequenceFrame(h.seq, read, f / h.fps);
        const p = await ctx.pipeline.perceive(frame, { signal: ctx.signal });
        let named: Detection[] = [];
        if (openVocab && !this.openVocabFailed) {
          named = await openVocab
            .detect(read.rgb, prompts, { signal: ctx.signal })
            .then((ds) => ds.filter((d) => d.score >= OPEN_VOCAB_THRESHOLD))
            .catch((e: Error) => {
              if (isAbortError(e) || ctx.signal?.aborted) throw e;
              this.openVocabFailed = `${openVocab.label()}: ${e.message}`;
              notes.push(
                `open-vocabulary detector failed (${this.openVocabFailed}); closed-set detections only`,
              );
              return [];
            });
          for (const d of named) found.set(d.label, (found.get(d.label) ?? 0) + 1);
        }
        const detections = [...p.detections, ...named];
        const why = !p.pose
          ? 'no pose'
          : !p.depth
            ? `no depth: ${p.sources.depth.source === 'none' ? p.sources.depth.why : 'none'}`
            : detections.length === 0 && p.sources.detections.source === 'none'
              ? `no detections: ${p.sources.detections.why}`
              : undefined;
        if (why || !p.pose || !p.depth) {
          notes.push(`frame ${f} not fused (${why})`);
          return false;
        }
        // Past this point the scene changes: the frame runs to its commit.
        const delta = h.fuser.fuse({
          frame: f,
          time: frame.time,
          pose: p.pose,
          intrinsics: frame.intrinsics,
          depth: p.depth,
          detections,
        });
        h.perceived.add(f);
        await ctx.store.appendKeyframe(sceneId, delta, h.fuser.objectCount);
        return true;
      });
    await fuseFrames(h.seq, perceiveOne, {
      frames: todo,
      skipped,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      stopped: () => abortReason(ctx.signal),
      onFrame: ({ index, result }) => {
        if (result === undefined)
          notes.push(`frame ${index} could not be read (${skipped.frames.at(-1)?.message ?? 'unknown'})`);
      },
    });
    if (openVocab && !this.openVocabFailed)
      notes.push(
        `looked for ${prompts.join(', ')} with ${openVocab.label()}: ` +
          (found.size
            ? [...found].map(([l, n]) => `${l} in ${n} frame${n === 1 ? '' : 's'}`).join(', ')
            : 'not found'),
      );
    return this.state(sceneId, notes);
  }

  private openVocabFor(ctx: HeldPerceiveContext, notes: string[]): OpenVocabEngine | undefined {
    if (this.openVocabFailed) {
      notes.push(`no open-vocabulary detector (${this.openVocabFailed})`);
      return undefined;
    }
    const engine = ctx.openVocab?.();
    if (!engine) notes.push('no open-vocabulary detector in this worker; closed-set detections only');
    return engine;
  }
}

/** The signal's own AbortError when it carries one (an interrupt), else a new one. */
const abortReason = (signal: AbortSignal | undefined): AbortError =>
  signal?.reason instanceof AbortError ? signal.reason : new AbortError();
