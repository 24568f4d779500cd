/**
 * The perception pipeline's frame queue is bounded at one: a frame that arrives while another is in flight is
 * dropped at once (reason 'busy') and not kept, so a camera pushing far faster than the detector never builds a
 * backlog in memory. The same bound the e2e load test checks in the browser (e2e/load.spec.ts), here with a fake
 * detector held busy while 3,000 frames arrive, and the process's memory measured after a full GC.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { MemoryKvStore, openSceneLibrary } from '../../storage';
import type { PerceptionFrame, ProcessFrameResult } from '../PerceptionApi';
import { PerceptionService } from '../PerceptionService';
import type { DetectorEngine } from '../perception/engines';
import { SYNTHETIC_UP, syntheticFrame } from '../../../e2e/harness/syntheticFrame';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;
const memory = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** A detector whose runs wait until `release()`; counts how many it started. */
function heldDetector() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  let runs = 0;
  const engine: DetectorEngine = {
    load: async () => undefined,
    detect: async () => {
      runs++;
      await gate;
      return [];
    },
    label: () => 'held fake detector',
    dispose: async () => undefined,
  };
  return { engine, release, runs: () => runs };
}

/** A synthetic RGB-D keyframe with pose but without detections, so the detector runs on it (~48 KB of pixels). */
function frameForDetector(n: number): PerceptionFrame {
  const { detections: _given, ...frame } = syntheticFrame(n);
  return frame;
}

describe('the perception frame queue', () => {
  it('3,000 frames while the detector is busy: one runs, the rest are dropped at once and not kept', async () => {
    const det = heldDetector();
    const svc = new PerceptionService({
      openLibrary: () => openSceneLibrary(new MemoryKvStore()),
      engines: { detector: () => det.engine },
    });
    await svc.openScene({ name: 'load', up: [...SYNTHETIC_UP] });
    const before = memory();
    const pending: Promise<ProcessFrameResult>[] = [];
    // Frames arrive as fast as they are made; nothing here keeps them once handed over.
    for (let n = 0; n < 3000; n++) pending.push(svc.processFrame(frameForDetector(n)));
    await new Promise((r) => setTimeout(r, 0));
    const during = memory();
    // 3,000 frames of 48 KB: a queue that kept them would hold ~140 MB here.
    expect((during - before) / MB).toBeLessThan(40);
    expect(det.runs()).toBe(1);
    det.release();
    const results = await Promise.all(pending);
    const dropped = results.filter((r) => r.dropped);
    expect(dropped).toHaveLength(2999);
    expect(dropped.every((r) => r.dropped && r.reason === 'busy')).toBe(true);
    expect(results[0]).toMatchObject({ dropped: false, frame: 0 });
    // After the busy one, the next frame is taken again.
    const again = svc.processFrame(frameForDetector(3000));
    await expect(again).resolves.toMatchObject({ dropped: false, frame: 3000 });
  });
});
