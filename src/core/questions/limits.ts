/**
 * Longest question text the parsers accept. VSI-Bench's longest (route planning) are under 1,000 characters;
 * the template regexes backtrack polynomially on long near-misses (a 12,600-character route question took
 * 8 s), so an over-long question is refused up front instead of freezing the reasoner.
 */
export const MAX_QUESTION_CHARS = 2000;

export function questionLengthProblem(question: string): string | undefined {
  return question.length > MAX_QUESTION_CHARS
    ? `is ${question.length} characters long; ask it in at most ${MAX_QUESTION_CHARS}`
    : undefined;
}
