/**
 * Metric scale for relative depth. Depth Anything's relative output is affine-invariant inverse depth
 * (disparity d ≈ s·(1/z) + t, unknown s and t), so metric depth is z = 1 / (a·d + b) with a, b fitted to sparse
 * metric depth (a sequence's own depth, WebXR depth) — or, when nothing else exists, to distances implied by the
 * typical real heights of detected objects (z ≈ fy · H / h_pixels).
 * Fits are robust: least squares, then refits on the samples within 3 MADs of the residual median.
 */
import { OBJECT_CLASSES } from '../catalog/objectClass';
import type { DepthImage, Detection } from './types';

/** 'disparity': inverse depth up to scale and shift (Depth Anything relative). 'depth': depth up to scale. */
export type RelativeKind = 'disparity' | 'depth';

export interface MetricSample {
  /** The relative model's value at a pixel. */
  readonly relative: number;
  /** Metres at the same pixel. */
  readonly metres: number;
}

export interface DepthScaleFit {
  readonly kind: RelativeKind;
  /** disparity: 1/z = a·d + b. depth: z = a·d (b = 0). */
  readonly a: number;
  readonly b: number;
  /** Samples kept by the robust refit, and how many were offered. */
  readonly inliers: number;
  readonly samples: number;
  /** Median relative error |z_fit − z| / z over the inliers. */
  readonly medianRelError: number;
}

export class DepthScaleError extends Error {
  override readonly name = 'DepthScaleError';
}

/** Fits the relative → metric mapping; a disparity fit with under 3 samples falls back to scale only (b = 0). */
export function fitDepthScale(samples: readonly MetricSample[], kind: RelativeKind): DepthScaleFit {
  const valid = samples.filter(
    (s) => Number.isFinite(s.relative) && Number.isFinite(s.metres) && s.metres > 0 && s.relative > 0,
  );
  if (valid.length === 0) {
    throw new DepthScaleError(
      `fitDepthScale: none of ${samples.length} samples has positive relative and metric depth; give metric depth where the model sees something`,
    );
  }
  // Work in the space where the model is linear in the unknowns: inverse depth for disparity, depth otherwise.
  const xs = valid.map((s) => s.relative);
  const ys = valid.map((s) => (kind === 'disparity' ? 1 / s.metres : s.metres));
  const affine = kind === 'disparity' && valid.length >= 3;
  let keep = xs.map(() => true);
  let [a, b] = solve(xs, ys, keep, affine);
  for (let iter = 0; iter < 5; iter++) {
    const res = xs.map((x, i) => Math.abs(a * x + b - ys[i]) / Math.abs(ys[i]));
    const med = median(res);
    const mad = median(res.map((r) => Math.abs(r - med)));
    const limit = med + 3 * Math.max(mad * 1.4826, 1e-6);
    const next = res.map((r) => r <= limit);
    if (next.filter(Boolean).length < (affine ? 3 : 1) || next.every((k, i) => k === keep[i])) break;
    keep = next;
    [a, b] = solve(xs, ys, keep, affine);
  }
  const errors = valid
    .filter((_, i) => keep[i])
    .map((s) => Math.abs(toMetres(s.relative, { kind, a, b }) - s.metres) / s.metres);
  return {
    kind,
    a,
    b,
    inliers: errors.length,
    samples: samples.length,
    medianRelError: median(errors),
  };
}

/** Metres for one relative value; 0 (no depth) where the fit maps it to a non-positive or infinite depth. */
export function toMetres(relative: number, fit: Pick<DepthScaleFit, 'kind' | 'a' | 'b'>): number {
  if (fit.kind === 'depth') return Math.max(0, fit.a * relative);
  const inv = fit.a * relative + fit.b;
  return inv > 1e-6 ? 1 / inv : 0;
}

export function applyDepthScale(
  relative: { readonly width: number; readonly height: number; readonly data: Float32Array },
  fit: DepthScaleFit,
): DepthImage {
  const out = new Float32Array(relative.data.length);
  for (let i = 0; i < out.length; i++) out[i] = toMetres(relative.data[i], fit);
  return { width: relative.width, height: relative.height, data: out };
}

/**
 * Pairs a relative map with a metric one (sequence depth, WebXR depth), which may have another resolution:
 * every `stride`-th metric pixel with depth is looked up at the same normalised position in the relative map.
 */
export function pairWithMetric(
  relative: { readonly width: number; readonly height: number; readonly data: Float32Array },
  metric: DepthImage,
  stride = 4,
): MetricSample[] {
  const out: MetricSample[] = [];
  for (let y = 0; y < metric.height; y += stride) {
    for (let x = 0; x < metric.width; x += stride) {
      const metres = metric.data[y * metric.width + x];
      if (!(metres > 0)) continue;
      const rx = Math.min(relative.width - 1, Math.floor(((x + 0.5) * relative.width) / metric.width));
      const ry = Math.min(relative.height - 1, Math.floor(((y + 0.5) * relative.height) / metric.height));
      out.push({ relative: relative.data[ry * relative.width + rx], metres });
    }
  }
  return out;
}

/** Typical vertical extent in metres of classes whose height varies little between instances (the catalogue's). */
export const TYPICAL_HEIGHT_M: Readonly<Record<string, number>> = Object.fromEntries(
  OBJECT_CLASSES.flatMap((c) => (c.typicalHeight !== undefined ? [[c.key, c.typicalHeight]] : [])),
);

/**
 * Samples from object-size priors: for each detection of a class with a typical height whose box does not touch
 * the image border (a cut box understates the height), the distance fy·H/h paired with the median relative value
 * inside the box's central half.
 */
export function objectSizeSamples(
  relative: { readonly width: number; readonly height: number; readonly data: Float32Array },
  detections: readonly Detection[],
  fy: number,
  imageSize: { readonly width: number; readonly height: number },
  heights: Readonly<Record<string, number>> = TYPICAL_HEIGHT_M,
  margin = 2,
): MetricSample[] {
  const out: MetricSample[] = [];
  for (const d of detections) {
    const h = heights[d.label];
    const [x0, y0, x1, y1] = d.box;
    const touches =
      x0 <= margin || y0 <= margin || x1 >= imageSize.width - margin || y1 >= imageSize.height - margin;
    if (h === undefined || touches || y1 - y0 < 4) continue;
    const sx = relative.width / imageSize.width;
    const sy = relative.height / imageSize.height;
    const cx0 = Math.floor((x0 + (x1 - x0) / 4) * sx);
    const cx1 = Math.ceil((x1 - (x1 - x0) / 4) * sx);
    const cy0 = Math.floor((y0 + (y1 - y0) / 4) * sy);
    const cy1 = Math.ceil((y1 - (y1 - y0) / 4) * sy);
    const values: number[] = [];
    for (let y = Math.max(0, cy0); y < Math.min(relative.height, cy1); y++) {
      for (let x = Math.max(0, cx0); x < Math.min(relative.width, cx1); x++)
        values.push(relative.data[y * relative.width + x]);
    }
    if (values.length === 0) continue;
    out.push({ relative: median(values), metres: (fy * h) / (y1 - y0) });
  }
  return out;
}

/** Least squares y ≈ a·x + b over the kept samples (b = 0 when not affine). */
function solve(
  xs: readonly number[],
  ys: readonly number[],
  keep: readonly boolean[],
  affine: boolean,
): [number, number] {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    if (!keep[i]) continue;
    n++;
    sx += xs[i];
    sy += ys[i];
    sxx += xs[i] * xs[i];
    sxy += xs[i] * ys[i];
  }
  const det = n * sxx - sx * sx;
  if (!affine || Math.abs(det) < 1e-12 * Math.max(1, n * sxx)) return [sxy / sxx, 0];
  return [(n * sxy - sx * sy) / det, (sy * sxx - sx * sxy) / det];
}

function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
