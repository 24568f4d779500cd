import { canonicalLabel, normalizeName } from '../questions/labels';
import { answerUnit, formatIn } from '../reasoning/answerUnits';
import { listing } from '../reasoning/solveFreeForm';
import { objectsLabelled, rankByDistance } from '../reasoning/spatialTools';
import { letterOf, notSeen, type TaskModule } from './task';
import { list, name, THE } from './templateText';

/** "Which of these objects (sofa, tv, lamp) is the closest to the bed?" */
export interface ObjectRelDistanceTask {
  readonly kind: 'object_rel_distance';
  readonly anchor: string;
  readonly choices: string[];
}

const sameLabel = (a: string, b: string): boolean =>
  normalizeName(a) === normalizeName(b) || canonicalLabel(a) === canonicalLabel(b);

export const objectRelDistance: TaskModule<ObjectRelDistanceTask, 'object_rel_distance'> = {
  kind: 'object_rel_distance',
  questionTypes: ['object_rel_distance'],
  numeric: false,
  tolerant: true,
  match(q) {
    const m = new RegExp(
      `which of (?:these|the following|the) objects\\s*\\((.+?)\\)\\s*is (?:the )?(?:closest|nearest) to ${THE}(.+?)\\s*\\?`,
      'i',
    ).exec(q);
    if (!m) return undefined;
    return {
      type: 'object_rel_distance',
      task: { kind: 'object_rel_distance', anchor: name(m[2]), choices: list(m[1]) },
    };
  },
  generate({ rng, unique, labels, per, labelDist, mc, add }) {
    let n = 0;
    for (const anchor of rng.shuffle(unique)) {
      if (n >= per) break;
      const others = rng.shuffle(labels.filter((l) => l !== anchor.label));
      if (others.length < 4) break;
      const choices = others.slice(0, 4);
      const ds = choices.map((l) => labelDist(anchor, l));
      const sorted = [...ds].sort((x, y) => x - y);
      // Choices at least 0.3 m apart, so that small perception errors do not flip the answer.
      if (sorted[1] - sorted[0] < 0.3) continue;
      const best = choices[ds.indexOf(sorted[0])];
      const { options, letter } = mc(
        best,
        choices.filter((c) => c !== best),
      );
      const names = options.map((o) => o.slice(3)).join(', ');
      add(
        'object_rel_distance',
        `Measuring from the closest point of each object, which of these objects (${names}) is the closest to the ${anchor.label}?\nIf there are multiple instances of an object category, measure to the closest.`,
        letter,
        options,
      );
      n++;
    }
  },
  targets: (task) => [task.anchor, ...task.choices],
  solve({ m, L, base, free, options, parsed, units, answered, ids }, task) {
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
  },
};
