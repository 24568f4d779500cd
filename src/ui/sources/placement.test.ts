import { describe, expect, it } from 'vitest';
import type { FrameSources } from '../../runtime/PerceptionApi';
import { isPlaced } from '../../core/pipeline';
import { placementLine } from './LiveSourcePanel';
import { describeLiveSource } from './useLiveSource';

const yolox = { source: 'detector', engine: 'YOLOX-Nano (wasm)' } as const;

describe('live placement status', () => {
  it('says "2D only" when no depth model could run, and the frame is not placed', () => {
    const s: FrameSources = {
      detections: yolox,
      depth: { source: 'none', why: 'no depth model configured' },
      pose: { source: 'none', why: 'no pose given and no depth for odometry (no depth model configured)' },
    };
    expect(placementLine(s)).toMatch(/^2D only: no depth model \(no depth model configured\)/);
    expect(describeLiveSource(s)).toBe('live: YOLOX-Nano (wasm); 2D only (no depth)');
    expect(isPlaced(s)).toBe(false);
    const failed = {
      ...s,
      depth: {
        source: 'none',
        why: 'Depth Anything V2 (not loaded): ModelLoadError: onnx-community/depth-anything-v2-small depth model failed to load (`local_files_only=true` …)',
      },
    } as const;
    expect(placementLine(failed)).toMatch(
      /^2D only: no depth model \(Depth Anything V2 did not load: run `npm run models` and reload\)\./,
    );
  });

  it('names the estimated depth, its scale and odometry when a camera frame is placed', () => {
    const s: FrameSources = {
      detections: yolox,
      depth: { source: 'estimated', engine: 'Depth Anything V2 (wasm fp32)', scale: 'assumed room scale' },
      pose: { source: 'odometry', tracked: true },
    };
    expect(placementLine(s)).toBe(
      'Placed in 3D with depth estimated by Depth Anything V2 (wasm fp32) at an assumed scale (no object of known size seen yet), and poses from our RGB-D odometry.',
    );
    expect(describeLiveSource(s)).toBe(
      'live: YOLOX-Nano (wasm); depth by Depth Anything V2 (wasm fp32), poses by RGB-D odometry',
    );
    expect(isPlaced(s)).toBe(true);
  });

  it('a pose without a scale yet is "not placed yet", not "2D only"', () => {
    const s: FrameSources = {
      detections: yolox,
      depth: {
        source: 'none',
        why: 'relative depth with no scale yet: no object of known size (chair, tv, person…) in view',
      },
      pose: { source: 'frame' },
    };
    expect(placementLine(s)).toMatch(/^Not placed in 3D yet: relative depth with no scale yet/);
    expect(isPlaced(s)).toBe(false);
  });
});
