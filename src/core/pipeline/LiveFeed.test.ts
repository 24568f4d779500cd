import { describe, expect, it } from 'vitest';
import type { Mosaic } from '../mosaic/types';
import type { PipelineFrame } from './frames';
import { LiveFeed, type LiveFrameOutcome, type LiveStats } from './LiveFeed';

const K = { width: 64, height: 48, fx: 50, fy: 50, cx: 32, cy: 24 };
const EMPTY: Mosaic = { schemaVersion: 1, up: [0, 0, 1], objects: [], trajectory: [] };

/** An RGBA frame of random 8-pixel blocks (a new seed is a new view). */
function frame(seed: number) {
  const data = new Uint8ClampedArray(64 * 48 * 4);
  let s = seed;
  const blocks = Array.from({ length: 48 }, () => ((s = (s * 16807) % 2147483647), s % 256));
  for (let y = 0; y < 48; y++)
    for (let x = 0; x < 64; x++) {
      const v = blocks[(y >> 3) * 8 + (x >> 3)];
      data.set([v, v, v, 255], (y * 64 + x) * 4);
    }
  return { width: 64, height: 48, data };
}

function fakePerception() {
  const sent: PipelineFrame[] = [];
  let release: (() => void) | undefined;
  return {
    sent,
    finish: () => release?.(),
    api: {
      processFrame: (f: PipelineFrame): Promise<LiveFrameOutcome> => {
        sent.push(f);
        return new Promise((resolve) => {
          release = () =>
            resolve({
              dropped: false,
              frame: f.frame,
              upserted: 0,
              removed: 0,
              objectCount: 0,
              detections: [{ label: 'cup', score: 0.8, box: [1, 2, 10, 12] }],
              sources: {
                detections: { source: 'detector', engine: 'fake' },
                depth: { source: 'none', why: 'no depth' },
                pose: { source: 'none', why: 'no pose' },
              },
            });
        });
      },
      mosaic: async () => EMPTY,
      interrupt: async () => 1,
    },
  };
}

describe('LiveFeed', () => {
  it('sends kept keyframes as RGB, skips (never queues) frames while the worker is busy, and reports', async () => {
    const p = fakePerception();
    let stats: LiveStats | undefined;
    const feed = new LiveFeed(p.api, { onStats: (s) => (stats = s) });
    expect(feed.offer({ timeMs: 0, rgba: frame(1), intrinsics: K })).toBe(true);
    expect(p.sent[0].rgb.data.length).toBe(64 * 48 * 3);
    expect(Array.from(p.sent[0].rgb.data.slice(0, 3))).toEqual(Array.from(frame(1).data.slice(0, 3)));
    // Busy: the next frames are counted, not sent.
    expect(feed.offer({ timeMs: 500, rgba: frame(2), intrinsics: K })).toBe(false);
    feed.countBusy();
    expect(p.sent).toHaveLength(1);
    expect(stats).toMatchObject({ frames: 1, busy: 2, keyframes: 1, processed: 0 });
    p.finish();
    await feed.settled();
    expect(stats).toMatchObject({ processed: 1, posed: 0, detectionSize: { width: 64, height: 48 } });
    expect(stats?.sources?.detections).toEqual({ source: 'detector', engine: 'fake' });
    // Idle again: a new view 1 s later is a keyframe, the same view is not.
    expect(feed.offer({ timeMs: 1000, rgba: frame(1), intrinsics: K })).toBe(false);
    expect(feed.offer({ timeMs: 1500, rgba: frame(3), intrinsics: K })).toBe(true);
    expect(p.sent.map((f) => f.frame)).toEqual([0, 4]);
  });

  it('passes a second depth camera on to perception (odometry tracks on its own pixels)', async () => {
    const p = fakePerception();
    const feed = new LiveFeed(p.api, { onStats: () => undefined });
    const depth = { width: 64, height: 48, data: new Float32Array(64 * 48).fill(1.5) };
    const rawDepth = { width: 64, height: 48, data: new Float32Array(64 * 48).fill(1.6) };
    const depthToColor = {
      transform: [1, 0, 0, -0.025, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
      depthIntrinsics: K,
    };
    feed.offer({ timeMs: 0, rgba: frame(1), intrinsics: K, depth, rawDepth, depthToColor });
    expect(p.sent[0]).toMatchObject({ depth, rawDepth, depthToColor });
  });

  it('stop interrupts the keyframe in flight and does not wait for ever', async () => {
    const p = fakePerception();
    const feed = new LiveFeed(p.api, { onStats: () => undefined });
    feed.offer({ timeMs: 0, rgba: frame(1), intrinsics: K });
    const t0 = Date.now();
    await expect(feed.stop(50)).resolves.toEqual(EMPTY);
    expect(Date.now() - t0).toBeLessThan(5000); // the 50 ms grace, not the stuck frame: generous for a busy machine
    expect(feed.offer({ timeMs: 5000, rgba: frame(4), intrinsics: K })).toBe(false);
  });
});

describe('LiveFeed.push (a frame the caller chose)', () => {
  it('sends it as given, drops one that arrives while busy, and fetches the mosaic after each when asked', async () => {
    const p = fakePerception();
    const shown: Mosaic[] = [];
    const feed = new LiveFeed(p.api, {
      mosaicEveryFrame: true,
      mosaicEveryMs: 0,
      onMosaic: (m) => shown.push(m),
    });
    const rgb = { width: 64, height: 48, data: new Uint8Array(64 * 48 * 3) };
    const first = feed.push({ frame: 7, time: 0.5, rgb, intrinsics: K });
    await expect(feed.push({ frame: 8, time: 0.6, rgb, intrinsics: K })).resolves.toEqual({
      dropped: true,
      frame: 8,
      reason: 'busy',
    });
    expect(p.sent.map((f) => f.frame)).toEqual([7]);
    p.finish();
    await expect(first).resolves.toMatchObject({ dropped: false, frame: 7 });
    // Not placed (no pose or depth) and nothing changed, yet the caller asked for every frame's mosaic.
    expect(shown).toEqual([EMPTY]);
  });

  it('rejects when perception fails, and the next frame goes through', async () => {
    let fail = true;
    const ok = fakePerception();
    const feed = new LiveFeed({
      ...ok.api,
      processFrame: (f: PipelineFrame) =>
        fail ? Promise.reject(new Error('model broke')) : ok.api.processFrame(f),
    });
    const rgb = { width: 64, height: 48, data: new Uint8Array(64 * 48 * 3) };
    await expect(feed.push({ frame: 0, time: 0, rgb, intrinsics: K })).rejects.toThrow('model broke');
    fail = false;
    const next = feed.push({ frame: 1, time: 0.1, rgb, intrinsics: K });
    ok.finish();
    await expect(next).resolves.toMatchObject({ dropped: false });
  });
});
