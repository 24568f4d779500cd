import type { Mosaic, MosaicObject } from '../mosaic/types';
import type { Prng } from '../prng';
import type { AnswerOption, ParsedQuestion, VsiQuestion } from '../questions/types';
import type { SceneGroundTruth } from '../synthetic/groundTruth';
import type { UnitSystem } from '../reasoning/answerUnits';
import type { WorldFrame } from '../reasoning/orientedBox';
import { article } from '../reasoning/solveFreeForm';
import { objectsLabelled } from '../reasoning/spatialTools';

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

/** What a task's solver works with: the mosaic, the question as parsed, and the names resolved to labels. */
export interface TaskContext {
  readonly m: Mosaic;
  readonly parsed: ParsedQuestion;
  /** The mosaic label a name in the task resolved to (its canonical label when the mosaic lacks it). */
  readonly L: (n: string) => string;
  readonly base: { missing: string[]; labels: string[]; objects: string[] };
  readonly units: UnitSystem;
  /** A free-form question (no VSI-Bench type): answers in words and the asked unit. */
  readonly free: boolean;
  readonly options?: AnswerOption[];
  readonly f: WorldFrame;
  /** The outcome for an answer (undefined: open, for the VLM). */
  answered(
    answer: string | number | undefined,
    text: string,
    facts: string[],
    objects?: string[],
    unit?: string,
  ): ToolOutcome;
  /** The distinct ids of the instances given. */
  ids(os: (MosaicObject | undefined)[]): string[];
}

/** A VSI-Bench template's reading: the question type and the task it asks. */
export interface TemplateMatch<T, Q extends string> {
  readonly type: Q;
  readonly task: T;
}

/**
 * One question task, in one place: its question type(s), its VSI-Bench template, the objects it names and its
 * solver. The registry (index.ts) derives the Task union, the question types, template order and dispatch.
 */
export interface TaskModule<T extends { readonly kind: string }, Q extends string> {
  readonly kind: T['kind'];
  /** VSI-Bench's question_type values this task answers (in the order they are listed). */
  readonly questionTypes: readonly Q[];
  /** Numeric answers (scored by Mean Relative Accuracy); otherwise multiple choice. */
  readonly numeric: boolean;
  /** Still answers when some named objects are missing (a count of zero, a route around a landmark). */
  readonly tolerant: boolean;
  /** Reads the template (the question squashed to single spaces); undefined when it is not this task's. */
  match(q: string): TemplateMatch<T, Q> | undefined;
  /** The task as a declared question type says (for a task with several types); absent: kept as read. */
  declare?(task: T, type: Q): T;
  /** Every object name the task refers to (targets first, then cues). */
  targets(task: T): string[];
  solve(ctx: TaskContext, task: T): ToolOutcome;
  /** Adds this task's questions for a generated scene (from its ground truth), in generateQuestions' order. */
  generate?(scene: GenerationScene<Q>): void;
}

/**
 * A generated scene as the question generators see it: ground truth as a mosaic, the shared random stream,
 * and the helpers that add a question. Only unambiguous questions: "the X" only for labels with one instance.
 */
export interface GenerationScene<Q extends string> {
  readonly gt: SceneGroundTruth;
  readonly rng: Prng;
  /** Questions per type (per level for relative direction); fewer when the scene cannot support them. */
  readonly per: number;
  readonly m: Mosaic;
  readonly f: WorldFrame;
  readonly byLabel: ReadonlyMap<string, MosaicObject[]>;
  /** Every label, sorted. */
  readonly labels: string[];
  /** The objects whose label has one instance. */
  readonly unique: MosaicObject[];
  /** The questions so far. */
  readonly out: readonly VsiQuestion[];
  /** Closest-point distance between two objects. */
  dist(a: MosaicObject, b: MosaicObject): number;
  /** Closest-point distance from an object to the nearest instance of a label. */
  labelDist(a: MosaicObject, label: string): number;
  add(type: Q, question: string, groundTruth: string | number, options?: string[]): void;
  /** Shuffled multiple-choice options ("A. …") and the correct one's letter. */
  mc(correct: string, distractors: string[]): { options: string[]; letter: string };
}

/** The instance that stands for "the X": the most confident, then the most observed. */
export function mainInstance(m: Mosaic, label: string): MosaicObject | undefined {
  return objectsLabelled(m, label).sort(
    (a, b) => b.confidence - a.confidence || b.observations - a.observations,
  )[0];
}

/** "I haven't seen a piano." — with the names as asked (singular), never a label the asker did not use. */
export const notSeen = (names: string[]): string => `I haven't seen ${names.map(article).join(' or ')} here.`;

export const letterOf = (
  options: AnswerOption[] | undefined,
  pred: (text: string) => boolean,
): string | undefined => options?.find((o) => pred(o.text))?.letter;
