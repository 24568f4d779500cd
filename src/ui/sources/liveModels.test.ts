import { describe, expect, it } from 'vitest';
import { liveModels } from './useLiveSource';

describe('liveModels', () => {
  it('lists the engines the worker ran on the last keyframe, and nothing before one', () => {
    expect(liveModels(undefined)).toEqual([]);
    expect(
      liveModels({
        detections: { source: 'detector', engine: 'YOLOX-Nano (wasm)' },
        depth: { source: 'estimated', engine: 'Depth Anything V2 (wasm q8)', scale: 'object sizes' },
        pose: { source: 'none', why: 'no depth' },
      } as Parameters<typeof liveModels>[0]),
    ).toEqual([
      { role: 'detector', name: 'YOLOX-Nano (wasm)', state: 'active' },
      { role: 'depth', name: 'Depth Anything V2 (wasm q8)', state: 'active' },
    ]);
  });

  it('claims no model when the frames bring their own detections and depth', () => {
    expect(
      liveModels({
        detections: { source: 'frame' },
        depth: { source: 'frame' },
        pose: { source: 'frame' },
      } as Parameters<typeof liveModels>[0]),
    ).toEqual([]);
  });
});
