/**
 * Reasoning benchmark: VSI-Bench-style questions (all eight task types, three direction levels) generated from
 * the ground truth of synthetic scenes, answered by MosaicThinker over mosaics of decreasing perfection, with
 * baselines in the same run, and the size of the compact prompt against raw frames for SmolVLM2, counted with the
 * real tokenizer, chat template and image processor (promptTokens.ts).
 *   npx tsx scripts/bench/reasoning.ts [--quick] [--scenes=N] [--frames=N] [--no-write] [--benchmark-names]
 * Writes bench-out/reasoning.json and bench-out/reasoning.md.
 *
 * Conditions (per scene, the same questions):
 *   gt-objects       mosaic = ground-truth boxes and room rectangle (perfect perception; checks the tools)
 *   oracle-fusion    clean scene: oracle detections + exact depth and poses, every frame fused (MosaicBuilder)
 *   clean-loop       clean scene: every 8th frame fused, the reasoning loop fuses more where needed
 *   noisy-loop       realistic noise (depth noise/dropout, pose drift, misses, label confusion, box jitter,
 *                    false positives): every 8th frame, then the loop
 *   noisy-map-only   the same initial noisy mosaic, no loop (baseline "map-only, no loop")
 *   noisy-all-frames realistic noise, every frame fused (what the loop could reach by perceiving everything)
 *   chance           multiple choice: 1/(number of options) expected; numbers: no random baseline (as VSI-Bench)
 *   With --benchmark-names, the same questions again with the names VSI-Bench and the room-scan datasets use
 *   (sofa, table, stove, plant for COCO's couch, dining table, oven, potted plant):
 *   gt-objects/benchmark-names      COCO-labelled ground-truth map, questions in benchmark names
 *   gt-objects/benchmark-map        the map relabelled with benchmark names, questions in COCO names
 *   oracle-fusion/benchmark-names   the fused map (COCO labels from the detector), questions in benchmark names
 *   frequency        multiple choice: the most common answer letter of the task; numbers: the task's mean answer
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MosaicBuilder } from '../../src/core/fusion/MosaicBuilder';
import type { Mosaic } from '../../src/core/mosaic/types';
import { generateQuestions } from '../../src/core/questions/generateQuestions';
import { groundTruthMosaic } from '../../src/core/questions/groundTruthMosaic';
import { parseTemplate } from '../../src/core/questions/parseQuestion';
import { aggregate, scoreItem, type ScoredItem } from '../../src/core/questions/scoring';
import { NUMERIC_TYPES, type VsiQuestion } from '../../src/core/questions/types';
import { benchmarkName, VOCABULARY } from '../../src/core/questions/vocabulary';
import { DEFAULT_MAP_TOKENS } from '../../src/core/prompt/serializeMosaic';
import { FRAME_WRAPPER_SPECIAL_TOKENS } from '../../src/core/prompt/rawFrames';
import { estimateTokens } from '../../src/core/reasoning/interfaces';
import { SequencePerceiver } from '../../src/core/reasoning/SequencePerceiver';
import {
  composePrompt,
  DEFAULT_BUDGET,
  MosaicThinker,
  type ThinkerBudget,
} from '../../src/core/reasoning/MosaicThinker';
import { solveTask } from '../../src/core/reasoning/solveTask';
import { generateScene, type SyntheticScene } from '../../src/core/synthetic/generateScene';
import { TASK_COLUMNS } from './plots/taskColumns';
import { keyframeImage, promptCounter, videoPrompt, type VideoSettings } from './promptTokens';
import { syntheticSequence } from './syntheticSequence';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The raw-frame baseline: 32 frames given to SmolVLM2 as a video, expanded as its processor does under its real
 * video settings (promptTokens.ts), the question after them, in the model's chat template.
 */
export const RAW_FRAMES = 32;

/** The map budgets measured: the app's default and a generous one. */
const BUDGETS: { name: string; budget: Partial<ThinkerBudget> }[] = [
  { name: `default (map ≤ ${DEFAULT_MAP_TOKENS})`, budget: {} },
  { name: 'map ≤ 400', budget: { mapTokens: 400, promptTokens: 1000 } },
];

export interface ReasoningBenchOptions {
  /** 4 scenes of 60 frames instead of 20 of 90. */
  readonly quick?: boolean;
  readonly scenes?: number;
  readonly frames?: number;
  readonly outDir?: string | null;
  readonly log?: (line: string) => void;
  /** Also ask every question with the benchmarks' object names, and over a map labelled with them. */
  readonly benchmarkNames?: boolean;
}

/** Whole-word COCO labels in a text → the benchmark's name for the class ("dining table(s)" → "table(s)"). */
const COCO_WITH_OTHER_NAME = VOCABULARY.filter((c) => c.detector === c.key && benchmarkName(c.key) !== c.key)
  .map((c) => c.key)
  .sort((a, b) => b.length - a.length);
const toBenchmarkNames = (text: string): string =>
  COCO_WITH_OTHER_NAME.reduce(
    (t, label) => t.replace(new RegExp(`\\b${label}\\b`, 'g'), benchmarkName(label)),
    text,
  );
const benchmarkQuestion = (q: VsiQuestion): VsiQuestion => ({
  ...q,
  question: toBenchmarkNames(q.question),
  ...(q.options ? { options: q.options.map(toBenchmarkNames) } : {}),
});
function benchmarkMap(m: Mosaic): Mosaic {
  const rename = (l: string): string => (COCO_WITH_OTHER_NAME.includes(l) ? benchmarkName(l) : l);
  return {
    ...m,
    objects: m.objects.map((o) => ({
      ...o,
      label: rename(o.label),
      labels: (o.labels ?? []).map((v) => ({ ...v, label: rename(v.label) })),
    })),
  };
}

export interface ConditionResult {
  readonly overall: number;
  readonly tasks: Record<string, number>;
  readonly questions: number;
  /** Mean frames the loop added per scene (loop conditions). */
  readonly framesAddedPerScene?: number;
  readonly framesPerceivedPerScene?: number;
}

export interface ReasoningBenchReport {
  readonly scenes: number;
  readonly framesPerScene: number;
  readonly questions: number;
  readonly conditions: Record<string, ConditionResult>;
  readonly prompt: PromptReport;
  readonly seconds: number;
}

export interface PromptBudgetRow {
  readonly name: string;
  readonly mapBudget: number;
  readonly medianMap: number;
  readonly maxMap: number;
  /** The same maps at 4 characters a token (the old estimate), to show how much it undercounts. */
  readonly medianMapChars4: number;
  /** The same maps by estimateTokens (the counter used when no tokenizer is loaded), to show how much it overcounts. */
  readonly medianMapEstimate: number;
  /** The whole prompt the VLM would get: chat template, keyframe image(s), map, tool results, question, options, instruction. */
  readonly medianPrompt: number;
  readonly maxPrompt: number;
  /** Share of prompts with a grid drawn. */
  readonly gridShare: number;
  /** Median and worst (smallest) per-question ratio: raw video tokens / map tokens. */
  readonly mapRatioMedian: number;
  readonly mapRatioMin: number;
  /** Median and worst per-question ratio: whole raw-frame prompt / whole compact prompt. */
  readonly promptRatioMedian: number;
  readonly promptRatioMin: number;
}

export interface PromptReport {
  readonly counter: string;
  /** True when counted with the real tokenizer; false: estimateTokens. */
  readonly realTokenizer: boolean;
  readonly video: VideoSettings;
  readonly rawFrames: number;
  readonly imageTokensPerFrame: number;
  readonly wrapperSpecialTokensPerFrame: number;
  /** Text around the frames (intro, "Frame from MM:SS:" lines, outro); median over scenes. */
  readonly rawVideoTextTokens: number;
  /** The whole video part: image tokens, their wrappers and the text around them (median over scenes). */
  readonly rawVideoTokens: number;
  /** Keyframes the app attaches to the compact prompt (ThinkerBudget.keyframes) and their image tokens each. */
  readonly keyframes: number;
  readonly keyframeImageTokens: number;
  /** Question + options + instruction, as the raw-frame prompt would carry them (median). */
  readonly medianQuestionTokens: number;
  /** The whole raw-frame prompt: chat template, video part, question (median). */
  readonly medianRawPrompt: number;
  readonly budgets: PromptBudgetRow[];
}

/** Perception over in-memory synthetic frames through the pipeline core, as over a sequence folder. */
function syntheticPerceiver(scene: SyntheticScene): SequencePerceiver {
  const seq = syntheticSequence(scene);
  return new SequencePerceiver(seq, new MosaicBuilder({ up: scene.groundTruth.up }), undefined, seq.time);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};

async function answerAll(thinker: MosaicThinker, qs: VsiQuestion[]): Promise<ScoredItem[]> {
  const items: ScoredItem[] = [];
  for (const q of qs) {
    const r = await thinker.ask(q);
    items.push({
      id: q.id,
      question_type: q.question_type,
      prediction: r.prediction,
      ground_truth: q.ground_truth,
      score: scoreItem(q.question_type, r.prediction, q.ground_truth),
    });
  }
  return items;
}

export async function runReasoningBench(opts: ReasoningBenchOptions = {}): Promise<ReasoningBenchReport> {
  const t0 = Date.now();
  const log = opts.log ?? ((l: string) => console.log(l));
  const nScenes = opts.scenes ?? (opts.quick ? 4 : 20);
  const frames = opts.frames ?? (opts.quick ? 60 : 90);
  const items: Record<string, ScoredItem[]> = {};
  const loopFrames: Record<string, { added: number; perceived: number }[]> = {};
  const allQuestions: VsiQuestion[] = [];
  const push = (k: string, xs: ScoredItem[]): void => void (items[k] ??= []).push(...xs);
  const counter = await promptCounter();
  const keyframes = Array.from({ length: DEFAULT_BUDGET.keyframes }, () => keyframeImage());
  let keyframeImageTokens = 0;
  const rows = BUDGETS.map(() => ({
    map: [] as number[],
    chars4: [] as number[],
    estimate: [] as number[],
    prompt: [] as number[],
    grid: [] as boolean[],
    mapRatio: [] as number[],
    promptRatio: [] as number[],
    budget: 0,
  }));
  const qTokens: number[] = [];
  const rawPrompt: number[] = [];
  const rawText: number[] = [];
  const rawVideo: number[] = [];

  for (let s = 0; s < nScenes; s++) {
    const seed = 1000 + s;
    const clean = generateScene({ seed, frameCount: frames, noise: 'clean' });
    const noisy = generateScene({ seed, frameCount: frames, noise: 'realistic' });
    const gt = clean.groundTruth;
    const qs = generateQuestions(gt, { seed, perType: 2 });
    allQuestions.push(...qs);

    const gtMosaic = groundTruthMosaic(gt);
    const { width, depth } = gt.room;
    gtMosaic.occupancy = {
      cellSize: 0.25,
      free: [],
      occupied: [],
      room: { center: [width / 2, depth / 2], size: [width, depth], yaw: 0, area: width * depth },
    };
    push('gt-objects', await answerAll(new MosaicThinker({ mosaic: gtMosaic }), qs));
    if (opts.benchmarkNames) {
      const named = qs.map(benchmarkQuestion);
      push('gt-objects/benchmark-names', await answerAll(new MosaicThinker({ mosaic: gtMosaic }), named));
      push(
        'gt-objects/benchmark-map',
        await answerAll(new MosaicThinker({ mosaic: benchmarkMap(gtMosaic) }), qs),
      );
    }

    const full = async (scene: SyntheticScene): Promise<Mosaic> => {
      const p = syntheticPerceiver(scene);
      await p.perceive(p.framesAvailable());
      return p.mosaic();
    };
    const oracle = await full(clean);
    push('oracle-fusion', await answerAll(new MosaicThinker({ mosaic: oracle }), qs));
    if (opts.benchmarkNames)
      push(
        'oracle-fusion/benchmark-names',
        await answerAll(new MosaicThinker({ mosaic: oracle }), qs.map(benchmarkQuestion)),
      );
    push('noisy-all-frames', await answerAll(new MosaicThinker({ mosaic: await full(noisy) }), qs));

    for (const [name, scene, loop] of [
      ['clean-loop', clean, true],
      ['noisy-loop', noisy, true],
      ['noisy-map-only', noisy, false],
    ] as const) {
      const p = syntheticPerceiver(scene);
      await p.perceive(p.framesAvailable().filter((f) => f % 8 === 0));
      const initial = p.framesPerceived().length;
      const thinker = new MosaicThinker({ mosaic: () => p.mosaic(), perceiver: loop ? p : undefined });
      push(name, await answerAll(thinker, qs));
      (loopFrames[name] ??= []).push({
        added: p.framesPerceived().length - initial,
        perceived: p.framesPerceived().length,
      });
      if (name === 'noisy-loop') {
        // The prompt the VLM would get for each question over the mosaic the loop built, against the same
        // question asked over 32 raw frames of the clip.
        const m = p.mosaic();
        const video = videoPrompt(counter.video, RAW_FRAMES, scene.frames.at(-1)!.time);
        const videoTokens = counter.text(video.text);
        rawVideo.push(videoTokens);
        rawText.push(videoTokens - video.frames * (counter.video.imageSeqLen + FRAME_WRAPPER_SPECIAL_TOKENS));
        for (const q of qs) {
          const parsed = parseTemplate(q.question, q.options)!;
          const outcome = solveTask(m, parsed);
          const question = [
            q.question,
            ...(parsed.options ?? []).map((o) => `${o.letter}. ${o.text}`),
            parsed.options
              ? "Answer with the option's letter from the given choices directly."
              : 'Please answer the question using a single word or phrase.',
          ].join('\n');
          qTokens.push(counter.text(question));
          const raw = (await counter.chat(video.text + question, [])).tokens;
          rawPrompt.push(raw);
          for (const [k, b] of BUDGETS.entries()) {
            // The map's budget is enforced with the same counter, as the app does with the loaded model's tokenizer.
            const c = composePrompt(m, q, parsed, outcome, { budget: b.budget, countTokens: counter.text });
            const r = rows[k];
            r.budget = { ...DEFAULT_BUDGET, ...b.budget }.mapTokens;
            const mapTokens = counter.text(c.map.text);
            r.map.push(mapTokens);
            r.chars4.push(Math.ceil(c.map.text.length / 4));
            r.estimate.push(estimateTokens(c.map.text));
            const whole = await counter.chat(c.prompt, keyframes);
            keyframeImageTokens = whole.imageTokens / Math.max(1, keyframes.length);
            r.prompt.push(whole.tokens);
            r.grid.push(c.map.gridSize > 0);
            r.mapRatio.push(videoTokens / mapTokens);
            r.promptRatio.push(raw / whole.tokens);
          }
        }
      }
    }
    log(
      `scene ${s + 1}/${nScenes} (seed ${seed}): ${gt.objects.length} objects, ${qs.length} questions, ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    );
  }

  await counter.dispose();

  // Baselines from the questions alone.
  const chance: ScoredItem[] = [];
  const frequency: ScoredItem[] = [];
  const byType = new Map<string, VsiQuestion[]>();
  for (const q of allQuestions) byType.set(q.question_type, [...(byType.get(q.question_type) ?? []), q]);
  for (const [type, qs] of byType) {
    const numeric = NUMERIC_TYPES.has(qs[0].question_type);
    const mean = numeric ? qs.reduce((a, q) => a + Number(q.ground_truth), 0) / qs.length : 0;
    const counts = new Map<string, number>();
    for (const q of qs) counts.set(String(q.ground_truth), (counts.get(String(q.ground_truth)) ?? 0) + 1);
    const mode = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    for (const q of qs) {
      const pred = numeric ? Math.round(mean * 100) / 100 : mode;
      const f = {
        id: q.id,
        question_type: q.question_type,
        prediction: pred,
        ground_truth: q.ground_truth,
        score: scoreItem(q.question_type, pred, q.ground_truth),
      };
      frequency.push(f);
      if (!numeric) chance.push({ ...f, prediction: '(random)', score: 1 / (q.options?.length ?? 4) });
      void type;
    }
  }
  items.frequency = frequency;
  items.chance = chance;

  const conditions: Record<string, ConditionResult> = {};
  for (const [k, xs] of Object.entries(items)) {
    const a = aggregate(xs);
    const lf = loopFrames[k];
    conditions[k] = {
      overall: a.overall,
      tasks: a.tasks,
      questions: xs.length,
      ...(lf
        ? {
            framesAddedPerScene: lf.reduce((s, x) => s + x.added, 0) / lf.length,
            framesPerceivedPerScene: lf.reduce((s, x) => s + x.perceived, 0) / lf.length,
          }
        : {}),
    };
  }
  const report: ReasoningBenchReport = {
    scenes: nScenes,
    framesPerScene: frames,
    questions: allQuestions.length,
    conditions,
    prompt: {
      counter: counter.name,
      realTokenizer: counter.real,
      video: counter.video,
      rawFrames: Math.min(RAW_FRAMES, counter.video.maxFrames),
      imageTokensPerFrame: counter.video.imageSeqLen,
      wrapperSpecialTokensPerFrame: FRAME_WRAPPER_SPECIAL_TOKENS,
      rawVideoTextTokens: median(rawText),
      rawVideoTokens: median(rawVideo),
      keyframes: keyframes.length,
      keyframeImageTokens,
      medianQuestionTokens: median(qTokens),
      medianRawPrompt: median(rawPrompt),
      budgets: BUDGETS.map((b, k) => {
        const r = rows[k];
        return {
          name: b.name,
          mapBudget: r.budget,
          medianMap: median(r.map),
          maxMap: Math.max(...r.map),
          medianMapChars4: median(r.chars4),
          medianMapEstimate: median(r.estimate),
          medianPrompt: median(r.prompt),
          maxPrompt: Math.max(...r.prompt),
          gridShare: r.grid.filter(Boolean).length / Math.max(1, r.grid.length),
          mapRatioMedian: median(r.mapRatio),
          mapRatioMin: Math.min(...r.mapRatio),
          promptRatioMedian: median(r.promptRatio),
          promptRatioMin: Math.min(...r.promptRatio),
        };
      }),
    },
    seconds: (Date.now() - t0) / 1000,
  };
  const md = toMarkdown(report);
  log(md);
  if (opts.outDir !== null) {
    const dir = opts.outDir ?? path.join(repoRoot, 'bench-out');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'reasoning.json'), JSON.stringify(report, null, 2) + '\n');
    await writeFile(path.join(dir, 'reasoning.md'), md + '\n');
  }
  return report;
}

export function toMarkdown(r: ReasoningBenchReport): string {
  const f = (x: number | undefined): string => (x === undefined ? '—' : x.toFixed(1));
  const lines = [
    `## Reasoning bench: ${r.scenes} generated scenes × ${r.framesPerScene} frames, ${r.questions} questions (VSI-Bench scoring, 0–100)`,
    '',
    `| condition | overall | ${TASK_COLUMNS.map((c) => c[1]).join(' | ')} | frames fused / scene |`,
    `| --- | ---: | ${TASK_COLUMNS.map(() => '---:').join(' | ')} | ---: |`,
    ...Object.entries(r.conditions).map(
      ([k, c]) =>
        `| ${k} | **${f(c.overall)}** | ${TASK_COLUMNS.map(([t]) => f(c.tasks[t])).join(' | ')} | ${c.framesPerceivedPerScene === undefined ? '' : `${c.framesPerceivedPerScene.toFixed(1)} (+${f(c.framesAddedPerScene)} by the loop)`} |`,
    ),
    '',
    `Relative direction per level (easy / medium / hard): ${Object.entries(r.conditions)
      .map(
        ([k, c]) =>
          `${k} ${f(c.tasks.object_rel_direction_easy)} / ${f(c.tasks.object_rel_direction_medium)} / ${f(c.tasks.object_rel_direction_hard)}`,
      )
      .join('; ')}`,
    '',
    ...promptMarkdown(r.prompt),
    '',
    `Run time ${r.seconds.toFixed(0)} s.`,
  ];
  return lines.join('\n');
}

export function promptMarkdown(p: PromptReport): string[] {
  const x = (v: number): string => `${v.toFixed(1)}×`;
  const v = p.video;
  return [
    `### Prompt size: the compact map against ${p.rawFrames} raw frames (SmolVLM2)`,
    '',
    `Tokens counted with ${p.counter}. ${p.rawFrames} raw frames as a SmolVLM2 video under its own settings (${v.source}: fps ${v.fps}, at most ${v.maxFrames} frames, each resized to ${v.videoLongestEdge} px then one ${v.tileEdge} px square, never split): ${p.rawFrames} × (${p.imageTokensPerFrame} \`<image>\` + ${p.wrapperSpecialTokensPerFrame} wrapper tokens) + ${p.rawVideoTextTokens} tokens of intro and \`Frame from MM:SS:\` text = **${p.rawVideoTokens}** tokens. Question + options + instruction: median ${p.medianQuestionTokens} tokens; the whole raw-frame prompt in the chat template is ${p.medianRawPrompt} (median). The compact prompt carries ${p.keyframes} keyframe (ThinkerBudget.keyframes), which the VLM engine sends as one tile: ${p.keyframeImageTokens} \`<image>\` tokens (the processor's own default, longest edge 2048, would make a 640×480 keyframe 12 tiles + a global view = 832).`,
    '',
    '| budget | map median | map max | map by estimateTokens (median) | map at 4 chars/token (median) | frames ÷ map (median / worst) | whole prompt median | whole prompt max | whole raw ÷ whole compact (median / worst) | grid drawn |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...p.budgets.map(
      (b) =>
        `| ${b.name} | ${b.medianMap} | ${b.maxMap} | ${b.medianMapEstimate} | ${b.medianMapChars4} | ${x(b.mapRatioMedian)} / ${x(b.mapRatioMin)} | ${b.medianPrompt} | ${b.maxPrompt} | ${x(b.promptRatioMedian)} / ${x(b.promptRatioMin)} | ${(100 * b.gridShare).toFixed(0)}% |`,
    ),
    '',
    `Whole prompts: chat template, question, options and instruction on both sides; the compact one adds the tool results, the map and the keyframe's ${p.keyframeImageTokens + p.wrapperSpecialTokensPerFrame} tokens.`,
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const num = (name: string): number | undefined => {
    const a = process.argv.find((x) => x.startsWith(`--${name}=`));
    return a ? Number(a.slice(name.length + 3)) : undefined;
  };
  runReasoningBench({
    quick: process.argv.includes('--quick'),
    scenes: num('scenes'),
    frames: num('frames'),
    outDir: process.argv.includes('--no-write') ? null : undefined,
    benchmarkNames: process.argv.includes('--benchmark-names'),
  }).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
