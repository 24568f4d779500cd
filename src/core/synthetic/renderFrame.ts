import type { CameraToWorld, Intrinsics } from '../geometry/types';
import type { RoomLayout } from './layoutRoom';

/**
 * Ray-casts a furnished room: per pixel the nearest box (slab test in the box's own frame) or the room's
 * inside. Each box is tested only inside its projected bounding rectangle, so cost ≈ a z-buffer rasteriser's.
 * Returns colour, metric depth (along the optical axis), the id buffer (object index, −1 = room) and, per
 * object, its visible pixels and the pixels it would cover unoccluded — the oracle detector's inputs.
 */
export interface RenderedFrame {
  readonly rgb: Uint8Array;
  readonly depth: Float32Array;
  readonly ids: Int16Array;
  readonly visible: Int32Array;
  readonly unoccluded: Int32Array;
  /** Visible-pixel bounding box per object [x0, y0, x1, y1] (x1, y1 exclusive); x0 = −1 when unseen. */
  readonly boxes: Int32Array;
}

const ROOM_COLOURS: readonly (readonly [number, number, number])[] = [
  [200, 196, 188], // walls
  [190, 200, 205],
  [205, 195, 185],
  [185, 190, 200],
  [150, 120, 90], // floor
  [235, 235, 235], // ceiling
];

/** A cheap deterministic texture so that odometry has something to track. */
function texture(x: number, y: number, z: number): number {
  const ix = Math.floor(x * 20);
  const iy = Math.floor(y * 20);
  const iz = Math.floor(z * 20);
  let h = Math.imul(ix, 73856093) ^ Math.imul(iy, 19349663) ^ Math.imul(iz, 83492791);
  h = Math.imul(h ^ (h >>> 13), 0x5bd1e995);
  return ((h >>> 24) & 31) - 16;
}

export function renderFrame(layout: RoomLayout, pose: CameraToWorld, k: Intrinsics): RenderedFrame {
  const { width: W, height: H } = k;
  const n = layout.objects.length;
  const depth = new Float32Array(W * H);
  const ids = new Int16Array(W * H).fill(-1);
  const face = new Uint8Array(W * H);
  const visible = new Int32Array(n);
  const unoccluded = new Int32Array(n);
  const boxes = new Int32Array(n * 4).fill(-1);
  const [r00, r01, r02, ox, r10, r11, r12, oy, r20, r21, r22, oz] = pose;

  // The room's inside: exit distance of the ray from the room box.
  for (let v = 0; v < H; v++) {
    const yc = (v - k.cy) / k.fy;
    for (let u = 0; u < W; u++) {
      const xc = (u - k.cx) / k.fx;
      const dx = r00 * xc + r01 * yc + r02;
      const dy = r10 * xc + r11 * yc + r12;
      const dz = r20 * xc + r21 * yc + r22;
      let t = Infinity;
      let f = 0;
      const tx = dx > 0 ? (layout.width - ox) / dx : dx < 0 ? -ox / dx : Infinity;
      if (tx < t) [t, f] = [tx, dx > 0 ? 1 : 3];
      const ty = dy > 0 ? (layout.depth - oy) / dy : dy < 0 ? -oy / dy : Infinity;
      if (ty < t) [t, f] = [ty, dy > 0 ? 2 : 0];
      const tz = dz > 0 ? (layout.height - oz) / dz : dz < 0 ? -oz / dz : Infinity;
      if (tz < t) [t, f] = [tz, dz > 0 ? 5 : 4];
      depth[v * W + u] = t;
      face[v * W + u] = f;
    }
  }

  const inv = [r00, r10, r20, r01, r11, r21, r02, r12, r22]; // world → camera rotation
  layout.objects.forEach((o, i) => {
    const c = Math.cos(o.yaw);
    const s = Math.sin(o.yaw);
    const [hx, hy, hz] = [o.size[0] / 2, o.size[1] / 2, o.size[2] / 2];
    // Projected bounding rectangle of the 8 corners; the whole image if any corner is behind the camera.
    let u0 = Infinity,
      v0 = Infinity,
      u1 = -Infinity,
      v1 = -Infinity,
      behind = false;
    for (const [a, b, e] of [
      [-1, -1, -1],
      [1, -1, -1],
      [1, 1, -1],
      [-1, 1, -1],
      [-1, -1, 1],
      [1, -1, 1],
      [1, 1, 1],
      [-1, 1, 1],
    ]) {
      const wx = o.center[0] + c * a * hx - s * b * hy - ox;
      const wy = o.center[1] + s * a * hx + c * b * hy - oy;
      const wz = o.center[2] + e * hz - oz;
      const zc = inv[6] * wx + inv[7] * wy + inv[8] * wz;
      if (zc < 0.05) {
        behind = true;
        break;
      }
      const pu = (k.fx * (inv[0] * wx + inv[1] * wy + inv[2] * wz)) / zc + k.cx;
      const pv = (k.fy * (inv[3] * wx + inv[4] * wy + inv[5] * wz)) / zc + k.cy;
      u0 = Math.min(u0, pu);
      u1 = Math.max(u1, pu);
      v0 = Math.min(v0, pv);
      v1 = Math.max(v1, pv);
    }
    const ua = behind ? 0 : Math.max(0, Math.floor(u0));
    const ub = behind ? W - 1 : Math.min(W - 1, Math.ceil(u1));
    const va = behind ? 0 : Math.max(0, Math.floor(v0));
    const vb = behind ? H - 1 : Math.min(H - 1, Math.ceil(v1));
    // Ray origin in the box frame.
    const px = ox - o.center[0],
      py = oy - o.center[1],
      pz = oz - o.center[2];
    const lox = c * px + s * py,
      loy = -s * px + c * py,
      loz = pz;
    for (let v = va; v <= vb; v++) {
      const yc = (v - k.cy) / k.fy;
      for (let u = ua; u <= ub; u++) {
        const xc = (u - k.cx) / k.fx;
        const dx = r00 * xc + r01 * yc + r02;
        const dy = r10 * xc + r11 * yc + r12;
        const dz = r20 * xc + r21 * yc + r22;
        const ldx = c * dx + s * dy,
          ldy = -s * dx + c * dy,
          ldz = dz;
        let tmin = 0,
          tmax = Infinity,
          f = 0;
        // Slabs x, y, z; `f` remembers which slab the ray entered through (the lit face).
        if (Math.abs(ldx) < 1e-12) {
          if (Math.abs(lox) > hx) continue;
        } else {
          let ta = (-hx - lox) / ldx,
            tb = (hx - lox) / ldx;
          if (ta > tb) [ta, tb] = [tb, ta];
          if (ta > tmin) {
            tmin = ta;
            f = 0;
          }
          tmax = Math.min(tmax, tb);
        }
        if (Math.abs(ldy) < 1e-12) {
          if (Math.abs(loy) > hy) continue;
        } else {
          let ta = (-hy - loy) / ldy,
            tb = (hy - loy) / ldy;
          if (ta > tb) [ta, tb] = [tb, ta];
          if (ta > tmin) {
            tmin = ta;
            f = 1;
          }
          tmax = Math.min(tmax, tb);
        }
        if (Math.abs(ldz) < 1e-12) {
          if (Math.abs(loz) > hz) continue;
        } else {
          let ta = (-hz - loz) / ldz,
            tb = (hz - loz) / ldz;
          if (ta > tb) [ta, tb] = [tb, ta];
          if (ta > tmin) {
            tmin = ta;
            f = 2;
          }
          tmax = Math.min(tmax, tb);
        }
        if (tmin > tmax || tmin <= 0) continue;
        unoccluded[i]++;
        const p = v * W + u;
        if (tmin < depth[p]) {
          depth[p] = tmin;
          ids[p] = i;
          face[p] = f;
        }
      }
    }
  });

  const rgb = new Uint8Array(W * H * 3);
  for (let v = 0; v < H; v++) {
    const yc = (v - k.cy) / k.fy;
    for (let u = 0; u < W; u++) {
      const p = v * W + u;
      const xc = (u - k.cx) / k.fx;
      const t = depth[p];
      const wx = ox + t * (r00 * xc + r01 * yc + r02);
      const wy = oy + t * (r10 * xc + r11 * yc + r12);
      const wz = oz + t * (r20 * xc + r21 * yc + r22);
      const id = ids[p];
      let base: readonly [number, number, number];
      let shade: number;
      if (id < 0) {
        base = ROOM_COLOURS[face[p]];
        const checker = face[p] === 4 && (Math.floor(wx * 2) + Math.floor(wy * 2)) % 2 === 0 ? 0.85 : 1;
        shade = checker;
      } else {
        const o = layout.objects[id];
        base = o.colour;
        shade = face[p] === 2 ? 1 : face[p] === 0 ? 0.78 : 0.62; // top lit, sides darker
        visible[id]++;
        const b = id * 4;
        if (boxes[b] < 0) {
          boxes[b] = u;
          boxes[b + 1] = v;
          boxes[b + 2] = u + 1;
          boxes[b + 3] = v + 1;
        } else {
          if (u < boxes[b]) boxes[b] = u;
          if (u + 1 > boxes[b + 2]) boxes[b + 2] = u + 1;
          if (v + 1 > boxes[b + 3]) boxes[b + 3] = v + 1;
        }
      }
      const tex = texture(wx, wy, wz);
      for (let ch = 0; ch < 3; ch++)
        rgb[p * 3 + ch] = Math.max(0, Math.min(255, Math.round(base[ch] * shade + tex)));
    }
  }
  return { rgb, depth, ids, visible, unoccluded, boxes };
}
