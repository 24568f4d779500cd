import type { Vec3 } from '../geometry/types';
import type { Keyframe, Mosaic, MosaicObject } from '../mosaic/types';
import type { DirectionLevel, EgoDirection, PairRelation } from '../questions/types';
import { boxDistance } from './boxDistance';
import { toPlane, worldFrame, type WorldFrame } from './orientedBox';
import { signedAngle, type P2 } from './planeGeometry';
import { boxOf, verticalExtent } from './spatialTools';

/**
 * Directions on the floor plane. Angles are signed, positive = counter-clockwise seen from above = to the left.
 * VSI-Bench definitions: "back" when one would have to turn at least 135° to face it; quadrants are those of a
 * Cartesian plane with me at the origin facing +y.
 */
const DEG = 180 / Math.PI;
const planeSub = (a: P2, b: P2): P2 => [a[0] - b[0], a[1] - b[1]];

/** Angle (degrees) of `query` seen from `standing` when facing `facing`; positive = left. */
export function relativeAngleDeg(f: WorldFrame, standing: Vec3, facing: Vec3, query: Vec3): number {
  const s = toPlane(f, standing);
  return signedAngle(planeSub(toPlane(f, facing), s), planeSub(toPlane(f, query), s)) * DEG;
}

export function classifyDirection(level: DirectionLevel, angleDeg: number): string {
  const left = angleDeg > 0;
  if (level === 'easy') return left ? 'left' : 'right';
  if (level === 'medium') return Math.abs(angleDeg) >= 135 ? 'back' : left ? 'left' : 'right';
  return `${Math.abs(angleDeg) < 90 ? 'front' : 'back'}-${left ? 'left' : 'right'}`;
}

/** How far the angle is from the nearest class boundary, degrees: small margins mean fragile answers. */
export function directionMargin(level: DirectionLevel, angleDeg: number): number {
  const a = Math.abs(angleDeg);
  const toSide = Math.min(a, 180 - a);
  if (level === 'easy') return toSide;
  if (level === 'medium') return Math.min(a, Math.abs(a - 135));
  return Math.min(toSide, Math.abs(a - 90));
}

export interface Viewpoint {
  readonly position: Vec3;
  /** Horizontal heading on the bird's-eye plane (unit). */
  readonly heading: P2;
}

/** Where the user stands now: the last keyframe's camera, looking along its optical axis (+z, OpenCV). */
export function currentViewpoint(m: Mosaic, f: WorldFrame = worldFrame(m.up)): Viewpoint | undefined {
  const last: Keyframe | undefined = m.trajectory.reduce<Keyframe | undefined>(
    (best, k) => (!best || k.frame > best.frame ? k : best),
    undefined,
  );
  if (!last) return undefined;
  const p = last.pose;
  const fwd = toPlane(f, [p[2], p[6], p[10]]);
  const l = Math.hypot(fwd[0], fwd[1]);
  if (l < 1e-9) return undefined;
  return { position: [p[3], p[7], p[11]], heading: [fwd[0] / l, fwd[1] / l] };
}

/** Egocentric angle (degrees, positive = left) of a point from a viewpoint. */
export function egoAngleDeg(f: WorldFrame, v: Viewpoint, p: Vec3): number {
  return signedAngle(v.heading, planeSub(toPlane(f, p), toPlane(f, v.position))) * DEG;
}

/** Four 90° sectors: front within ±45°, back beyond ±135°. */
export function egoSector(angleDeg: number): EgoDirection {
  const a = Math.abs(angleDeg);
  if (a <= 45) return 'front';
  if (a >= 135) return 'back';
  return angleDeg > 0 ? 'left' : 'right';
}

export interface RelationResult {
  readonly holds: boolean;
  /** A short human-readable measurement behind the verdict. */
  readonly detail: string;
}

const NEAR_METRES = 0.5;

/** "is A <relation> B (and C)?" from the viewpoint (left/right/front/behind are as the user sees them). */
export function pairRelation(
  m: Mosaic,
  v: Viewpoint,
  a: MosaicObject,
  relation: PairRelation,
  b: MosaicObject,
  c?: MosaicObject,
): RelationResult {
  const f = worldFrame(m.up);
  const pa = toPlane(f, a.center);
  const pb = toPlane(f, b.center);
  const right: P2 = [v.heading[1], -v.heading[0]];
  const d = planeSub(pa, pb);
  switch (relation) {
    case 'left':
    case 'right': {
      const x = d[0] * right[0] + d[1] * right[1];
      return {
        holds: relation === 'right' ? x > 0 : x < 0,
        detail: `${Math.abs(x).toFixed(2)} m to the ${x > 0 ? 'right' : 'left'}`,
      };
    }
    case 'front':
    case 'behind': {
      const y = d[0] * v.heading[0] + d[1] * v.heading[1];
      return {
        holds: relation === 'behind' ? y > 0 : y < 0,
        detail: `${Math.abs(y).toFixed(2)} m ${y > 0 ? 'farther' : 'nearer'}`,
      };
    }
    case 'above':
    case 'below': {
      const [a0, a1] = verticalExtent(m, a, f);
      const [b0, b1] = verticalExtent(m, b, f);
      const ca = (a0 + a1) / 2;
      const cb = (b0 + b1) / 2;
      const holds = relation === 'above' ? ca > cb && a0 >= b1 - 0.1 : ca < cb && a1 <= b0 + 0.1;
      return { holds, detail: `centres ${Math.abs(ca - cb).toFixed(2)} m ${ca > cb ? 'higher' : 'lower'}` };
    }
    case 'near': {
      const dist = boxDistance(boxOf(m, a), boxOf(m, b));
      return { holds: dist <= NEAR_METRES, detail: `${dist.toFixed(2)} m apart` };
    }
    case 'between': {
      if (!c) return { holds: false, detail: 'needs two reference objects' };
      const pc = toPlane(f, c.center);
      const bc = planeSub(pc, pb);
      const len2 = bc[0] * bc[0] + bc[1] * bc[1];
      const t = len2 > 0 ? (d[0] * bc[0] + d[1] * bc[1]) / len2 : -1;
      const off = Math.abs(d[0] * bc[1] - d[1] * bc[0]) / Math.sqrt(len2 || 1);
      const holds = t > 0 && t < 1 && off <= Math.max(0.3, 0.25 * Math.sqrt(len2));
      return { holds, detail: `${(t * 100).toFixed(0)}% along, ${off.toFixed(2)} m off the line` };
    }
  }
}
