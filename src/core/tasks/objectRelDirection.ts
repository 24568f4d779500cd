import type { DirectionLevel } from '../questions/types';
import { classifyDirection, directionMargin, relativeAngleDeg } from '../reasoning/relations';
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
