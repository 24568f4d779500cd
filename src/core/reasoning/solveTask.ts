import type { Mosaic, MosaicObject } from '../mosaic/types';
import { resolveLabel, normalizeName, canonicalLabel } from '../questions/labels';
import { parseTurns } from '../questions/parseQuestion';
import type { AnswerOption, LengthUnit, ParsedQuestion, Task } from '../questions/types';
import { taskTargets } from '../questions/types';
import { worldFrame } from './orientedBox';
import {
  classifyDirection,
  currentViewpoint,
  directionMargin,
  egoAngleDeg,
  egoSector,
  pairRelation,
  relativeAngleDeg,
} from './relations';
import { checkLeg, describeLeg, freeSpaceOf } from './freeSpace';
import { readLandmark } from '../questions/landmark';
import { describeRoute } from './route';
import { planRoute, resolveMapLabel, routeOptions } from './routePlanner';
import { answerUnit, formatIn, inUnit, type UnitSystem } from './answerUnits';
import { article, capital, landmarkPhrase, listing, plural, solveFreeForm } from './solveFreeForm';
import {
  appearanceOrder,
  knownLabels,
  longestDimension,
  objectDistance,
  objectsLabelled,
  rankByDistance,
  roomArea,
} from './spatialTools';

/**
 * Runs the spatial tools a task needs over the mosaic. Returns the answer when the tools settle it, the
 * labels the mosaic lacks, and the facts (one line each) that go into the trace and the VLM's prompt.
 */
export interface ToolOutcome {
  /** 'answered': the tool result is the answer; 'missing': objects are not in the mosaic; 'open': needs the VLM. */
  readonly status: 'answered' | 'missing' | 'open';
  /** In the VSI answer format: a number, or an option letter; free-form questions get text. */
  readonly answer?: string | number;
  /** A sentence for people. */
  readonly text: string;
  /** Asked names the mosaic does not contain (canonical labels). */
  readonly missing: string[];
  readonly facts: string[];
  /** Mosaic labels the task is about (resolved). */
  readonly labels: string[];
  /** Ids of exactly the instances the answer used (what the app highlights). */
  readonly objects: string[];
  /** The answer as a value: a number (in `unit`), a name, yes/no as a boolean; null when there is none. */
  readonly value?: number | string | boolean | null;
  /** The unit of a numeric `value` ('m', 'cm', 'ft', 'm2', …; none for counts). */
  readonly unit?: string;
}

export interface SolveOptions {
  /** The user's unit system for answers that do not name a unit (the app's setting; default metric). */
  readonly units?: UnitSystem;
}

/** The instance that stands for "the X": the most confident, then the most observed. */
export function mainInstance(m: Mosaic, label: string): MosaicObject | undefined {
  return objectsLabelled(m, label).sort(
    (a, b) => b.confidence - a.confidence || b.observations - a.observations,
  )[0];
}

const letterOf = (options: AnswerOption[] | undefined, pred: (text: string) => boolean): string | undefined =>
  options?.find((o) => pred(o.text))?.letter;

const sameLabel = (a: string, b: string): boolean =>
  normalizeName(a) === normalizeName(b) || canonicalLabel(a) === canonicalLabel(b);

/** Kinds that still answer when some named objects are missing (a count of zero, "no, I haven't seen…"). */
const TOLERANT: ReadonlySet<Task['kind']> = new Set<Task['kind']>([
  'object_counting',
  'object_rel_distance',
  'obj_appearance_order',
  'object_existence',
  'count_total',
  'superlative',
  'scene_summary',
  'ego_nearest',
  'open',
  // Routes reason around landmarks the map lacks (planRoute says which in its facts).
  'route_planning',
  'route_directions',
]);

export function solveTask(m: Mosaic, parsed: ParsedQuestion, opts: SolveOptions = {}): ToolOutcome {
  const known = knownLabels(m);
  const names = taskTargets(parsed.task);
  const resolved = new Map<string, string>();
  const missing: string[] = [];
  const missingAsked: string[] = [];
  for (const n of names) {
    const r = resolveLabel(n, known);
    if (r.found) resolved.set(n, r.label);
    else {
      if (!missing.includes(r.label)) missing.push(r.label);
      if (!missingAsked.includes(normalizeName(n))) missingAsked.push(normalizeName(n));
    }
  }
  const L = (n: string): string => resolved.get(n) ?? canonicalLabel(n);
  const labels = [...new Set(resolved.values())];
  const base = { missing, labels, objects: [] as string[] };
  const task = parsed.task;
  const tolerant =
    TOLERANT.has(task.kind) ||
    (task.kind === 'nearest' && task.among !== undefined && resolved.has(task.anchor));
  if (missing.length && !tolerant) {
    return {
      ...base,
      status: 'missing',
      text: notSeen(missingAsked),
      facts: [notSeen(missingAsked)],
      value: null,
    };
  }
  const free = solveFreeForm(
    { m, L, missing: (n) => !resolved.has(n), unit: parsed.unit, units: opts.units ?? 'metric' },
    task,
  );
  if (free) {
    const answer = typeof free.value === 'boolean' ? (free.value ? 'yes' : 'no') : (free.value ?? undefined);
    return {
      ...base,
      status: answer === undefined ? 'open' : 'answered',
      answer,
      text: free.text,
      facts: free.facts,
      objects: free.objects,
      value: free.value,
      ...(free.unit ? { unit: free.unit } : {}),
    };
  }
  return run(m, task, parsed, L, base, opts.units ?? 'metric');
}

/** "I haven't seen a piano." — with the names as asked (singular), never a label the asker did not use. */
const notSeen = (names: string[]): string => `I haven't seen ${names.map(article).join(' or ')} here.`;

/** "I did not understand" is a different answer from "I haven't seen": it says what was read. */
export const notUnderstood = (read: string | undefined): string =>
  `I did not understand the question${read ? ` (I read: ${read})` : ''}. Try asking about objects I have seen, for example "how far is the chair from the table?", "how many chairs are there?" or "what is in this room?".`;

function run(
  m: Mosaic,
  task: Task,
  parsed: ParsedQuestion,
  L: (n: string) => string,
  base: { missing: string[]; labels: string[]; objects: string[] },
  units: UnitSystem,
): ToolOutcome {
  const f = worldFrame(m.up);
  const options = parsed.options;
  const free = parsed.questionType === undefined;
  const answered = (
    answer: string | number | undefined,
    text: string,
    facts: string[],
    objects: string[] = [],
    unit?: string,
  ): ToolOutcome =>
    answer === undefined
      ? { ...base, status: 'open', text, facts, objects, value: null }
      : {
          ...base,
          status: 'answered',
          answer,
          text,
          facts,
          objects,
          value: answer,
          ...(unit ? { unit } : {}),
        };
  const ids = (os: (MosaicObject | undefined)[]): string[] => [
    ...new Set(os.filter((o): o is MosaicObject => !!o).map((o) => o.id)),
  ];
  switch (task.kind) {
    case 'object_counting': {
      const os = base.missing.includes(canonicalLabel(task.label)) ? [] : objectsLabelled(m, L(task.label));
      const n = os.length;
      const fact = `count(${L(task.label)}) = ${n}`;
      // A name more specific than the map's ("bar stools" in a map of chairs, through the detector's class):
      // count what was seen under its own name, and say that the two cannot be told apart.
      const broader = free && n > 0 && canonicalLabel(task.label) !== canonicalLabel(L(task.label));
      return answered(
        n,
        n === 0
          ? `I haven't seen any ${plural(task.label, 2)}.`
          : broader
            ? `I count ${n} ${plural(L(task.label), n)}; I cannot tell ${plural(task.label, 2)} from ${plural(L(task.label), 2)}, so I do not know how many are ${plural(task.label, 2)}.`
            : `I count ${n} ${plural(free ? task.label : L(task.label), n)}.`,
        [fact],
        ids(os),
      );
    }
    case 'object_abs_distance':
      return absDistance(
        m,
        task.a,
        task.b,
        L,
        free ? answerUnit('distance', parsed.unit, units) : undefined,
        answered,
      );
    case 'object_size_estimation': {
      const o = mainInstance(m, L(task.label));
      const cm = Math.round(longestDimension(o!) * 100);
      return answered(
        cm,
        `The ${L(task.label)}'s longest dimension is about ${cm} cm.`,
        [`longest_dimension(${L(task.label)}) = ${cm} cm`],
        ids([o]),
        'cm',
      );
    }
    case 'room_size_estimation': {
      const r = roomArea(m);
      if (free) {
        const u = answerUnit('area', parsed.unit, units);
        return answered(
          inUnit(r.area, u),
          `The room is about ${formatIn(r.area, u)} (from the ${r.method}).`,
          [`room_area = ${r.area.toFixed(1)} m² (${r.method})`],
          [],
          u,
        );
      }
      const a = Math.round(r.area * 10) / 10;
      return answered(
        a,
        `The room is about ${a.toFixed(1)} m² (from the ${r.method}).`,
        [`room_area = ${a.toFixed(1)} m² (${r.method})`],
        [],
        'm2',
      );
    }
    case 'object_rel_distance': {
      const present = task.choices.filter((c) => !base.missing.includes(canonicalLabel(c)));
      if (objectsLabelled(m, L(task.anchor)).length === 0 || present.length === 0)
        return {
          ...base,
          status: 'missing',
          text: notSeen(base.missing),
          facts: [notSeen(base.missing)],
          value: null,
        };
      // A choice that is the anchor's only instance has no distance to it.
      const ranked = rankByDistance(m, L(task.anchor), present.map(L)).filter((r) =>
        Number.isFinite(r.distance),
      );
      if (ranked.length === 0)
        return answered(undefined, `I have seen only one ${task.anchor}: there is nothing to compare.`, []);
      const facts = ranked.map((r) => `distance(${L(task.anchor)}, ${r.label}) = ${r.distance.toFixed(2)} m`);
      const bestName = task.choices.find((c) => L(c) === ranked[0].label)!;
      const letter = options ? letterOf(options, (t) => sameLabel(t, bestName)) : undefined;
      const used = ids([...objectsLabelled(m, L(task.anchor)), ...objectsLabelled(m, ranked[0].label)]);
      return answered(
        letter ?? (free ? bestName : ranked[0].label),
        `The ${free ? bestName : ranked[0].label} is the closest to the ${free ? task.anchor : L(task.anchor)}${free ? ` (${listing(ranked.map((r) => `${task.choices.find((c) => L(c) === r.label) ?? r.label} ${formatIn(r.distance, answerUnit('distance', parsed.unit, units))}`))})` : ''}.`,
        facts,
        used,
      );
    }
    case 'object_rel_direction': {
      const s = mainInstance(m, L(task.standing))!;
      const fc = mainInstance(m, L(task.facing))!;
      const q = mainInstance(m, L(task.query))!;
      const angle = relativeAngleDeg(f, s.center, fc.center, q.center);
      const cls = classifyDirection(task.level, angle);
      const facts = [
        `angle(${L(task.query)} | at ${L(task.standing)} facing ${L(task.facing)}) = ${angle.toFixed(0)}° (+ = left), margin ${directionMargin(task.level, angle).toFixed(0)}°`,
      ];
      const letter = options
        ? letterOf(options, (t) => t.toLowerCase().replace(/^the\s+/, '') === cls)
        : undefined;
      return answered(letter ?? cls, `The ${L(task.query)} is to the ${cls}.`, facts, ids([s, fc, q]));
    }
    case 'route_planning': {
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
    }
    case 'route_directions': {
      const r = describeRoute(m, task.from, task.to);
      return r.ok
        ? answered(r.text, r.text, r.facts)
        : { ...base, status: 'missing', text: r.text, facts: r.facts, missing: r.missing };
    }
    case 'obj_appearance_order': {
      const order = appearanceOrder(m, task.labels.map(L));
      const facts = order.map(
        (o) =>
          `first_seen(${o.label}) = ${Number.isFinite(o.firstSeenFrame) ? `frame ${o.firstSeenFrame}` : 'never'}`,
      );
      const seq = order.map((o) => o.label);
      const seen = ids(task.labels.flatMap((l) => objectsLabelled(m, L(l))));
      if (!options) {
        const asked = order.map((o) => task.labels.find((l) => L(l) === o.label) ?? o.label);
        return answered(asked.join(', '), `First seen in this order: ${asked.join(', ')}.`, facts, seen);
      }
      // The option whose order agrees with the most pairs of the computed order.
      let best: AnswerOption | undefined;
      let bestAgree = -1;
      for (const o of options) {
        const names = o.text.split(/,\s*/).map(L);
        let agree = 0;
        for (let i = 0; i < names.length; i++)
          for (let j = i + 1; j < names.length; j++)
            if (seq.indexOf(names[i]) < seq.indexOf(names[j])) agree++;
        if (agree > bestAgree) {
          bestAgree = agree;
          best = o;
        }
      }
      return answered(best?.letter, `First seen in this order: ${seq.join(', ')}.`, facts, seen);
    }
    case 'ego_whats_there': {
      const v = currentViewpoint(m, f);
      if (!v) return answered(undefined, 'I do not know where you stand (no camera pose).', []);
      const there = m.objects.filter((o) => egoSector(egoAngleDeg(f, v, o.center)) === task.direction);
      const found = there.map((o) => o.label);
      const where =
        task.direction === 'back'
          ? 'behind you'
          : task.direction === 'front'
            ? 'in front of you'
            : `to your ${task.direction}`;
      const text = found.length
        ? `${capital(countedList(found))} ${found.length === 1 ? 'is' : 'are'} ${where}.`
        : `Nothing I have seen is ${where}.`;
      // The value: the names there, in the order of the sentence ("tv, clock"); "nothing" when none.
      return answered(
        found.join(', ') || 'nothing',
        text,
        [`objects ${where}: ${found.join(', ') || 'none'}`],
        ids(there),
      );
    }
    case 'ego_direction_of': {
      const v = currentViewpoint(m, f);
      if (!v) return answered(undefined, 'I do not know where you stand (no camera pose).', []);
      const os = objectsLabelled(m, L(task.target));
      const each = os.map((o) => {
        const a = egoAngleDeg(f, v, o.center);
        const sec = egoSector(a);
        return {
          o,
          a,
          sec,
          where: sec === 'back' ? 'behind you' : sec === 'front' ? 'in front of you' : `to your ${sec}`,
        };
      });
      const name = free ? task.target : each[0].o.label;
      const text =
        each.length === 1
          ? `The ${name} is ${each[0].where}.`
          : `I have seen ${each.length} ${plural(name, 2)}: ${listing(each.slice(0, 4).map((e) => `one ${landmarkPhrase(m, e.o).text} is ${e.where}`))}.`;
      return answered(
        each.length === 1 ? each[0].sec : text,
        text,
        each.map((e) => `ego_angle(${e.o.label} ${e.o.id}) = ${e.a.toFixed(0)}° (+ = left)`),
        ids(os),
      );
    }
    case 'pair_relation': {
      const v = currentViewpoint(m, f) ?? {
        position: [0, 0, 0] as const,
        heading: [0, 1] as [number, number],
      };
      const a = mainInstance(m, L(task.a))!;
      const b = mainInstance(m, L(task.b))!;
      const c = task.c ? mainInstance(m, L(task.c)) : undefined;
      const r = pairRelation(m, v, a, task.relation, b, c);
      const rel =
        task.relation === 'between'
          ? `between the ${b.label} and the ${c?.label}`
          : `${task.relation === 'left' || task.relation === 'right' ? `to the ${task.relation} of` : task.relation} the ${b.label}`;
      const text = `${r.holds ? 'Yes' : 'No'}: the ${a.label} is ${r.holds ? '' : 'not '}${rel} (${r.detail}).`;
      return {
        ...answered(
          r.holds ? 'yes' : 'no',
          text,
          [`${task.relation}(${a.label}, ${b.label}${c ? ', ' + c.label : ''}) = ${r.holds} (${r.detail})`],
          ids([a, b, c]),
        ),
        value: r.holds,
      };
    }
    case 'open':
      return answered(undefined, notUnderstood(parsed.read), []);
    default:
      // Free-form kinds are solved by solveFreeForm before run().
      return answered(undefined, notUnderstood(parsed.read), []);
  }
}

type Answered = (
  answer: string | number | undefined,
  text: string,
  facts: string[],
  objects?: string[],
  unit?: string,
) => ToolOutcome;

/**
 * Closest-point distance (VSI: "measuring from the closest point of each object"): the closest pair of instances.
 * A free-form question (`unit` given) whose name matches several instances hears about each: "the nearer chair
 * is 1.81 m from the table, the other 3.2 m".
 */
function absDistance(
  m: Mosaic,
  aName: string,
  bName: string,
  L: (n: string) => string,
  unit: LengthUnit | undefined,
  answered: Answered,
): ToolOutcome {
  const A = objectsLabelled(m, L(aName));
  const B = objectsLabelled(m, L(bName));
  const pairs = A.flatMap((a) => B.filter((b) => b !== a).map((b) => ({ a, b, d: objectDistance(m, a, b) })));
  pairs.sort((x, y) => x.d - y.d);
  const best = pairs[0];
  // Both names on one single object ("the distance between the chairs" with one chair): no pair to measure.
  if (!best) return answered(undefined, `I have seen only one ${aName}.`, []);
  const d = best.d;
  const fact = `distance(${L(aName)}, ${L(bName)}) = ${d.toFixed(2)} m`;
  if (!unit) {
    const r = Math.round(d * 100) / 100;
    return answered(
      r,
      `The ${L(aName)} and the ${L(bName)} are ${r.toFixed(2)} m apart (closest points).`,
      [fact],
      [best.a.id, best.b.id],
      'm',
    );
  }
  const fmt = (x: number): string => formatIn(x, unit);
  const same = L(aName) === L(bName);
  if (same) {
    const text =
      A.length === 2
        ? `The two ${plural(aName, 2)} are ${fmt(d)} apart.`
        : `The closest two of the ${A.length} ${plural(aName, 2)} are ${fmt(d)} apart.`;
    return answered(inUnit(d, unit), text, [fact], [best.a.id, best.b.id], unit);
  }
  // One name matching several instances: each of them to the other object.
  const [many, other, manyName, otherName] =
    A.length > 1 && B.length === 1
      ? [A, B[0], aName, bName]
      : B.length > 1 && A.length === 1
        ? [B, A[0], bName, aName]
        : [];
  if (many && other) {
    const each = many.map((o) => objectDistance(m, o, other)).sort((x, y) => x - y);
    const rest = each.slice(1, 4).map(fmt);
    const text = `I have seen ${many.length} ${plural(manyName!, 2)}: the nearer ${manyName} is ${fmt(each[0])} from the ${otherName}, the ${many.length === 2 ? 'other' : 'others'} ${listing(rest)}.`;
    return answered(
      inUnit(d, unit),
      text,
      [fact, ...each.map((x) => `distance(${manyName}, ${otherName}) = ${x.toFixed(2)} m`)],
      [...many.map((o) => o.id), other.id],
      unit,
    );
  }
  const several =
    A.length > 1 || B.length > 1
      ? ` (the closest pair of ${A.length} ${plural(aName, A.length)} and ${B.length} ${plural(bName, B.length)})`
      : '';
  return answered(
    inUnit(d, unit),
    `${capital(`the ${aName}`)} and the ${bName} are ${fmt(d)} apart${several}.`,
    [fact],
    [best.a.id, best.b.id],
    unit,
  );
}

/** "a chair, 2 cups and a tv" from labels (one per object). */
function countedList(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return listing([...counts].map(([l, c]) => (c === 1 ? article(l) : `${c} ${plural(l, c)}`)));
}
