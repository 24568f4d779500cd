import { useEffect, useRef } from 'react';
import type { FrameSources } from '../../runtime/PerceptionApi';
import { brief } from '../progressItems';
import type { LiveSourceApi, LiveState } from './useLiveSource';

const KIND_LABEL = { camera: 'Camera', video: 'Video file', ar: 'AR' } as const;

/** What the last keyframe's perception could and could not do, in plain words (never claims more than ran). */
export function liveStatusLines(state: LiveState): string[] {
  const s = state.stats;
  const lines: string[] = [];
  if (s.error) lines.push(`Perception failed on the last keyframe: ${s.error}`);
  const src = s.sources;
  if (!src) {
    lines.push(s.keyframes > 0 ? 'Perceiving the first keyframe…' : 'Waiting for the first keyframe…');
    return lines;
  }
  if (src.detections.source === 'detector')
    lines.push(
      `Detecting with ${src.detections.engine}: ${s.detections.length} ${s.detections.length === 1 ? 'object' : 'objects'} in the last keyframe.`,
    );
  else if (src.detections.source === 'none')
    lines.push(
      `Live detection needs the detector model: run \`npm run models\` (YOLOX-Nano into public/models/) and reload. (${src.detections.why})`,
    );
  lines.push(placementLine(src));
  if (src.pose.source === 'odometry' && !src.pose.tracked)
    lines.push('Tracking lost: hold the camera steadier or move back to where you were.');
  return lines;
}

/** Why there is no depth, in words a person can act on (the failed download's bar has the details). */
function depthMissing(why: string): string {
  return /failed to load|not found|404|Unavailable/i.test(why)
    ? 'Depth Anything V2 did not load: run `npm run models` and reload'
    : brief(why, 120);
}

const SCALE_WORDS = {
  'metric model': 'metric',
  'object sizes': 'scaled by the sizes of known objects',
  'previous frame': 'scaled as on an earlier keyframe',
} as const;

/** Whether (and from what) the last keyframe was placed in 3D; "2D only" when nothing can give it depth. */
export function placementLine(src: FrameSources): string {
  const { depth, pose } = src;
  if (depth.source === 'none' && !/no scale yet/.test(depth.why))
    return `2D only: no depth model (${depthMissing(depth.why)}). Detections show on the preview but are not placed in 3D; AR on a phone gives pose and depth.`;
  if (pose.source === 'none' || depth.source === 'none') {
    const why = pose.source === 'none' ? pose.why : depth.source === 'none' ? depth.why : '';
    return `Not placed in 3D yet: ${why}. AR on a phone gives pose and depth.`;
  }
  const depthWords =
    depth.source === 'frame'
      ? 'sensor depth'
      : depth.scale === 'assumed room scale'
        ? `depth estimated by ${depth.engine} at an assumed scale (no object of known size seen yet)`
        : `depth estimated by ${depth.engine} (${SCALE_WORDS[depth.scale]})`;
  const poseWords = pose.source === 'frame' ? 'the tracked camera pose' : 'poses from our RGB-D odometry';
  return `Placed in 3D with ${depthWords}, and ${poseWords}.`;
}

/**
 * The live source's preview (camera or video, with the last keyframe's detection boxes drawn over it), its
 * counters and an honest status, with Stop. In AR this element is the session's DOM overlay.
 */
export function LiveSourcePanel({ live }: { readonly live: LiveSourceApi }) {
  const { state, video } = live;
  const previewRef = useRef<HTMLDivElement>(null);
  const boxesRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const host = previewRef.current;
    if (!host || !video) return;
    host.prepend(video);
    const fit = () => {
      if (video.videoWidth) host.style.aspectRatio = `${video.videoWidth} / ${video.videoHeight}`;
    };
    video.addEventListener('loadedmetadata', fit);
    fit();
    return () => {
      video.removeEventListener('loadedmetadata', fit);
      video.remove();
    };
  }, [video]);

  const stats = state?.stats;
  useEffect(() => {
    const c = boxesRef.current;
    const size = stats?.detectionSize;
    if (!c || !size) return;
    c.width = size.width;
    c.height = size.height;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, c.width, c.height);
    ctx.lineWidth = 2;
    ctx.font = '12px sans-serif';
    for (const d of stats.detections) {
      const [x0, y0, x1, y1] = d.box;
      ctx.strokeStyle = '#4fc3f7';
      ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
      ctx.fillStyle = '#4fc3f7';
      ctx.fillText(`${d.label} ${Math.round(d.score * 100)}%`, x0 + 2, Math.max(12, y0 - 3));
    }
  }, [stats]);

  if (!state) return null;
  const kind = KIND_LABEL[state.kind];
  const lines = liveStatusLines(state);
  return (
    <div
      className="live-panel"
      ref={live.overlayRef}
      data-testid="live-source"
      data-kind={state.kind}
      data-phase={state.phase}
    >
      <div className="live-head">
        <strong>{kind}</strong>
        <span className="live-phase">
          {state.phase !== 'running' ? `${state.phase}…` : state.kind === 'video' ? 'sampling' : 'live'}
        </span>
        <button
          type="button"
          className="live-stop"
          onClick={() => void live.stop()}
          disabled={state.phase === 'stopping'}
        >
          Stop {kind.toLowerCase()}
        </button>
      </div>
      {state.kind !== 'ar' && (
        <div className="live-preview" ref={previewRef}>
          <canvas ref={boxesRef} className="live-boxes" aria-hidden="true" />
        </div>
      )}
      <dl className="live-counts" aria-label="Live source counters">
        <div>
          <dt>Frames</dt>
          <dd data-testid="live-frames" title={`${state.stats.busy} skipped while the worker was busy`}>
            {state.stats.frames + state.stats.busy}
          </dd>
        </div>
        <div>
          <dt>Keyframes</dt>
          <dd data-testid="live-keyframes">{state.stats.keyframes}</dd>
        </div>
        <div>
          <dt>Perceived</dt>
          <dd data-testid="live-processed">{state.stats.processed}</dd>
        </div>
        <div>
          <dt>In 3D</dt>
          <dd data-testid="live-posed" title="Keyframes placed in 3D (with a pose and depth)">
            {state.stats.posed}
          </dd>
        </div>
        <div>
          <dt>Objects</dt>
          <dd data-testid="live-objects">{state.stats.objects}</dd>
        </div>
      </dl>
      {state.progress && (
        <progress
          max={state.progress.total}
          value={state.progress.done}
          aria-label="Video frames sampled"
          aria-valuetext={`${state.progress.done} of ${state.progress.total} frames`}
        />
      )}
      <ul className="live-status" data-testid="live-status">
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
        {state.note && <li>{state.note}</li>}
        {state.arGranted && (
          <li>
            AR granted: depth {state.arGranted.depth ? 'yes' : 'no'}, camera image{' '}
            {state.arGranted.cameraImage ? 'yes' : 'no'}.
          </li>
        )}
      </ul>
    </div>
  );
}
