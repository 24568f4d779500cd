import type { Mosaic, MosaicObject } from '../mosaic/types';
import { canonicalLabel, pluralName, singularName } from '../questions/labels';
import type { LengthUnit, Measure, Task } from '../questions/types';
import { answerUnit, formatIn, inUnit, type UnitSystem } from './answerUnits';
import { worldFrame } from './orientedBox';
import { describeRoute, firstTurn } from './route';
import {
  classifyDirection,
  currentViewpoint,
  egoAngleDeg,
  egoSector,
  relativeAngleDeg,
  type Viewpoint,
} from './relations';
import {
  dimensions,
  measureOf,
  objectDistance,
  objectsLabelled,
  pointDistance,
  roomArea,
  verticalExtent,
} from './spatialTools';

/**
 * The free-form kinds (existence, totals, one dimension in the unit asked, superlatives, nearest neighbours,
 * comparisons, standpoints, "where is", summaries) answered with the exact tools. When a name matches several
 * instances the answer says so and gives each (or the one the question implies); `objects` lists exactly the
 * instances an answer used.
 */
export interface FreeFormAnswer {
  readonly value: number | string | boolean | null;
  readonly unit?: string;
  readonly text: string;
  readonly facts: string[];
  readonly objects: string[];
}

export interface FreeFormContext {
  readonly m: Mosaic;
  /** Mosaic label of an asked name (resolved by the caller). */
  readonly L: (name: string) => string;
  /** Asked names the mosaic lacks (as asked, singular). */
  readonly missing: (name: string) => boolean;
  readonly unit?: LengthUnit;
  readonly units: UnitSystem;
}

export const article = (name: string): string => (/^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`);
/** The name for n of them: irregular plurals by compromise (mouse → mice, shelf → shelves). */
export const plural = (name: string, n: number): string => (n === 1 ? singularName(name) : pluralName(name));
const counted = (name: string, n: number): string => (n === 1 ? article(name) : `${n} ${plural(name, n)}`);
export const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
export function listing(parts: string[]): string {
  return parts.length <= 1
    ? parts.join('')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
const ids = (os: readonly MosaicObject[]): string[] => os.map((o) => o.id);

/** Instances ranked as "the X" picks them: most confident, then most observed. */
const ranked = (os: MosaicObject[]): MosaicObject[] =>
  [...os].sort((a, b) => b.confidence - a.confidence || b.observations - a.observations);

const MEASURE_WORD: Readonly<Record<Measure, string>> = {
  height: 'tall',
  length: 'long',
  width: 'wide',
  longest: 'across its longest side',
  area: 'in footprint',
  volume: 'in volume',
};
const ORDER_WORD: Readonly<Record<Measure, readonly [string, string]>> = {
  height: ['tallest', 'shortest'],
  length: ['longest', 'shortest'],
  width: ['widest', 'narrowest'],
  longest: ['largest', 'smallest'],
  area: ['largest', 'smallest'],
  volume: ['bulkiest', 'smallest'],
};
const COMPARE_WORD: Readonly<Record<Measure, readonly [string, string]>> = {
  height: ['taller', 'shorter'],
  length: ['longer', 'shorter'],
  width: ['wider', 'narrower'],
  longest: ['bigger', 'smaller'],
  area: ['bigger', 'smaller'],
  volume: ['bulkier', 'smaller'],
};

/** A measure in the answer's unit: lengths as sizes, areas as areas; volumes stay in m³. */
function measured(
  ctx: FreeFormContext,
  measure: Measure,
  metres: number,
): { value: number; unit: string; text: string } {
  if (measure === 'volume') {
    const v = Math.round(metres * 1000) / 1000;
    return { value: v, unit: 'm3', text: `${v} m³` };
  }
  const u = answerUnit(measure === 'area' ? 'area' : 'size', ctx.unit, ctx.units);
  return { value: inUnit(metres, u), unit: u, text: formatIn(metres, u) };
}

function distanceIn(ctx: FreeFormContext, metres: number): { value: number; unit: LengthUnit; text: string } {
  const u = answerUnit('distance', ctx.unit, ctx.units);
  return { value: inUnit(metres, u), unit: u, text: formatIn(metres, u) };
}

/** Where an object stands, in words: on / next to / near its closest landmarks. */
export function landmarkPhrase(
  m: Mosaic,
  o: MosaicObject,
  ctx?: FreeFormContext,
): { text: string; near?: MosaicObject } {
  const f = worldFrame(m.up);
  const others = m.objects
    .filter((x) => x.id !== o.id)
    .map((x) => ({ x, d: objectDistance(m, o, x) }))
    .sort((a, b) => a.d - b.d);
  if (others.length === 0) return { text: 'on its own' };
  const [bottom] = verticalExtent(m, o, f);
  const support = others.find(({ x, d }) => d < 0.1 && Math.abs(verticalExtent(m, x, f)[1] - bottom) < 0.1);
  if (support) return { text: `on the ${support.x.label}`, near: support.x };
  const first = others[0];
  const dist = ctx ? distanceIn(ctx, first.d).text : `${first.d.toFixed(2)} m`;
  const rel = first.d < 0.3 ? 'next to' : first.d < 1.0 ? 'near' : `${dist} from`;
  const second =
    others[1] && others[1].d < 1.5 && others[1].x.label !== first.x.label ? others[1] : undefined;
  return {
    text: `${rel} the ${first.x.label}${second ? ` and ${second.d < 0.3 ? 'next to' : 'near'} the ${second.x.label}` : ''}`,
    near: first.x,
  };
}

function egoWhere(m: Mosaic, v: Viewpoint | undefined, o: MosaicObject, ctx: FreeFormContext): string {
  if (!v) return '';
  const f = worldFrame(m.up);
  const sec = egoSector(egoAngleDeg(f, v, o.center));
  const where = sec === 'back' ? 'behind you' : sec === 'front' ? 'in front of you' : `to your ${sec}`;
  return `${where}, ${distanceIn(ctx, pointDistance(m, v.position, o)).text} away`;
}

type Solver<K extends Task['kind']> = (
  ctx: FreeFormContext,
  task: Extract<Task, { kind: K }>,
) => FreeFormAnswer;

const existence: Solver<'object_existence'> = (ctx, t) => {
  const os = ctx.missing(t.label) ? [] : objectsLabelled(ctx.m, ctx.L(t.label));
  const fact = `count(${ctx.L(t.label)}) = ${os.length}`;
  // A more specific name than the map has ("bar stool" in a map of "chair"s, matched through the detector's
  // class): not seen as such; say what was seen instead of counting chairs as stools.
  if (os.length > 0 && canonicalLabel(t.label) !== canonicalLabel(ctx.L(t.label)))
    return {
      value: false,
      text: `No, I haven't seen ${article(t.label)} as such, but I have seen ${counted(os[0].label, os.length)}.`,
      facts: [fact],
      objects: ids(os),
    };
  if (os.length === 0)
    return { value: false, text: `No, I haven't seen ${article(t.label)}.`, facts: [fact], objects: [] };
  return {
    value: true,
    text: `Yes, I have seen ${counted(t.label, os.length)}${os.length === 1 ? ` (${landmarkPhrase(ctx.m, os[0]).text})` : ''}.`,
    facts: [fact],
    objects: ids(os),
  };
};

/** Label → instances, most frequent first. */
function inventory(m: Mosaic): [string, MosaicObject[]][] {
  const by = new Map<string, MosaicObject[]>();
  for (const o of m.objects) by.set(o.label, [...(by.get(o.label) ?? []), o]);
  return [...by].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

const countTotal: Solver<'count_total'> = (ctx, t) => {
  if (t.kinds) {
    // Kinds of thing, not labels: a map may call two instances "sofa" and "couch".
    const kinds = new Map<string, string[]>();
    for (const [l] of inventory(ctx.m)) {
      const k = canonicalLabel(l);
      kinds.set(k, [...(kinds.get(k) ?? []), l]);
    }
    const n = kinds.size;
    return {
      value: n,
      text:
        n === 0
          ? 'I have not seen any objects yet.'
          : `I have seen ${n} ${n === 1 ? 'kind' : 'kinds'} of object: ${listing([...kinds.values()].map((ls) => ls.join(' / ')))}.`,
      facts: [...kinds].map(([k, ls]) => `kind(${k}) = ${ls.join(', ')}`),
      objects: ids(ctx.m.objects),
    };
  }
  if (t.labels.length === 0) {
    const inv = inventory(ctx.m);
    const n = ctx.m.objects.length;
    return {
      value: n,
      text:
        n === 0
          ? 'I have not seen any objects yet.'
          : `I count ${counted('object', n)}: ${listing(inv.map(([l, os]) => counted(l, os.length)))}.`,
      facts: inv.map(([l, os]) => `count(${l}) = ${os.length}`),
      objects: ids(ctx.m.objects),
    };
  }
  const parts = t.labels.map((name) => ({
    name,
    os: ctx.missing(name) ? [] : objectsLabelled(ctx.m, ctx.L(name)),
  }));
  if (t.more && parts.length >= 2) return moreOf(t.more, t.claim === true, parts);
  const used = [...new Set(parts.flatMap((p) => p.os))];
  const n = used.length;
  return {
    value: n,
    text: `${capital(listing(parts.map((p) => (p.os.length ? counted(p.name, p.os.length) : `no ${plural(p.name, 2)}`))))}: ${n} in total.`,
    facts: parts.map((p) => `count(${ctx.L(p.name)}) = ${p.os.length}`),
    objects: ids(used),
  };
};

/** "are there more chairs than tables?" (claim: yes/no for the first), "which are there fewer of, cups or bowls?". */
function moreOf(
  order: 'max' | 'min',
  claim: boolean,
  parts: readonly { name: string; os: MosaicObject[] }[],
): FreeFormAnswer {
  const ns = parts.map((p) => p.os.length);
  const best = order === 'max' ? Math.max(...ns) : Math.min(...ns);
  const winners = parts.filter((p) => p.os.length === best);
  const counts = listing(
    parts.map((p) => (p.os.length ? counted(p.name, p.os.length) : `no ${plural(p.name, 2)}`)),
  );
  const word = order === 'max' ? 'more' : 'fewer';
  const facts = parts.map((p) => `count(${p.name}) = ${p.os.length}`);
  const objects = ids(parts.flatMap((p) => p.os));
  if (claim) {
    const holds = winners.length === 1 && winners[0] === parts[0];
    return { value: holds, text: `${holds ? 'Yes' : 'No'}: I count ${counts}.`, facts, objects };
  }
  if (winners.length > 1)
    return { value: null, text: `The same number of each: I count ${counts}.`, facts, objects };
  return {
    value: winners[0].name,
    text: `There are ${word} ${plural(winners[0].name, 2)}: I count ${counts}.`,
    facts,
    objects,
  };
}

const measure: Solver<'object_measure'> = (ctx, t) => {
  const os = ranked(objectsLabelled(ctx.m, ctx.L(t.label)));
  const vals = os.map((o) => ({ o, v: measured(ctx, t.measure, measureOf(ctx.m, o, t.measure)) }));
  const facts = vals.map(({ o, v }) => `${t.measure}(${o.label} ${o.id}) = ${v.text}`);
  const d = dimensions(ctx.m, os[0]);
  const dims =
    t.measure === 'longest'
      ? ` (${listing([`${formatIn(d.length, answerUnit('size', ctx.unit, ctx.units))} long`, `${formatIn(d.width, answerUnit('size', ctx.unit, ctx.units))} wide`, `${formatIn(d.height, answerUnit('size', ctx.unit, ctx.units))} tall`])})`
      : '';
  if (vals.length === 1)
    return {
      value: vals[0].v.value,
      unit: vals[0].v.unit,
      text: `The ${t.label} is ${vals[0].v.text} ${MEASURE_WORD[t.measure]}${dims}.`,
      facts,
      objects: ids(os),
    };
  return {
    value: vals[0].v.value,
    unit: vals[0].v.unit,
    text: `I have seen ${counted(t.label, os.length)}: ${listing(vals.slice(0, 5).map(({ o, v }, i) => `${i === 0 ? 'the main one' : `one ${landmarkPhrase(ctx.m, o).text}`} is ${v.text}`))} ${MEASURE_WORD[t.measure]}.`,
    facts,
    objects: ids(os),
  };
};

const superlative: Solver<'superlative'> = (ctx, t) => {
  const pool =
    t.among === undefined
      ? ctx.m.objects
      : ctx.missing(t.among)
        ? []
        : objectsLabelled(ctx.m, ctx.L(t.among));
  if (pool.length === 0)
    return {
      value: null,
      text: t.among ? `I haven't seen ${article(t.among)}.` : 'I have not seen any objects yet.',
      facts: [],
      objects: [],
    };
  const scored = pool
    .map((o) => ({ o, v: measureOf(ctx.m, o, t.measure) }))
    .sort((a, b) => (t.order === 'max' ? b.v - a.v : a.v - b.v));
  const best = scored[0];
  const word = ORDER_WORD[t.measure][t.order === 'max' ? 0 : 1];
  const v = measured(ctx, t.measure, best.v);
  const what = t.among ? `${t.among}` : 'object';
  const lead =
    t.among && pool.length > 1
      ? `Of the ${pool.length} ${plural(t.among, 2)}, the ${word} is the one ${landmarkPhrase(ctx.m, best.o).text}`
      : `The ${word} ${what} is the ${best.o.label}`;
  return {
    value: best.o.label,
    text: `${lead} (${v.text} ${MEASURE_WORD[t.measure]}).`,
    facts: scored
      .slice(0, 5)
      .map(({ o, v: x }) => `${t.measure}(${o.label} ${o.id}) = ${measured(ctx, t.measure, x).text}`),
    objects: [best.o.id],
  };
};

const NEAR_METRES = 1.0;
/** Closer than this, two boxes touch (fusion's boxes are not exact to the centimetre). */
const TOUCHING = 0.02;
const nearest: Solver<'nearest'> = (ctx, t) => {
  const anchors = objectsLabelled(ctx.m, ctx.L(t.anchor));
  const anchorIds = new Set(anchors.map((a) => a.id));
  const amongLabels = t.among?.filter((n) => !ctx.missing(n)).map(ctx.L);
  const candidates = ctx.m.objects.filter(
    (o) => !anchorIds.has(o.id) && (!amongLabels || amongLabels.includes(o.label)),
  );
  if (candidates.length === 0)
    return {
      value: null,
      text: `I have not seen anything else to compare with the ${t.anchor}.`,
      facts: [],
      objects: [],
    };
  const dist = (o: MosaicObject): { d: number; a: MosaicObject } =>
    anchors.map((a) => ({ d: objectDistance(ctx.m, a, o), a })).reduce((x, y) => (y.d < x.d ? y : x));
  const scored = candidates
    .map((o) => ({ o, ...dist(o) }))
    .sort((x, y) => (t.order === 'min' ? x.d - y.d : y.d - x.d));
  const facts = scored
    .slice(0, 6)
    .map((s) => `distance(${t.anchor}, ${s.o.label} ${s.o.id}) = ${s.d.toFixed(2)} m`);
  const several =
    anchors.length > 1
      ? ` (of the ${anchors.length} ${plural(t.anchor, 2)}, the one ${landmarkPhrase(ctx.m, scored[0].a).text})`
      : '';
  if (t.near) {
    const close = scored.filter((s) => s.d <= NEAR_METRES);
    const shown = close.length ? close.slice(0, 5) : scored.slice(0, 1);
    const text = close.length
      ? `Next to the ${t.anchor}${several}: ${listing(shown.map((s) => `the ${s.o.label} (${s.d < TOUCHING ? 'touching' : distanceIn(ctx, s.d).text})`))}.`
      : `Nothing is right next to the ${t.anchor}; the closest is the ${shown[0].o.label}, ${distanceIn(ctx, shown[0].d).text} away.`;
    return {
      value: shown[0].o.label,
      text,
      facts,
      objects: [...new Set([...shown.map((s) => s.a.id), ...shown.map((s) => s.o.id)])],
    };
  }
  if (t.claim) {
    // Yes/no: does the claimed one win? Each choice's nearest instance to the anchor.
    const claimed = ctx.missing(t.claim) ? undefined : ctx.L(t.claim);
    const shown = (amongLabels ?? [])
      .map((l) => scored.find((s) => s.o.label === l))
      .filter((s): s is (typeof scored)[number] => s !== undefined)
      .filter((s, i, all) => all.indexOf(s) === i);
    const holds = scored[0].o.label === claimed;
    const cmp = t.order === 'min' ? 'closer to' : 'farther from';
    return {
      value: holds,
      text: `${holds ? 'Yes' : 'No'}, the ${scored[0].o.label} is ${cmp} the ${t.anchor}: ${listing(shown.map((s) => `the ${s.o.label} is ${distanceIn(ctx, s.d).text} away`))}.`,
      facts,
      objects: [...new Set([...shown.map((s) => s.a.id), ...shown.map((s) => s.o.id)])],
    };
  }
  const best = scored[0];
  const word = t.order === 'min' ? 'closest to' : 'farthest from';
  const dv = distanceIn(ctx, best.d);
  return {
    value: best.o.label,
    unit: undefined,
    text: `The ${best.o.label} is the ${word} the ${t.anchor}${several}, ${best.d < TOUCHING ? 'touching it' : `${dv.text} away`}.`,
    facts,
    objects: [best.a.id, best.o.id],
  };
};

const compare: Solver<'compare'> = (ctx, t) => {
  const rows = t.labels.map((name) => {
    const o = ranked(objectsLabelled(ctx.m, ctx.L(name)))[0];
    return { name, o, v: measureOf(ctx.m, o, t.measure) };
  });
  const sorted = [...rows].sort((a, b) => (t.order === 'max' ? b.v - a.v : a.v - b.v));
  const win = sorted[0];
  const word = COMPARE_WORD[t.measure][t.order === 'max' ? 0 : 1];
  const shown = sorted.map((r) => `${measured(ctx, t.measure, r.v).text} for the ${r.name}`);
  const facts = rows.map(
    (r) => `${t.measure}(${r.o.label} ${r.o.id}) = ${measured(ctx, t.measure, r.v).text}`,
  );
  if (t.claim) {
    const holds = win.name === rows[0].name;
    return {
      value: holds,
      text: `${holds ? 'Yes' : 'No'}: ${listing(shown)} (${MEASURE_WORD[t.measure]}).`,
      facts,
      objects: rows.map((r) => r.o.id),
    };
  }
  return {
    value: win.name,
    text: `The ${win.name} is ${word}: ${listing(shown)} (${MEASURE_WORD[t.measure]}).`,
    facts,
    objects: rows.map((r) => r.o.id),
  };
};

/** "front-left" → "in front of you, to your left". */
function sideWords(cls: string): string {
  const [fb, lr] = cls.split('-');
  return `${fb === 'front' ? 'in front of you' : 'behind you'}, to your ${lr}`;
}

const standpoint: Solver<'standpoint'> = (ctx, t) => {
  const f = worldFrame(ctx.m.up);
  const one = (n: string): MosaicObject => ranked(objectsLabelled(ctx.m, ctx.L(n)))[0];
  const s = one(t.standing);
  const fc = one(t.facing);
  const q = one(t.query);
  // "With my back to X": facing the point mirrored through where I stand.
  const target: [number, number, number] = t.backTo
    ? [2 * s.center[0] - fc.center[0], 2 * s.center[1] - fc.center[1], 2 * s.center[2] - fc.center[2]]
    : fc.center;
  const angle = relativeAngleDeg(f, s.center, target, q.center);
  const cls = classifyDirection('hard', angle);
  const side = angle > 0 ? 'left' : 'right';
  const from = `standing by the ${t.standing} ${t.backTo ? 'with your back to' : 'facing'} the ${t.facing}`;
  const facts = [
    `angle(${q.label} | at ${s.label} facing ${t.backTo ? 'away from ' : ''}${fc.label}) = ${angle.toFixed(0)}° (+ = left)`,
  ];
  const objects = [s.id, fc.id, q.id];
  const sector = egoSector(angle);
  if (t.check === 'left-right')
    return { value: side, text: `The ${t.query} would be on your ${side} (${from}).`, facts, objects };
  if (t.check) {
    const holds = t.check === 'left' || t.check === 'right' ? side === t.check : sector === t.check;
    const where =
      t.check === 'back' ? 'behind you' : t.check === 'front' ? 'in front of you' : `to your ${t.check}`;
    return {
      value: holds,
      text: `${holds ? 'Yes' : 'No'}, ${from}, the ${t.query} is ${holds ? where : sideWords(cls)}.`,
      facts,
      objects,
    };
  }
  return { value: cls, text: `${capital(from)}, the ${t.query} is ${sideWords(cls)}.`, facts, objects };
};

const locate: Solver<'locate'> = (ctx, t) => {
  const os = ranked(objectsLabelled(ctx.m, ctx.L(t.target)));
  const v = currentViewpoint(ctx.m);
  const each = os.slice(0, 4).map((o) => {
    const lm = landmarkPhrase(ctx.m, o, ctx);
    const ego = egoWhere(ctx.m, v, o, ctx);
    return { o, lm, text: `${lm.text}${ego ? `, ${ego}` : ''}` };
  });
  const objects = [...new Set(each.flatMap((e) => [e.o.id, ...(e.lm.near ? [e.lm.near.id] : [])]))];
  const text =
    each.length === 1
      ? `The ${t.target} is ${each[0].text}.`
      : `I have seen ${counted(t.target, os.length)}: ${listing(each.map((e, i) => `${i === 0 ? 'one' : 'another'} is ${e.text}`))}.`;
  return {
    value: each[0].lm.near?.label ?? null,
    text,
    facts: each.map((e) => `where(${e.o.label} ${e.o.id}) = ${e.text}`),
    objects,
  };
};

const egoDistance: Solver<'ego_distance'> = (ctx, t) => {
  const v = currentViewpoint(ctx.m);
  if (!v)
    return { value: null, text: 'I do not know where you stand (no camera pose).', facts: [], objects: [] };
  const os = objectsLabelled(ctx.m, ctx.L(t.target))
    .map((o) => ({ o, d: pointDistance(ctx.m, v.position, o) }))
    .sort((a, b) => a.d - b.d);
  const dv = distanceIn(ctx, os[0].d);
  const others =
    os.length > 1
      ? ` (the nearest of ${os.length}; the others ${listing(os.slice(1, 4).map((x) => distanceIn(ctx, x.d).text))})`
      : '';
  return {
    value: dv.value,
    unit: dv.unit,
    text: `The ${t.target} is ${dv.text} from you${others}.`,
    facts: os.map((x) => `distance(you, ${x.o.label} ${x.o.id}) = ${x.d.toFixed(2)} m`),
    objects: [os[0].o.id],
  };
};

const egoNearest: Solver<'ego_nearest'> = (ctx, t) => {
  const v = currentViewpoint(ctx.m);
  if (!v)
    return { value: null, text: 'I do not know where you stand (no camera pose).', facts: [], objects: [] };
  const scored = ctx.m.objects
    .map((o) => ({ o, d: pointDistance(ctx.m, v.position, o) }))
    .sort((a, b) => (t.order === 'min' ? a.d - b.d : b.d - a.d));
  if (scored.length === 0)
    return { value: null, text: 'I have not seen any objects yet.', facts: [], objects: [] };
  const best = scored[0];
  return {
    value: best.o.label,
    text: `The ${best.o.label} is the ${t.order === 'min' ? 'closest to' : 'farthest from'} you: ${egoWhere(ctx.m, v, best.o, ctx)}.`,
    facts: scored.slice(0, 5).map((s) => `distance(you, ${s.o.label} ${s.o.id}) = ${s.d.toFixed(2)} m`),
    objects: [best.o.id],
  };
};

const summary: Solver<'scene_summary'> = (ctx, t) => {
  const inv = inventory(ctx.m);
  const n = ctx.m.objects.length;
  if (n === 0) return { value: 0, text: 'I have not seen any objects yet.', facts: [], objects: [] };
  const list = listing(inv.map(([l, os]) => counted(l, os.length)));
  const facts = inv.map(([l, os]) => `count(${l}) = ${os.length}`);
  if (t.detail === 'list')
    return {
      value: n,
      text: `I have seen ${counted('object', n)}: ${list}.`,
      facts,
      objects: ids(ctx.m.objects),
    };
  const area = roomArea(ctx.m);
  const au = answerUnit('area', undefined, ctx.units);
  const main = [...ctx.m.objects]
    .sort((a, b) => measureOf(ctx.m, b, 'area') - measureOf(ctx.m, a, 'area'))
    .filter((o, i, all) => all.findIndex((x) => x.label === o.label) === i)
    .slice(0, 3);
  const where = main.map((o) => `the ${o.label} is ${landmarkPhrase(ctx.m, o, ctx).text}`);
  return {
    value: n,
    unit: undefined,
    text: `The room is about ${formatIn(area.area, au)} (from the ${area.method}). I have seen ${counted('object', n)}: ${list}. ${capital(listing(where))}.`,
    facts: [...facts, `room_area = ${area.area.toFixed(1)} m² (${area.method})`],
    objects: ids(ctx.m.objects),
  };
};

/** "which did I see first, A or B?" (the one, as asked), "did I see A before B?" (yes/no). */
const appearanceChoice: Solver<'obj_appearance_order'> = (ctx, t) => {
  const seen = t.labels.map((name) => {
    const os = ctx.missing(name) ? [] : objectsLabelled(ctx.m, ctx.L(name));
    return { name, os, frame: Math.min(Infinity, ...os.map((o) => o.firstSeenFrame)) };
  });
  const order = [...seen].sort((a, b) => a.frame - b.frame);
  const unseen = seen.filter((x) => !Number.isFinite(x.frame));
  const facts = seen.map(
    (x) => `first_seen(${x.name}) = ${Number.isFinite(x.frame) ? `frame ${x.frame}` : 'never'}`,
  );
  const objects = ids(seen.flatMap((x) => x.os));
  const orderText = `first seen in this order: ${order
    .filter((x) => Number.isFinite(x.frame))
    .map((x) => x.name)
    .join(', ')}`;
  const notSeen = unseen.length ? ` I haven't seen ${listing(unseen.map((x) => article(x.name)))}.` : '';
  if (t.ask === 'before' || t.ask === 'after') {
    const [a, b] = seen;
    if (!b || !Number.isFinite(a.frame) || !Number.isFinite(b.frame))
      return { value: null, text: `I cannot tell:${notSeen}`, facts, objects };
    const holds = t.ask === 'before' ? a.frame < b.frame : a.frame > b.frame;
    return {
      value: holds,
      text: `${holds ? 'Yes' : 'No'}: ${orderText}.`,
      facts,
      objects,
    };
  }
  const visible = order.filter((x) => Number.isFinite(x.frame));
  if (visible.length === 0) return { value: null, text: notSeen.trim(), facts, objects };
  const pick = t.ask === 'first' ? visible[0] : visible[visible.length - 1];
  return {
    value: pick.name,
    text: `The ${pick.name} ${t.ask === 'first' ? 'came first' : 'came last'}: ${orderText}.${notSeen}`,
    facts,
    objects: ids(pick.os),
  };
};

/** "I'm at X facing Y, how do I get to Z?": the first turn from the standpoint, then the route in words. */
const routeFromStandpoint: Solver<'route_directions'> = (ctx, t) => {
  const lost = [t.from, t.to, t.facing ?? ''].filter((n) => ctx.missing(n));
  if (lost.length)
    return {
      value: null,
      text: `I haven't seen ${listing(lost.map(article))}, so I cannot give that route.`,
      facts: [],
      objects: [],
    };
  const one = (n: string): MosaicObject => ranked(objectsLabelled(ctx.m, ctx.L(n)))[0];
  const [s, fc, d] = [one(t.from), one(t.facing ?? ''), one(t.to)];
  const turn = firstTurn(ctx.m, s, fc, d, t.backTo ?? false);
  const route = describeRoute(ctx.m, ctx.L(t.from), ctx.L(t.to), ctx.units);
  const how = turn.turn === 'straight ahead' ? 'Go straight ahead' : `Turn ${turn.turn}`;
  const from = `standing by the ${t.from} ${t.backTo ? 'with your back to' : 'facing'} the ${t.facing}`;
  return {
    value: turn.turn,
    text: `${how} (${from}, the ${t.to} is ${Math.abs(turn.angle).toFixed(0)}° to your ${turn.angle > 0 ? 'left' : 'right'}). ${route.text}`,
    facts: [
      `angle(${d.label} | at ${s.label} facing ${t.backTo ? 'away from ' : ''}${fc.label}) = ${turn.angle.toFixed(0)}° (+ = left)`,
      ...route.facts,
    ],
    objects: [...new Set([s.id, fc.id, d.id, ...route.objects])],
  };
};

type FreeFormKind =
  | 'object_existence'
  | 'count_total'
  | 'object_measure'
  | 'superlative'
  | 'nearest'
  | 'compare'
  | 'standpoint'
  | 'locate'
  | 'ego_distance'
  | 'ego_nearest'
  | 'scene_summary';

const SOLVERS: { readonly [K in FreeFormKind]: Solver<K> } = {
  object_existence: existence,
  count_total: countTotal,
  object_measure: measure,
  superlative,
  nearest,
  compare,
  standpoint,
  locate,
  ego_distance: egoDistance,
  ego_nearest: egoNearest,
  scene_summary: summary,
};

/** The answer for a free-form kind; undefined for the VSI-Bench kinds (solveTask answers those). */
export function solveFreeForm(ctx: FreeFormContext, task: Task): FreeFormAnswer | undefined {
  if (task.kind === 'obj_appearance_order') return task.ask ? appearanceChoice(ctx, task) : undefined;
  if (task.kind === 'route_directions') return task.facing ? routeFromStandpoint(ctx, task) : undefined;
  const solver = (SOLVERS as Partial<Record<Task['kind'], Solver<FreeFormKind>>>)[task.kind];
  return solver?.(ctx, task as Extract<Task, { kind: FreeFormKind }>);
}
