import { readFile, stat } from 'node:fs/promises';
import { MosaicBuilder } from '../../core/fusion/MosaicBuilder';
import type { Mosaic } from '../../core/mosaic/types';
import { QuestionParseError } from '../../core/questions/parseQuestion';
import type { FramePerceiver } from '../../core/reasoning/interfaces';
import { MosaicThinker } from '../../core/reasoning/MosaicThinker';
import { SequencePerceiver } from '../../core/reasoning/SequencePerceiver';
import { formatTrace } from '../../core/reasoning/trace';
import { openSequence } from '../../core/sequence/openSequence';
import { MosaicFileError } from '../../storage/errors';
import { parseMosaicFile } from '../../storage/mosaicFile';
import { UserError, type CliCommand } from '../command';
import { openNodeFileSource } from '../nodeFileSource';

/**
 * `ask <seq|mosaic.json> "<question>" [--trace]`: the answer on stdout (the trace after it with --trace).
 * A mosaic file is reasoned over as it is; a sequence folder (with trajectory.log, depth/ and detections.json)
 * is fused from every 4th frame first, and the reasoning loop fuses more frames where the question needs them.
 */
export interface LoadedScene {
  readonly mosaic: () => Mosaic;
  readonly perceiver?: FramePerceiver;
  readonly description: string;
}

/** Frames fused before any question; the loop adds more where needed. */
const INITIAL_STRIDE = 4;

export async function loadScene(input: string): Promise<LoadedScene> {
  const st = await stat(input).catch(() => undefined);
  if (!st) throw new UserError(`${input}: no such file or folder (give a mosaic.json or a sequence folder)`);
  if (st.isFile()) {
    let m: Mosaic;
    try {
      m = parseMosaicFile(await readFile(input, 'utf8'), input);
    } catch (e) {
      throw e instanceof MosaicFileError ? new UserError(e.message) : e;
    }
    return { mosaic: () => m, description: `${input}: ${m.objects.length} objects` };
  }
  const seq = await openSequence(await openNodeFileSource(input));
  const lacking = [
    !seq.poses && 'trajectory.log',
    !seq.hasDepth && 'depth/',
    !seq.detections && 'detections.json',
  ].filter(Boolean);
  if (lacking.length)
    throw new UserError(
      `${input}: reasoning straight from a sequence needs ${lacking.join(', ')}; run \`spatial-mosaic build ${input} --out mosaic.json\` and ask the mosaic.json instead`,
    );
  const perceiver = new SequencePerceiver(seq, new MosaicBuilder({ source: { sequence: input } }));
  await perceiver.perceive(perceiver.framesAvailable().filter((f) => f % INITIAL_STRIDE === 0));
  return { mosaic: () => perceiver.mosaic(), perceiver, description: `${input}: ${seq.frameCount} frames` };
}

/** Errors of the core that describe bad input become one-line user errors. */
export function asUserError(e: unknown): unknown {
  if (e instanceof QuestionParseError) return new UserError(e.message);
  return e;
}

export const askCommand: CliCommand = {
  name: 'ask',
  summary: 'answer a spatial question about a sequence or a mosaic.json',
  usage: `usage: spatial-mosaic ask <seq|mosaic.json> "<question>" [--trace]

  <seq|mosaic.json>  a mosaic file (build --out, or the app's export), or a sequence folder with
                     trajectory.log, depth/ and detections.json
  "<question>"       a VSI-Bench question or a free-form one ("how far is the cup from the laptop?")
  --trace            print every reasoning step after the answer`,
  async run(args, io) {
    const trace = args.includes('--trace');
    const positional = args.filter((a) => !a.startsWith('--'));
    const unknown = args.filter((a) => a.startsWith('--') && a !== '--trace');
    if (unknown.length) throw new UserError(`unknown option ${unknown[0]} (see 'spatial-mosaic ask --help')`);
    if (positional.length !== 2)
      throw new UserError(
        `expected <seq|mosaic.json> and a question in quotes, got ${positional.length} argument(s)`,
      );
    const [input, question] = positional;
    const scene = await loadScene(input);
    const thinker = new MosaicThinker({ mosaic: scene.mosaic, perceiver: scene.perceiver });
    try {
      const r = await thinker.ask(question);
      io.out(r.parsed.questionType ? String(r.answer) : r.text);
      if (trace) io.out(formatTrace(r.trace));
      return 0;
    } catch (e) {
      throw asUserError(e);
    }
  },
};
