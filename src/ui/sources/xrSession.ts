/// <reference types="webxr" />
import type { DepthImage } from '../../core/perception/types';
import { captureSize } from './frameGrabber';
import type { LiveFrame } from '../../core/pipeline';
import { xrProjectionToIntrinsics, xrViewToCameraToWorld } from './xrPose';

/**
 * WebXR `immersive-ar` as a frame source: per XR frame the viewer pose (camera-to-world, so no odometry is
 * needed), the depth-sensing depth when granted, and the camera image when `camera-access` is granted
 * (Chrome on ARCore phones). Everything optional is feature-detected; what was granted is reported.
 */

/** Camera access (https://immersive-web.github.io/raw-camera-access/): not in @types/webxr yet. */
interface XRCamera {
  readonly width: number;
  readonly height: number;
}
type ViewWithCamera = XRView & { readonly camera?: XRCamera };
type BindingWithCamera = XRWebGLBinding & { getCameraImage?(camera: XRCamera): WebGLTexture | null };

export interface ArAvailability {
  readonly supported: boolean;
  /** Why not, in words a person can act on. */
  readonly reason: string;
}

export const AR_FALLBACK_TEXT = 'AR needs Chrome on an ARCore Android phone; using the camera instead.';

/** Whether this browser offers an `immersive-ar` session (desktop browsers do not). */
export async function arAvailability(): Promise<ArAvailability> {
  const xr = (navigator as Navigator & { xr?: XRSystem }).xr;
  if (!xr) return { supported: false, reason: `This browser has no WebXR. ${AR_FALLBACK_TEXT}` };
  try {
    if (await xr.isSessionSupported('immersive-ar'))
      return { supported: true, reason: 'WebXR AR is available.' };
  } catch {
    /* treated as unsupported below */
  }
  return { supported: false, reason: `This device offers no WebXR AR session. ${AR_FALLBACK_TEXT}` };
}

export interface ArGranted {
  readonly depth: boolean;
  readonly cameraImage: boolean;
  readonly domOverlay: boolean;
}

export interface ArSessionHandle {
  readonly granted: ArGranted;
  stop(): Promise<void>;
}

export interface ArSessionOptions {
  /** Shown over the camera view during the session (dom-overlay), e.g. the keyframe count and a Stop button. */
  readonly overlay?: HTMLElement;
  /** Frames no more often than this (ms): capture and depth sampling cost a few ms each. */
  readonly everyMs?: number;
  readonly onFrame: (frame: LiveFrame) => void;
  /** A frame without a camera image (camera-access not granted): pose only, nothing to detect on. */
  readonly onPoseOnly?: () => void;
  readonly onEnd: () => void;
}

export class ArStartError extends Error {
  override name = 'ArStartError';
}

export async function startArSession(opts: ArSessionOptions): Promise<ArSessionHandle> {
  const xr = (navigator as Navigator & { xr?: XRSystem }).xr;
  if (!xr) throw new ArStartError(`No WebXR in this browser. ${AR_FALLBACK_TEXT}`);
  const init: XRSessionInit = {
    requiredFeatures: [],
    optionalFeatures: [
      'local-floor',
      'depth-sensing',
      'camera-access',
      ...(opts.overlay ? ['dom-overlay'] : []),
    ],
    depthSensing: {
      usagePreference: ['cpu-optimized'],
      dataFormatPreference: ['luminance-alpha', 'float32'],
    },
    ...(opts.overlay ? { domOverlay: { root: opts.overlay } } : {}),
  };
  const session = await xr.requestSession('immersive-ar', init).catch((e: Error) => {
    throw new ArStartError(`The AR session was refused (${e.message}); allow camera access and try again.`);
  });
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2', {
    xrCompatible: true,
    alpha: true,
  }) as WebGL2RenderingContext | null;
  if (!gl) {
    await session.end();
    throw new ArStartError('No WebGL2 context for the AR session; this browser cannot run AR here.');
  }
  await session.updateRenderState({ baseLayer: new XRWebGLLayer(session, gl) });
  const space = await session
    .requestReferenceSpace('local-floor')
    .catch(() => session.requestReferenceSpace('local'));
  const binding = new XRWebGLBinding(session, gl) as BindingWithCamera;
  const reader = new TextureReader(gl);
  const granted: ArGranted = {
    depth: session.depthUsage === 'cpu-optimized',
    cameraImage: typeof binding.getCameraImage === 'function',
    domOverlay: !!session.domOverlayState,
  };
  const t0 = performance.now();
  let last = -Infinity;
  let ended = false;
  session.addEventListener('end', () => {
    ended = true;
    opts.onEnd();
  });

  const onXrFrame = (time: number, frame: XRFrame) => {
    if (ended) return;
    session.requestAnimationFrame(onXrFrame);
    const layer = session.renderState.baseLayer!;
    gl.bindFramebuffer(gl.FRAMEBUFFER, layer.framebuffer);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    if (time - last < (opts.everyMs ?? 150)) return;
    const pose = frame.getViewerPose(space);
    const view = pose?.views[0] as ViewWithCamera | undefined;
    if (!view) return;
    last = time;
    const camera = view.camera;
    const texture = camera && binding.getCameraImage?.(camera);
    if (!camera || !texture) {
      opts.onPoseOnly?.();
      return;
    }
    const size = captureSize(camera.width, camera.height);
    const rgba = reader.read(texture, camera.width, camera.height, size.width, size.height);
    if (!rgba) return;
    const intrinsics = xrProjectionToIntrinsics(view.projectionMatrix, size.width, size.height);
    const depthInfo = granted.depth ? safeDepth(frame, view) : undefined;
    opts.onFrame({
      timeMs: performance.now() - t0,
      rgba: { width: size.width, height: size.height, data: rgba },
      intrinsics,
      pose: xrViewToCameraToWorld(view.transform.matrix),
      ...(depthInfo ? { depth: sampleDepth(depthInfo, size.width, size.height) } : {}),
    });
  };
  session.requestAnimationFrame(onXrFrame);
  return {
    granted,
    stop: async () => {
      if (!ended) await session.end().catch(() => undefined);
    },
  };
}

function safeDepth(frame: XRFrame, view: XRView): XRCPUDepthInformation | undefined {
  try {
    return frame.getDepthInformation(view) ?? undefined;
  } catch {
    return undefined; // depth not ready yet for this frame
  }
}

/** Depth at every pixel of the captured image (normalised view coordinates, origin top-left), metres. */
export function sampleDepth(
  info: Pick<XRCPUDepthInformation, 'getDepthInMeters'>,
  width: number,
  height: number,
): DepthImage {
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const v = (y + 0.5) / height;
    for (let x = 0; x < width; x++) {
      const d = info.getDepthInMeters((x + 0.5) / width, v);
      data[y * width + x] = Number.isFinite(d) && d > 0 ? d : 0;
    }
  }
  return { width, height, data };
}

/**
 * Reads the camera texture back at a small size: attach it to a framebuffer, blit it down to a small
 * renderbuffer (the GPU does the scaling), then readPixels. Rows come bottom-up from GL and are flipped.
 */
class TextureReader {
  private readonly src: WebGLFramebuffer;
  private readonly dst: WebGLFramebuffer;
  private readonly rb: WebGLRenderbuffer;
  private size = { width: 0, height: 0 };

  constructor(private readonly gl: WebGL2RenderingContext) {
    this.src = gl.createFramebuffer()!;
    this.dst = gl.createFramebuffer()!;
    this.rb = gl.createRenderbuffer()!;
  }

  read(
    texture: WebGLTexture,
    w: number,
    h: number,
    outW: number,
    outH: number,
  ): Uint8ClampedArray | undefined {
    const gl = this.gl;
    if (this.size.width !== outW || this.size.height !== outH) {
      gl.bindRenderbuffer(gl.RENDERBUFFER, this.rb);
      gl.renderbufferStorage(gl.RENDERBUFFER, gl.RGBA8, outW, outH);
      gl.bindFramebuffer(gl.FRAMEBUFFER, this.dst);
      gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.RENDERBUFFER, this.rb);
      this.size = { width: outW, height: outH };
    }
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, this.src);
    gl.framebufferTexture2D(gl.READ_FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
    if (gl.checkFramebufferStatus(gl.READ_FRAMEBUFFER) !== gl.FRAMEBUFFER_COMPLETE) return undefined;
    gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, this.dst);
    gl.blitFramebuffer(0, 0, w, h, 0, 0, outW, outH, gl.COLOR_BUFFER_BIT, gl.LINEAR);
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, this.dst);
    const px = new Uint8Array(outW * outH * 4);
    gl.readPixels(0, 0, outW, outH, gl.RGBA, gl.UNSIGNED_BYTE, px);
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, null);
    gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, null);
    const out = new Uint8ClampedArray(px.length);
    const row = outW * 4;
    for (let y = 0; y < outH; y++) out.set(px.subarray((outH - 1 - y) * row, (outH - y) * row), y * row);
    return out;
  }
}
