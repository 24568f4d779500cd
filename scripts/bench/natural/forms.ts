import {
  bottom,
  boxDistance,
  centreDistance,
  floorDistance,
  height,
  length,
  longest,
  sideOf,
  sideWithBackTo,
  top,
  volume,
  width,
  type BenchBox,
} from './geometry';
import { Prng } from '../../../src/core/prng';
import { groupOfLabel, NAME_GROUPS, type NameGroup } from './names';
import type { Kind } from './phrasings';
import type { BenchScene } from './scenes';

/**
 * What each phrasing form asks, computed exactly from the boxes. A form returns undefined when the scene cannot
 * give it an unambiguous answer: a single-object question needs a name with one instance; a winner must lead
 * every other kind of object by 10% (near ties are skipped); left/right needs the target clearly to one side.
 */
export type Unit = 'm' | 'cm' | 'ft' | 'in';
export const PER_METRE: Record<Unit, number> = { m: 1, cm: 100, ft: 1 / 0.3048, in: 1 / 0.0254 };

export interface Fill {
  /** Slot → the kind of object named there. */
  readonly names: Partial<Record<'a' | 'b' | 'c', NameGroup>>;
  readonly groundTruth: number | string;
  /** Metres → this unit for numeric answers with a unit. */
  readonly unit?: Unit;
  readonly options?: string[];
  /** Object names the answer chooses among (labels), for questions answered by a name. */
  readonly candidates?: string[];
  /** For yes/no standpoint items: the side the question asks about. */
  readonly side?: 'left' | 'right';
}

export type Rng = Pick<Prng, 'next' | 'pick' | 'shuffle'>;

/** The core's seeded PRNG, seeded as this generator always was (unmixed), so phrasings stay what they were. */
export const makeRng = (seed: number): Rng => Prng.fromState(seed);

/** A scene seen by kinds of object (name groups). */
export class SceneFacts {
  readonly byGroup = new Map<string, BenchBox[]>();
  readonly floor: number;

  constructor(readonly scene: BenchScene) {
    for (const b of scene.boxes) {
      const g = groupOfLabel(b.label).canonical;
      this.byGroup.set(g, [...(this.byGroup.get(g) ?? []), b]);
    }
    this.floor = Math.min(...scene.boxes.map(bottom));
  }

  group(b: BenchBox): NameGroup {
    return groupOfLabel(b.label);
  }

  /** One box per kind of object that has exactly one instance. */
  unique(): BenchBox[] {
    return [...this.byGroup.values()].filter((l) => l.length === 1).map((l) => l[0]);
  }

  /** Kinds present, one representative box each. */
  kinds(): BenchBox[] {
    return [...this.byGroup.values()].map((l) => l[0]);
  }

  labels(exceptGroup?: string): string[] {
    return [...this.byGroup.entries()].filter(([g]) => g !== exceptGroup).map(([, l]) => l[0].label);
  }

  absentGroups(): NameGroup[] {
    return NAME_GROUPS.filter((g) => !this.byGroup.has(g.canonical));
  }
}

const TIE = 1.1;

/** The box whose score leads every box of another kind by the tie margin, on every score given. */
function clearWinner(
  f: SceneFacts,
  boxes: readonly BenchBox[],
  scores: readonly ((b: BenchBox) => number)[],
  sense: 'max' | 'min',
): BenchBox | undefined {
  if (boxes.length < 2) return undefined;
  const better = (x: number, y: number) => (sense === 'max' ? x >= TIE * y : TIE * x <= y);
  const first = scores[0];
  const best = [...boxes].sort((p, q) => (sense === 'max' ? first(q) - first(p) : first(p) - first(q)))[0];
  const g = f.group(best).canonical;
  const rivals = boxes.filter((b) => f.group(b).canonical !== g);
  if (!rivals.length) return undefined;
  return rivals.every((r) => scores.every((s) => better(s(best), s(r)))) ? best : undefined;
}

/** The box of another kind closest to (or farthest from) `anchor`, by closest points and by centres alike. */
function byDistanceFrom(f: SceneFacts, anchor: BenchBox, sense: 'min' | 'max'): BenchBox | undefined {
  const g = f.group(anchor).canonical;
  const others = f.scene.boxes.filter((b) => f.group(b).canonical !== g);
  return clearWinner(
    f,
    others,
    // A small offset keeps two touching objects (distance 0) from both "winning".
    [(b) => boxDistance(anchor, b) + 0.05, (b) => centreDistance(anchor, b)],
    sense,
  );
}

function twoApart<T>(rng: Rng, xs: readonly T[], n: number): T[] | undefined {
  return xs.length < n ? undefined : rng.shuffle(xs).slice(0, n);
}

function unitFor(rng: Rng): Unit {
  return rng.pick(['m', 'cm', 'ft', 'in', 'm', 'cm'] as const);
}

const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

type FormFn = (f: SceneFacts, rng: Rng) => Fill | undefined;

const size = (measure: (b: BenchBox) => number, floorOnly = false): FormFn => {
  return (f, rng) => {
    const pool = f.unique().filter((b) => measure(b) >= 0.1 && (!floorOnly || bottom(b) - f.floor <= 0.15));
    if (!pool.length) return undefined;
    const b = rng.pick(pool);
    const unit = unitFor(rng);
    return { names: { a: f.group(b) }, groundTruth: round(measure(b) * PER_METRE[unit]), unit };
  };
};

const superlative =
  (scores: ((b: BenchBox) => number)[], sense: 'max' | 'min'): FormFn =>
  (f) => {
    const w = clearWinner(f, f.scene.boxes, scores, sense);
    return w ? { names: {}, groundTruth: w.label, candidates: f.labels() } : undefined;
  };

const fromAnchor =
  (sense: 'min' | 'max'): FormFn =>
  (f, rng) => {
    for (const a of rng.shuffle(f.unique())) {
      const w = byDistanceFrom(f, a, sense);
      if (w)
        return {
          names: { a: f.group(a) },
          groundTruth: w.label,
          candidates: f.labels(f.group(a).canonical),
        };
    }
    return undefined;
  };

/** Two unique objects where one is clearly ahead on every score; GT by `answer`. */
const pairCompare =
  (
    scores: ((b: BenchBox) => number)[],
    answer: 'larger' | 'smaller' | 'yes_no',
    extra?: (p: BenchBox, q: BenchBox) => boolean,
  ): FormFn =>
  (f, rng) => {
    const u = f.unique();
    for (let t = 0; t < 12; t++) {
      const pair = twoApart(rng, u, 2);
      if (!pair) return undefined;
      const [p, q] = pair;
      const pBig = scores.every((s) => s(p) >= TIE * s(q)) && (!extra || extra(p, q));
      const qBig = scores.every((s) => s(q) >= TIE * s(p)) && (!extra || extra(q, p));
      if (!pBig && !qBig) continue;
      const big = pBig ? p : q;
      const small = pBig ? q : p;
      const names = { a: f.group(p), b: f.group(q) };
      if (answer === 'yes_no') return { names, groundTruth: pBig ? 'yes' : 'no' };
      const gt = answer === 'larger' ? big : small;
      return { names, groundTruth: gt.label, candidates: [p.label, q.label] };
    }
    return undefined;
  };

const nearerOf =
  (sense: 'min' | 'max'): FormFn =>
  (f, rng) => {
    const u = f.unique();
    for (let t = 0; t < 12; t++) {
      const three = twoApart(rng, u, 3);
      if (!three) return undefined;
      const [a, b, c] = three;
      const w = clearWinner(f, [b, c], [(x) => boxDistance(a, x) + 0.05, (x) => centreDistance(a, x)], sense);
      if (w)
        return {
          names: { a: f.group(a), b: f.group(b), c: f.group(c) },
          groundTruth: w.label,
          candidates: [b.label, c.label],
        };
    }
    return undefined;
  };

/** Stand at a facing b (or with b behind): c clearly to one side. */
const standpoint =
  (mode: 'lr' | 'yn_left' | 'yn_right' | 'route' | 'route_back'): FormFn =>
  (f, rng) => {
    const u = f.unique();
    const route = mode === 'route' || mode === 'route_back';
    const [lo, hi] = route ? [45, 135] : [20, 160];
    for (let t = 0; t < 20; t++) {
      const three = twoApart(rng, u, 3);
      if (!three) return undefined;
      const [a, b, c] = three;
      if (floorDistance(a, b) < 0.8 || floorDistance(a, c) < (route ? 1 : 0.5)) continue;
      const bearing = mode === 'route_back' ? sideWithBackTo(a, b, c) : sideOf(a, b, c);
      if (bearing.angle < lo || bearing.angle > hi) continue;
      const names = { a: f.group(a), b: f.group(b), c: f.group(c) };
      if (mode === 'yn_left' || mode === 'yn_right') {
        const side = mode === 'yn_left' ? 'left' : 'right';
        return { names, groundTruth: bearing.side === side ? 'yes' : 'no', side };
      }
      return { names, groundTruth: bearing.side };
    }
    return undefined;
  };

/** First sighting of each kind with one instance; `gap` frames between any two asked. */
const FIRST_SEEN_GAP = 5;

function spacedInTime(f: SceneFacts, rng: Rng, n: number): BenchBox[] | undefined {
  const u = f.unique().filter((b) => b.firstSeenFrame !== undefined);
  for (let t = 0; t < 20; t++) {
    const pick = twoApart(rng, u, n);
    if (!pick) return undefined;
    const frames = pick.map((b) => b.firstSeenFrame!).sort((x, y) => x - y);
    if (frames.every((v, i) => i === 0 || v - frames[i - 1] >= FIRST_SEEN_GAP)) return pick;
  }
  return undefined;
}

const seenAt = (b: BenchBox): number => b.firstSeenFrame!;

const orderForm =
  (n: 2 | 3, which: 'first' | 'last'): FormFn =>
  (f, rng) => {
    const pick = spacedInTime(f, rng, n);
    if (!pick) return undefined;
    const sorted = [...pick].sort((x, y) => seenAt(x) - seenAt(y));
    const gt = which === 'first' ? sorted[0] : sorted[sorted.length - 1];
    const [a, b, c] = pick;
    return {
      names: { a: f.group(a), b: f.group(b), ...(c ? { c: f.group(c) } : {}) },
      groundTruth: gt.label,
      candidates: pick.map((x) => x.label),
    };
  };

const LETTERS = ['A', 'B', 'C', 'D'];

export const FORMS: Record<Kind, Record<string, FormFn>> = {
  counting: {
    count: (f, rng) => {
      const kinds = [...f.byGroup.values()];
      const several = kinds.filter((l) => l.length > 1);
      const l = several.length && rng.next() < 0.5 ? rng.pick(several) : rng.pick(kinds);
      return { names: { a: f.group(l[0]) }, groundTruth: l.length };
    },
  },
  total: {
    all: (f) => (f.scene.boxes.length >= 2 ? { names: {}, groundTruth: f.scene.boxes.length } : undefined),
    pair: (f, rng) => {
      const two = twoApart(rng, [...f.byGroup.values()], 2);
      return two
        ? {
            names: { a: f.group(two[0][0]), b: f.group(two[1][0]) },
            groundTruth: two[0].length + two[1].length,
          }
        : undefined;
    },
  },
  existence: {
    either: (f, rng) =>
      rng.next() < 0.5
        ? { names: { a: f.group(rng.pick(f.kinds())) }, groundTruth: 'yes' }
        : { names: { a: rng.pick(f.absentGroups()) }, groundTruth: 'no' },
  },
  distance: {
    distance: (f, rng) => {
      for (let t = 0; t < 12; t++) {
        const two = twoApart(rng, f.unique(), 2);
        if (!two) return undefined;
        const d = boxDistance(two[0], two[1]);
        if (d < 0.3) continue;
        const unit = unitFor(rng);
        return {
          names: { a: f.group(two[0]), b: f.group(two[1]) },
          groundTruth: round(d * PER_METRE[unit]),
          unit,
        };
      }
      return undefined;
    },
  },
  size_height: { height: size(height), height_floor: size(height, true) },
  size_length_width: {
    length: (f, rng) => size(length)(withLongShort(f), rng),
    width: (f, rng) => size(width)(withLongShort(f), rng),
  },
  size_big: { big: size(longest) },
  superlative: {
    largest: superlative([volume, longest], 'max'),
    smallest: superlative([volume, longest], 'min'),
    tallest: (f) => {
      const w = clearWinner(f, f.scene.boxes, [height], 'max');
      // "Tallest" must not hinge on height vs. how high the top is: the winner's top is also the highest.
      if (!w || f.scene.boxes.some((b) => top(b) > top(w))) return undefined;
      return { names: {}, groundTruth: w.label, candidates: f.labels() };
    },
    closest: fromAnchor('min'),
    farthest: fromAnchor('max'),
  },
  nearest: { next: fromAnchor('min') },
  comparison: {
    bigger: pairCompare([volume, longest], 'larger'),
    smaller: pairCompare([volume, longest], 'smaller'),
    bigger_yn: pairCompare([volume, longest], 'yes_no'),
    taller: pairCompare([height], 'larger', (p, q) => top(p) > top(q)),
    taller_yn: pairCompare([height], 'yes_no', (p, q) => top(p) > top(q)),
    closer: nearerOf('min'),
    farther: nearerOf('max'),
  },
  standpoint: {
    lr: standpoint('lr'),
    yn_left: standpoint('yn_left'),
    yn_right: standpoint('yn_right'),
  },
  route: { facing: standpoint('route'), back: standpoint('route_back') },
  appearance_order: {
    first2: orderForm(2, 'first'),
    last2: orderForm(2, 'last'),
    first3: orderForm(3, 'first'),
    last3: orderForm(3, 'last'),
    before_yn: (f, rng) => {
      const pick = spacedInTime(f, rng, 2);
      if (!pick) return undefined;
      const [a, b] = pick;
      return { names: { a: f.group(a), b: f.group(b) }, groundTruth: seenAt(a) < seenAt(b) ? 'yes' : 'no' };
    },
    order: (f, rng) => {
      const pick = spacedInTime(f, rng, 3);
      if (!pick) return undefined;
      const names = (bs: BenchBox[]) => bs.map((b) => f.group(b).say[0]).join(', ');
      const right = [...pick].sort((x, y) => seenAt(x) - seenAt(y));
      const perms = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
      ].map((p) => p.map((i) => right[i]));
      const wrong = rng.shuffle(perms.slice(1)).slice(0, 3);
      const opts = rng.shuffle([right, ...wrong]);
      const [a, b, c] = pick;
      return {
        names: { a: f.group(a), b: f.group(b), c: f.group(c) },
        groundTruth: LETTERS[opts.indexOf(right)],
        options: opts.map((o, i) => `${LETTERS[i]}. ${names(o)}`),
      };
    },
  },
  room_listing: {
    list: (f, rng) => ({ names: {}, groundTruth: rng.pick(f.kinds()).label }),
    kinds: (f) => (f.byGroup.size >= 2 ? { names: {}, groundTruth: f.byGroup.size } : undefined),
  },
};

/** Only the objects whose long and short horizontal sides differ by the tie margin. */
function withLongShort(f: SceneFacts): SceneFacts {
  const keep = f.scene.boxes.filter((b) => length(b) >= TIE * width(b));
  const g = new SceneFacts({ ...f.scene, boxes: f.scene.boxes });
  for (const [k, l] of g.byGroup) if (!l.every((b) => keep.includes(b))) g.byGroup.delete(k);
  return g;
}
