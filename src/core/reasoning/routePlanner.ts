import { objectClass, type NearPlace, type Placement } from '../catalog/objectClass';
import { classOf } from '../catalog/vocabulary';
import type { Mosaic, MosaicObject } from '../mosaic/types';
import { canonicalLabel, normalizeName, resolveLabel } from '../questions/labels';
import { readLandmark, type Landmark } from '../questions/landmark';
import type { AnswerOption, RouteFacing, RouteStep, Turn } from '../questions/types';
import { boxCorners, toPlane, worldFrame, type WorldFrame } from './orientedBox';
import { convexHull, signedAngle, type P2 } from './planeGeometry';
import { boxOf, knownLabels, objectsLabelled } from './spatialTools';

/**
 * Route planning over the map, as VSI-Bench's annotators wrote routes: start at A facing B, "go forward until
 * C" walks straight ahead (the heading does not change) until C, and each blank is the turn between the heading
 * I arrive with and the way to the next landmark. Turns are scored against left = +90°, right = −90°,
 * back = 180° (so "back" is any turn of more than 135°, VSI-Bench's own boundary).
 *
 * Real rooms make this uncertain: several instances share a name, and many landmarks (doors, windows, walls,
 * lamps) are not in the map. Every reading the instructions allow is walked — each instance a name can mean,
 * an unseen landmark anywhere it can stand (on the room's edge for doors, windows and walls; anywhere ahead for
 * other objects), and, after a turn towards an unseen landmark, exactly the turn the option names — and each
 * option is scored by how well the turns it names fit the map, marginalised over those readings
 * (likelihood ∏ exp(−error / 15°)). The option with the highest likelihood is the answer.
 *
 * Where an unseen landmark can be is weighed by what people know about rooms (the class catalogue's placement):
 * a sink by the toilet or the stove, a nightstand at the bed's head, a door on an edge no furniture blocks. That
 * prior is a mixture with "anywhere", so it never rules a place out.
 */
export interface RouteQuestion {
  readonly start: string;
  readonly facing: string;
  readonly facingHow?: RouteFacing;
  readonly destination: string;
  readonly steps: readonly RouteStep[];
}

/** Landmarks that stand on the room's edge: where they are not in the map, they are on the boundary. */
const EDGE =
  /\b(?:doors?|doorways?|doorframes?|door frames?|entrances?|entry|exit|windows?|walls?|hallways?|hall|corridor|stairs?|staircase|terrace|balcony|curtains?|closet|wardrobe|kitchen|bathroom|bedroom|living room|outside|radiator|heater|mirror)\b/;

/** Error scale of a turn, degrees: an error of this size costs a factor e. */
const TEMPERATURE = 15;
/** Stop this far before a landmark (its footprint, grown), metres. */
const STOP = 0.3;
const NOMINAL: Record<Turn, number> = { left: 90, right: -90, back: 180 };
const DEG = 180 / Math.PI;

interface Room {
  readonly center: P2;
  /** Unit axes and half extents of the room rectangle (min-area rectangle around all footprints, grown). */
  readonly u: P2;
  readonly v: P2;
  readonly hu: number;
  readonly hv: number;
}

interface Placed {
  readonly obj: MosaicObject;
  readonly center: P2;
  readonly footprint: P2[];
}

/** A place an unseen landmark may be, with its prior weight (the weights of one landmark sum to 1). */
interface Weighted {
  readonly point: P2;
  readonly w: number;
}

type Resolved =
  | { readonly kind: 'objects'; readonly label: string; readonly list: Placed[]; readonly lm: Landmark }
  | {
      readonly kind: 'edge' | 'unknown';
      readonly lm: Landmark;
      /** Where it may be, weighted by the placement prior. */
      readonly places: Weighted[];
      /** What the prior drew on, for the trace ("near the toilet, bathtub"); none: uniform. */
      readonly prior?: string;
    };

const norm2 = (p: P2): P2 => {
  const l = Math.hypot(p[0], p[1]);
  return l > 1e-9 ? [p[0] / l, p[1] / l] : [1, 0];
};
const sub2 = (a: P2, b: P2): P2 => [a[0] - b[0], a[1] - b[1]];
const add2 = (a: P2, b: P2, s = 1): P2 => [a[0] + b[0] * s, a[1] + b[1] * s];
const dot2 = (a: P2, b: P2): number => a[0] * b[0] + a[1] * b[1];
const rotate = (h: P2, deg: number): P2 => {
  const r = deg / DEG;
  return [h[0] * Math.cos(r) - h[1] * Math.sin(r), h[0] * Math.sin(r) + h[1] * Math.cos(r)];
};
const wrap = (d: number): number => {
  let x = ((d + 180) % 360) - 180;
  if (x < -180) x += 360;
  return x;
};

function roomOf(points: P2[]): Room {
  const hull = convexHull(points);
  let best: Room = { center: [0, 0], u: [1, 0], v: [0, 1], hu: 2, hv: 2 };
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const u = norm2(sub2(hull[(i + 1) % hull.length], hull[i]));
    const v: P2 = [-u[1], u[0]];
    let [a0, a1, b0, b1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const p of hull) {
      a0 = Math.min(a0, dot2(p, u));
      a1 = Math.max(a1, dot2(p, u));
      b0 = Math.min(b0, dot2(p, v));
      b1 = Math.max(b1, dot2(p, v));
    }
    const area = (a1 - a0) * (b1 - b0);
    if (area < bestArea) {
      bestArea = area;
      const cu = (a0 + a1) / 2;
      const cv = (b0 + b1) / 2;
      best = {
        center: [u[0] * cu + v[0] * cv, u[1] * cu + v[1] * cv],
        u,
        v,
        hu: (a1 - a0) / 2,
        hv: (b1 - b0) / 2,
      };
    }
  }
  // Furniture stands against the walls, not in them: grow the rectangle a little.
  return { ...best, hu: best.hu + 0.4, hv: best.hv + 0.4 };
}

/** Distance from p along unit h to the room's edge (0 when outside and heading out). */
function toEdge(room: Room, p: P2, h: P2): number {
  const d = sub2(p, room.center);
  let t = Infinity;
  for (const [ax, half] of [
    [room.u, room.hu],
    [room.v, room.hv],
  ] as const) {
    const pos = dot2(d, ax);
    const vel = dot2(h, ax);
    if (Math.abs(vel) < 1e-9) continue;
    const limit = vel > 0 ? half : -half;
    t = Math.min(t, (limit - pos) / vel);
  }
  return Number.isFinite(t) ? Math.max(0, t) : 0;
}

/** Points along the room's edge, about every `step` metres. */
function edgePoints(room: Room, step = 0.6): P2[] {
  const out: P2[] = [];
  const corners: P2[] = [
    [-room.hu, -room.hv],
    [room.hu, -room.hv],
    [room.hu, room.hv],
    [-room.hu, room.hv],
  ];
  for (let i = 0; i < 4; i++) {
    const a = corners[i];
    const b = corners[(i + 1) % 4];
    const n = Math.max(1, Math.round(Math.hypot(b[0] - a[0], b[1] - a[1]) / step));
    for (let k = 0; k < n; k++) {
      const s = (k + 0.5) / n;
      const x = a[0] + (b[0] - a[0]) * s;
      const y = a[1] + (b[1] - a[1]) * s;
      out.push([
        room.center[0] + room.u[0] * x + room.v[0] * y,
        room.center[1] + room.u[1] * x + room.v[1] * y,
      ]);
    }
  }
  return out;
}

function interiorPoints(room: Room, n = 4): P2[] {
  const out: P2[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const x = (-1 + (2 * (i + 0.5)) / n) * room.hu * 0.8;
      const y = (-1 + (2 * (j + 0.5)) / n) * room.hv * 0.8;
      out.push([
        room.center[0] + room.u[0] * x + room.v[0] * y,
        room.center[1] + room.u[1] * x + room.v[1] * y,
      ]);
    }
  return out;
}

/** Signed distance from p to the room's edge: positive inside. */
function insideBy(room: Room, p: P2): number {
  const d = sub2(p, room.center);
  return Math.min(room.hu - Math.abs(dot2(d, room.u)), room.hv - Math.abs(dot2(d, room.v)));
}

/** The way an object faces, as far as a box tells: towards the room's middle (furniture faces into the room). */
const frontOf = (room: Room, at: P2): P2 => norm2(sub2(room.center, at));

/** How far p lies outside a footprint (convex, counter-clockwise): 0 inside. */
function outsideBy(p: P2, poly: readonly P2[]): number {
  let inside = poly.length >= 3;
  let best = Infinity;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    const ab = sub2(b, a);
    const ap = sub2(p, a);
    if (ab[0] * ap[1] - ab[1] * ap[0] < 0) inside = false;
    const t = Math.max(0, Math.min(1, dot2(ap, ab) / Math.max(1e-12, dot2(ab, ab))));
    best = Math.min(best, Math.hypot(...sub2(p, add2(a, ab, t))));
  }
  return inside ? 0 : best;
}

/** How far a footprint reaches from its centre along unit d, metres. */
const reachAlong = (p: Placed, d: P2): number =>
  p.footprint.reduce((r, c) => Math.max(r, dot2(sub2(c, p.center), d)), 0);

/** A footprint's long axis (unit) and its half extents along and across it. */
function longAxis(p: Placed): { ax: P2; half: number; across: number } {
  let ax: P2 = [1, 0];
  let len = -1;
  for (let i = 0; i < p.footprint.length; i++) {
    const e = sub2(p.footprint[(i + 1) % p.footprint.length], p.footprint[i]);
    if (Math.hypot(e[0], e[1]) > len) [len, ax] = [Math.hypot(e[0], e[1]), norm2(e)];
  }
  const side: P2 = [-ax[1], ax[0]];
  let half = 0;
  let across = 0;
  for (const c of p.footprint) {
    half = Math.max(half, Math.abs(dot2(sub2(c, p.center), ax)));
    across = Math.max(across, Math.abs(dot2(sub2(c, p.center), side)));
  }
  return { ax, half, across };
}

/** Clearance kept from an object's footprint when placing something beside it, metres. */
const BESIDE = 0.4;
/** Share of an unseen landmark's prior that goes to the places its class is usually found (the rest: anywhere). */
const NEAR_SHARE = 0.6;
/** An edge place with furniture within this distance is blocked (a door there is unlikely), metres. */
const BLOCKED_WITHIN = 0.6;
/** Prior factor of a blocked edge place: unlikely, never ruled out. */
const BLOCKED = 0.2;
/** Furniture at least this tall blocks a window or a radiator behind it, metres. */
const TALL = 1.2;

/** Where something is usually found beside one object, as the catalogue says (see NearPlace). */
function placesBeside(room: Room, a: Placed, where: NearPlace['where']): P2[] {
  if (where === 'below') return [a.center];
  if (where === 'front') {
    const f = frontOf(room, a.center);
    const reach = reachAlong(a, f);
    return [add2(a.center, f, reach + BESIDE + 0.2)];
  }
  if (where === 'head') {
    // The head end of a bed is the end against the wall: the end nearer the room's edge.
    const { ax, half, across } = longAxis(a);
    const s = insideBy(room, add2(a.center, ax, half)) <= insideBy(room, add2(a.center, ax, -half)) ? 1 : -1;
    const end = add2(a.center, ax, s * (half - 0.3));
    const side: P2 = [-ax[1], ax[0]];
    return [add2(end, side, across + BESIDE), add2(end, side, -(across + BESIDE))];
  }
  return Array.from({ length: 8 }, (_, i) => {
    const d = rotate([1, 0], 45 * i);
    const reach = reachAlong(a, d);
    return add2(a.center, d, reach + BESIDE);
  });
}

/** The catalogue's placement for a written name: the name, its head noun, or a compound's base ("doorframe"). */
function placementOf(name: string): Placement | undefined {
  const words = normalizeName(name).split(' ').filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const c = classOf(words.slice(i).join(' '));
    const pl = c ? objectClass(c.key)?.placement : undefined;
    if (pl) return pl;
  }
  const last = words[words.length - 1] ?? '';
  const m = /^([a-z]{4,}?)(?:frame|way|sill|step|knob|handle|pane|ledge)s?$/.exec(last);
  const c = m ? classOf(m[1]) : undefined;
  return c ? objectClass(c.key)?.placement : undefined;
}

/**
 * Where an unseen landmark may be: uniform over the room (or its edge), mixed with the places its class is
 * usually found beside objects the map holds; on the edge, places that furniture blocks are unlikely.
 */
function priorPlaces(
  room: Room,
  base: P2[],
  placement: Placement | undefined,
  byKey: ReadonlyMap<string, Placed[]>,
  all: readonly Placed[],
): { places: Weighted[]; prior?: string } {
  const blockers =
    placement?.clearOf === 'all'
      ? all
      : placement?.clearOf === 'tall'
        ? all.filter((p) => p.obj.size[2] >= TALL)
        : [];
  const uniform = base.map((point) => ({
    point,
    w: blockers.some((b) => outsideBy(point, b.footprint) < BLOCKED_WITHIN) ? BLOCKED : 1,
  }));
  const said: string[] = [];
  if (blockers.length)
    said.push(`on the room’s edge, clear of ${placement?.clearOf === 'tall' ? 'tall ' : ''}furniture`);
  const groups: Weighted[][] = [];
  const by: string[] = [];
  for (const n of placement?.near ?? []) {
    const anchors = byKey.get(n.key) ?? [];
    if (!anchors.length) continue;
    const group: Weighted[] = [];
    for (const a of anchors) {
      const pts = placesBeside(room, a, n.where).filter((pt) => insideBy(room, pt) > 0);
      for (const point of pts) {
        const wall = placement?.at !== 'wall' || insideBy(room, point) < 1 ? 1 : 0.4;
        group.push({ point, w: wall / (anchors.length * pts.length) });
      }
    }
    if (group.length) {
      groups.push(group);
      const what = anchors[0].obj.label;
      by.push(
        n.where === 'head'
          ? `the head of the ${what}`
          : n.where === 'below'
            ? `under the ${what}`
            : n.where === 'front'
              ? `in front of the ${what}`
              : `the ${what}`,
      );
    }
  }
  if (by.length) said.push(`usually near ${by.join(' or ')}`);
  const sum = (xs: Weighted[]): number => xs.reduce((a, x) => a + x.w, 0);
  const near = groups.length ? NEAR_SHARE : 0;
  const u = sum(uniform);
  const places = [
    ...uniform.map((x) => ({ point: x.point, w: ((1 - near) * x.w) / u })),
    ...groups.flatMap((g) => {
      const gs = sum(g);
      return g.map((x) => ({ point: x.point, w: (near * x.w) / (gs * groups.length) }));
    }),
  ];
  return { places, ...(said.length ? { prior: said.join('; ') } : {}) };
}

/** A relation that places one object by another: "on the table", "by the sofa" → the other object's name. */
const RELATED =
  /^(?:on top of|on|by|near(?: by)?|next to|beside|closest to|closer to|nearest to|nearer to|under(?:neath)?|above|below|against|in front of|behind)\s+(.+)$/;

const SEATS: Readonly<Record<string, number>> = { single: 1, one: 1, two: 2, double: 2, three: 3, four: 4 };
/** Long side of an n-seat sofa, metres: about 0.6 m a seat and the arms. */
const seatLength = (n: number): number => 0.3 + 0.6 * n;
/** Objects closer than this to an object of a class it is usually found by count as "by" it, metres. */
const BY_WITHIN = 0.8;

/**
 * Of several instances, the ones a written name's own words point to: its size ("the big sofa", "the
 * single-seater sofa": seats by length) or its kind, when the kind is usually found by something the map holds
 * ("the dining table": the table with chairs by it; "the coffee table": the one in front of the sofa).
 * Returns the instances kept and why, or nothing when the name does not tell them apart.
 */
function narrowByName(
  name: string,
  label: string,
  list: Placed[],
  byKey: ReadonlyMap<string, Placed[]>,
): { list: Placed[]; why: string } | undefined {
  if (list.length < 2) return undefined;
  const area = (p: Placed): number => {
    const { half, across } = longAxis(p);
    return half * across;
  };
  const seats = /\b(single|one|two|double|three|four|[1-4])[- ]?(?:seater|seats?|person)\b/.exec(name);
  if (seats) {
    const n = SEATS[seats[1]] ?? Number(seats[1]);
    const off = (p: Placed): number => Math.abs(2 * longAxis(p).half - seatLength(n));
    return { list: [[...list].sort((a, b) => off(a) - off(b))[0]], why: `the one nearest ${n}-seat length` };
  }
  if (/\b(?:big|bigger|biggest|large|larger|largest|long|longer|longest)\b/.test(name))
    return { list: [[...list].sort((a, b) => area(b) - area(a))[0]], why: 'the largest' };
  if (/\b(?:small|smaller|smallest|little|short|shorter|shortest)\b/.test(name))
    return { list: [[...list].sort((a, b) => area(a) - area(b))[0]], why: 'the smallest' };
  // The written kind, when it says more than the map's label ("dining table" for a map's "table").
  if (normalizeName(name) === normalizeName(label)) return undefined;
  const words = normalizeName(name).split(' ');
  let near: readonly NearPlace[] | undefined;
  for (let i = 0; i < words.length - 1 && !near; i++) {
    const c = classOf(words.slice(i).join(' '));
    near = c ? objectClass(c.key)?.placement?.near : undefined;
  }
  const mapKey = classOf(label)?.key ?? label;
  for (const nb of near ?? []) {
    if (nb.key === mapKey) continue;
    const anchors = byKey.get(nb.key) ?? [];
    const by = list.filter((p) =>
      anchors.some((a) => p.footprint.some((c) => outsideBy(c, a.footprint) < BY_WITHIN)),
    );
    if (by.length && by.length < list.length)
      return { list: by, why: `the ${label}${by.length > 1 ? 's' : ''} by a ${anchors[0].obj.label}` };
  }
  return undefined;
}

/** Levenshtein distance, for the odd typo in a hand-written name ("bathtube", "dinning table"). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length];
}

/** Names that differ between vocabularies and have no shared word (ScanNet / ARKitScenes / people). */
const EQUIVALENT: Readonly<Record<string, string>> = {
  'washing machine': 'washer',
  'laundry machine': 'washer',
  tub: 'bathtub',
  bath: 'bathtub',
  oven: 'stove',
  cooktop: 'stove',
  hob: 'stove',
  loveseat: 'sofa',
};

/**
 * The map label a written name means: as written, its synonym, the same word with a typo, or — dropping the
 * words the map cannot check ("black chair", "3-seater sofa", "kitchen sink") — its head noun.
 */
export function resolveMapLabel(name: string, known: ReadonlySet<string>): string | undefined {
  const words = normalizeName(name).split(' ').filter(Boolean);
  const knownList = [...known];
  const canonKnown = new Map(knownList.map((k) => [canonicalLabel(k), k]));
  for (let i = 0; i < words.length; i++) {
    const n = words.slice(i).join(' ');
    const r = resolveLabel(n, known);
    if (r.found) return r.label;
    const eq = EQUIVALENT[n];
    if (eq && known.has(eq)) return eq;
    const viaCanon =
      canonKnown.get(canonicalLabel(n)) ?? (eq ? canonKnown.get(canonicalLabel(eq)) : undefined);
    if (viaCanon) return viaCanon;
    const compact = n.replace(/[\s-]+/g, '');
    for (const k of knownList) {
      const kc = k.replace(/[\s-]+/g, '');
      if (kc === compact || (kc.length >= 5 && editDistance(kc, compact) <= 1)) return k;
    }
  }
  return undefined;
}

export interface RouteReading {
  /** The letter (with options) or the turns, comma-separated (without). */
  readonly answer?: string;
  readonly turns: Turn[];
  readonly text: string;
  readonly facts: string[];
  /** Landmarks the map does not hold (names as written). */
  readonly missing: string[];
  /** Map labels the route used. */
  readonly labels: string[];
  /** Objects (ids) of the most likely reading. */
  readonly objects: string[];
}

interface Ctx {
  readonly room: Room;
  readonly resolved: Map<string, Resolved>;
  readonly edges: P2[];
  readonly inside: P2[];
}

interface State {
  readonly pos: P2;
  readonly heading: P2;
  readonly at?: MosaicObject;
  /** Accumulated angular error, degrees. */
  readonly cost: number;
  readonly used: readonly MosaicObject[];
  /** Prior weight of this start (relative; equal when absent). */
  readonly prior?: number;
}

/** Instances a landmark can mean from where I stand, each with its prior weight. */
function candidates(r: Resolved & { kind: 'objects' }, s: State): Placed[] {
  const others = r.list.filter((p) => p.obj !== s.at);
  const pool = others.length ? others : r.list;
  const byDist = [...pool].sort(
    (a, b) => Math.hypot(...sub2(a.center, s.pos)) - Math.hypot(...sub2(b.center, s.pos)),
  );
  if (r.lm.pick === 'nearest' || r.lm.pick === 'other') return byDist.slice(0, 1);
  if (r.lm.pick === 'farthest') return byDist.slice(-1);
  return byDist;
}

/** How far along the ray (pos, unit h) I stop at the placed object: where it enters its grown footprint. */
function stopAt(p: Placed, pos: P2, h: P2): { t: number; lateral: number } {
  const rel = sub2(p.center, pos);
  const along = dot2(rel, h);
  const lateral = h[0] * rel[1] - h[1] * rel[0];
  // The footprint's extent along the heading, measured from its centre.
  let back = 0;
  for (const c of p.footprint) back = Math.max(back, -dot2(sub2(c, p.center), h));
  return { t: Math.max(0, along - back - STOP), lateral };
}

/** Readings kept per step: the most likely ones (the rest carry a negligible share of the likelihood). */
const MAX_READINGS = 1000;
/**
 * A plan does not retrace the leg it has just walked: turning back right after "go forward until X" costs as
 * much as this error (the first turn, before any leg, is free to be "back").
 */
const RETRACE = 40;
/** Stops kept per reading when walking to an unseen landmark placed by a prior. */
const STOPS_KEPT = 8;
/** Landmarks that are the room's edge itself, wherever I look: "go forward until the wall". */
const WALL = /\b(?:walls?|corners?)\b/;

interface Reading extends State {
  /** Prior × fit so far. */
  readonly w: number;
  /** Where the turn just made faces: the next "go forward" walks there. */
  readonly goal?: { readonly placed?: Placed; readonly point: P2 };
}

/** Where an unseen landmark can be, for a turn towards it (uniform over the room, or its edge, when not known). */
const placesFor = (ctx: Ctx, r: Resolved | undefined): Weighted[] => {
  if (r && r.kind !== 'objects') return r.places;
  const pts = [...ctx.inside, ...ctx.edges];
  return pts.map((point) => ({ point, w: 1 / pts.length }));
};

/**
 * Likelihood of the instructions with the given turns, marginalised over the readings of the map: each
 * instance a name can mean, and each place an unseen landmark can be (uniform over the room, or its edge).
 */
function likelihood(
  ctx: Ctx,
  q: RouteQuestion,
  turns: readonly Turn[],
  starts: State[],
): { l: number; best?: State } {
  const mass = starts.reduce((a, s) => a + (s.prior ?? 1), 0);
  let rs: Reading[] = starts.map((s) => ({ ...s, w: (s.prior ?? 1) / mass }));
  let k = 0;
  const fit = (err: number): number => Math.exp(-err / TEMPERATURE);
  for (let i = 0; i < q.steps.length; i++) {
    const step = q.steps[i];
    const next: Reading[] = [];
    if (step.kind === 'walk') {
      for (const r of rs) next.push({ ...r, pos: add2(r.pos, r.heading, step.metres) });
    } else if (step.kind === 'turn') {
      const turn = turns[k++];
      const prev = q.steps[i - 1];
      const retrace = turn === 'back' && prev !== undefined && prev.kind !== 'turn' ? fit(RETRACE) : 1;
      const after = q.steps.slice(i + 1).find((x) => x.kind !== 'turn');
      const name = after?.kind === 'forward' ? after.target : after ? undefined : q.destination;
      const target = name !== undefined ? ctx.resolved.get(name) : undefined;
      for (const r of rs) {
        if (!turn) {
          next.push({ ...r, w: r.w * fit(90) });
          continue;
        }
        const nominal = (): Reading => ({
          ...r,
          heading: rotate(r.heading, NOMINAL[turn]),
          goal: undefined,
          w: r.w * retrace,
        });
        if (!target || (target.kind !== 'objects' && WALL.test(target.lm.name))) {
          next.push(nominal());
          continue;
        }
        let goals: { placed?: Placed; point: P2; w: number }[];
        if (target.kind === 'objects') {
          const cs = candidates(target, r);
          goals = cs.map((c) => ({ placed: c, point: c.center, w: 1 / cs.length }));
        } else goals = placesFor(ctx, target);
        for (const g of goals) {
          const d = sub2(g.point, r.pos);
          if (Math.hypot(d[0], d[1]) < 0.3) continue;
          const a = signedAngle(r.heading, d) * DEG;
          const err = turn === 'back' ? 180 - Math.abs(a) : Math.abs(wrap(a - NOMINAL[turn]));
          next.push({
            ...r,
            heading: norm2(d),
            goal: { placed: g.placed, point: g.point },
            w: r.w * g.w * fit(err) * retrace,
          });
        }
      }
    } else {
      const target = ctx.resolved.get(step.target);
      for (const r of rs) {
        if (r.goal) {
          // Walking to the landmark the last turn faced.
          const g = r.goal;
          const t = g.placed
            ? stopAt(g.placed, r.pos, r.heading).t
            : Math.max(0, Math.hypot(...sub2(g.point, r.pos)) - STOP);
          next.push({
            ...r,
            pos: add2(r.pos, r.heading, t),
            at: g.placed?.obj,
            used: g.placed ? [...r.used, g.placed.obj] : r.used,
            goal: undefined,
          });
          continue;
        }
        if (target?.kind === 'objects') {
          const cs = candidates(target, r);
          for (const c of cs) {
            const { t, lateral } = stopAt(c, r.pos, r.heading);
            const ahead = dot2(sub2(c.center, r.pos), r.heading);
            // A landmark behind me or far to the side is not one I walk forward to.
            const off = Math.atan2(Math.abs(lateral), Math.max(ahead, 1e-6)) * DEG;
            let err = Math.max(0, off - 45);
            if (target.lm.side && lateral > 0 !== (target.lm.side === 'left')) err += 60;
            next.push({
              ...r,
              pos: add2(r.pos, r.heading, target.lm.side ? Math.max(0, ahead) : t),
              at: c.obj,
              used: [...r.used, c.obj],
              w: (r.w / cs.length) * fit(err),
            });
          }
          continue;
        }
        if (target?.prior && !WALL.test(target.lm.name)) {
          // An unseen landmark placed by what rooms usually have: I stop where it may stand ahead of me, each
          // stop as likely as its place (the most likely few kept).
          const ahead: Reading[] = [];
          for (const p of target.places) {
            const rel = sub2(p.point, r.pos);
            const along = dot2(rel, r.heading);
            if (along < 0.3) continue;
            const off = Math.atan2(Math.abs(r.heading[0] * rel[1] - r.heading[1] * rel[0]), along) * DEG;
            ahead.push({
              ...r,
              pos: add2(r.pos, r.heading, Math.max(0, along - STOP)),
              at: undefined,
              w: r.w * p.w * fit(Math.max(0, off - 45)),
            });
          }
          if (ahead.length) {
            next.push(...ahead.sort((x, y) => y.w - x.w).slice(0, STOPS_KEPT));
            continue;
          }
        }
        const edge = toEdge(ctx.room, r.pos, r.heading);
        if (target?.kind === 'edge' || edge < 0.8) {
          next.push({ ...r, pos: add2(r.pos, r.heading, Math.max(0, edge - STOP)), at: undefined });
          continue;
        }
        for (const f of [0.3, 0.6, 0.9])
          next.push({ ...r, pos: add2(r.pos, r.heading, edge * f), at: undefined, w: r.w / 3 });
      }
    }
    rs = next.length > MAX_READINGS ? next.sort((x, y) => y.w - x.w).slice(0, MAX_READINGS) : next;
  }
  const missed = Math.max(0, turns.length - k);
  let l = 0;
  let best: Reading | undefined;
  for (const r of rs) {
    l += r.w;
    if (!best || r.w > best.w) best = r;
  }
  return { l: l * fit(90 * missed), best };
}

/** Where I can stand and which way I can face at the start, each reading equally likely. */
function startStates(ctx: Ctx, q: RouteQuestion): State[] {
  const S = ctx.resolved.get(q.start);
  const F = q.facing ? ctx.resolved.get(q.facing) : undefined;
  const origin: State = { pos: [0, 0], heading: [1, 0], cost: 0, used: [] };
  const positions: { pos: P2; at?: Placed; w: number }[] =
    S?.kind === 'objects'
      ? candidates(S, { ...origin, pos: ctx.room.center }).map((p) => ({ pos: p.center, at: p, w: 1 }))
      : placesFor(ctx, S).map((p) => ({ pos: p.point, w: p.w }));
  const out: State[] = [];
  const dirs = Array.from({ length: 16 }, (_, i) => rotate([1, 0], (360 * i) / 16));
  for (const { pos, at, w } of positions) {
    const base: State = { pos, heading: [1, 0], at: at?.obj, cost: 0, used: at ? [at.obj] : [], prior: w };
    const how = q.facingHow ?? 'toward';
    if (how === 'into-room' || how === 'out-of-room') {
      const h = norm2(sub2(ctx.room.center, pos));
      out.push({ ...base, heading: how === 'into-room' ? h : [-h[0], -h[1]] });
      continue;
    }
    if (F?.kind === 'objects') {
      const sameThing =
        at && F.list.some((p) => p.obj === at.obj) && (F.lm.pick === undefined || F.list.length === 1);
      if (sameThing && at) {
        // "At the TV facing the TV": in front of it, on the room's side, looking at it.
        const out1 = frontOf(ctx.room, at.center);
        const reach = reachAlong(at, out1);
        const p = add2(at.center, out1, reach + 0.5);
        const h = norm2(sub2(at.center, p));
        out.push({ ...base, pos: p, heading: how === 'away' ? [-h[0], -h[1]] : h });
        continue;
      }
      for (const f of candidates(F, base)) {
        // Standing at a large object means at its side nearest where I look, not in its middle.
        let from = pos;
        if (at) {
          const toF = norm2(sub2(f.center, at.center));
          const reach = reachAlong(at, toF);
          from = add2(at.center, toF, Math.min(reach, Math.hypot(...sub2(f.center, at.center)) / 2));
        }
        const h = norm2(sub2(f.center, from));
        out.push({ ...base, pos: from, heading: how === 'away' ? [-h[0], -h[1]] : h });
      }
      continue;
    }
    if (F && F === S) {
      // "At the sink facing the sink", the sink unseen: in front of it, on the room's side, looking at it.
      const h = frontOf(ctx.room, pos);
      out.push({ ...base, pos: add2(pos, h, 0.5), heading: how === 'away' ? h : [-h[0], -h[1]] });
      continue;
    }
    if (F) {
      // Facing an unseen landmark: towards each place it may be, as likely as the place.
      for (const p of F.places) {
        const d = sub2(p.point, pos);
        if (Math.hypot(d[0], d[1]) < 0.3) continue;
        const h = norm2(d);
        out.push({ ...base, heading: how === 'away' ? [-h[0], -h[1]] : h, prior: w * p.w * dirs.length });
      }
      continue;
    }
    for (const d of dirs) out.push({ ...base, heading: d });
  }
  return out;
}

const TURNS: Turn[] = ['left', 'right', 'back'];
/** Without options, every sequence of turns is weighed up to this many blanks (3⁴ = 81 sequences). */
const MAX_ENUMERATED = 4;

/** Every sequence of n turns (for a route asked without options). */
function allTurns(n: number): Turn[][] {
  let acc: Turn[][] = [[]];
  for (let i = 0; i < n; i++) acc = acc.flatMap((t) => TURNS.map((x) => [...t, x]));
  return acc;
}

export function planRoute(
  m: Mosaic,
  q: RouteQuestion,
  options: readonly { letter: string; turns?: Turn[] }[] | undefined,
): RouteReading {
  const f: WorldFrame = worldFrame(m.up);
  const known = knownLabels(m);
  const placedOf = new Map<MosaicObject, Placed>();
  const place = (o: MosaicObject): Placed => {
    let p = placedOf.get(o);
    if (!p) {
      const corners = boxCorners(boxOf(m, o)).map((c) => toPlane(f, c));
      p = { obj: o, center: toPlane(f, o.center), footprint: convexHull(corners) };
      placedOf.set(o, p);
    }
    return p;
  };
  const allPts = m.objects.flatMap((o) => place(o).footprint);
  const room =
    allPts.length >= 3
      ? roomOf(allPts)
      : { center: [0, 0] as P2, u: [1, 0] as P2, v: [0, 1] as P2, hu: 2.5, hv: 2.5 };
  const all = m.objects.map(place);
  /** The map's objects by catalogue class. */
  const byKey = new Map<string, Placed[]>();
  for (const p of all) {
    const key = classOf(p.obj.label)?.key ?? p.obj.label;
    byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  const resolved = new Map<string, Resolved>();
  const missing: string[] = [];
  const relations: string[] = [];
  const byName: string[] = [];
  const names = [
    q.start,
    q.facing,
    q.destination,
    ...q.steps.flatMap((s) => (s.kind === 'forward' ? [s.target] : [])),
  ];
  for (const n of names) {
    if (!n || resolved.has(n)) continue;
    const lm = readLandmark(n);
    const label = resolveMapLabel(lm.name, known);
    if (label) {
      let list = objectsLabelled(m, label).map(place);
      // "the tv on the table", "the chair by the sofa": of several, the one nearest the object the relation names.
      const rel = lm.relation ? RELATED.exec(lm.relation) : null;
      const anchorLabel =
        rel && list.length > 1 ? resolveMapLabel(readLandmark(rel[1]).name, known) : undefined;
      if (anchorLabel && anchorLabel !== label) {
        const anchors = objectsLabelled(m, anchorLabel).map(place);
        const gap = (p: Placed): number =>
          Math.min(...anchors.map((a) => Math.hypot(...sub2(a.center, p.center))));
        list = [[...list].sort((a, b) => gap(a) - gap(b))[0]];
        relations.push(`${n} → the ${label} nearest the ${anchorLabel}`);
      } else if (!lm.pick) {
        const narrowed = narrowByName(lm.name, label, list, byKey);
        if (narrowed) {
          list = narrowed.list;
          byName.push(`${n} → ${narrowed.why}`);
        }
      }
      resolved.set(n, { kind: 'objects', label, list, lm });
    } else {
      // Where it may be is weighed below, once the room is known.
      resolved.set(n, { kind: EDGE.test(lm.name) ? 'edge' : 'unknown', lm, places: [] });
      if (!missing.includes(lm.name)) missing.push(lm.name);
    }
  }
  // "Navigate to the tv on the table … go forward until the table": that table is the one by the tv.
  const dest = resolved.get(q.destination);
  const destRel = dest?.kind === 'objects' && dest.lm.relation ? RELATED.exec(dest.lm.relation) : null;
  if (dest?.kind === 'objects' && destRel) {
    const anchorLabel = resolveMapLabel(readLandmark(destRel[1]).name, known);
    const gap = (p: Placed): number =>
      Math.min(...dest.list.map((d) => Math.hypot(...sub2(d.center, p.center))));
    for (const [n, r] of resolved)
      if (
        n !== q.destination &&
        r.kind === 'objects' &&
        r.label === anchorLabel &&
        r.list.length > 1 &&
        !r.lm.pick &&
        !r.lm.relation
      ) {
        resolved.set(n, { ...r, list: [[...r.list].sort((a, b) => gap(a) - gap(b))[0]] });
        relations.push(`${n} → the ${r.label} nearest the ${dest.label} (the destination is ${destRel[0]})`);
      }
  }
  const edges = edgePoints(room);
  const inside = interiorPoints(room);
  for (const [n, r] of resolved)
    if (r.kind !== 'objects') {
      const pl = placementOf(r.lm.name);
      const edge = r.kind === 'edge' || pl?.at === 'edge';
      resolved.set(n, {
        ...r,
        kind: edge ? 'edge' : 'unknown',
        ...priorPlaces(room, edge ? edges : [...inside, ...edges], pl, byKey, all),
      });
    }
  const ctx: Ctx = { room, resolved, edges, inside };
  const starts = startStates(ctx, q);
  const blanks = q.steps.filter((s) => s.kind === 'turn').length;
  const candidatesTurns = (): Turn[][] => {
    if (blanks <= MAX_ENUMERATED) return allTurns(blanks);
    // Long routes asked without options: fix the blanks one at a time (a blank not yet fixed costs the same
    // for every choice of the earlier ones).
    const fixed: Turn[] = [];
    for (let j = 0; j < blanks; j++) {
      let bestT: Turn = 'left';
      let bestL = -1;
      for (const t of TURNS) {
        const l = likelihood(ctx, q, [...fixed, t], starts).l;
        if (l > bestL) [bestL, bestT] = [l, t];
      }
      fixed.push(bestT);
    }
    return [fixed];
  };
  const readings = (options ?? candidatesTurns().map((t) => ({ letter: t.join(', '), turns: t }))).map(
    (o) => ({
      o,
      ...(o.turns ? likelihood(ctx, q, o.turns, starts) : { l: -1, best: undefined }),
    }),
  );
  const total = readings.reduce((a, r) => a + Math.max(0, r.l), 0);
  let top = readings[0];
  for (const r of readings) if (r.l > (top?.l ?? -1)) top = r;
  const turns = top?.o.turns ?? [];
  const labels = [...new Set([...resolved.values()].flatMap((r) => (r.kind === 'objects' ? [r.label] : [])))];
  const facts: string[] = [];
  const describe = (n: string): string => {
    const r = resolved.get(n);
    if (!r) return n;
    if (r.kind === 'objects')
      return `${n} → ${r.label}${r.list.length > 1 ? ` (${r.list.length} in the map${r.lm.pick ? `, the ${r.lm.pick}` : ', each reading weighed'})` : ''}`;
    const where = r.kind === 'edge' ? 'somewhere on the room’s edge' : 'anywhere in the room';
    return `${n} → not in the map (${r.prior ? `placed by what rooms usually have: ${r.prior}; else ${where}` : where}; every place weighed)`;
  };
  facts.push(`route landmarks: ${[...resolved.keys()].map(describe).join('; ')}`);
  if (relations.length) facts.push(`picked by relation: ${relations.join('; ')}`);
  if (byName.length) facts.push(`picked by what the name says: ${byName.join('; ')}`);
  if (q.facingHow && q.facingHow !== 'toward')
    facts.push(
      `start heading: ${q.facingHow === 'away' ? `back to the ${q.facing}` : q.facingHow === 'into-room' ? 'into the room (towards its middle)' : 'out of the room'}`,
    );
  if (missing.length)
    facts.push(
      `not in the map: ${missing.join(', ')}; reasoned from ${labels.length ? labels.join(', ') : 'the room’s extent alone'}`,
    );
  if (options)
    facts.push(
      `route options by fit: ${readings
        .filter((r) => r.l >= 0)
        .map((r) => `${r.o.letter} ${(total > 0 ? (100 * r.l) / total : 0).toFixed(0)}%`)
        .join(', ')}`,
    );
  facts.push(`route turns = ${turns.join(', ') || 'none'}`);
  const objects = (top?.best?.used ?? []).map((o) => o.id);
  return {
    answer: top && top.l > 0 ? top.o.letter : undefined,
    turns,
    text: turns.length ? `Turn ${turns.join(', then ')}.` : 'No turns to fill in.',
    facts,
    missing,
    labels,
    objects,
  };
}

/** Options' turn lists, in the form planRoute takes. */
export const routeOptions = (
  options: readonly AnswerOption[],
  parse: (text: string) => Turn[] | undefined,
): { letter: string; turns?: Turn[] }[] => options.map((o) => ({ letter: o.letter, turns: parse(o.text) }));
