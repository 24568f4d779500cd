import { readFile, writeFile } from 'node:fs/promises';
import { QuestionParseError } from '../../core/questions/parseQuestion';
import { validateEvalItems, QuestionsFileError } from '../../core/questions/questionsFile';
import {
  aggregate,
  fallbackAnswer,
  scoreFreeForm,
  scoreItem,
  type ScoredItem,
} from '../../core/questions/scoring';
import type { AnswerUnit, EvalQuestion, ParsedQuestion } from '../../core/questions/types';
import { AbortError } from '../../core/abort';
import { MosaicThinker } from '../../core/reasoning/MosaicThinker';
import { UserError, type CliCommand } from '../command';
import { DETECTOR_USAGE } from '../sequenceInputs';
import { parseCommandArgs } from '../args';
import { loadScene, SCENE_OPTIONS, sceneOptions } from './ask';

/** The unit of a numeric answer the reasoner gives for a task (VSI-Bench's: metres, centimetres, m²). */
function answerUnit(p: ParsedQuestion): AnswerUnit | undefined {
  switch (p.task.kind) {
    case 'object_abs_distance':
      return 'm';
    case 'object_size_estimation':
      return 'cm';
    case 'room_size_estimation':
      return 'm2';
    default:
      return undefined;
  }
}

export interface EvalOutcome {
  readonly items: ScoredItem[];
  /** Items whose question could not be read (they got the task's fallback answer). */
  readonly notUnderstood: number;
  /** Items whose answering failed for another reason (also the fallback answer, with the reason in the note). */
  readonly failed: number;
}

const clip = (s: string): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
};

/**
 * Answers and scores every item; never stops for one: a question that cannot be read gets its task's fallback
 * answer, scored as it falls, and a note saying what could not be read.
 */
export async function evaluateItems(thinker: MosaicThinker, questions: EvalQuestion[]): Promise<EvalOutcome> {
  const items: ScoredItem[] = [];
  let notUnderstood = 0;
  let failed = 0;
  for (const q of questions) {
    let prediction: string | number;
    let note: string | undefined;
    let unit: AnswerUnit | undefined;
    try {
      const r = await thinker.ask(q);
      prediction = r.prediction;
      unit = answerUnit(r.parsed);
      if (!q.question_type && r.parsed.task.kind === 'open') {
        notUnderstood++;
        note = `not understood: "${clip(q.question)}" matches no question form I know`;
      }
    } catch (e) {
      if (e instanceof AbortError) throw e;
      prediction = fallbackAnswer(q.question_type, q.options);
      if (e instanceof QuestionParseError) {
        notUnderstood++;
        note = `not understood (${e.message}); given the fallback answer`;
      } else {
        failed++;
        note = `could not be answered (${e instanceof Error ? e.message : String(e)}); given the fallback answer`;
      }
    }
    const score = q.question_type
      ? scoreItem(q.question_type, prediction, q.ground_truth)
      : scoreFreeForm(prediction, q.ground_truth, { options: q.options, unit: q.unit, predictionUnit: unit });
    items.push({
      id: q.id,
      question_type: q.question_type ?? 'free_form',
      prediction,
      ground_truth: q.ground_truth,
      score,
      ...(note ? { note } : {}),
    });
  }
  return { items, notUnderstood, failed };
}

/**
 * `eval <seq|mosaic.json> --questions q.json [--out results.json]`: answers every question and scores it
 * exactly as VSI-Bench; prints per-task scores and the overall, writes results.json.
 */
export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'score VSI-Bench questions over a sequence or mosaic.json',
  usage: `usage: spatial-mosaic eval <seq|mosaic.json> --questions q.json [--out results.json]

  --questions q.json   a JSON array of {id, question_type?, question, options?, ground_truth, unit?}
                       (without question_type: a free-form question; see README "Questions file")
  --out results.json   write {"overall", "tasks", "items"} (scores 0–100; an item that could not be
                       read or answered has a "note")
${DETECTOR_USAGE}`,
  async run(allArgs, io) {
    const { values, positionals: positional } = parseCommandArgs(
      'eval',
      allArgs,
      { ...SCENE_OPTIONS, questions: { type: 'string' }, out: { type: 'string' } },
      { questions: 'a file path', out: 'a file path' },
    );
    const sceneOpts = sceneOptions(values);
    const qPath = values.questions;
    const outPath = values.out;
    if (!qPath) throw new UserError("--questions q.json is required (see 'spatial-mosaic eval --help')");
    if (positional.length !== 1)
      throw new UserError(`expected one <seq|mosaic.json>, got ${positional.length}`);
    const text = await readFile(qPath, 'utf8').catch(() => {
      throw new UserError(`${qPath}: cannot read the questions file`);
    });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new UserError(`${qPath}: not JSON (${(e as Error).message})`);
    }
    let questions;
    try {
      questions = validateEvalItems(json, qPath);
    } catch (e) {
      throw e instanceof QuestionsFileError ? new UserError(e.message) : e;
    }
    const scene = await loadScene(positional[0], sceneOpts);
    const thinker = new MosaicThinker({ mosaic: scene.mosaic, perceiver: scene.perceiver });
    let outcome: EvalOutcome;
    try {
      outcome = await evaluateItems(thinker, questions);
    } finally {
      await scene.dispose();
    }
    const { items } = outcome;
    const results = aggregate(items);
    const width = Math.max(...Object.keys(results.tasks).map((k) => k.length), 7);
    for (const [t, v] of Object.entries(results.tasks)) io.out(`${t.padEnd(width)}  ${v.toFixed(1)}`);
    io.out(`${'overall'.padEnd(width)}  ${results.overall.toFixed(1)}  (${items.length} questions)`);
    io.out(`${outcome.notUnderstood} of ${items.length} questions not understood`);
    if (outcome.failed)
      io.out(
        `${outcome.failed} of ${items.length} questions could not be answered (see "note" in the results)`,
      );
    if (outPath) await writeFile(outPath, JSON.stringify(results, null, 2) + '\n');
    return 0;
  },
};
