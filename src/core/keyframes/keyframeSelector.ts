import type { Mat4 } from '../geometry/types';
import {
  greyThumbnail,
  halve,
  laplacianVariance,
  meanAbsDiff,
  type GreyImage,
  type PixelSource,
} from './imageStats';

/**
 * Picks the informative frames of a live stream (camera, video, WebXR) and drops the rest, before any model
 * runs: a frame is kept when it is sharp (not motion-blurred, relative to recent frames) and shows something
 * new — the camera moved (pose, when the source has one) or the image differs from every recent keyframe.
 * Pure and synchronous: it costs well under a millisecond per 320×240 frame, so it runs on every frame.
 */
export interface KeyframeSelectorOptions {
  /** Never two keyframes closer than this (ms); the perception worker cannot take more anyway. */
  readonly minIntervalMs?: number;
  /** A sharp frame is kept after this long even when nothing changed (ms), so a still scene still refreshes. */
  readonly maxIntervalMs?: number;
  /** Camera motion since the nearest recent keyframe that makes a frame new: metres … */
  readonly minTranslation?: number;
  /** … or radians. */
  readonly minRotation?: number;
  /** Image change (mean absolute grey difference, 0–255) from every recent keyframe that makes a frame new. */
  readonly minImageChange?: number;
  /** Blurry: sharpness below this share of the median of recent frames. */
  readonly blurRatio?: number;
  /** Recent keyframes remembered for novelty. */
  readonly memory?: number;
  /** Width of the grey thumbnail sharpness is measured on (pixels); differences use half of it. */
  readonly thumbnailWidth?: number;
}

export const DEFAULT_KEYFRAME_OPTIONS: Required<KeyframeSelectorOptions> = {
  minIntervalMs: 300,
  maxIntervalMs: 4000,
  minTranslation: 0.15,
  minRotation: (10 * Math.PI) / 180,
  minImageChange: 10,
  blurRatio: 0.55,
  memory: 8,
  thumbnailWidth: 128,
};

export interface KeyframeCandidate {
  /** Capture time, ms (any monotonic clock). */
  readonly timeMs: number;
  readonly image: PixelSource;
  /** Camera-to-world, row-major 4×4, when the source knows it (WebXR, a sequence). */
  readonly pose?: Mat4;
}

export type KeyframeReason = 'first' | 'motion' | 'novel' | 'refresh' | 'too-soon' | 'blurry' | 'redundant';

export interface KeyframeDecision {
  readonly keep: boolean;
  readonly reason: KeyframeReason;
  /** Laplacian variance of the grey thumbnail. */
  readonly sharpness: number;
  /** Smallest image change from a remembered keyframe (0–255); Infinity for the first. */
  readonly change: number;
  /** Smallest camera motion from a remembered keyframe with a pose, when both have one. */
  readonly motion?: { readonly translation: number; readonly rotation: number };
}

interface Remembered {
  readonly thumb: GreyImage;
  readonly pose?: Mat4;
}

const SHARPNESS_WINDOW = 15;
/** Relative blur needs a few frames of history before it can judge. */
const MIN_SHARPNESS_HISTORY = 5;

export class KeyframeSelector {
  private readonly opts: Required<KeyframeSelectorOptions>;
  private readonly kept: Remembered[] = [];
  private readonly recentSharpness: number[] = [];
  private lastKeptMs = -Infinity;
  private seen = 0;
  private keptCount = 0;

  constructor(options: KeyframeSelectorOptions = {}) {
    this.opts = { ...DEFAULT_KEYFRAME_OPTIONS, ...options };
  }

  /** Frames looked at and keyframes kept so far. */
  get stats(): { readonly seen: number; readonly kept: number } {
    return { seen: this.seen, kept: this.keptCount };
  }

  offer(input: KeyframeCandidate): KeyframeDecision {
    const o = this.opts;
    this.seen++;
    const thumb = greyThumbnail(input.image, o.thumbnailWidth);
    const sharpness = laplacianVariance(thumb);
    const small = halve(thumb);
    const median = medianOf(this.recentSharpness);
    this.recentSharpness.push(sharpness);
    if (this.recentSharpness.length > SHARPNESS_WINDOW) this.recentSharpness.shift();

    let change = Infinity;
    for (const k of this.kept) change = Math.min(change, meanAbsDiff(small, k.thumb));
    const motion = input.pose ? this.nearestMotion(input.pose) : undefined;
    const decide = (keep: boolean, reason: KeyframeReason): KeyframeDecision => {
      if (keep) this.remember(input, small);
      return { keep, reason, sharpness, change, ...(motion ? { motion } : {}) };
    };

    if (this.kept.length === 0) return decide(true, 'first');
    if (input.timeMs - this.lastKeptMs < o.minIntervalMs) return decide(false, 'too-soon');
    if (this.recentSharpness.length > MIN_SHARPNESS_HISTORY && sharpness < o.blurRatio * median)
      return decide(false, 'blurry');
    if (motion && (motion.translation >= o.minTranslation || motion.rotation >= o.minRotation))
      return decide(true, 'motion');
    if (change >= o.minImageChange) return decide(true, 'novel');
    if (input.timeMs - this.lastKeptMs >= o.maxIntervalMs) return decide(true, 'refresh');
    return decide(false, 'redundant');
  }

  /** Forgets everything (a new scene). */
  reset(): void {
    this.kept.length = 0;
    this.recentSharpness.length = 0;
    this.lastKeptMs = -Infinity;
    this.seen = 0;
    this.keptCount = 0;
  }

  private remember(input: KeyframeCandidate, thumb: GreyImage): void {
    this.kept.push({ thumb, ...(input.pose ? { pose: input.pose } : {}) });
    if (this.kept.length > this.opts.memory) this.kept.shift();
    this.lastKeptMs = input.timeMs;
    this.keptCount++;
  }

  /** The remembered keyframe pose closest to this one (translation first, then rotation). */
  private nearestMotion(pose: Mat4): { translation: number; rotation: number } | undefined {
    let best: { translation: number; rotation: number } | undefined;
    for (const k of this.kept) {
      if (!k.pose) continue;
      const m = poseDistance(k.pose, pose);
      if (!best || m.translation + m.rotation < best.translation + best.rotation) best = m;
    }
    return best;
  }
}

/** Translation (metres) and rotation angle (radians) between two row-major rigid 4×4 poses. */
export function poseDistance(a: Mat4, b: Mat4): { translation: number; rotation: number } {
  const translation = Math.hypot(a[3] - b[3], a[7] - b[7], a[11] - b[11]);
  // trace(Raᵀ Rb) = Σ_ij Ra_ij Rb_ij
  let trace = 0;
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) trace += a[r * 4 + c] * b[r * 4 + c];
  const cos = Math.min(1, Math.max(-1, (trace - 1) / 2));
  return { translation, rotation: Math.acos(cos) };
}

function medianOf(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
