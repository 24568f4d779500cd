import type { Mosaic, MosaicObject } from '../mosaic/types';
import { resolveLabel, normalizeName, canonicalLabel } from '../questions/labels';
import type { ParsedQuestion, Task } from '../questions/types';
import { taskTargets } from '../questions/types';
import { isVsiTask, TASKS, taskModule } from '../tasks';
import { mainInstance, notSeen, type TaskContext, type ToolOutcome } from '../tasks/task';
import { worldFrame } from './orientedBox';
import { currentViewpoint, egoAngleDeg, egoSector, pairRelation } from './relations';
import { describeRoute } from './route';
import type { UnitSystem } from './answerUnits';
import { article, capital, landmarkPhrase, listing, plural, solveFreeForm } from './solveFreeForm';
import { knownLabels, objectsLabelled } from './spatialTools';

export { mainInstance, type ToolOutcome };

export interface SolveOptions {
  /** The user's unit system for answers that do not name a unit (the app's setting; default metric). */
  readonly units?: UnitSystem;
}

/** Kinds that still answer when some named objects are missing (a count of zero, "no, I haven't seen…"). */
const TOLERANT: ReadonlySet<Task['kind']> = new Set<Task['kind']>([
  ...TASKS.filter((t) => t.tolerant).map((t) => t.kind),
  'object_existence',
  'count_total',
  'superlative',
  'scene_summary',
  'ego_nearest',
  'open',
  // Routes reason around landmarks the map lacks (describeRoute says which).
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
  const answered: TaskContext['answered'] = (answer, text, facts, objects = [], unit) =>
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
  const free = parsed.questionType === undefined;
  const ctx: TaskContext = { m, parsed, L, base, units, free, options: parsed.options, f, answered, ids };
  if (isVsiTask(task)) return taskModule(task.kind)!.solve(ctx, task);
  switch (task.kind) {
    case 'route_directions': {
      const r = describeRoute(m, task.from, task.to, units);
      return r.ok
        ? answered(r.text, r.text, r.facts)
        : { ...base, status: 'missing', text: r.text, facts: r.facts, missing: r.missing };
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

/** "a chair, 2 cups and a tv" from labels (one per object). */
function countedList(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return listing([...counts].map(([l, c]) => (c === 1 ? article(l) : `${c} ${plural(l, c)}`)));
}
