import { asCameraToWorld, type CameraToWorld } from '../geometry/types';
import type { RoomLayout } from './layoutRoom';
import { Prng } from '../prng';

/**
 * A hand-held walk once around the room's camera loop at 1.4–1.6 m, looking along the walk with a slow
 * pan left and right (so both the walls and the middle of the room are seen) and a pitch 8–22° down.
 */
export function cameraPath(layout: RoomLayout, frameCount: number, seed: number): CameraToWorld[] {
  const rng = new Prng(seed * 104729 + 3);
  const phase = rng.uniform(0, 2 * Math.PI);
  const dir = rng.chance(0.5) ? 1 : -1;
  const eye = rng.uniform(1.4, 1.6);
  const panCycles = rng.int(2, 4);
  const panPhase = rng.uniform(0, 2 * Math.PI);
  const poses: CameraToWorld[] = [];
  for (let i = 0; i < frameCount; i++) {
    const t = i / frameCount;
    const phi = phase + dir * 2 * Math.PI * t;
    const { cx, cy, ra, rb } = layout.loop;
    const pos: [number, number, number] = [
      cx + ra * Math.cos(phi),
      cy + rb * Math.sin(phi),
      eye + 0.03 * Math.sin(2 * Math.PI * t * 7),
    ];
    // Tangent of the ellipse in the walking direction, then the pan.
    const tangent = Math.atan2(dir * rb * Math.cos(phi), -dir * ra * Math.sin(phi));
    const heading = tangent + dir * 1.25 * Math.sin(2 * Math.PI * t * panCycles + panPhase);
    const pitch = -(0.26 + 0.12 * Math.sin(2 * Math.PI * t * 5 + 1));
    poses.push(lookPose(pos, heading, pitch));
  }
  return poses;
}

/** Camera-to-world for OpenCV axes (x right, y down, z forward) in a z-up world, no roll. */
export function lookPose(
  pos: readonly [number, number, number],
  heading: number,
  pitch: number,
): CameraToWorld {
  const f = [Math.cos(pitch) * Math.cos(heading), Math.cos(pitch) * Math.sin(heading), Math.sin(pitch)];
  // right = f × up(0,0,1), normalised; down = f × right.
  const rn = Math.hypot(f[1], f[0]);
  const r = [f[1] / rn, -f[0] / rn, 0];
  const d = [f[1] * r[2] - f[2] * r[1], f[2] * r[0] - f[0] * r[2], f[0] * r[1] - f[1] * r[0]];
  return asCameraToWorld([
    r[0],
    d[0],
    f[0],
    pos[0],
    r[1],
    d[1],
    f[1],
    pos[1],
    r[2],
    d[2],
    f[2],
    pos[2],
    0,
    0,
    0,
    1,
  ]);
}
