/**
 * Question and task types. A `Task` is what the reasoner computes; a VSI-Bench question parses into exactly
 * one task, a free-form question into one of the same tasks or one of the free-form kinds at the end.
 */
import { isVsiTask, taskModule, type QuestionType, type VsiTask } from '../tasks';

// The VSI-Bench question types and tasks come from the task registry (src/core/tasks/index.ts).
export { QUESTION_TYPES, NUMERIC_TYPES, isQuestionType } from '../tasks';
export type { QuestionType, VsiTask } from '../tasks';

/** A question as it appears in a questions file (VSI-Bench's fields). */
export interface VsiQuestion {
  readonly id: string;
  readonly question_type: QuestionType;
  readonly question: string;
  readonly options?: string[];
  readonly ground_truth: string | number;
}

/** Units a free-form item's numeric ground truth may carry (`"unit"` in a questions file). */
export const ANSWER_UNITS = ['m', 'cm', 'mm', 'ft', 'in', 'm2', 'ft2'] as const;
export type AnswerUnit = (typeof ANSWER_UNITS)[number];

/**
 * An item of a questions file as `eval` reads it: a VSI-Bench question (with `question_type`), or a free-form
 * question without one, whose `ground_truth` is a number (MRA; `unit` says in what), an option letter when
 * `options` are given, "yes"/"no", "left"/"right", or an object name.
 */
export interface EvalQuestion {
  readonly id: string;
  readonly question_type?: QuestionType;
  readonly question: string;
  readonly options?: string[];
  readonly ground_truth: string | number;
  readonly unit?: AnswerUnit;
}

export interface AnswerOption {
  /** 'A', 'B', … */
  readonly letter: string;
  readonly text: string;
}

export type DirectionLevel = 'easy' | 'medium' | 'hard';
export type Turn = 'left' | 'right' | 'back';

export type RouteStep =
  | { readonly kind: 'forward'; readonly target: string }
  | { readonly kind: 'turn' }
  /** "Go forward about one foot": a short walk along the current heading, no landmark. */
  | { readonly kind: 'walk'; readonly metres: number };

/**
 * How the start heading of a route is given: towards the facing object (default), with my back to it, or
 * "facing into the room" / "facing the outside" (no object: towards or away from the middle of the room).
 */
export type RouteFacing = 'toward' | 'away' | 'into-room' | 'out-of-room';

/** What the reasoner computes: a VSI-Bench task (one module each in src/core/tasks) or a free-form kind. */
export type Task = VsiTask | FreeFormTask;

export type FreeFormTask =
  /** "how do I get from the sofa to the fridge?" — the route in words, over the map. */
  /**
   * With `facing` (a standpoint: "I'm at the sofa facing the tv, how do I get to the fridge?"): the first turn
   * from there, then the route; `backTo`: the facing object is at my back.
   */
  | {
      readonly kind: 'route_directions';
      readonly from: string;
      readonly to: string;
      readonly facing?: string;
      readonly backTo?: boolean;
    }
  // Free-form kinds (no VSI-Bench template).
  /** "what is behind me?" — objects in a direction from where the user stands now (the last camera pose). */
  | { readonly kind: 'ego_whats_there'; readonly direction: EgoDirection }
  /** "is the door to my left?" */
  | { readonly kind: 'ego_direction_of'; readonly target: string }
  /** "is the plant left of the sofa?" — from the current viewpoint. */
  | {
      readonly kind: 'pair_relation';
      readonly a: string;
      readonly relation: PairRelation;
      readonly b: string;
      readonly c?: string;
    }
  /** "is there a piano?" */
  | { readonly kind: 'object_existence'; readonly label: string }
  /** "how many objects are in the room?" (no labels), "how many cups and bottles in total?" */
  /** `kinds`: "how many different kinds of things are there?" — the number of distinct classes. */
  /** `more`: "are there more chairs than tables?" (with `claim`: yes/no for the first name), "fewer cups or bowls?". */
  | {
      readonly kind: 'count_total';
      readonly labels: string[];
      readonly kinds?: boolean;
      readonly more?: Order;
      readonly claim?: boolean;
    }
  /** "how tall is the fridge?": one dimension of an object (height = vertical extent, length/width = sides). */
  | { readonly kind: 'object_measure'; readonly label: string; readonly measure: Measure }
  /** "what is the largest object?", "which chair is the tallest?" (`among`: only objects of that name). */
  | {
      readonly kind: 'superlative';
      readonly measure: Measure;
      readonly order: Order;
      readonly among?: string;
    }
  /**
   * "what is closest to the clock?", "what's next to the sink?" (`near`: everything within reach, nearest
   * first), "which is farthest from the door, the bed or the tv?" (`among`).
   */
  | {
      readonly kind: 'nearest';
      readonly anchor: string;
      readonly order: Order;
      readonly among?: string[];
      readonly near?: boolean;
      /** "is the chair farther from the tv than the lamp is?": the name claimed to win (a yes/no question). */
      readonly claim?: string;
    }
  /** "which is bigger, the couch or the table?"; `claim`: "is the couch bigger than the table?" (yes/no). */
  | {
      readonly kind: 'compare';
      readonly labels: string[];
      readonly measure: Measure;
      readonly order: Order;
      readonly claim?: boolean;
    }
  /**
   * "if I stand by the couch facing the tv, is the fridge to my left?": `check` the side asked about, none for
   * "where is…" (front/back and left/right), 'left-right' for "…on my left or right?". `backTo`: "with my back
   * to the tv" (facing away from it).
   */
  | {
      readonly kind: 'standpoint';
      readonly standing: string;
      readonly facing: string;
      readonly query: string;
      readonly check?: EgoDirection | 'left-right';
      readonly backTo?: boolean;
    }
  /** "where is the suitcase?": the nearest landmarks and its direction from the user. */
  | { readonly kind: 'locate'; readonly target: string }
  /** "how far am I from the tv?" */
  | { readonly kind: 'ego_distance'; readonly target: string }
  /** "what's the closest thing to me?" */
  | { readonly kind: 'ego_nearest'; readonly order: Order }
  /** "what's in this room?" (list), "describe the room" (counts, room size, where the main pieces stand). */
  | { readonly kind: 'scene_summary'; readonly detail: 'list' | 'describe' }
  /** Anything else: answered by the VLM from the prompt alone. */
  | { readonly kind: 'open'; readonly targets: string[] };

/** Object dimensions: height = vertical extent, length/width = long/short horizontal side, longest = any. */
export type Measure = 'height' | 'length' | 'width' | 'longest' | 'area' | 'volume';
export type Order = 'max' | 'min';
/** Units a question may ask for (lengths, and floor areas). */
export type LengthUnit = 'm' | 'cm' | 'mm' | 'ft' | 'in' | 'm2' | 'ft2';

export type EgoDirection = 'left' | 'right' | 'front' | 'back';
export type PairRelation = 'left' | 'right' | 'front' | 'behind' | 'above' | 'below' | 'near' | 'between';

export interface ParsedQuestion {
  readonly task: Task;
  /** The VSI-Bench type when the question matched a template (or was declared in a questions file). */
  readonly questionType?: QuestionType;
  readonly options?: AnswerOption[];
  /** How it was understood: a template, the pattern fallback, or the VLM's JSON. */
  readonly via: 'template' | 'pattern' | 'vlm';
  /** The unit the question asks for ("in feet", "how many cm"). */
  readonly unit?: LengthUnit;
  /** What the parser read, for an honest "I did not understand" (the question as normalised, objects found). */
  readonly read?: string;
}

/** Every object name a task refers to (targets first, then cues). */
export function taskTargets(task: Task): string[] {
  if (isVsiTask(task)) return taskModule(task.kind)!.targets(task);
  switch (task.kind) {
    case 'route_directions':
      return [task.from, task.to, ...(task.facing ? [task.facing] : [])];
    case 'ego_direction_of':
    case 'locate':
    case 'ego_distance':
      return [task.target];
    case 'object_existence':
    case 'object_measure':
      return [task.label];
    case 'count_total':
      return [...task.labels];
    case 'superlative':
      return task.among ? [task.among] : [];
    case 'nearest':
      return [task.anchor, ...(task.among ?? [])];
    case 'compare':
      return [...task.labels];
    case 'standpoint':
      return [task.query, task.standing, task.facing];
    case 'scene_summary':
    case 'ego_nearest':
    case 'ego_whats_there':
      return [];
    case 'pair_relation':
      return [task.a, task.b, ...(task.c ? [task.c] : [])];
    case 'open':
      return [...task.targets];
  }
}
