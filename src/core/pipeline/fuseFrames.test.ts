import { describe, expect, it } from 'vitest';
import type { CameraToWorld } from '../geometry/types';
import type { SequenceFrame } from '../sequence/openSequence';
import type { FrameSequence } from './frames';
import { everyNth, fuseFrames, PipelineStoppedError } from './index';
import { SequenceFuser } from './SequenceFuser';

const identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] as unknown as CameraToWorld;

/** A 4-frame sequence in memory; frame 2's depth "cannot be read", frame 3 has no depth. */
function tinySequence(): FrameSequence {
  const rgb = { width: 2, height: 2, data: new Uint8Array(12) };
  const depth = { width: 2, height: 2, data: new Float32Array([1, 1, 1, 1]) };
  return {
    frameCount: 4,
    frameIds: ['00000', '00001', '00002', '00003'],
    intrinsics: { width: 2, height: 2, fx: 2, fy: 2, cx: 1, cy: 1 },
    poses: [identity, identity, identity, identity],
    detections: [[{ label: 'chair', score: 0.9, box: [0, 0, 1, 1] }], [], [], []],
    async readFrame(index: number): Promise<SequenceFrame> {
      if (index === 2) throw new Error('depth/00002.png: not a PNG');
      return { index, id: this.frameIds[index], rgb, ...(index === 3 ? {} : { depth }) };
    },
  };
}

describe('fuseFrames', () => {
  it('hands every readable frame to the step in order, skips and counts the unreadable, reports progress', async () => {
    const seen: number[] = [];
    const progress: string[] = [];
    const r = await fuseFrames(tinySequence(), async (f) => (seen.push(f.index), f.index * 10), {
      frames: everyNth(4, 1),
      onFrame: (p) => void progress.push(`${p.done}/${p.total}:${p.result ?? '-'}`),
    });
    expect(seen).toEqual([0, 1, 3]);
    expect(progress).toEqual(['1/4:0', '2/4:10', '3/4:-', '4/4:30']);
    expect(r.perceived).toBe(3);
    expect(r.skipped.summary()).toBe('1 frame skipped: unreadable depth (00002)');
  });

  it('stops between frames when the signal aborts, saying how far it got', async () => {
    const ac = new AbortController();
    const seen: number[] = [];
    const run = fuseFrames(
      tinySequence(),
      async (f) => {
        seen.push(f.index);
        if (f.index === 1) ac.abort();
        return true;
      },
      { frames: [0, 1, 3], signal: ac.signal },
    );
    await expect(run).rejects.toThrow(PipelineStoppedError);
    await expect(run).rejects.toThrow('stopped after 2 of 3 keyframes');
    expect(seen).toEqual([0, 1]);
  });

  it('strict: the first unreadable frame stops the run', async () => {
    await expect(
      fuseFrames(tinySequence(), async () => true, { frames: [0, 2, 3], strict: true }),
    ).rejects.toThrow('depth/00002.png');
  });
});

describe('SequenceFuser', () => {
  it('fuses the frames with a pose and depth, with their detections, and passes the others by undetected', async () => {
    const fused: { frame: number; time: number; labels: string[] }[] = [];
    const detected: number[] = [];
    const seq = tinySequence();
    const fuser = new SequenceFuser(
      seq,
      {
        addKeyframe: (k) =>
          fused.push({ frame: k.frame, time: k.time, labels: k.detections.map((d) => d.label) }),
      },
      {
        fps: 10,
        poses: [identity, undefined, identity, identity],
        detect: async (f) => (detected.push(f.index), seq.detections![f.index]),
      },
    );
    const r = await fuser.fuse(everyNth(4, 1).filter((i) => fuser.placeable(i)));
    expect(fused).toEqual([{ frame: 0, time: 0, labels: ['chair'] }]);
    expect(detected).toEqual([0]); // frame 3 has no depth: no detector run for it
    expect(fuser.fused).toBe(1);
    expect(r.skipped.count).toBe(1);
  });
});

describe('SequenceFuser with a detector engine', () => {
  const chair = { label: 'chair', score: 0.9, box: [0, 0, 1, 1] as [number, number, number, number] };
  const { detections: _file, ...withoutFile } = tinySequence();

  it('detects through the frame step when the sequence has no detections.json', async () => {
    const labels: string[][] = [];
    let loads = 0;
    const fuser = new SequenceFuser(
      withoutFile,
      { addKeyframe: (k) => labels.push(k.detections.map((d) => d.label)) },
      {
        engines: {
          detector: { load: async () => void loads++, detect: async () => [chair], label: () => 'fake' },
        },
      },
    );
    await fuser.fuse([0, 1, 3]);
    expect(labels).toEqual([['chair'], ['chair']]); // frame 3 has no depth
    expect(loads).toBe(2);
  });

  it('a detector that fails is said once and its frames are not fused', async () => {
    const notices: string[] = [];
    let calls = 0;
    const fuser = new SequenceFuser(
      withoutFile,
      { addKeyframe: () => expect.unreachable('nothing to fuse without detections') },
      {
        engines: {
          detector: {
            load: async () => void calls++,
            detect: async () => Promise.reject(new Error('model file missing')),
            label: () => 'fake',
          },
        },
        onNotice: (m) => notices.push(m),
      },
    );
    await fuser.fuse([0, 1]);
    expect(notices).toEqual(['fake: Error: model file missing (frames go on without it)']);
    expect(calls).toBe(1);
    expect(fuser.fused).toBe(0);
  });
});
