import type { MosaicObject } from '../mosaic/types';
import { Prng } from '../prng';
import { boxDistance } from '../reasoning/boxDistance';
import { worldFrame } from '../reasoning/orientedBox';
import { boxOf } from '../reasoning/spatialTools';
import { TASKS, type AnyTaskModule } from '../tasks';
import { LETTERS } from '../tasks/combinations';
import type { GenerationScene } from '../tasks/task';
import type { SceneGroundTruth } from '../synthetic/groundTruth';
import { groundTruthMosaic } from './groundTruthMosaic';
import type { QuestionType, VsiQuestion } from './types';

/**
 * VSI-Bench questions for a generated scene, computed from its ground truth (never from a mosaic), with
 * VSI-Bench's templates and fields. Deterministic for a seed. Only unambiguous questions: "the X" only for
 * labels with one instance, and margins so that small perception errors do not flip the true answer's
 * definition (relative-distance choices ≥ 0.3 m apart, directions ≥ 20° from a class boundary, route turns
 * ≥ 25° from one, appearance times ≥ 3 frames apart).
 */
export interface GenerateOptions {
  readonly seed: number;
  /** Questions per type (per level for relative direction); fewer when the scene cannot support them. */
  readonly perType?: number;
}

export function generateQuestions(gt: SceneGroundTruth, opts: GenerateOptions): VsiQuestion[] {
  const rng = new Prng(opts.seed);
  const per = opts.perType ?? 2;
  const m = groundTruthMosaic(gt);
  const f = worldFrame(m.up);
  const byLabel = new Map<string, MosaicObject[]>();
  for (const o of m.objects) byLabel.set(o.label, [...(byLabel.get(o.label) ?? []), o]);
  const labels = [...byLabel.keys()].sort();
  const unique = labels.filter((l) => byLabel.get(l)!.length === 1).map((l) => byLabel.get(l)![0]);
  const dist = (a: MosaicObject, b: MosaicObject): number => boxDistance(boxOf(m, a), boxOf(m, b));
  const labelDist = (a: MosaicObject, label: string): number =>
    Math.min(...byLabel.get(label)!.map((o) => dist(a, o)));
  const out: VsiQuestion[] = [];
  const add = (
    type: QuestionType,
    question: string,
    ground_truth: string | number,
    options?: string[],
  ): void => {
    const n = out.filter((q) => q.question_type === type).length;
    out.push({
      id: `s${gt.seed}-${type}-${n}`,
      question_type: type,
      question,
      ...(options ? { options } : {}),
      ground_truth,
    });
  };
  const mc = (correct: string, distractors: string[]): { options: string[]; letter: string } => {
    const all = rng.shuffle([correct, ...distractors]);
    return { options: all.map((t, i) => `${LETTERS[i]}. ${t}`), letter: LETTERS[all.indexOf(correct)] };
  };

  const scene: GenerationScene<QuestionType> = {
    gt,
    rng,
    per,
    m,
    f,
    byLabel,
    labels,
    unique,
    out,
    dist,
    labelDist,
    add,
    mc,
  };
  // Each task adds its questions in registry order (one random stream: the order fixes the questions).
  for (const t of TASKS) (t as AnyTaskModule).generate?.(scene);
  return out;
}

/** For tests and the bench: the question types a scene produced. */
export const typesOf = (qs: VsiQuestion[]): Set<QuestionType> => new Set(qs.map((q) => q.question_type));
