import type { Intrinsics } from '../geometry/types';
import type { DepthImage, RgbImage } from '../perception/types';

/** One pyramid level of a frame: grey intensity (0–1) and depth (metres, 0 = none) with its intrinsics. */
export interface PyramidLevel {
  readonly width: number;
  readonly height: number;
  readonly fx: number;
  readonly fy: number;
  readonly cx: number;
  readonly cy: number;
  readonly grey: Float32Array;
  readonly depth: Float32Array;
}

/** A level prepared as an alignment target: intensity gradients, vertex and normal maps (camera frame). */
export interface TargetLevel extends PyramidLevel {
  readonly gradX: Float32Array;
  readonly gradY: Float32Array;
  /** xyz per pixel; z = 0 where there is no depth. */
  readonly vertices: Float32Array;
  /** xyz per pixel; NaN where no normal could be estimated. */
  readonly normals: Float32Array;
}

export interface PyramidOptions {
  readonly levels: number;
  /** Depth outside [minDepth, maxDepth] metres is treated as missing. */
  readonly minDepth: number;
  readonly maxDepth: number;
  /**
   * The colour camera's own intrinsics where colour and depth come from two cameras (e.g. a Kinect v1: colour
   * f ≈ 525 px, depth f ≈ 585 px at 640×480). Each depth pixel then takes the intensity where its ray meets
   * the colour image (the cameras' few-cm baseline is neglected). Omitted: colour is registered to depth.
   */
  readonly colourIntrinsics?: Intrinsics;
}

/**
 * Builds a coarse-to-fine pyramid (level 0 = full size). Depth is halved by averaging only the valid
 * pixels of each 2×2 block that lie near the block's nearest one, so edges do not blend fore- and background.
 */
export function buildPyramid(
  rgb: RgbImage,
  depth: DepthImage,
  k: Intrinsics,
  opts: PyramidOptions,
): PyramidLevel[] {
  const { width, height } = rgb;
  const n = width * height;
  let grey: Float32Array = new Float32Array(n);
  const d = new Float32Array(n);
  const src = rgb.data;
  for (let i = 0; i < n; i++) {
    grey[i] = (0.299 * src[i * 3] + 0.587 * src[i * 3 + 1] + 0.114 * src[i * 3 + 2]) / 255;
    const z = depth.data[i];
    d[i] = z >= opts.minDepth && z <= opts.maxDepth ? z : 0;
  }
  const sx = width / k.width;
  const sy = height / k.height;
  if (opts.colourIntrinsics) grey = registerToDepth(grey, width, height, k, opts.colourIntrinsics);
  const levels: PyramidLevel[] = [
    {
      width,
      height,
      fx: k.fx * sx,
      fy: k.fy * sy,
      cx: (k.cx + 0.5) * sx - 0.5,
      cy: (k.cy + 0.5) * sy - 0.5,
      grey,
      depth: d,
    },
  ];
  for (let l = 1; l < opts.levels; l++) levels.push(halve(levels[l - 1]));
  return levels;
}

/**
 * Resamples a colour camera's grey image onto the depth camera's pixel grid: depth pixel (u, v) looks along
 * ((u − cx)/fx, (v − cy)/fy, 1); that ray lands at fx_c·x + cx_c in the colour image (bilinear, clamped
 * at the border). Both intrinsics are scaled to the image size as the pyramid's are.
 */
function registerToDepth(
  grey: Float32Array,
  w: number,
  h: number,
  depthK: Intrinsics,
  colourK: Intrinsics,
): Float32Array {
  const out = new Float32Array(w * h);
  const ax = ((colourK.fx / colourK.width) * depthK.width) / depthK.fx;
  const ay = ((colourK.fy / colourK.height) * depthK.height) / depthK.fy;
  const pixel = (c: number, size: number, kSize: number) => (c + 0.5) * (size / kSize) - 0.5;
  const dcx = pixel(depthK.cx, w, depthK.width);
  const dcy = pixel(depthK.cy, h, depthK.height);
  const ccx = pixel(colourK.cx, w, colourK.width);
  const ccy = pixel(colourK.cy, h, colourK.height);
  // Per column, where its ray lands (an axis-aligned map: x depends on u only, y on v only).
  const x0s = new Int32Array(w);
  const as = new Float64Array(w);
  for (let u = 0; u < w; u++) {
    const xc = Math.fround(Math.min(w - 1.001, Math.max(0, ccx + ax * (u - dcx))));
    x0s[u] = Math.floor(xc);
    as[u] = xc - x0s[u];
  }
  for (let v = 0; v < h; v++) {
    const yc = Math.min(h - 1.001, Math.max(0, ccy + ay * (v - dcy)));
    const y0 = Math.floor(yc);
    const b = yc - y0;
    const row = y0 * w;
    const o = v * w;
    for (let u = 0; u < w; u++) {
      const a = as[u];
      const q = row + x0s[u];
      out[o + u] =
        (1 - b) * ((1 - a) * grey[q] + a * grey[q + 1]) + b * ((1 - a) * grey[q + w] + a * grey[q + w + 1]);
    }
  }
  return out;
}

function halve(p: PyramidLevel): PyramidLevel {
  const w = p.width >> 1;
  const h = p.height >> 1;
  const grey = new Float32Array(w * h);
  const depth = new Float32Array(w * h);
  const W = p.width;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = 2 * y * W + 2 * x;
      grey[y * w + x] = 0.25 * (p.grey[i] + p.grey[i + 1] + p.grey[i + W] + p.grey[i + W + 1]);
      const a = p.depth[i];
      const b = p.depth[i + 1];
      const c = p.depth[i + W];
      const e = p.depth[i + W + 1];
      let near = Infinity;
      if (a > 0 && a < near) near = a;
      if (b > 0 && b < near) near = b;
      if (c > 0 && c < near) near = c;
      if (e > 0 && e < near) near = e;
      if (near === Infinity) continue;
      const lim = near * 1.03 + 0.01;
      let s = 0;
      let m = 0;
      if (a > 0 && a <= lim) {
        s += a;
        m++;
      }
      if (b > 0 && b <= lim) {
        s += b;
        m++;
      }
      if (c > 0 && c <= lim) {
        s += c;
        m++;
      }
      if (e > 0 && e <= lim) {
        s += e;
        m++;
      }
      depth[y * w + x] = s / m;
    }
  }
  return {
    width: w,
    height: h,
    fx: p.fx / 2,
    fy: p.fy / 2,
    cx: (p.cx + 0.5) / 2 - 0.5,
    cy: (p.cy + 0.5) / 2 - 0.5,
    grey,
    depth,
  };
}

/** Adds gradients, vertices and normals to a level so that other frames can be aligned against it. */
export function prepareTarget(p: PyramidLevel): TargetLevel {
  const { width: w, height: h, fx, fy, cx, cy, grey, depth } = p;
  const n = w * h;
  const gradX = new Float32Array(n);
  const gradY = new Float32Array(n);
  const vertices = new Float32Array(n * 3);
  const normals = new Float32Array(n * 3).fill(NaN);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (x > 0 && x < w - 1) gradX[i] = 0.5 * (grey[i + 1] - grey[i - 1]);
      if (y > 0 && y < h - 1) gradY[i] = 0.5 * (grey[i + w] - grey[i - w]);
      const z = depth[i];
      if (z > 0) {
        vertices[i * 3] = ((x - cx) * z) / fx;
        vertices[i * 3 + 1] = ((y - cy) * z) / fy;
        vertices[i * 3 + 2] = z;
      }
    }
  }
  // Normals from central differences; none across depth jumps (a jump is not a surface).
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const z = depth[i];
      const zl = depth[i - 1];
      const zr = depth[i + 1];
      const zu = depth[i - w];
      const zd = depth[i + w];
      if (!(z > 0 && zl > 0 && zr > 0 && zu > 0 && zd > 0)) continue;
      const jump = 0.05 * z;
      if (Math.abs(zr - zl) > 2 * jump || Math.abs(zd - zu) > 2 * jump) continue;
      const ax = vertices[(i + 1) * 3] - vertices[(i - 1) * 3];
      const ay = vertices[(i + 1) * 3 + 1] - vertices[(i - 1) * 3 + 1];
      const az = vertices[(i + 1) * 3 + 2] - vertices[(i - 1) * 3 + 2];
      const bx = vertices[(i + w) * 3] - vertices[(i - w) * 3];
      const by = vertices[(i + w) * 3 + 1] - vertices[(i - w) * 3 + 1];
      const bz = vertices[(i + w) * 3 + 2] - vertices[(i - w) * 3 + 2];
      let nx = ay * bz - az * by;
      let ny = az * bx - ax * bz;
      let nz = ax * by - ay * bx;
      const len = Math.hypot(nx, ny, nz);
      if (!(len > 0)) continue;
      // Face the camera.
      const s = nx * vertices[i * 3] + ny * vertices[i * 3 + 1] + nz * z > 0 ? -1 / len : 1 / len;
      nx *= s;
      ny *= s;
      nz *= s;
      normals[i * 3] = nx;
      normals[i * 3 + 1] = ny;
      normals[i * 3 + 2] = nz;
    }
  }
  return { ...p, gradX, gradY, vertices, normals };
}
