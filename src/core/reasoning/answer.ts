/**
 * One answer, in the shape `spatial-mosaic ask --json` prints (ARCHITECTURE.md's contract): the reasoning loop
 * returns it (with its trace), the reasoner worker sends it, the element and the app show it. Plain data.
 */
export interface Answer {
  /** The answer for people: a sentence (or the option letter / number of a benchmark question, as a sentence). */
  readonly answer: string;
  /** The answer as a value: a number in `unit`, an option letter, a name, yes/no as a boolean; null when none. */
  readonly value: number | string | boolean | null;
  /** The unit of a numeric value (`m`, `cm`, `mm`, `ft`, `in`, `m2`, `ft2`), or null. */
  readonly unit: string | null;
  /** The VSI-Bench question type, or the free-form task kind. */
  readonly kind: string;
  /** Ids of exactly the mosaic objects the answer used. */
  readonly objects: readonly string[];
}

/** Exactly the contract's fields, in its order: what `ask --json` prints of an answer that carries more. */
export function answerOnly(a: Answer): Answer {
  return { answer: a.answer, value: a.value, unit: a.unit, kind: a.kind, objects: a.objects };
}
