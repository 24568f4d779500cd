import { objectClass } from '../catalog/objectClass';
import type { Mosaic } from '../mosaic/types';
import type { RgbImage } from '../perception/types';
import { detectorLabel, isCocoLabel, normalizeName, resolveLabel } from '../questions/labels';
import { parseAnswer } from '../questions/parseAnswer';
import { parseByPattern, parseWithGenerator } from '../questions/parseFreeForm';
import { parseDeclared, parseTemplate, QuestionParseError } from '../questions/parseQuestion';
import { NUMERIC_TYPES, taskTargets, type ParsedQuestion, type QuestionType } from '../questions/types';
import {
  DEFAULT_MAP_TOKENS,
  serializeMosaic,
  type ReferenceFrame,
  type SerializedMosaic,
} from '../prompt/serializeMosaic';
import { throwIfAborted } from '../abort';
import { estimateTokens, type FrameImages, type FramePerceiver, type TextGenerator } from './interfaces';
import { selectFrames } from './selectFrames';
import { knownLabels, objectsLabelled } from './spatialTools';
import { solveTask, type ToolOutcome } from './solveTask';
import type { UnitSystem } from './answerUnits';
import type { Trace, TraceStep } from './trace';
import type { Answer } from './answer';

/**
 * The iterative loop (MosaicThinker, arXiv:2602.07082): understand the question → check that the mosaic covers
 * its objects → if not, perceive more frames chosen by a temporal kernel around where related objects were seen,
 * within iteration and time budgets → compute the answer with exact tools, or let the VLM answer from a compact
 * prompt when the tools cannot → parse into the VSI answer format. Every step lands in the trace.
 */
export interface ThinkerBudget {
  readonly maxIterations: number;
  readonly maxMillis: number;
  readonly framesPerIteration: number;
  /** The whole text prompt: map, tool results, question, options and instruction. */
  readonly promptTokens: number;
  /** The map's own cap inside it (default: a twentieth of what 32 raw frames cost SmolVLM2). */
  readonly mapTokens: number;
  readonly maxNewTokens: number;
  /** Keyframes sent to the VLM with the prompt. */
  readonly keyframes: number;
}

export const DEFAULT_BUDGET: ThinkerBudget = {
  maxIterations: 3,
  maxMillis: 30_000,
  framesPerIteration: 8,
  promptTokens: 600,
  mapTokens: DEFAULT_MAP_TOKENS,
  maxNewTokens: 48,
  keyframes: 1,
};

export interface ThinkerOptions {
  /** The mosaic, or a getter when perception replaces it between iterations. */
  readonly mosaic: Mosaic | (() => Mosaic);
  readonly generator?: TextGenerator;
  readonly perceiver?: FramePerceiver;
  readonly images?: FrameImages;
  readonly budget?: Partial<ThinkerBudget>;
  /** An object needs this confidence and this many observations to count as covered. */
  readonly minConfidence?: number;
  readonly minObservations?: number;
  readonly frame?: ReferenceFrame;
  readonly now?: () => number;
  /** Unit system of answers whose question names no unit (the app's units setting; default metric). */
  readonly units?: UnitSystem;
}

export interface QuestionInput {
  readonly question: string;
  readonly options?: string[];
  readonly question_type?: QuestionType;
  readonly id?: string;
}

export interface AskOptions {
  readonly signal?: AbortSignal;
  readonly onToken?: (t: string) => void;
  readonly onStep?: (s: TraceStep) => void;
}

/** The answer (the `ask --json` contract) with how it was reached. */
export interface ThinkResult extends Answer {
  /** VSI answer format (number or option letter) for benchmark questions; text for free-form ones. */
  readonly prediction: string | number;
  readonly parsed: ParsedQuestion;
  readonly trace: Trace;
}

/** What an answer says besides its text and value: its unit, the question's kind and the objects it used. */
function answerAbout(
  parsed: ParsedQuestion,
  outcome: ToolOutcome,
): Pick<Answer, 'unit' | 'kind' | 'objects'> {
  return {
    unit: outcome.unit ?? null,
    kind: parsed.questionType ?? parsed.task.kind,
    objects: outcome.objects,
  };
}

/** Rounds of first-sight refinement for appearance order (each shrinks a gap of unperceived frames threefold). */
const FIRST_SIGHT_ROUNDS = 4;

export class MosaicThinker {
  private readonly budget: ThinkerBudget;
  private readonly now: () => number;

  constructor(private readonly opts: ThinkerOptions) {
    this.budget = { ...DEFAULT_BUDGET, ...opts.budget };
    this.now = opts.now ?? (() => Date.now());
  }

  private mosaic(): Mosaic {
    return typeof this.opts.mosaic === 'function' ? this.opts.mosaic() : this.opts.mosaic;
  }

  async ask(input: string | QuestionInput, ask: AskOptions = {}): Promise<ThinkResult> {
    const q: QuestionInput = typeof input === 'string' ? { question: input } : input;
    const trace: Trace = [];
    const push = (s: TraceStep): void => {
      trace.push(s);
      ask.onStep?.(s);
    };
    const { signal } = ask;
    const t0 = this.now();
    throwIfAborted(signal);

    const parsed = await this.understand(q, signal);
    push({ step: 'understand', question: q.question, parsed, ms: this.now() - t0 });

    await this.cover(parsed, push, t0, signal);
    throwIfAborted(signal);
    if (parsed.task.kind === 'obj_appearance_order') await this.refineFirstSight(parsed, push, t0, signal);
    throwIfAborted(signal);

    const tTools = this.now();
    const outcome = solveTask(this.mosaic(), parsed, { units: this.opts.units });
    push({ step: 'tools', status: outcome.status, facts: outcome.facts, ms: this.now() - tTools });
    const about = answerAbout(parsed, outcome);
    if (outcome.status === 'answered' && outcome.answer !== undefined) {
      push({ step: 'answer', prediction: outcome.answer, answer: outcome.text, source: 'tool' });
      const value = outcome.value === undefined ? outcome.answer : outcome.value;
      return { prediction: outcome.answer, answer: outcome.text, parsed, trace, value, ...about };
    }
    if (this.opts.generator) return this.askModel(q, parsed, outcome, push, trace, ask);
    const fb = fallback(parsed, outcome);
    push({ step: 'answer', prediction: fb, answer: outcome.text || String(fb), source: 'fallback' });
    // A fallback for a free-form question is an explanation, not a value.
    const value = parsed.questionType ? fb : null;
    return { prediction: fb, answer: outcome.text || String(fb), parsed, trace, value, ...about };
  }

  private async understand(q: QuestionInput, signal?: AbortSignal): Promise<ParsedQuestion> {
    if (q.question_type) return parseDeclared(q.id ?? '?', q.question_type, q.question, q.options);
    try {
      const t = parseTemplate(q.question, q.options);
      if (t) return t;
      if (this.opts.generator) return await parseWithGenerator(q.question, this.opts.generator, signal);
      return parseByPattern(q.question);
    } catch (e) {
      // A question the reader cannot take (too long) is answered "not understood", never an error.
      if (!(e instanceof QuestionParseError)) throw e;
      return { task: { kind: 'open', targets: [] }, via: 'pattern', read: e.message };
    }
  }

  /** Labels not in the mosaic, and labels seen only weakly. */
  private coverage(parsed: ParsedQuestion): {
    missing: string[];
    weak: string[];
    seeds: number[];
    prompts: string[];
  } {
    const m = this.mosaic();
    const known = knownLabels(m);
    const minConf = this.opts.minConfidence ?? 0.5;
    const minObs = this.opts.minObservations ?? 2;
    const missing: string[] = [];
    const weak: string[] = [];
    const seeds: number[] = [];
    const prompts: string[] = [];
    // A name with no closed-set class goes to the open-vocabulary detector as it was asked, until it is seen well.
    const prompt = (name: string): void => {
      const asked = normalizeName(name);
      if (!detectorLabel(asked) && !isCocoLabel(asked) && !prompts.includes(asked)) prompts.push(asked);
    };
    for (const name of taskTargets(parsed.task)) {
      const r = resolveLabel(name, known);
      if (!r.found) {
        if (!missing.includes(r.label)) missing.push(r.label);
        prompt(name);
        continue;
      }
      const inst = objectsLabelled(m, r.label);
      if (!inst.some((o) => o.confidence >= minConf && o.observations >= minObs)) {
        if (!weak.includes(r.label)) weak.push(r.label);
        prompt(name);
      }
      for (const o of inst) {
        seeds.push(o.firstSeenFrame, o.lastSeenFrame);
        for (const ob of o.recentObservations ?? []) seeds.push(ob.frame);
      }
    }
    return { missing, weak, seeds, prompts };
  }

  private async cover(
    parsed: ParsedQuestion,
    push: (s: TraceStep) => void,
    t0: number,
    signal?: AbortSignal,
  ): Promise<void> {
    const perceiver = this.opts.perceiver;
    for (let it = 1; ; it++) {
      throwIfAborted(signal);
      const tc = this.now();
      const cov = this.coverage(parsed);
      push({ step: 'coverage', iteration: it, missing: cov.missing, weak: cov.weak, ms: this.now() - tc });
      // Counts and room size depend on the whole sequence, not on where the named objects were seen: one sweep
      // of the largest unperceived gaps, when less than half the frames are in the mosaic.
      const avail = perceiver?.framesAvailable() ?? [];
      const done = perceiver?.framesPerceived?.().length ?? this.mosaic().trajectory.length;
      const covered = cov.missing.length === 0 && cov.weak.length === 0;
      const kind = parsed.task.kind;
      const sweep =
        it === 1 &&
        (kind === 'object_counting' || kind === 'room_size_estimation') &&
        done < avail.length / 2;
      if (!perceiver || (covered && !sweep)) return;
      if (it > this.budget.maxIterations || this.now() - t0 > this.budget.maxMillis) return;
      const perceived = new Set(
        perceiver.framesPerceived?.() ?? this.mosaic().trajectory.map((k) => k.frame),
      );
      const sel = selectFrames(avail, perceived, covered ? [] : cov.seeds, this.budget.framesPerIteration);
      if (sel.frames.length === 0) return;
      const before = this.mosaic().objects.length;
      const tp = this.now();
      await perceiver.perceive(sel.frames, signal, cov.prompts.length ? cov.prompts : undefined);
      push({
        step: 'perceive',
        iteration: it,
        frames: sel.frames,
        reason: sel.reason,
        ...(cov.prompts.length ? { prompts: cov.prompts } : {}),
        objectsBefore: before,
        objectsAfter: this.mosaic().objects.length,
        ms: this.now() - tp,
      });
    }
  }

  /**
   * First sight in a sparse map is only known to lie between the last perceived frame without the object and
   * the fused frame that has it: perceive frames inside each task object's gap (at its thirds, so the gap
   * shrinks threefold a round) until the gaps close or the budget runs out.
   */
  private async refineFirstSight(
    parsed: ParsedQuestion,
    push: (s: TraceStep) => void,
    t0: number,
    signal?: AbortSignal,
  ): Promise<void> {
    const perceiver = this.opts.perceiver;
    if (!perceiver) return;
    const avail = new Set(perceiver.framesAvailable());
    for (let round = 1; round <= FIRST_SIGHT_ROUNDS; round++) {
      throwIfAborted(signal);
      if (this.now() - t0 > this.budget.maxMillis) return;
      const m = this.mosaic();
      const done = new Set(perceiver.framesPerceived?.() ?? m.trajectory.map((k) => k.frame));
      const sorted = [...done].sort((a, b) => a - b);
      const known = knownLabels(m);
      const picks = new Set<number>();
      for (const name of taskTargets(parsed.task)) {
        const r = resolveLabel(name, known);
        if (!r.found) continue;
        const first = Math.min(...objectsLabelled(m, r.label).map((o) => o.firstSeenFrame));
        let prev = -1;
        for (const f of sorted) if (f < first && f > prev) prev = f;
        const gap = [...avail].filter((f) => f > prev && f < first && !done.has(f)).sort((a, b) => a - b);
        if (gap.length === 0) continue;
        const thirds =
          gap.length <= 2 ? gap : [gap[Math.floor(gap.length / 3)], gap[Math.floor((2 * gap.length) / 3)]];
        for (const f of thirds) picks.add(f);
      }
      const frames = [...picks].sort((a, b) => a - b).slice(0, this.budget.framesPerIteration);
      if (frames.length === 0) return;
      const before = m.objects.length;
      const tp = this.now();
      await perceiver.perceive(frames, signal);
      push({
        step: 'perceive',
        iteration: round,
        frames,
        reason: 'first-sight',
        objectsBefore: before,
        objectsAfter: this.mosaic().objects.length,
        ms: this.now() - tp,
      });
    }
  }

  private async askModel(
    q: QuestionInput,
    parsed: ParsedQuestion,
    outcome: ToolOutcome,
    push: (s: TraceStep) => void,
    trace: Trace,
    ask: AskOptions,
  ): Promise<ThinkResult> {
    const gen = this.opts.generator!;
    const count = gen.countTokens ? (t: string) => gen.countTokens!(t) : estimateTokens;
    const tp = this.now();
    const { prompt } = composePrompt(this.mosaic(), q, parsed, outcome, {
      budget: this.budget,
      countTokens: count,
      frame: this.opts.frame,
    });
    const images = await this.keyframes(outcome.labels);
    push({ step: 'prompt', text: prompt, tokens: count(prompt), images: images.length, ms: this.now() - tp });
    throwIfAborted(ask.signal);
    const tg = this.now();
    const output = await gen.generate(prompt, {
      images,
      onToken: ask.onToken,
      signal: ask.signal,
      maxNewTokens: this.budget.maxNewTokens,
    });
    throwIfAborted(ask.signal);
    push({ step: 'generate', output, ms: this.now() - tg });
    const parsedAnswer = parsed.questionType
      ? parseAnswer(output, parsed.questionType, parsed.options)
      : output.trim();
    const answer = parsedAnswer ?? fallback(parsed, outcome);
    const text = parsed.questionType ? String(answer) : output.trim();
    push({
      step: 'answer',
      prediction: answer,
      answer: text,
      source: parsedAnswer === undefined ? 'fallback' : 'vlm',
    });
    return {
      prediction: answer,
      answer: text,
      parsed,
      trace,
      value: parsed.questionType ? answer : output.trim() || null,
      ...answerAbout(parsed, outcome),
    };
  }

  /** Pixels of the frames where the task's objects were last seen (at most `keyframes`). */
  private async keyframes(labels: string[]): Promise<RgbImage[]> {
    const src = this.opts.images;
    if (!src || this.budget.keyframes <= 0) return [];
    const frames = this.mosaic()
      .objects.filter((o) => labels.includes(o.label))
      .sort((a, b) => b.confidence - a.confidence)
      .map((o) => o.lastSeenFrame)
      .filter((f, i, all) => all.indexOf(f) === i)
      .slice(0, this.budget.keyframes);
    const out: RgbImage[] = [];
    for (const f of frames) {
      const img = await src.image(f);
      if (img) out.push(img);
    }
    return out;
  }
}

export interface ComposedPrompt {
  readonly prompt: string;
  readonly map: SerializedMosaic;
  /** Tool results, question, options and instruction: everything after the map. */
  readonly tail: string;
}

/**
 * The text prompt the VLM gets: the compact map (task objects first, under min(mapTokens, promptTokens − the
 * rest)), then the tool results, the question, its options and the answer instruction.
 */
export function composePrompt(
  mosaic: Mosaic,
  q: QuestionInput,
  parsed: ParsedQuestion,
  outcome: ToolOutcome,
  opts: {
    readonly budget?: Partial<ThinkerBudget>;
    readonly countTokens?: (text: string) => number;
    readonly frame?: ReferenceFrame;
  } = {},
): ComposedPrompt {
  const budget = { ...DEFAULT_BUDGET, ...opts.budget };
  const count = opts.countTokens ?? estimateTokens;
  const ego = ['ego_whats_there', 'ego_direction_of', 'pair_relation'].includes(parsed.task.kind);
  const tail = [
    ...(outcome.facts.length ? ['Tool results:', ...outcome.facts.map((f) => '- ' + f)] : []),
    `Question: ${q.question.trim()}`,
    ...(parsed.options ? ['Options:', ...parsed.options.map((o) => `${o.letter}. ${o.text}`)] : []),
    parsed.options
      ? "Answer with the option's letter from the given choices directly."
      : parsed.questionType
        ? 'Please answer the question using a single word or phrase.'
        : 'Answer in one short sentence.',
  ].join('\n');
  const map = serializeMosaic(mosaic, {
    taskLabels: outcome.labels,
    budgetTokens: Math.min(budget.mapTokens, Math.max(64, budget.promptTokens - count(tail))),
    countTokens: count,
    frame: opts.frame ?? (ego ? 'egocentric' : 'allocentric'),
  });
  return { prompt: `${map.text}\n${tail}`, map, tail };
}

/** The answer when neither the tools nor a VLM can give one: a prior, or the first option. */
function fallback(parsed: ParsedQuestion, outcome: ToolOutcome): string | number {
  const t = parsed.task;
  if (parsed.questionType && NUMERIC_TYPES.has(parsed.questionType)) {
    if (t.kind === 'object_size_estimation') return objectClass(outcome.missing[0] ?? '')?.sizeGuessCm ?? 80;
    if (t.kind === 'object_abs_distance') return 2;
    if (t.kind === 'room_size_estimation') return 20;
    return 1;
  }
  if (parsed.options?.length) return parsed.options[0].letter;
  return outcome.text || 'I cannot answer that from what I have seen.';
}
