import type { Mosaic, MosaicObject } from '../mosaic/types';
import { resolveLabel, normalizeName, canonicalLabel } from '../questions/labels';
import { parseTurns } from '../questions/parseQuestion';
import type { AnswerOption, ParsedQuestion, Task } from '../questions/types';
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
import {
  appearanceOrder,
  countLabel,
  knownLabels,
  labelDistance,
  longestDimension,
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

export function solveTask(m: Mosaic, parsed: ParsedQuestion): ToolOutcome {
  const known = knownLabels(m);
  const names = taskTargets(parsed.task);
  const resolved = new Map<string, string>();
  const missing: string[] = [];
  for (const n of names) {
    const r = resolveLabel(n, known);
    if (r.found) resolved.set(n, r.label);
    else if (!missing.includes(r.label)) missing.push(r.label);
  }
  const L = (n: string): string => resolved.get(n) ?? canonicalLabel(n);
  const labels = [...new Set(resolved.values())];
  const base = { missing, labels };
  const task = parsed.task;
  // Counting needs no instance; relative distance and appearance order tolerate some missing choices.
  // Routes reason around landmarks the map lacks (planRoute says which in its facts).
  const tolerant =
    task.kind === 'route_planning' ||
    task.kind === 'route_directions' ||
    task.kind === 'object_counting' ||
    task.kind === 'object_rel_distance' ||
    task.kind === 'obj_appearance_order';
  if (missing.length && !tolerant) {
    return { ...base, status: 'missing', text: notSeen(missing), facts: [notSeen(missing)] };
  }
  return run(m, task, parsed.options, L, base);
}

const notSeen = (labels: string[]): string =>
  `I have not seen ${labels.map((l) => `a '${l}'`).join(' or ')} in this scene.`;

function run(
  m: Mosaic,
  task: Task,
  options: AnswerOption[] | undefined,
  L: (n: string) => string,
  base: { missing: string[]; labels: string[] },
): ToolOutcome {
  const f = worldFrame(m.up);
  const answered = (answer: string | number | undefined, text: string, facts: string[]): ToolOutcome =>
    answer === undefined
      ? { ...base, status: 'open', text, facts }
      : { ...base, status: 'answered', answer, text, facts };
  switch (task.kind) {
    case 'object_counting': {
      const n = countLabel(m, L(task.label));
      const fact = `count(${L(task.label)}) = ${n}`;
      return answered(
        n,
        n === 0 ? notSeen([L(task.label)]) : `I count ${n} ${L(task.label)}${n === 1 ? '' : 's'}.`,
        [fact],
      );
    }
    case 'object_abs_distance': {
      const d = labelDistance(m, L(task.a), L(task.b));
      const r = Math.round(d * 100) / 100;
      return answered(
        r,
        `The ${L(task.a)} and the ${L(task.b)} are ${r.toFixed(2)} m apart (closest points).`,
        [`distance(${L(task.a)}, ${L(task.b)}) = ${r.toFixed(2)} m`],
      );
    }
    case 'object_size_estimation': {
      const o = mainInstance(m, L(task.label));
      const cm = Math.round(longestDimension(o!) * 100);
      return answered(cm, `The ${L(task.label)}'s longest dimension is about ${cm} cm.`, [
        `longest_dimension(${L(task.label)}) = ${cm} cm`,
      ]);
    }
    case 'room_size_estimation': {
      const r = roomArea(m);
      const a = Math.round(r.area * 10) / 10;
      return answered(a, `The room is about ${a.toFixed(1)} m² (from the ${r.method}).`, [
        `room_area = ${a.toFixed(1)} m² (${r.method})`,
      ]);
    }
    case 'object_rel_distance': {
      const present = task.choices.filter((c) => !base.missing.includes(canonicalLabel(c)));
      if (objectsLabelled(m, L(task.anchor)).length === 0 || present.length === 0)
        return { ...base, status: 'missing', text: notSeen(base.missing), facts: [notSeen(base.missing)] };
      const ranked = rankByDistance(m, L(task.anchor), present.map(L));
      const facts = ranked.map((r) => `distance(${L(task.anchor)}, ${r.label}) = ${r.distance.toFixed(2)} m`);
      const bestName = task.choices.find((c) => L(c) === ranked[0].label)!;
      const letter = options ? letterOf(options, (t) => sameLabel(t, bestName)) : undefined;
      return answered(
        letter ?? ranked[0].label,
        `The ${ranked[0].label} is the closest to the ${L(task.anchor)}.`,
        facts,
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
      return answered(letter ?? cls, `The ${L(task.query)} is to the ${cls}.`, facts);
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
      if (!options) return answered(seq.join(', '), `First seen in this order: ${seq.join(', ')}.`, facts);
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
      return answered(best?.letter, `First seen in this order: ${seq.join(', ')}.`, facts);
    }
    case 'ego_whats_there': {
      const v = currentViewpoint(m, f);
      if (!v) return answered(undefined, 'I do not know where you stand (no camera pose).', []);
      const found = m.objects
        .filter((o) => egoSector(egoAngleDeg(f, v, o.center)) === task.direction)
        .map((o) => o.label);
      const where =
        task.direction === 'back'
          ? 'behind you'
          : task.direction === 'front'
            ? 'in front of you'
            : `to your ${task.direction}`;
      const text = found.length
        ? `${capital(listing(found))} ${found.length === 1 ? 'is' : 'are'} ${where}.`
        : `Nothing I have seen is ${where}.`;
      return answered(text, text, [`objects ${where}: ${found.join(', ') || 'none'}`]);
    }
    case 'ego_direction_of': {
      const v = currentViewpoint(m, f);
      const o = mainInstance(m, L(task.target))!;
      if (!v) return answered(undefined, 'I do not know where you stand (no camera pose).', []);
      const a = egoAngleDeg(f, v, o.center);
      const sec = egoSector(a);
      const where = sec === 'back' ? 'behind you' : sec === 'front' ? 'in front of you' : `to your ${sec}`;
      return answered(`The ${o.label} is ${where}.`, `The ${o.label} is ${where}.`, [
        `ego_angle(${o.label}) = ${a.toFixed(0)}° (+ = left)`,
      ]);
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
      return answered(r.holds ? 'yes' : 'no', text, [
        `${task.relation}(${a.label}, ${b.label}${c ? ', ' + c.label : ''}) = ${r.holds} (${r.detail})`,
      ]);
    }
    case 'open':
      return answered(undefined, '', []);
  }
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
function listing(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const parts = [...counts].map(([l, c]) => (c === 1 ? `a ${l}` : `${c} ${l}s`));
  return parts.length <= 1
    ? parts.join('')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
