import type { PerceptionFrame } from '../../src/runtime/PerceptionApi';

/**
 * A small analytic RGB-D keyframe for tests and the e2e test API: a camera 1.5 m above a floor (world z up),
 * facing +y and pitched 30° down, sees a 0.6 m 'chair' cube standing on the floor, x ∈ [−0.3, 0.3],
 * y ∈ [2.2, 2.8]; the camera moves 5 cm along x per frame. Depth is ray-cast exactly (the cube's front and top
 * faces, the floor), the detection box is the cube's true image extent.
 */
export const SYNTHETIC_UP = [0, 0, 1] as const;
const CAMERA_HEIGHT = 1.5;
const PITCH = Math.PI / 6;
const BOX_LO = [-0.3, 2.2, 0];
const BOX_HI = [0.3, 2.8, 0.6];

/** Ray parameter of the first hit with the cube (slab method), or Infinity. */
function hitBox(o: number[], d: number[]): number {
  let t0 = 0;
  let t1 = Infinity;
  for (let a = 0; a < 3; a++) {
    if (Math.abs(d[a]) < 1e-12) {
      if (o[a] < BOX_LO[a] || o[a] > BOX_HI[a]) return Infinity;
      continue;
    }
    const ta = (BOX_LO[a] - o[a]) / d[a];
    const tb = (BOX_HI[a] - o[a]) / d[a];
    t0 = Math.max(t0, Math.min(ta, tb));
    t1 = Math.min(t1, Math.max(ta, tb));
  }
  return t0 <= t1 ? t0 : Infinity;
}

export function syntheticFrame(n: number, width = 96, height = 72): PerceptionFrame {
  const f = (60 * width) / 96;
  const k = { width, height, fx: f, fy: f, cx: (width - 1) / 2, cy: (height - 1) / 2 };
  const tx = 0.05 * n;
  // Columns of the rotation are the OpenCV camera axes in the world: x right (1, 0, 0), y down
  // (0, −sin p, −cos p), z forward (0, cos p, −sin p).
  const [s, c] = [Math.sin(PITCH), Math.cos(PITCH)];
  const pose = [1, 0, 0, tx, 0, -s, c, 0, 0, -c, -s, CAMERA_HEIGHT, 0, 0, 0, 1];
  const origin = [tx, 0, CAMERA_HEIGHT];
  const depth = new Float32Array(width * height);
  const rgb = new Uint8Array(width * height * 3);
  let [u0, v0, u1, v1] = [width, height, -1, -1];
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      // World ray whose camera-z component is 1, so the ray parameter is the depth.
      const [xc, yc] = [(u - k.cx) / k.fx, (v - k.cy) / k.fy];
      const ray = [xc, -s * yc + c, -c * yc - s];
      const tBox = hitBox(origin, ray);
      const tFloor = ray[2] < 0 ? CAMERA_HEIGHT / -ray[2] : Infinity;
      const z = Math.min(tBox, tFloor);
      const i = v * width + u;
      depth[i] = z < 8 ? z : 0;
      rgb.fill(z === tBox ? 200 : z < 8 ? 110 : 40, i * 3, i * 3 + 3);
      if (z === tBox && z < 8)
        [u0, v0, u1, v1] = [Math.min(u0, u), Math.min(v0, v), Math.max(u1, u), Math.max(v1, v)];
    }
  }
  return {
    frame: n,
    time: n / 30,
    rgb: { width, height, data: rgb },
    depth: { width, height, data: depth },
    pose,
    intrinsics: k,
    // A middling score: fusion shows a strong detection at once, a middling one only once confirmed (3 sightings),
    // which is the path these frames exercise.
    detections: u1 < 0 ? [] : [{ label: 'chair', score: 0.5, box: [u0, v0, u1 + 1, v1 + 1] }],
  };
}
