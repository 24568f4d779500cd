/** Where each input of a fused frame came from: the frame itself, one of our engines, or nowhere (and why). */
export interface FrameSources {
  readonly detections:
    | { readonly source: 'frame' }
    | { readonly source: 'detector'; readonly engine: string }
    | { readonly source: 'none'; readonly why: string };
  readonly depth:
    | { readonly source: 'frame' }
    | {
        readonly source: 'estimated';
        readonly engine: string;
        /** 'assumed room scale': no metric cue yet (no pose, sensor depth or known-size object); see metricDepth.ts. */
        readonly scale: 'metric model' | 'object sizes' | 'previous frame' | 'assumed room scale';
      }
    | { readonly source: 'none'; readonly why: string };
  readonly pose:
    | { readonly source: 'frame' }
    | { readonly source: 'odometry'; readonly tracked: boolean }
    | { readonly source: 'none'; readonly why: string };
}

/** Whether a keyframe was fused: it had a pose, depth and a detector's (or the frame's) detections. */
export function isPlaced(s: FrameSources): boolean {
  return s.pose.source !== 'none' && s.depth.source !== 'none' && s.detections.source !== 'none';
}
