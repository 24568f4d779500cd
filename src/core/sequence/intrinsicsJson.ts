import { intrinsicsProblem } from '../geometry/camera';
import type { Intrinsics } from '../geometry/types';
import { parseJsonObject } from './sequenceFormatError';

/** Open3D `PinholeCameraIntrinsic` JSON: width, height and a column-major 3×3 `intrinsic_matrix`. */
export function parseIntrinsicsJson(text: string, file = 'intrinsics.json'): Intrinsics {
  const { o, fail } = parseJsonObject(text, file, 'width, height and intrinsic_matrix');
  for (const key of ['width', 'height'] as const) {
    const v = o[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 16384)
      fail(
        `"${key}" must be a whole number of pixels from 1 to 16384, got ${JSON.stringify(v) ?? 'undefined'}`,
      );
  }
  const m = o.intrinsic_matrix;
  if (!Array.isArray(m) || m.length !== 9 || m.some((v) => typeof v !== 'number' || !Number.isFinite(v)))
    fail('intrinsic_matrix must be an array of 9 finite numbers (column-major 3×3)');
  const k = m as number[];
  // Column-major: [fx, 0, 0,  skew, fy, 0,  cx, cy, 1]; the bottom row is k[2], k[5], k[8].
  if (k[2] !== 0 || k[5] !== 0 || k[8] !== 1)
    fail(
      k[6] === 0 && k[7] === 0 && (k[2] !== 0 || k[5] !== 0)
        ? 'intrinsic_matrix looks row-major; Open3D stores it column-major ([fx,0,0, 0,fy,0, cx,cy,1])'
        : 'intrinsic_matrix bottom row must be 0 0 1',
    );
  if (k[1] !== 0 || Math.abs(k[3]) > 1e-6 * Math.abs(k[0]))
    fail('intrinsic_matrix has skew or a shear term; only plain pinhole intrinsics are supported');
  const intrinsics: Intrinsics = {
    width: o.width as number,
    height: o.height as number,
    fx: k[0],
    fy: k[4],
    cx: k[6],
    cy: k[7],
  };
  const problem = intrinsicsProblem(intrinsics);
  if (problem) fail(problem);
  return intrinsics;
}

export function writeIntrinsicsJson(k: Intrinsics): string {
  return (
    JSON.stringify(
      { width: k.width, height: k.height, intrinsic_matrix: [k.fx, 0, 0, 0, k.fy, 0, k.cx, k.cy, 1] },
      null,
      2,
    ) + '\n'
  );
}
