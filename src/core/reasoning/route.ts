import { answerUnit, formatIn, type UnitSystem } from './answerUnits';
import type { Vec3 } from '../geometry/types';
import type { Mosaic, MosaicObject } from '../mosaic/types';
import { readLandmark } from '../questions/landmark';
import type { Turn } from '../questions/types';
import { checkLeg, freeSpaceOf } from './freeSpace';
import { boxCorners, toPlane, worldFrame, type WorldFrame } from './orientedBox';
import { convexHull, signedAngle, type P2 } from './planeGeometry';
import { relativeAngleDeg } from './relations';
import { resolveMapLabel } from './routePlanner';
import { boxOf, knownLabels, objectDistance, objectsLabelled } from './spatialTools';

/**
 * Route planning (VSI-Bench): start at A facing B, then a list of "Go forward until X" legs with turns to fill
 * in. Simulated on the floor plane: walking to X leaves me facing along the leg; each blank is the turn that
 * faces the next leg's target (back when ≥ 135°). Options are matched exactly, else by the least total
 * angular error of their turns.
 */
export type RoutePlanStep = { readonly kind: 'forward'; readonly to: Vec3 } | { readonly kind: 'turn' };

export interface RouteSimulation {
  /** The turn each blank needs, in order. */
  readonly turns: Turn[];
  /** The signed angle (degrees, + = left) each blank needs. */
  readonly angles: number[];
}

const TURN_ANGLE: Record<Turn, number> = { left: 90, right: -90, back: 180 };
const DEG = 180 / Math.PI;

export function simulateRoute(
  f: WorldFrame,
  start: Vec3,
  facing: Vec3,
  steps: RoutePlanStep[],
): RouteSimulation {
  let pos = toPlane(f, start);
  const fp = toPlane(f, facing);
  let heading: P2 = [fp[0] - pos[0], fp[1] - pos[1]];
  const turns: Turn[] = [];
  const angles: number[] = [];
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    if (s.kind === 'forward') {
      const to = toPlane(f, s.to);
      const leg: P2 = [to[0] - pos[0], to[1] - pos[1]];
      if (Math.hypot(leg[0], leg[1]) > 1e-9) heading = leg;
      pos = to;
      continue;
    }
    const next = steps.slice(i + 1).find((x) => x.kind === 'forward');
    if (!next || next.kind !== 'forward') {
      turns.push('back');
      angles.push(180);
      continue;
    }
    const to = toPlane(f, next.to);
    const a = signedAngle(heading, [to[0] - pos[0], to[1] - pos[1]]) * DEG;
    angles.push(a);
    turns.push(Math.abs(a) >= 135 ? 'back' : a > 0 ? 'left' : 'right');
  }
  return { turns, angles };
}

const wrap = (d: number): number => {
  let x = ((d + 180) % 360) - 180;
  if (x < -180) x += 360;
  return x;
};

/** Index of the option whose turns fit the simulation best (exact match first); -1 when there are none. */
export function pickRouteOption(sim: RouteSimulation, options: (Turn[] | undefined)[]): number {
  let best = -1;
  let bestCost = Infinity;
  options.forEach((turns, i) => {
    if (!turns) return;
    let cost = turns.length === sim.turns.length ? 0 : 1e6;
    for (let k = 0; k < Math.min(turns.length, sim.angles.length); k++) {
      if (turns[k] !== sim.turns[k]) cost += 1000;
      cost += Math.abs(wrap(sim.angles[k] - TURN_ANGLE[turns[k]]));
    }
    if (cost < bestCost) {
      bestCost = cost;
      best = i;
    }
  });
  return best;
}

export type FirstTurn = 'left' | 'right' | 'back' | 'straight ahead';

/**
 * The first turn to head for `to`, standing at `from` facing `facing` (or with it at my back): straight ahead
 * within 45° of the heading, back beyond 135°, else left or right. `angle`: degrees, + = left.
 */
export function firstTurn(
  m: Mosaic,
  from: MosaicObject,
  facing: MosaicObject,
  to: MosaicObject,
  backTo: boolean,
): { turn: FirstTurn; angle: number } {
  const f = worldFrame(m.up);
  const s = from.center;
  const target: Vec3 = backTo
    ? [2 * s[0] - facing.center[0], 2 * s[1] - facing.center[1], 2 * s[2] - facing.center[2]]
    : facing.center;
  const angle = relativeAngleDeg(f, s, target, to.center);
  const a = Math.abs(angle);
  return { turn: a < 45 ? 'straight ahead' : a > 135 ? 'back' : angle > 0 ? 'left' : 'right', angle };
}

export interface RouteDescription {
  readonly ok: boolean;
  readonly text: string;
  readonly facts: string[];
  readonly missing: string[];
  /** Ids of the objects the route uses (start, end, those passed). */
  readonly objects: string[];
}

/** Objects whose footprint comes this close to the straight line (metres) are passed on the way. */
const PASSING = 0.8;

/** Does the segment a→b cross the convex polygon? (Separating axes of the segment and the polygon's edges.) */
function segmentHitsPolygon(a: P2, b: P2, poly: P2[]): boolean {
  const axes: P2[] = [[-(b[1] - a[1]), b[0] - a[0]]];
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i];
    const q = poly[(i + 1) % poly.length];
    axes.push([-(q[1] - p[1]), q[0] - p[0]]);
  }
  for (const ax of axes) {
    const proj = (p: P2): number => p[0] * ax[0] + p[1] * ax[1];
    const s0 = Math.min(proj(a), proj(b));
    const s1 = Math.max(proj(a), proj(b));
    const ps = poly.map(proj);
    if (Math.max(...ps) < s0 || Math.min(...ps) > s1) return false;
  }
  return true;
}

/**
 * The route between two objects in words: how far, what lies in the way (go around it on which side) and what
 * I pass on my left or right, walking from the one to the other. Uses the nearest pair of instances.
 */
export function describeRoute(
  m: Mosaic,
  fromName: string,
  toName: string,
  units: UnitSystem = 'metric',
): RouteDescription {
  const known = knownLabels(m);
  const names = [fromName, toName].map((n) => readLandmark(n).name);
  const labels = names.map((n) => resolveMapLabel(n, known));
  const missing = names.filter((_, i) => !labels[i]);
  if (missing.length) {
    const text = `I have not seen ${missing.map((l) => `a ${l}`).join(' or ')} here, so I cannot give that route.`;
    return { ok: false, text, facts: [text], missing, objects: [] };
  }
  let pair: [MosaicObject, MosaicObject] | undefined;
  let bestD = Infinity;
  for (const a of objectsLabelled(m, labels[0]!))
    for (const b of objectsLabelled(m, labels[1]!)) {
      if (a === b) continue;
      const d = objectDistance(m, a, b);
      if (d < bestD) {
        bestD = d;
        pair = [a, b];
      }
    }
  if (!pair) {
    const text = `The ${labels[0]} and the ${labels[1]} are the same object here.`;
    return { ok: false, text, facts: [text], missing: [], objects: [] };
  }
  const [A, B] = pair;
  const f = worldFrame(m.up);
  const a = toPlane(f, A.center);
  const b = toPlane(f, B.center);
  const dir: P2 = [b[0] - a[0], b[1] - a[1]];
  const len = Math.hypot(dir[0], dir[1]) || 1;
  const blocking: { o: MosaicObject; left: boolean }[] = [];
  const passing: { o: MosaicObject; left: boolean }[] = [];
  for (const o of m.objects) {
    if (o === A || o === B) continue;
    const poly = convexHull(boxCorners(boxOf(m, o)).map((c) => toPlane(f, c)));
    const c = toPlane(f, o.center);
    const rel: P2 = [c[0] - a[0], c[1] - a[1]];
    const along = (rel[0] * dir[0] + rel[1] * dir[1]) / len;
    const lateral = (dir[0] * rel[1] - dir[1] * rel[0]) / len;
    if (along <= 0 || along >= len) continue;
    // Clearance: how close the object's footprint comes to the straight line.
    const clearance = Math.min(
      ...poly.map((p) => Math.abs(dir[0] * (p[1] - a[1]) - dir[1] * (p[0] - a[0])) / len),
    );
    if (segmentHitsPolygon(a, b, poly)) blocking.push({ o, left: lateral > 0 });
    else if (clearance < PASSING) passing.push({ o, left: lateral > 0 });
  }
  const facts = [
    `route ${A.label} → ${B.label}: ${bestD.toFixed(1)} m between them (closest points), ${len.toFixed(1)} m centre to centre`,
  ];
  const parts = [
    `From the ${A.label}, head towards the ${B.label}, about ${formatIn(bestD, answerUnit('distance', undefined, units))} away.`,
  ];
  const space = freeSpaceOf(m);
  const leg = space ? checkLeg(space, A, B) : undefined;
  if (leg && !leg.clear && leg.length !== undefined)
    facts.push(`walkable path ${leg.length.toFixed(1)} m over free space`);
  for (const x of blocking)
    // The obstacle's centre lies to one side of the line: going round the other side is shorter.
    parts.push(`The ${x.o.label} is in the way: go around it on its ${x.left ? 'right' : 'left'}.`);
  if (passing.length)
    parts.push(
      `On the way you pass ${passing.map((x) => `the ${x.o.label} on your ${x.left ? 'left' : 'right'}`).join(' and ')}.`,
    );
  facts.push(
    `in the way: ${blocking.map((x) => x.o.label).join(', ') || 'nothing'}; passed: ${passing.map((x) => x.o.label).join(', ') || 'nothing'}`,
  );
  return {
    ok: true,
    text: parts.join(' '),
    facts,
    missing: [],
    objects: [A.id, B.id, ...blocking.map((x) => x.o.id), ...passing.map((x) => x.o.id)],
  };
}
