import { readFile, stat } from 'node:fs/promises';
import { MosaicBuilder } from '../../core/fusion/MosaicBuilder';
import type { Mosaic } from '../../core/mosaic/types';
import { QuestionParseError } from '../../core/questions/parseQuestion';
import type { FramePerceiver } from '../../core/reasoning/interfaces';
import { MosaicThinker, type ThinkResult } from '../../core/reasoning/MosaicThinker';
import { answerOnly, type Answer } from '../../core/reasoning/answer';
import type { UnitSystem } from '../../core/reasoning/answerUnits';
import { SequencePerceiver } from '../../core/reasoning/SequencePerceiver';
import { formatTrace } from '../../core/reasoning/trace';
import { openSequence } from '../../core/sequence/openSequence';
import { MosaicFileError } from '../../storage/errors';
import { parseMosaicFile } from '../../storage/mosaicFile';
import { UserError, type CliCommand } from '../command';
import { parseCommandArgs, positiveOption } from '../args';
import { openNodeFileSource } from '../nodeFileSource';
import {
  DEFAULT_MODELS_DIR,
  DETECTOR_USAGE,
  openFrameDetections,
  parseDetectorChoice,
  resolveUp,
  type DetectorChoice,
} from '../sequenceInputs';

/**
 * `ask <seq|mosaic.json> "<question>" [--trace] [--detector file|yolox] [--models DIR]`: the answer on stdout
 * (the trace after it with --trace). A mosaic file is reasoned over as it is; a sequence folder (with
 * trajectory.log and depth/; detections from detections.json or YOLOX-Nano) is fused from every 4th frame
 * first, and the reasoning loop fuses more frames where the question needs them.
 */
export interface LoadedScene {
  readonly mosaic: () => Mosaic;
  readonly perceiver?: FramePerceiver;
  readonly description: string;
  /** Frees the detector, when one was opened. */
  dispose(): Promise<void>;
}

export interface SceneOptions {
  readonly detector?: DetectorChoice;
  readonly models?: string;
  /** Every how many frames to fuse before any question (default 4); the loop adds more where needed. */
  readonly every?: number;
}

/** Frames fused before any question; the loop adds more where needed. */
const INITIAL_STRIDE = 4;

export async function loadScene(input: string, opts: SceneOptions = {}): Promise<LoadedScene> {
  const st = await stat(input).catch(() => undefined);
  if (!st) throw new UserError(`${input}: no such file or folder (give a mosaic.json or a sequence folder)`);
  if (st.isFile()) {
    let m: Mosaic;
    try {
      m = parseMosaicFile(await readFile(input, 'utf8'), input);
    } catch (e) {
      throw e instanceof MosaicFileError ? new UserError(e.message) : e;
    }
    return { mosaic: () => m, description: `${input}: ${m.objects.length} objects`, dispose: async () => {} };
  }
  const seq = await openSequence(await openNodeFileSource(input));
  const lacking = [!seq.poses && 'trajectory.log', !seq.hasDepth && 'depth/'].filter(Boolean);
  if (lacking.length)
    throw new UserError(
      `${input}: reasoning straight from a sequence needs ${lacking.join(' and ')}; run \`spatial-mosaic build ${input} --out mosaic.json\` and ask the mosaic.json instead`,
    );
  const detections = openFrameDetections(seq, input, opts.detector, opts.models ?? DEFAULT_MODELS_DIR);
  const { up } = await resolveUp(input, seq.poses!, undefined, seq);
  const builder = new MosaicBuilder({
    up,
    source: { sequence: input, detections: detections.description },
  });
  const perceiver = new SequencePerceiver(seq, builder, detections.detect);
  try {
    const every = opts.every ?? INITIAL_STRIDE;
    await perceiver.perceive(perceiver.framesAvailable().filter((f) => f % every === 0));
  } catch (e) {
    await detections.dispose();
    throw e;
  }
  return {
    mosaic: () => perceiver.mosaic(),
    perceiver,
    description: `${input}: ${seq.frameCount} frames`,
    dispose: () => detections.dispose(),
  };
}

/** The options `ask` and `eval` share about the scene (parsed with each command's own by parseCommandArgs). */
export const SCENE_OPTIONS = {
  detector: { type: 'string' },
  models: { type: 'string' },
  every: { type: 'string' },
} as const;

/** `--detector X`, `--models DIR` and `--every N` as SceneOptions. */
export function sceneOptions(values: { detector?: string; models?: string; every?: string }): SceneOptions {
  const every = positiveOption('every', values.every, true);
  return {
    ...(values.detector !== undefined ? { detector: parseDetectorChoice(values.detector) } : {}),
    ...(values.models !== undefined ? { models: values.models } : {}),
    ...(every !== undefined ? { every } : {}),
  };
}

/** `ask --json`: exactly {"answer": text, "value", "unit", "kind", "objects": [ids]} (ARCHITECTURE.md). */
export function askJson(r: ThinkResult): Answer {
  return answerOnly(r);
}

/** `--units metric|imperial` (metric when absent). */
function unitSystem(v: string | undefined): UnitSystem {
  if (v === undefined) return 'metric';
  if (v !== 'metric' && v !== 'imperial') throw new UserError(`--units needs metric or imperial, got '${v}'`);
  return v;
}

/** Errors of the core that describe bad input become one-line user errors. */
export function asUserError(e: unknown): unknown {
  if (e instanceof QuestionParseError) return new UserError(e.message);
  return e;
}

export const askCommand: CliCommand = {
  name: 'ask',
  summary: 'answer a spatial question about a sequence or a mosaic.json',
  usage: `usage: spatial-mosaic ask <seq|mosaic.json> "<question>" [--json] [--trace] [--units metric|imperial] [--every N] [--detector file|yolox] [--models DIR]

  <seq|mosaic.json>  a mosaic file (build --out, or the app's export), or a sequence folder with
                     trajectory.log and depth/ (detections: detections.json or YOLOX-Nano)
  "<question>"       a VSI-Bench question or a free-form one ("how far is the cup from the laptop?")
  --json             print {"answer", "value", "unit", "kind", "objects"} instead of the sentence
  --trace            print every reasoning step after the answer
  --units U          metric (default) or imperial, for answers whose question names no unit
  --every N          fuse every Nth frame of a sequence before the question (default ${INITIAL_STRIDE})
${DETECTOR_USAGE}`,
  async run(allArgs, io) {
    const { values, positionals: positional } = parseCommandArgs('ask', allArgs, {
      ...SCENE_OPTIONS,
      trace: { type: 'boolean' },
      json: { type: 'boolean' },
      units: { type: 'string' },
    });
    const sceneOpts = sceneOptions(values);
    const trace = values.trace === true;
    const json = values.json === true;
    const units = unitSystem(values.units);
    if (positional.length !== 2)
      throw new UserError(
        `expected <seq|mosaic.json> and a question in quotes, got ${positional.length} argument(s)`,
      );
    const [input, question] = positional;
    const scene = await loadScene(input, sceneOpts);
    const thinker = new MosaicThinker({ mosaic: scene.mosaic, perceiver: scene.perceiver, units });
    try {
      const r = await thinker.ask(question);
      if (json) io.out(JSON.stringify(askJson(r)));
      else io.out(r.parsed.questionType ? String(r.prediction) : r.answer);
      if (trace) io.out(formatTrace(r.trace));
      return 0;
    } catch (e) {
      throw asUserError(e);
    } finally {
      await scene.dispose();
    }
  },
};
