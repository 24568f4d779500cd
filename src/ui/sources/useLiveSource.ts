import { useCallback, useEffect, useRef, useState } from 'react';
import type { Vec3 } from '../../core/geometry/types';
import type { Mosaic } from '../../core/mosaic/types';
import { transferFrame } from '../../runtime/clients';
import type { FrameSources } from '../../runtime/PerceptionApi';
import type { LibraryApi } from '../useSceneLibrary';
import type { OpenScene } from '../useSceneController';
import type { ModelStatus } from '../uiTypes';
import { perceptionApi } from '../workerClients';
import { EMPTY_LIVE_STATS, LiveFeed, type LiveStats } from '../../core/pipeline';
import { openCamera, runCameraCapture, runVideoFile } from './videoSources';
import { arAvailability, startArSession, type ArAvailability, type ArGranted } from './xrSession';
import { XR_WORLD_UP } from './xrPose';
import { userMessage } from '../../runtime/userMessage';

export type LiveKind = 'camera' | 'video' | 'ar';

export interface LiveState {
  readonly kind: LiveKind;
  readonly name: string;
  readonly phase: 'starting' | 'running' | 'stopping';
  readonly stats: LiveStats;
  /** Video file: sampled frames done of total. */
  readonly progress?: { readonly done: number; readonly total: number };
  readonly arGranted?: ArGranted;
  /** One honest line about something missing (no camera image in AR, …). */
  readonly note?: string;
}

export interface LiveSourceApi {
  readonly state?: LiveState;
  /** undefined while probing. */
  readonly ar?: ArAvailability;
  /** The <video> showing the camera or the video file; the panel mounts it. */
  readonly video: HTMLVideoElement | undefined;
  /** Where the AR session's DOM overlay goes (the panel's root). */
  readonly overlayRef: React.RefObject<HTMLDivElement | null>;
  startCamera(): Promise<void>;
  startVideo(file: File): Promise<void>;
  startAr(): Promise<void>;
  stop(): Promise<void>;
}

/** How the objects in a live scene were perceived, in words, for the header. */
export function describeLiveSource(sources: FrameSources | undefined): string {
  if (!sources) return 'live: waiting for the first keyframe';
  const d = sources.detections;
  const what =
    d.source === 'detector'
      ? `live: ${d.engine}`
      : d.source === 'frame'
        ? 'live: detections given with the frames'
        : 'live: no detector model (npm run models)';
  const { depth, pose } = sources;
  const where =
    depth.source === 'estimated' && pose.source === 'odometry'
      ? `; depth by ${depth.engine}, poses by RGB-D odometry`
      : depth.source === 'none' && pose.source === 'none'
        ? '; 2D only (no depth)'
        : '';
  return what + where;
}

/** The models the perception worker actually ran on the last keyframe, for the header's honest status. */
export function liveModels(sources: FrameSources | undefined): ModelStatus[] {
  if (!sources) return [];
  const models: ModelStatus[] = [];
  if (sources.detections.source === 'detector')
    models.push({ role: 'detector', name: sources.detections.engine, state: 'active' });
  if (sources.depth.source === 'estimated')
    models.push({ role: 'depth', name: sources.depth.engine, state: 'active' });
  return models;
}

interface Running {
  readonly feed: LiveFeed;
  readonly sceneId: string;
  readonly name: string;
  stopCapture(): Promise<void> | void;
  readonly abort: AbortController;
}

const STATS_EVERY_MS = 250;

/**
 * Live frame sources — the camera (getUserMedia), a video file and WebXR AR — feeding one LiveFeed into a new
 * stored scene in the perception worker. Stopping keeps the scene if anything was fused, and drops it if not.
 */
export function useLiveSource(
  library: LibraryApi,
  show: (scene: OpenScene | undefined) => void,
  onError: (message: string) => void,
): LiveSourceApi {
  const [state, setState] = useState<LiveState>();
  const [ar, setAr] = useState<ArAvailability>();
  const [video, setVideo] = useState<HTMLVideoElement>();
  const overlayRef = useRef<HTMLDivElement | null>(null);
  const running = useRef<Running | undefined>(undefined);
  const latest = useRef<LiveStats>(EMPTY_LIVE_STATS);

  useEffect(() => {
    let live = true;
    void arAvailability().then((a) => live && setAr(a));
    return () => {
      live = false;
    };
  }, []);

  const stop = useCallback(async () => {
    const r = running.current;
    if (!r) return;
    running.current = undefined;
    r.abort.abort();
    setState((s) => s && { ...s, phase: 'stopping' });
    try {
      await r.stopCapture();
      const mosaic = await r.feed.stop();
      const api = await perceptionApi();
      await api.closeScene();
      if (mosaic.objects.length === 0) await library.remove(r.sceneId).catch(() => undefined);
      else
        show({
          id: r.sceneId,
          name: r.name,
          mosaic,
          perceptionSource: describeLiveSource(latest.current.sources),
        });
      await library.refresh().catch(() => undefined);
    } catch (e) {
      onError(userMessage(e));
    } finally {
      setVideo((v) => {
        if (v) {
          (v.srcObject as MediaStream | null)?.getTracks().forEach((t) => t.stop());
          v.srcObject = null;
          if (v.src.startsWith('blob:')) URL.revokeObjectURL(v.src);
        }
        return undefined;
      });
      setState(undefined);
    }
  }, [library, onError, show]);

  /** Opens a stored scene in the worker and a LiveFeed into it; `begin` starts the source's capture. */
  const start = useCallback(
    async (
      kind: LiveKind,
      name: string,
      up: Vec3 | undefined,
      begin: (feed: LiveFeed, abort: AbortController) => Promise<() => Promise<void> | void>,
    ) => {
      await stop();
      const abort = new AbortController();
      latest.current = EMPTY_LIVE_STATS;
      setState({ kind, name, phase: 'starting', stats: EMPTY_LIVE_STATS });
      try {
        const api = await perceptionApi();
        await api.reset();
        const scene = await api.openScene({
          name,
          ...(up ? { up: [...up] as [number, number, number] } : {}),
        });
        let lastStatsAt = 0;
        const feed = new LiveFeed(api, {
          prepare: transferFrame,
          describeError: userMessage,
          onStats: (stats) => {
            const keyframeChanged =
              stats.keyframes !== latest.current.keyframes || stats.processed !== latest.current.processed;
            latest.current = stats;
            const now = performance.now();
            // Re-render at most a few times a second, but at once when a keyframe went out or came back.
            if (!keyframeChanged && now - lastStatsAt < STATS_EVERY_MS) return;
            lastStatsAt = now;
            setState((s) => s && { ...s, stats });
          },
          onMosaic: (mosaic: Mosaic) =>
            show({
              id: scene.id,
              name,
              mosaic,
              perceptionSource: describeLiveSource(latest.current.sources),
            }),
        });
        const stopCapture = await begin(feed, abort);
        running.current = { feed, sceneId: scene.id, name, stopCapture, abort };
        setState((s) => s && { ...s, phase: 'running' });
      } catch (e) {
        setState(undefined);
        setVideo(undefined);
        onError(userMessage(e));
      }
    },
    [onError, show, stop],
  );

  const startCamera = useCallback(
    () =>
      start('camera', `Camera ${timeLabel()}`, undefined, async (feed) => {
        const stream = await openCamera();
        const v = makeVideo();
        v.srcObject = stream;
        setVideo(v);
        await v.play();
        const stopLoop = runCameraCapture(v, feed);
        return () => {
          stopLoop();
          stream.getTracks().forEach((t) => t.stop());
        };
      }),
    [start],
  );

  const startVideo = useCallback(
    (file: File) =>
      start('video', file.name.replace(/\.[^.]+$/, '') || 'Video', undefined, async (feed, abort) => {
        const v = makeVideo();
        v.src = URL.createObjectURL(file);
        setVideo(v);
        const done = runVideoFile(v, feed, {
          signal: abort.signal,
          onProgress: (d, total) => setState((s) => s && { ...s, progress: { done: d, total } }),
        });
        // The file ends by itself: stop (and keep what was fused) when the last frame is done.
        done.then(
          () => !abort.signal.aborted && void stop(),
          (e: Error) => {
            onError(userMessage(e));
            void stop();
          },
        );
        return () => done.catch(() => undefined);
      }),
    [onError, start, stop],
  );

  const startAr = useCallback(
    () =>
      start('ar', `AR ${timeLabel()}`, XR_WORLD_UP, async (feed) => {
        const session = await startArSession({
          ...(overlayRef.current ? { overlay: overlayRef.current } : {}),
          onFrame: (f) => (feed.idle ? feed.offer(f) : feed.countBusy()),
          onPoseOnly: () =>
            setState(
              (s) =>
                s && {
                  ...s,
                  note: 'The AR session gives poses but no camera image (camera-access not granted): nothing to detect on.',
                },
            ),
          onEnd: () => void stop(),
        });
        setState((s) => s && { ...s, arGranted: session.granted });
        return () => session.stop();
      }),
    [start, stop],
  );

  // Leaving the page (or unmounting) releases the camera.
  useEffect(() => () => void running.current?.stopCapture(), []);

  return { state, ar, video, overlayRef, startCamera, startVideo, startAr, stop };
}

function makeVideo(): HTMLVideoElement {
  const v = document.createElement('video');
  v.muted = true;
  v.playsInline = true;
  v.setAttribute('playsinline', '');
  v.setAttribute('aria-label', 'Live preview');
  v.dataset.testid = 'live-video';
  return v;
}

const timeLabel = () => new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
