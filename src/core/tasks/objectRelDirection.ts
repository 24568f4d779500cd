import type { DirectionLevel } from '../questions/types';
import { classifyDirection, directionMargin, relativeAngleDeg } from '../reasoning/relations';
import { LETTERS, triples } from './combinations';
import { letterOf, mainInstance, type TaskModule } from './task';
import { name, THE } from './templateText';

/** "If I am standing by the sofa and facing the tv, is the lamp to my left or right?" (three levels). */
export interface ObjectRelDirectionTask {
  readonly kind: 'object_rel_direction';
  readonly level: DirectionLevel;
  readonly standing: string;
  readonly facing: string;
  readonly query: string;
}

type RelDirectionType = `object_rel_direction_${DirectionLevel}`;

const DIRECTION_OPTIONS: Record<DirectionLevel, string[]> = {
  easy: ['left', 'right'],
  medium: ['left', 'right', 'back'],
  hard: ['front-left', 'front-right', 'back-left', 'back-right'],
};
const DIRECTION_TEXT: Record<DirectionLevel, (s: string, f: string, q: string) => string> = {
  easy: (s, f, q) =>
    `If I am standing by the ${s} and facing the ${f}, is the ${q} to the left or the right of the ${f}?`,
  medium: (s, f, q) =>
    `If I am standing by the ${s} and facing the ${f}, is the ${q} to my left, right, or back?\nAn object is to my back if I would have to turn at least 135 degrees in order to face it.`,
  hard: (s, f, q) =>
    `If I am standing by the ${s} and facing the ${f}, is the ${q} to my front-left, front-right, back-left, or back-right?\nThe directions refer to the quadrants of a Cartesian plane (if I am standing at the origin and facing along the positive y-axis).`,
};

export const objectRelDirection: TaskModule<ObjectRelDirectionTask, RelDirectionType> = {
  kind: 'object_rel_direction',
  questionTypes: ['object_rel_direction_easy', 'object_rel_direction_medium', 'object_rel_direction_hard'],
  numeric: false,
  tolerant: false,
  match(q) {
    const m = new RegExp(
      `if i (?:am|was|were) standing (?:by|at|near|next to|beside) ${THE}(.+?),? and facing ${THE}(.+?),\\s*is ${THE}(.+?) to (?:my |the )?(front-left, front-right, back-left,? or back-right|left, right,? or back|left or (?:the )?right)`,
      'i',
    ).exec(q);
    if (!m) return undefined;
    const which = m[4].toLowerCase();
    const level: DirectionLevel = which.includes('front-left')
      ? 'hard'
      : which.includes('back')
        ? 'medium'
        : 'easy';
    return {
      type: `object_rel_direction_${level}`,
      task: {
        kind: 'object_rel_direction',
        level,
        standing: name(m[1]),
        facing: name(m[2]),
        query: name(m[3]),
      },
    };
  },
  // A questions file's declared level wins over the one the options' wording suggests.
  declare: (task, type) => ({ ...task, level: type.replace('object_rel_direction_', '') as DirectionLevel }),
  generate({ rng, unique, per, f, dist, add }) {
    for (const level of ['easy', 'medium', 'hard'] as DirectionLevel[]) {
      let n = 0;
      for (const [s, fc, q] of rng.shuffle(triples(unique))) {
        if (n >= per) break;
        const sp = dist(s, fc) > 0.5 && dist(s, q) > 0.5 && dist(fc, q) > 0.3;
        if (!sp) continue;
        const angle = relativeAngleDeg(f, s.center, fc.center, q.center);
        // At least 20° from a class boundary.
        if (directionMargin(level, angle) < 20) continue;
        const cls = classifyDirection(level, angle);
        const opts = DIRECTION_OPTIONS[level];
        const options = opts.map((t, i) => `${LETTERS[i]}. ${t}`);
        add(
          `object_rel_direction_${level}`,
          DIRECTION_TEXT[level](s.label, fc.label, q.label),
          LETTERS[opts.indexOf(cls)],
          options,
        );
        n++;
      }
    }
  },
  targets: (task) => [task.query, task.standing, task.facing],
  solve({ m, L, f, options, answered, ids }, task) {
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
  },
};
