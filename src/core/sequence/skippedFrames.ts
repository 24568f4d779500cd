import type { Sequence, SequenceFrame } from './openSequence';

/**
 * Bad frames do not stop a sequence: a frame whose image or depth cannot be read or decoded is skipped and
 * counted, and the run says so at the end ("2 frames skipped: unreadable depth (00003, 00007)"). The CLI's
 * `--strict` stops at the first one instead. Shared by the app's worker job and the CLI build.
 */
export type SkipReason =
  'unreadable image' | 'unreadable depth' | 'image of another size' | 'depth of another size';

export interface SkippedFrame {
  readonly id: string;
  readonly reason: SkipReason;
  /** The reader's own message (names the file and what is wrong). */
  readonly message: string;
}

/** Why a frame could not be read, from the error its read threw (messages start with the file's path). */
export function skipReasonOf(message: string): SkipReason {
  const depth = /^depth\//.test(message);
  if (/ is \d+×\d+ but /.test(message)) return depth ? 'depth of another size' : 'image of another size';
  return depth ? 'unreadable depth' : 'unreadable image';
}

export class SkippedFrames {
  readonly frames: SkippedFrame[] = [];

  get count(): number {
    return this.frames.length;
  }

  /**
   * Reads frame `index`; a frame that cannot be read is recorded and `undefined` comes back. `strict` rethrows
   * instead. An index outside the sequence is a caller's bug, never a bad frame: it always throws.
   */
  async read(
    seq: Pick<Sequence, 'readFrame' | 'frameIds'>,
    index: number,
    strict = false,
  ): Promise<SequenceFrame | undefined> {
    try {
      return await seq.readFrame(index);
    } catch (e) {
      if (strict || e instanceof RangeError) throw e;
      const message = e instanceof Error ? e.message : String(e);
      this.frames.push({ id: seq.frameIds[index] ?? String(index), reason: skipReasonOf(message), message });
      return undefined;
    }
  }

  /** "3 frames skipped: unreadable depth (00003, 00007), unreadable image (00012)"; undefined when none was. */
  summary(maxIds = 5): string | undefined {
    if (this.count === 0) return undefined;
    const byReason = new Map<SkipReason, string[]>();
    for (const f of this.frames) byReason.set(f.reason, [...(byReason.get(f.reason) ?? []), f.id]);
    const parts = [...byReason].map(([reason, ids]) => {
      const shown = ids.slice(0, maxIds).join(', ');
      return `${reason} (${ids.length > maxIds ? `${shown} and ${ids.length - maxIds} more` : shown})`;
    });
    return `${this.count} ${this.count === 1 ? 'frame' : 'frames'} skipped: ${parts.join(', ')}`;
  }
}
