import { describe, expect, it } from 'vitest';
import type { CameraToWorld } from '../../core/geometry/types';
import type { Sequence } from '../../core/sequence/openSequence';
import { PerceptionService } from '../PerceptionService';
import { MemoryKvStore, openSceneLibrary } from '../../storage';
import { describeSequenceSources, fuseSequence, UnsupportedSequenceError } from './fuseSequence';

const W = 32;
const H = 24;
const K = { width: W, height: H, fx: 30, fy: 30, cx: 15.5, cy: 11.5 };
const identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] as unknown as CameraToWorld;

/** Depth of a wall 3 m away with an object 2 m away filling the detection box. */
function boxInFrontOfWall(): Float32Array {
  const d = new Float32Array(W * H).fill(3);
  for (let v = 8; v < 18; v++) for (let u = 10; u < 22; u++) d[v * W + u] = 2;
  return d;
}

/** A still camera looking at a wall with an object in front of it, detected as "chair" in every frame. */
function fakeSequence(frames: number, parts: Partial<Sequence> = {}): Sequence {
  return {
    frameCount: frames,
    frameIds: Array.from({ length: frames }, (_, i) => String(i).padStart(5, '0')),
    width: W,
    height: H,
    intrinsics: K,
    intrinsicsGuessed: false,
    hasDepth: true,
    poses: Array.from({ length: frames }, () => identity),
    detections: Array.from({ length: frames }, () => [
      { label: 'chair', score: 0.9, box: [10, 8, 22, 18] as const },
    ]),
    readFrame: async (index) => ({
      index,
      id: String(index).padStart(5, '0'),
      rgb: { width: W, height: H, data: new Uint8Array(W * H * 3) },
      depth: { width: W, height: H, data: boxInFrontOfWall() },
    }),
    ...parts,
  };
}

const service = (kv = new MemoryKvStore()) =>
  new PerceptionService({
    openLibrary: () => openSceneLibrary(kv),
    probe: async () => {
      throw new Error('not probed in this test');
    },
  });

describe('fuseSequence', () => {
  it('fuses every frame into a stored scene, reporting progress in order and ending at the total', async () => {
    const kv = new MemoryKvStore();
    const progress: number[] = [];
    const refreshes: number[] = [];
    const { sceneId, mosaic } = await fuseSequence(fakeSequence(7), service(kv), {
      name: 'wall',
      refreshEvery: 3,
      onFrame: (done, total) => {
        expect(total).toBe(7);
        progress.push(done);
      },
      onMosaic: (m) => refreshes.push(m.trajectory.length),
    });
    expect(progress).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // The first keyframe's map at once (the screen shows the scene being built), then every 3, then the end.
    expect(refreshes).toEqual([1, 3, 6, 7]);
    expect(mosaic.trajectory).toHaveLength(7);
    // Which objects fusion keeps is fusion's business (its own tests); here: every keyframe reached it.
    const stored = await (await openSceneLibrary(kv)).load(sceneId);
    expect(stored.meta.name).toBe('wall');
    expect(stored.mosaic.trajectory).toHaveLength(7);
  });

  it('stops between frames when the signal fires, and shows what was fused', async () => {
    const ac = new AbortController();
    const shown: number[] = [];
    const p = fuseSequence(fakeSequence(10), service(), {
      name: 'wall',
      signal: ac.signal,
      refreshEvery: 100,
      onFrame: (done) => done === 2 && ac.abort(),
      onMosaic: (m) => shown.push(m.trajectory.length),
    });
    await expect(p).rejects.toMatchObject({
      name: 'AbortError',
      message: 'wall: stopped after 2 of 10 keyframes',
    });
    // The first keyframe's map, then the partial mosaic (2 keyframes) still reaches the view.
    expect(shown).toEqual([1, 2]);
  });

  it('a failure midway (storage full) keeps what was stored, marked partial; a refused folder leaves nothing', async () => {
    const kv = new MemoryKvStore();
    const svc = service(kv);
    const process = svc.processFrame.bind(svc);
    svc.processFrame = async (frame, ...rest) => {
      if (frame.frame === 3) throw new Error('Browser storage is full while saving the scene');
      return process(frame, ...rest);
    };
    await expect(fuseSequence(fakeSequence(6), svc, { name: 'full' })).rejects.toThrow(/storage is full/);
    const [meta] = await (await openSceneLibrary(kv)).list();
    expect(meta).toMatchObject({
      name: 'full',
      commit: { keyframes: 3 },
      partial: 'ended after 3 of 6 keyframes: Browser storage is full while saving the scene',
    });
  });

  it('with refreshMs, sends the growing mosaic at most that often (the first keyframe at once, and the end)', async () => {
    let t = 0;
    const shown: number[] = [];
    await fuseSequence(fakeSequence(7), service(), {
      name: 'wall',
      refreshMs: 1000,
      now: () => (t += 400), // every reading of the clock is 400 ms later
      onMosaic: (m) => shown.push(m.trajectory.length),
    });
    expect(shown).toEqual([1, 4, 7]);
  });

  it('with a stride, fuses every Nth frame under its own frame number', async () => {
    const progress: string[] = [];
    const { mosaic } = await fuseSequence(fakeSequence(7), service(), {
      name: 'wall',
      stride: 3,
      onFrame: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
    expect(mosaic.trajectory.map((k) => k.frame)).toEqual([0, 3, 6]);
  });

  it('names what a sequence lacks that the pipeline cannot supply', async () => {
    await expect(
      fuseSequence(fakeSequence(2, { poses: undefined, hasDepth: false }), service(), { name: 'x' }),
    ).rejects.toThrow(/x: no trajectory\.log and no depth\/ folder/);
    // No detections.json and no detector in this (Node) service: refused after the first keyframe, by name.
    const noDetections = fuseSequence(fakeSequence(2, { detections: undefined }), service(), { name: 'x' });
    await expect(noDetections).rejects.toBeInstanceOf(UnsupportedSequenceError);
    await expect(noDetections).rejects.toThrow(
      /x: the folder has no detections\.json and the object detector could not run/,
    );
  });

  it("says where perception came from: the folder, or the worker's engines", () => {
    expect(
      describeSequenceSources({
        detections: { source: 'frame' },
        depth: { source: 'frame' },
        pose: { source: 'frame' },
      }),
    ).toBe('detections.json from the folder; trajectory.log');
    expect(
      describeSequenceSources({
        detections: { source: 'detector', engine: 'YOLOX-Nano (wasm)' },
        depth: { source: 'frame' },
        pose: { source: 'odometry', tracked: true },
      }),
    ).toBe('YOLOX-Nano (wasm); poses by RGB-D odometry');
  });
});
