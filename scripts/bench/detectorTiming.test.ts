import { describe, expect, it } from 'vitest';
import type { ObjectDetector } from '../../src/engines/detector/types';
import { percentile, summarize, summarizeLabels, timeDetector } from './detectorTiming';

describe('detector timing', () => {
  it('summarises times by hand-checked percentiles', () => {
    const ms = [5, 1, 4, 2, 3, 10, 6, 7, 8, 9];
    expect(percentile(ms, 0.5)).toBe(6); // sorted index round(0.5*9)=5 → 6
    expect(summarize(ms)).toEqual({ count: 10, medianMs: 6, p90Ms: 9, minMs: 1, maxMs: 10 });
  });

  it('counts frames per label and keeps the score range', () => {
    const box = [0, 0, 1, 1] as const;
    const labels = summarizeLabels([
      [
        { label: 'bed', score: 0.6, box },
        { label: 'bed', score: 0.4, box },
      ],
      [{ label: 'chair', score: 0.8, box }],
      [{ label: 'bed', score: 0.35, box }],
      [],
    ]);
    expect(labels).toEqual([
      { label: 'bed', frames: 2, minScore: 0.35, maxScore: 0.6 },
      { label: 'chair', frames: 1, minScore: 0.8, maxScore: 0.8 },
    ]);
  });

  it('loads once, warms up, then times each frame', async () => {
    let clock = 0;
    const calls: string[] = [];
    const detector: ObjectDetector = {
      name: 'fake',
      load: async () => {
        calls.push('load');
        clock += 100;
      },
      detect: async () => {
        calls.push('detect');
        clock += 7;
        return [];
      },
      dispose: async () => {},
    };
    const frame = { width: 1, height: 1, data: new Uint8Array(3) };
    const t = await timeDetector(detector, [frame, frame], { warmup: 1, now: () => clock });
    expect(calls).toEqual(['load', 'detect', 'detect', 'detect']);
    expect(t.loadMs).toBe(100);
    expect(t.perFrameMs).toEqual([7, 7]);
  });
});
