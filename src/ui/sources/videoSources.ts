import { defaultIntrinsics } from '../../core/geometry/camera';
import type { Intrinsics } from '../../core/geometry/types';
import { FrameGrabber } from './frameGrabber';
import type { LiveFeed } from '../../core/pipeline';
import { userMessage } from '../../runtime/userMessage';

/** Phone main cameras and webcams see roughly 60–70° across; a guess until a calibrated source says otherwise. */
export const LIVE_HORIZONTAL_FOV_DEG = 65;
export const liveIntrinsics = (width: number, height: number): Intrinsics =>
  defaultIntrinsics(width, height, LIVE_HORIZONTAL_FOV_DEG);

export class CameraError extends Error {
  override name = 'CameraError';
}

/** The rear camera on phones (`facingMode: environment`), any camera elsewhere, at a modest resolution. */
export async function openCamera(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia)
    throw new CameraError('This browser gives no camera access here (it needs https or localhost).');
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: 'environment' }, width: { ideal: 640 }, height: { ideal: 480 } },
    });
  } catch (e) {
    const err = e as DOMException;
    const why =
      err.name === 'NotAllowedError'
        ? 'camera permission was denied — allow it in the site settings and try again'
        : err.name === 'NotFoundError'
          ? 'no camera was found'
          : userMessage(err);
    throw new CameraError(`The camera did not start: ${why}.`);
  }
}

/**
 * Captures a playing <video> (the camera) about every `everyMs` and offers each frame to the feed. Frames are
 * only read when the worker is free for another keyframe. Returns a function that stops the loop.
 */
export function runCameraCapture(video: HTMLVideoElement, feed: LiveFeed, everyMs = 100): () => void {
  const grabber = new FrameGrabber();
  const t0 = performance.now();
  let last = -Infinity;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    schedule();
    const now = performance.now();
    if (now - last < everyMs || video.readyState < 2 || !video.videoWidth) return;
    last = now;
    if (!feed.idle) {
      feed.countBusy();
      return;
    }
    const img = grabber.grab(video, video.videoWidth, video.videoHeight);
    feed.offer({ timeMs: now - t0, rgba: img, intrinsics: liveIntrinsics(img.width, img.height) });
  };
  // requestVideoFrameCallback runs once per new camera frame; rAF where it is missing.
  const schedule = () =>
    'requestVideoFrameCallback' in video
      ? video.requestVideoFrameCallback(tick)
      : requestAnimationFrame(tick);
  schedule();
  return () => {
    stopped = true;
  };
}

/**
 * A video file, sampled at `rateHz` by seeking: each sampled frame goes to the feed, and the next seek waits
 * for the worker (a file is not live: every kept keyframe is processed, none skipped).
 */
export async function runVideoFile(
  video: HTMLVideoElement,
  feed: LiveFeed,
  opts: { rateHz?: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<void> {
  const grabber = new FrameGrabber();
  await once(video, 'loadedmetadata', video.readyState >= 1);
  const duration = await knownDuration(video);
  const step = 1 / (opts.rateHz ?? 2);
  const total = Math.max(1, Math.floor(duration / step) + 1);
  for (let i = 0; i < total; i++) {
    if (opts.signal?.aborted) return;
    const t = Math.min(duration, i * step);
    await seek(video, t);
    const img = grabber.grab(video, video.videoWidth, video.videoHeight);
    feed.offer({ timeMs: t * 1000, rgba: img, intrinsics: liveIntrinsics(img.width, img.height) });
    await feed.settled();
    opts.onProgress?.(i + 1, total);
  }
}

export class VideoFileError extends Error {
  override name = 'VideoFileError';
}

/** Recordings from MediaRecorder carry no duration (Infinity) until the browser has seen the end: seek there once. */
async function knownDuration(video: HTMLVideoElement): Promise<number> {
  if (Number.isFinite(video.duration) && video.duration > 0) return video.duration;
  video.currentTime = 1e7;
  await once(video, 'durationchange', Number.isFinite(video.duration));
  await seek(video, 0);
  if (!Number.isFinite(video.duration) || video.duration <= 0)
    throw new VideoFileError(
      'The video reports no duration; re-encode it (e.g. to MP4 or WebM with an index).',
    );
  return video.duration;
}

function seek(video: HTMLVideoElement, t: number): Promise<void> {
  const done = once(video, 'seeked', false);
  video.currentTime = t;
  return done;
}

function once(el: HTMLMediaElement, event: string, already: boolean, timeoutMs = 10_000): Promise<void> {
  if (already) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      el.removeEventListener(event, ok);
      el.removeEventListener('error', fail);
      reject(
        new VideoFileError(
          `The video did not answer (${event}) within ${timeoutMs / 1000} s; try another file.`,
        ),
      );
    }, timeoutMs);
    const ok = () => {
      clearTimeout(timer);
      el.removeEventListener('error', fail);
      resolve();
    };
    const fail = () => {
      clearTimeout(timer);
      el.removeEventListener(event, ok);
      reject(
        new VideoFileError(`This video cannot be decoded here (${el.error?.message ?? 'unknown format'}).`),
      );
    };
    el.addEventListener(event, ok, { once: true });
    el.addEventListener('error', fail, { once: true });
  });
}
