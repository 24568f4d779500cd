
/** Longest side of a captured frame: enough for YOLOX (416) and Depth Anything (518), cheap to move and read. */
export const CAPTURE_MAX_SIDE = 480;

export class FrameCaptureError extends Error {
  override name = 'FrameCaptureError';
}

/** The capture size for a source of `w`×`h`: scaled down so the longest side is at most `maxSide`, never up. */
export function captureSize(
  w: number,
  h: number,
  maxSide = CAPTURE_MAX_SIDE,
): { width: number; height: number } {
  const s = Math.min(1, maxSide / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * s)), height: Math.max(1, Math.round(h * s)) };
}

/**
 * Draws a video (or any canvas image source) into a small reusable canvas and reads its pixels back:
 * one drawImage + getImageData, ~1–2 ms at 480×360 — the only per-frame pixel work on the page's thread.
 */
export class FrameGrabber {
  private canvas?: HTMLCanvasElement;
  private ctx?: CanvasRenderingContext2D;

  grab(
    source: CanvasImageSource,
    srcWidth: number,
    srcHeight: number,
    maxSide = CAPTURE_MAX_SIDE,
  ): ImageData {
    if (!srcWidth || !srcHeight)
      throw new FrameCaptureError('The video has no frame yet (0×0); wait for it to start playing.');
    const { width, height } = captureSize(srcWidth, srcHeight, maxSide);
    if (!this.canvas || !this.ctx) {
      this.canvas = document.createElement('canvas');
      const ctx = this.canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new FrameCaptureError('This browser gives no 2D canvas to read camera frames from.');
      this.ctx = ctx;
    }
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    this.ctx.drawImage(source, 0, 0, width, height);
    return this.ctx.getImageData(0, 0, width, height);
  }
}
