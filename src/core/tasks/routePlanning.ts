import type { RouteFacing, RouteStep, Turn } from '../questions/types';
import { readLandmark } from '../questions/landmark';
import { checkLeg, describeLeg, freeSpaceOf } from '../reasoning/freeSpace';
import { planRoute, resolveMapLabel, routeOptions } from '../reasoning/routePlanner';
import { simulateRoute } from '../reasoning/route';
import { knownLabels } from '../reasoning/spatialTools';
import { quads } from './combinations';
import type { MosaicObject } from '../mosaic/types';
import { mainInstance, type TaskModule, type TemplateMatch } from './task';
import { name, squash } from './templateText';

/** "You are a robot beginning at the bed facing the tv. You want to navigate to the sink. …" */
export interface RoutePlanningTask {
  readonly kind: 'route_planning';
  readonly start: string;
  readonly facing: string;
  readonly destination: string;
  readonly steps: RouteStep[];
  /** Absent = 'toward'; with 'into-room' / 'out-of-room', `facing` is ''. */
  readonly facingHow?: RouteFacing;
}

/** "Turn Left, Turn Right" / "turn back, turn left" → ['left', 'right']. */
export function parseTurns(text: string): Turn[] | undefined {
  const parts = text
    .toLowerCase()
    .split(/,|;|\bthen\b/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: Turn[] = [];
  for (const p of parts) {
    const m = /(left|right|back)/.exec(p);
    if (!m) return undefined;
    out.push(m[1] as Turn);
  }
  return out;
}

/** Number words people use for short distances ("about one foot"). */
const SMALL_NUMBERS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  half: 0.5,
};
const UNIT_METRES: Readonly<Record<string, number>> = {
  foot: 0.3048,
  feet: 0.3048,
  step: 0.7,
  steps: 0.7,
  meter: 1,
  meters: 1,
  metre: 1,
  metres: 1,
};

/** One action of a route: "[please fill in]", "Go forward until X", "go forward through the doorway until X". */
function parseRouteStep(raw: string): RouteStep | undefined {
  const s = raw.trim().replace(/[.\s]+$/, '');
  if (!s) return undefined;
  if (/please\s+fill\s+in|\[\s*\.*\s*\]|_{3,}/i.test(s)) return { kind: 'turn' };
  const go = /^(?:go|walk|move|head|continue)(?:\s+(?:forward|straight|ahead|on))*\s*(.*)$/i.exec(s);
  if (!go) return undefined;
  const rest = go[1];
  // "about one foot", "2 meters" with no landmark after it: a short walk.
  const walk =
    /^(?:about|around|roughly|approximately)?\s*(\d+(?:\.\d+)?|[a-z]+)\s+(foot|feet|steps?|met(?:er|re)s?)\s*$/i.exec(
      rest,
    );
  if (walk) {
    const n = Number(walk[1]) || SMALL_NUMBERS[walk[1].toLowerCase()];
    if (n) return { kind: 'walk', metres: n * UNIT_METRES[walk[2].toLowerCase()] };
  }
  // The landmark follows the last "until/till/to/towards/past" ("through the doorway until the painting").
  const m = /.*\b(?:until|untill|untli|till|til|up to|to|towards?|past|passing|reaching)\s+(.+)$/i.exec(rest);
  const target = (m ? m[1] : rest).trim();
  if (!target) return undefined;
  const keepPast = m && /\bpast\s+$/i.test(rest.slice(0, rest.length - m[1].length)) ? 'past ' : '';
  return { kind: 'forward', target: name(keepPast + target) };
}

function parseRouteSteps(actions: string): RouteStep[] {
  const steps: RouteStep[] = [];
  for (const raw of actions.split(/(?:^|\s)\d+\s*[.)]\s+/)) {
    const step = parseRouteStep(raw);
    if (step) steps.push(step);
  }
  return steps;
}

/**
 * The start of a route: "at the bed facing the tv", "by the chair and facing the window", "at the door and
 * facing into the room", "at the black chair and facing to white table", "at the sink with your back to the
 * fridge".
 */
export function parseRouteStart(
  clause: string,
): { start: string; facing: string; facingHow?: RouteFacing } | undefined {
  const c = squash(clause).replace(/[.,]+$/, '');
  const m =
    /^(?:at|by|near|next to|beside|in front of|from|on|in)\s+(.+?)(?:,)?(?:\s+and)?(?:,)?\s+(facing|looking|turned|with (?:your|my|its|the) back (?:to|towards?|against|facing))\s*(.*)$/i.exec(
      c,
    );
  if (!m) return undefined;
  const start = name(m[1]);
  if (/^with/i.test(m[2])) return { start, facing: name(m[3]), facingHow: 'away' };
  const f = m[3].replace(/^(?:to|toward|towards|at|onto)\s+/i, '');
  if (/^(?:into|in)\s+(?:the\s+)?(?:room|space|bathroom|bedroom|kitchen|living room|hall)\b/i.test(f))
    return { start, facing: '', facingHow: 'into-room' };
  if (/^(?:the\s+)?outside$|^out(?:side|wards?)?$|^away from the room$/i.test(f))
    return { start, facing: '', facingHow: 'out-of-room' };
  const away = /^away\s+from\s+/i.exec(f);
  if (away) return { start, facing: name(f.slice(away[0].length)), facingHow: 'away' };
  return { start, facing: name(f.replace(/^(?:out(?:\s+of)?|into)\s+/i, '')) };
}

function matchRoute(q: string): TemplateMatch<RoutePlanningTask, 'route_planning'> | undefined {
  const m =
    /you are (?:a robot|an agent|a person|standing)?\s*(?:beginning|starting|standing|positioned|located)?\s*((?:at|by|near|next to|beside|in front of|from|on)\s.+?)\.\s*you (?:want|need|would like) to (?:navigate|go|get|walk|move|travel) to\s+(.+?)\s*\.\s*you will perform the following actions(?:\s*\(note:.*?\))?\s*:?\s*(.*?)\s*(?:you have (?:now )?reached the (?:final )?destination\.?)?$/is.exec(
      q,
    );
  if (!m) return undefined;
  const start = parseRouteStart(m[1]);
  const steps = parseRouteSteps(m[3]);
  if (!start || steps.length === 0) return undefined;
  return {
    type: 'route_planning',
    task: {
      kind: 'route_planning',
      start: start.start,
      facing: start.facing,
      destination: name(m[2]),
      steps,
      ...(start.facingHow && start.facingHow !== 'toward' ? { facingHow: start.facingHow } : {}),
    },
  };
}

const turnText = (t: Turn): string => `Turn ${t[0].toUpperCase()}${t.slice(1)}`;

function allTurnPairs(): string[] {
  const ts: Turn[] = ['left', 'right', 'back'];
  return ts.flatMap((a) => ts.map((b) => `${turnText(a)}, ${turnText(b)}`));
}

export const routePlanning: TaskModule<RoutePlanningTask, 'route_planning'> = {
  kind: 'route_planning',
  questionTypes: ['route_planning'],
  numeric: false,
  // Routes reason around landmarks the map lacks (planRoute says which in its facts).
  tolerant: true,
  match: matchRoute,
  generate({ rng, unique, per, f, dist, mc, add }) {
    let n = 0;
    for (const [start, face, via, dest] of rng.shuffle(quads(unique))) {
      if (n >= per) break;
      if (dist(start, face) < 1 || dist(face, via) < 1 || dist(via, dest) < 1) continue;
      const sim = simulateRoute(f, start.center, face.center, [
        { kind: 'forward', to: face.center },
        { kind: 'turn' },
        { kind: 'forward', to: via.center },
        { kind: 'turn' },
        { kind: 'forward', to: dest.center },
      ]);
      // Turns at least 25° from a class boundary.
      const clear = sim.angles.every((a) => {
        const x = Math.abs(a);
        return (x >= 25 && x <= 110) || x >= 160;
      });
      if (!clear) continue;
      const correct = sim.turns.map(turnText).join(', ');
      const alts = allTurnPairs().filter((p) => p !== correct);
      const { options, letter } = mc(correct, rng.shuffle(alts).slice(0, 3));
      add(
        'route_planning',
        `You are a robot beginning at the ${start.label} facing the ${face.label}. You want to navigate to the ${dest.label}. You will perform the following actions (Note: for each [please fill in], choose either 'turn back,' 'turn left,' or 'turn right.'): 1. Go forward until the ${face.label} 2. [please fill in] 3. Go forward until the ${via.label} 4. [please fill in] 5. Go forward until the ${dest.label}. You have reached the final destination.`,
        letter,
        options,
      );
      n++;
    }
  },
  targets: (task) =>
    [
      task.start,
      ...(task.facing ? [task.facing] : []),
      ...task.steps.flatMap((s) => (s.kind === 'forward' ? [s.target] : [])),
      task.destination,
    ].filter((x, i, all) => all.indexOf(x) === i),
  solve({ m, options, answered }, task) {
    const r = planRoute(m, task, options ? routeOptions(options, parseTurns) : undefined);
    // With a free-space grid, each leg between landmarks in the map is also checked for walkability.
    const space = freeSpaceOf(m);
    const facts = [...r.facts];
    if (space) {
      const legs = [task.start, ...task.steps.flatMap((s) => (s.kind === 'forward' ? [s.target] : []))]
        .map((n) => mainInstance(m, resolveMapLabel(readLandmark(n).name, knownLabels(m)) ?? ''))
        .filter((o): o is MosaicObject => o !== undefined);
      for (let i = 1; i < legs.length; i++)
        facts.push(describeLeg(i, legs[i - 1].label, legs[i].label, checkLeg(space, legs[i - 1], legs[i])));
    }
    const out = answered(r.answer, options ? `Turns: ${r.turns.join(', ')}.` : r.text, facts);
    return { ...out, labels: r.labels };
  },
};
