import { objAppearanceOrder } from './objAppearanceOrder';
import { objectAbsDistance } from './objectAbsDistance';
import { objectCounting } from './objectCounting';
import { objectRelDirection } from './objectRelDirection';
import { objectRelDistance } from './objectRelDistance';
import { objectSizeEstimation } from './objectSizeEstimation';
import { roomSizeEstimation } from './roomSizeEstimation';
import { routePlanning } from './routePlanning';
import type { TaskModule, TemplateMatch } from './task';

/**
 * The VSI-Bench question tasks, one module each. Everything else is derived from this list: the task union
 * (VsiTask), the question types (in this order), the order templates are tried in, and the solver dispatch.
 * A new task is one new module and one entry here.
 */
export const TASKS = [
  objectCounting,
  objectAbsDistance,
  objectSizeEstimation,
  roomSizeEstimation,
  objectRelDistance,
  objectRelDirection,
  routePlanning,
  objAppearanceOrder,
] as const;

type Registered = (typeof TASKS)[number];
/** The tasks a VSI-Bench template reads into (a union over the registered modules). */
export type VsiTask = Registered extends infer M
  ? M extends TaskModule<infer T, string>
    ? T
    : never
  : never;
export type QuestionType = Registered['questionTypes'][number];

/** Any registered module, seen through the union of its tasks and types. */
export type AnyTaskModule = TaskModule<VsiTask, QuestionType>;
const modules: readonly AnyTaskModule[] = TASKS;

export const QUESTION_TYPES: readonly QuestionType[] = modules.flatMap((t) => t.questionTypes);

/** Numeric answers (scored by Mean Relative Accuracy); the rest are multiple choice (exact letter). */
export const NUMERIC_TYPES: ReadonlySet<QuestionType> = new Set(
  modules.filter((t) => t.numeric).flatMap((t) => t.questionTypes),
);

export const isQuestionType = (s: string): s is QuestionType =>
  (QUESTION_TYPES as readonly string[]).includes(s);

const byKind: ReadonlyMap<string, AnyTaskModule> = new Map(modules.map((t) => [t.kind, t]));
const byType: ReadonlyMap<string, AnyTaskModule> = new Map(
  modules.flatMap((t) => t.questionTypes.map((q) => [q, t] as const)),
);

/** The module of a task kind; undefined for the free-form kinds (no VSI-Bench template). */
export const taskModule = (kind: string): AnyTaskModule | undefined => byKind.get(kind);

/** The module that answers a question type. */
export const moduleOfType = (type: QuestionType): AnyTaskModule => byType.get(type)!;

export const isVsiTask = (task: { readonly kind: string }): task is VsiTask => byKind.has(task.kind);

/** The first template (in registry order) that reads the question (squashed to single spaces). */
export function matchTemplate(q: string): TemplateMatch<VsiTask, QuestionType> | undefined {
  for (const t of modules) {
    const hit = t.match(q);
    if (hit) return hit;
  }
  return undefined;
}
