import type { Vec3 } from '../geometry/types';
import type { Turn } from '../questions/types';
import { toPlane, type WorldFrame } from './orientedBox';
import { signedAngle, type P2 } from './planeGeometry';

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
