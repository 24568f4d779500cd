import { describe, expect, it } from 'vitest';
import type { Detection, RgbImage } from '../../core/perception/types';
import type { EstimatedDepth } from '../../engines/depth/types';
import { AbortError } from '../errors';
import type { PerceptionFrame } from '../PerceptionApi';
import { syntheticFrame } from '../../../e2e/harness/syntheticFrame';
import type { DepthEngine, DetectorEngine } from './engines';
import { FramePipeline, resampleDepth } from './FramePipeline';

const K = { width: 96, height: 72, fx: 60, fy: 60, cx: 47.5, cy: 35.5 };
const rgb = (): RgbImage => ({ width: 96, height: 72, data: new Uint8Array(96 * 72 * 3) });

function fakeDetector(dets: Detection[], opts: { failLoad?: boolean } = {}) {
  const calls = { load: 0, detect: 0 };
  const engine: DetectorEngine = {
    load: async () => {
      calls.load++;
      if (opts.failLoad)
        throw Object.assign(new Error('yolox_nano.onnx is not at /models (404)'), {
          name: 'ModelUnavailableError',
        });
    },
    detect: async () => {
      calls.detect++;
      return dets;
    },
    label: () => 'YOLOX-Nano (wasm)',
    dispose: async () => undefined,
  };
  return { engine, calls };
}

/** Relative disparity 2 everywhere: any scale fit maps it to one depth for the whole frame. */
function fakeDepth(): DepthEngine {
  return {
    load: async () => undefined,
    estimate: async (im): Promise<EstimatedDepth> => ({
      width: im.width / 2,
      height: im.height / 2,
      data: new Float32Array((im.width / 2) * (im.height / 2)).fill(2),
      scale: 'relative-disparity',
    }),
    label: () => 'Depth Anything V2 (wasm q8)',
    dispose: async () => undefined,
  };
}

const bare = (n: number, extra: Partial<PerceptionFrame> = {}): PerceptionFrame => ({
  frame: n,
  time: n / 30,
  rgb: rgb(),
  intrinsics: K,
  ...extra,
});

// A 0.9 m chair (TYPICAL_HEIGHT_M) 30 px tall with fy = 60 is 60·0.9/30 = 1.8 m away.
const CHAIR: Detection = { label: 'chair', score: 0.8, box: [30, 20, 50, 50] };

describe('FramePipeline', () => {
  it('passes through what the frame brings and runs no engine', async () => {
    const det = fakeDetector([CHAIR]);
    const p = new FramePipeline({ detector: det.engine, depth: fakeDepth() });
    const f = syntheticFrame(0);
    const out = await p.perceive(f);
    expect(out.detections).toBe(f.detections);
    expect(out.depth).toBe(f.depth);
    expect(out.pose).toBe(f.pose);
    expect(out.sources).toEqual({
      detections: { source: 'frame' },
      depth: { source: 'frame' },
      pose: { source: 'frame' },
    });
    expect(out.timings).toEqual([]);
    expect(det.calls).toEqual({ load: 0, detect: 0 });
  });

  it('detects with the engine when the frame has no detections, and says which engine', async () => {
    const det = fakeDetector([CHAIR]);
    let t = 0;
    const p = new FramePipeline({ detector: det.engine }, () => (t += 5));
    const { detections, ...f } = syntheticFrame(0);
    expect(detections).toHaveLength(1);
    const out = await p.perceive(f);
    expect(out.detections).toEqual([CHAIR]);
    expect(out.sources.detections).toEqual({ source: 'detector', engine: 'YOLOX-Nano (wasm)' });
    expect(out.timings).toEqual([{ stage: 'detect', ms: 5 }]);
  });

  it('a detector that fails to load is reported once and skipped on later frames', async () => {
    const det = fakeDetector([], { failLoad: true });
    const notices: string[] = [];
    const p = new FramePipeline({ detector: det.engine }, undefined, (m) => notices.push(m));
    const a = await p.perceive(bare(0));
    const b = await p.perceive(bare(1));
    expect(a.sources.detections).toEqual({
      source: 'none',
      why: 'YOLOX-Nano (wasm): ModelUnavailableError: yolox_nano.onnx is not at /models (404)',
    });
    expect(b.sources.detections).toEqual(a.sources.detections);
    expect(det.calls.load).toBe(1);
    expect(notices).toHaveLength(1);
  });

  it('scales estimated depth by object-size priors, then reuses the fit when no known object is in view', async () => {
    const p = new FramePipeline({ detector: fakeDetector([CHAIR]).engine, depth: fakeDepth() });
    const out = await p.perceive(bare(0));
    expect(out.sources.depth).toEqual({
      source: 'estimated',
      engine: 'Depth Anything V2 (wasm q8)',
      scale: 'object sizes',
    });
    expect(out.depth?.width).toBe(48);
    expect(out.depth?.data[0]).toBeCloseTo(1.8, 6);
    // No pose came with the frame: odometry runs on the estimated depth (resampled to the image).
    expect(out.timings.map((s) => s.stage)).toEqual(['detect', 'depth', 'pose']);
    expect(out.sources.pose.source).toBe('odometry');
    // Next frame: only an object without a size prior; the previous fit still holds.
    const later = await p.perceive(
      bare(1, { detections: [{ label: 'kite', score: 0.9, box: [1, 1, 9, 9] }] }),
    );
    expect(later.sources.depth).toMatchObject({ source: 'estimated', scale: 'previous frame' });
    expect(later.depth?.data[5]).toBeCloseTo(1.8, 6);
  });

  it('with a given pose, has no metric depth before any object of known size was seen', async () => {
    const p = new FramePipeline({ detector: fakeDetector([]).engine, depth: fakeDepth() });
    const pose = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    const out = await p.perceive(bare(0, { pose }));
    expect(out.depth).toBeUndefined();
    expect(out.sources.depth).toMatchObject({
      source: 'none',
      why: expect.stringMatching(/no object of known size/),
    });
  });

  it('a camera frame with no pose and no depth: estimated depth at an assumed scale, then odometry on it', async () => {
    const p = new FramePipeline({ detector: fakeDetector([]).engine, depth: fakeDepth() });
    p.reset([0, 0, 1]);
    const out = await p.perceive(bare(0));
    expect(out.sources).toEqual({
      detections: { source: 'detector', engine: 'YOLOX-Nano (wasm)' },
      depth: { source: 'estimated', engine: 'Depth Anything V2 (wasm q8)', scale: 'assumed room scale' },
      pose: { source: 'odometry', tracked: true },
    });
    // Disparity 2 everywhere → the assumed 2 m median everywhere.
    expect(out.depth?.data[7]).toBeCloseTo(2, 6);
    expect(out.pose).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1]);
    expect(out.timings.map((s) => s.stage)).toEqual(['detect', 'depth', 'pose']);
    // A chair later gives a measured scale; the source says so.
    const later = await p.perceive(bare(1, { detections: [CHAIR] }));
    expect(later.sources.depth).toMatchObject({ scale: 'object sizes' });
    expect(later.sources.pose.source).toBe('odometry');
  });

  it('without a depth model a camera frame stays 2D, and the pose says why', async () => {
    const p = new FramePipeline({ detector: fakeDetector([CHAIR]).engine });
    const out = await p.perceive(bare(0));
    expect(out.pose).toBeUndefined();
    expect(out.sources.depth).toEqual({ source: 'none', why: 'no depth model configured' });
    expect(out.sources.pose).toEqual({
      source: 'none',
      why: 'no pose given and no depth for odometry (no depth model configured)',
    });
  });

  it('tracks the pose with RGB-D odometry when only depth is given; the first pose is level in a z-up world', async () => {
    const p = new FramePipeline();
    p.reset([0, 0, 1]);
    const { pose: _p0, ...f0 } = syntheticFrame(0);
    const { pose: _p1, ...f1 } = syntheticFrame(1);
    const a = await p.perceive(f0);
    const b = await p.perceive(f1);
    expect(a.pose).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1]);
    expect(a.sources.pose).toEqual({ source: 'odometry', tracked: true });
    expect(b.sources.pose.source).toBe('odometry');
    expect(b.timings.map((s) => s.stage)).toEqual(['pose']);
    // No depth and no pose: nothing to track with.
    const c = await p.perceive(bare(2, { detections: [] }));
    expect(c.pose).toBeUndefined();
    expect(c.sources.pose.source).toBe('none');
  });

  it('an abort during detection rejects with AbortError', async () => {
    const ctl = new AbortController();
    const engine: DetectorEngine = {
      ...fakeDetector([]).engine,
      detect: async () => {
        ctl.abort(new AbortError());
        throw new AbortError();
      },
    };
    const p = new FramePipeline({ detector: engine });
    await expect(p.perceive(bare(0), { signal: ctl.signal })).rejects.toBeInstanceOf(AbortError);
  });

  it('resamples depth to the image by nearest neighbour', () => {
    const d = { width: 2, height: 1, data: new Float32Array([1, 3]) };
    expect([...resampleDepth(d, 4, 2).data]).toEqual([1, 1, 3, 3, 1, 1, 3, 3]);
    expect(resampleDepth(d, 2, 1)).toBe(d);
  });
});
