import { readFile, writeFile } from 'node:fs/promises';
import { validateQuestions, QuestionsFileError } from '../../core/questions/questionsFile';
import { aggregate, scoreItem, type ScoredItem } from '../../core/questions/scoring';
import { MosaicThinker } from '../../core/reasoning/MosaicThinker';
import { UserError, type CliCommand } from '../command';
import { DETECTOR_USAGE } from '../sequenceInputs';
import { asUserError, loadScene, takeSceneOptions } from './ask';

/**
 * `eval <seq|mosaic.json> --questions q.json [--out results.json]`: answers every question and scores it
 * exactly as VSI-Bench; prints per-task scores and the overall, writes results.json.
 */
function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) throw new UserError(`${name} needs a file path`);
  return v;
}

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'score VSI-Bench questions over a sequence or mosaic.json',
  usage: `usage: spatial-mosaic eval <seq|mosaic.json> --questions q.json [--out results.json]

  --questions q.json   a JSON array of {id, question_type, question, options?, ground_truth}
  --out results.json   write {"overall", "tasks", "items"} (scores 0–100)
${DETECTOR_USAGE}`,
  async run(allArgs, io) {
    const { rest: args, scene: sceneOpts } = takeSceneOptions(allArgs);
    const qPath = option(args, '--questions');
    const outPath = option(args, '--out');
    const positional = args.filter(
      (a, i) => !a.startsWith('--') && !['--questions', '--out'].includes(args[i - 1]),
    );
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
      questions = validateQuestions(json, qPath);
    } catch (e) {
      throw e instanceof QuestionsFileError ? new UserError(e.message) : e;
    }
    const scene = await loadScene(positional[0], sceneOpts);
    const thinker = new MosaicThinker({ mosaic: scene.mosaic, perceiver: scene.perceiver });
    const items: ScoredItem[] = [];
    for (const q of questions) {
      const r = await thinker.ask(q).catch((e: unknown) => {
        throw asUserError(e);
      });
      items.push({
        id: q.id,
        question_type: q.question_type,
        prediction: r.answer,
        ground_truth: q.ground_truth,
        score: scoreItem(q.question_type, r.answer, q.ground_truth),
      });
    }
    await scene.dispose();
    const results = aggregate(items);
    const width = Math.max(...Object.keys(results.tasks).map((k) => k.length), 7);
    for (const [t, v] of Object.entries(results.tasks)) io.out(`${t.padEnd(width)}  ${v.toFixed(1)}`);
    io.out(`${'overall'.padEnd(width)}  ${results.overall.toFixed(1)}  (${items.length} questions)`);
    if (outPath) await writeFile(outPath, JSON.stringify(results, null, 2) + '\n');
    return 0;
  },
};
