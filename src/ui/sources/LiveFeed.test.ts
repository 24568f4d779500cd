import { describe, expect, it } from 'vitest';
import type { Mosaic } from '../../core/mosaic/types';
import type { PerceptionFrame, ProcessFrameResult } from '../../runtime/PerceptionApi';
import { LiveFeed, type LiveStats } from './LiveFeed';

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
  const sent: PerceptionFrame[] = [];
  let release: (() => void) | undefined;
  return {
    sent,
    finish: () => release?.(),
    api: {
      processFrame: (f: PerceptionFrame): Promise<ProcessFrameResult> => {
        sent.push(f);
        return new Promise((resolve) => {
          release = () =>
            resolve({
              dropped: false,
              frame: f.frame,
              timings: [],
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

  it('stop interrupts the keyframe in flight and does not wait for ever', async () => {
    const p = fakePerception();
    const feed = new LiveFeed(p.api, { onStats: () => undefined });
    feed.offer({ timeMs: 0, rgba: frame(1), intrinsics: K });
    const t0 = Date.now();
    await expect(feed.stop(50)).resolves.toEqual(EMPTY);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(feed.offer({ timeMs: 5000, rgba: frame(4), intrinsics: K })).toBe(false);
  });
});
