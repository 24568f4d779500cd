import type { LengthUnit } from '../questions/types';
import { answerUnit, formatIn, inUnit } from '../reasoning/answerUnits';
import { capital, listing, plural } from '../reasoning/solveFreeForm';
import { objectDistance, objectsLabelled } from '../reasoning/spatialTools';
import { pairs, round } from './combinations';
import type { TaskContext, TaskModule, ToolOutcome } from './task';
import { name, THE } from './templateText';

/** "What is the distance between the sofa and the stove (in meters)?" */
export interface ObjectAbsDistanceTask {
  readonly kind: 'object_abs_distance';
  readonly a: string;
  readonly b: string;
}

export const objectAbsDistance: TaskModule<ObjectAbsDistanceTask, 'object_abs_distance'> = {
  kind: 'object_abs_distance',
  questionTypes: ['object_abs_distance'],
  numeric: true,
  tolerant: false,
  match(q) {
    // "Measuring from the closest point of each object, what is the (direct) distance between the sofa and the
    // stove (in meters)?" — the unit or the closest-point preamble marks the benchmark's form. A name never runs
    // across a comma: a clause after it (", expressed in inches?") is the free-form reader's, which reads its unit.
    const m = new RegExp(
      `what(?:'s| is) the (?:direct |straight[- ]line |shortest |euclidean |minimum )?distance between ${THE}([^,]+?) and ${THE}([^,]+?)\\s*(?:\\((?:in |measured in )?(?:meters|metres|m)\\))?\\s*\\?`,
      'i',
    ).exec(q);
    if (
      !m ||
      !(/closest point|nearest point/i.test(q) || /\((?:in |measured in )?(?:meters|metres|m)\)/i.test(q))
    )
      return undefined;
    return {
      type: 'object_abs_distance',
      task: { kind: 'object_abs_distance', a: name(m[1]), b: name(m[2]) },
    };
  },
  generate({ rng, unique, per, dist, add }) {
    let n = 0;
    for (const [a, b] of rng.shuffle(pairs(unique))) {
      if (n >= per) break;
      const d = dist(a, b);
      if (d < 0.3) continue;
      add(
        'object_abs_distance',
        `Measuring from the closest point of each object, what is the direct distance between the ${a.label} and the ${b.label} (in meters)?`,
        round(d, 2),
      );
      n++;
    }
  },
  targets: (task) => [task.a, task.b],
  solve: (ctx, task) =>
    absDistance(
      ctx,
      task.a,
      task.b,
      ctx.free ? answerUnit('distance', ctx.parsed.unit, ctx.units) : undefined,
    ),
};

/**
 * Closest-point distance (VSI: "measuring from the closest point of each object"): the closest pair of instances.
 * A free-form question (`unit` given) whose name matches several instances hears about each: "the nearer chair
 * is 1.81 m from the table, the other 3.2 m".
 */
function absDistance(
  { m, L, answered }: TaskContext,
  aName: string,
  bName: string,
  unit: LengthUnit | undefined,
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
