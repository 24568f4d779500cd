/**
 * Reasoning benchmark: VSI-Bench-style questions (all eight task types, three direction levels) generated from
 * the ground truth of synthetic scenes, answered by MosaicThinker over mosaics of decreasing perfection, with
 * baselines in the same run, and the size of the compact prompt against raw frames for SmolVLM2.
 *   npx tsx scripts/bench/reasoning.ts [--quick] [--scenes=N] [--frames=N] [--no-write]
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
 *   frequency        multiple choice: the most common answer letter of the task; numbers: the task's mean answer
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MosaicBuilder } from '../../src/core/fusion/MosaicBuilder';
import type { Mosaic } from '../../src/core/mosaic/types';
import { generateQuestions } from '../../src/core/questions/generateQuestions';
import { groundTruthMosaic } from '../../src/core/questions/groundTruthMosaic';
import { resolveLabel } from '../../src/core/questions/labels';
import { parseTemplate } from '../../src/core/questions/parseQuestion';
import { aggregate, scoreItem, type ScoredItem } from '../../src/core/questions/scoring';
import { NUMERIC_TYPES, taskTargets, type VsiQuestion } from '../../src/core/questions/types';
import { serializeMosaic } from '../../src/core/prompt/serializeMosaic';
import { estimateTokens, type FramePerceiver } from '../../src/core/reasoning/interfaces';
import { MosaicThinker } from '../../src/core/reasoning/MosaicThinker';
import { generateScene, type SyntheticScene } from '../../src/core/synthetic/generateScene';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * SmolVLM2 (256M/500M Video-Instruct): image_seq_len 64 per 512 px tile after the pixel shuffle (scale factor 4:
 * 32×32 patches of 16 px → 64 tokens); video frames are resized to 512 px on the longest edge and not split
 * (preprocessor_config video_sampling.video_size.longest_edge = 512), so a frame costs 64 image tokens, before
 * the few wrapper and timestamp tokens around each frame, which we leave out (a lower bound).
 */
export const SMOLVLM2_TOKENS_PER_FRAME = 64;
export const RAW_FRAMES = 32;

export interface ReasoningBenchOptions {
  /** 4 scenes of 60 frames instead of 20 of 90. */
  readonly quick?: boolean;
  readonly scenes?: number;
  readonly frames?: number;
  readonly outDir?: string | null;
  readonly log?: (line: string) => void;
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
  readonly prompt: {
    readonly tokensPerFrame: number;
    readonly rawFrames: number;
    readonly rawVisualTokens: number;
    readonly budgets: {
      budget: number;
      medianMap: number;
      maxMap: number;
      medianWithQuestion: number;
      maxWithQuestion: number;
    }[];
    readonly medianQuestionTokens: number;
  };
  readonly seconds: number;
}

/** Perception over in-memory synthetic frames: perceiving = fusing the frame's detections into the builder. */
class SyntheticPerceiver implements FramePerceiver {
  readonly perceived = new Set<number>();
  private cached: Mosaic | undefined;
  private readonly builder: MosaicBuilder;
  constructor(private readonly scene: SyntheticScene) {
    this.builder = new MosaicBuilder({ up: scene.groundTruth.up });
  }
  framesAvailable(): number[] {
    return this.scene.frames.map((f) => f.index);
  }
  framesPerceived(): number[] {
    return [...this.perceived];
  }
  async perceive(frames: number[]): Promise<void> {
    for (const i of [...frames].sort((a, b) => a - b)) {
      if (this.perceived.has(i)) continue;
      const f = this.scene.frames[i];
      this.builder.addKeyframe({
        frame: i,
        time: f.time,
        pose: f.pose,
        intrinsics: this.scene.intrinsics,
        depth: f.depth,
        detections: f.detections,
      });
      this.perceived.add(i);
    }
    this.cached = undefined;
  }
  mosaic(): Mosaic {
    return (this.cached ??= this.builder.toMosaic());
  }
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
      prediction: r.answer,
      ground_truth: q.ground_truth,
      score: scoreItem(q.question_type, r.answer, q.ground_truth),
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
  const mapTokens: Record<number, number[]> = { 100: [], 400: [] };
  const withQ: Record<number, number[]> = { 100: [], 400: [] };
  const qTokens: number[] = [];

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

    const full = async (scene: SyntheticScene): Promise<Mosaic> => {
      const p = new SyntheticPerceiver(scene);
      await p.perceive(p.framesAvailable());
      return p.mosaic();
    };
    push('oracle-fusion', await answerAll(new MosaicThinker({ mosaic: await full(clean) }), qs));
    push('noisy-all-frames', await answerAll(new MosaicThinker({ mosaic: await full(noisy) }), qs));

    for (const [name, scene, loop] of [
      ['clean-loop', clean, true],
      ['noisy-loop', noisy, true],
      ['noisy-map-only', noisy, false],
    ] as const) {
      const p = new SyntheticPerceiver(scene);
      await p.perceive(p.framesAvailable().filter((f) => f % 8 === 0));
      const initial = p.perceived.size;
      const thinker = new MosaicThinker({ mosaic: () => p.mosaic(), perceiver: loop ? p : undefined });
      push(name, await answerAll(thinker, qs));
      (loopFrames[name] ??= []).push({ added: p.perceived.size - initial, perceived: p.perceived.size });
      if (name === 'noisy-loop') {
        const m = p.mosaic();
        const known = new Set(m.objects.map((o) => o.label));
        for (const q of qs) {
          const parsed = parseTemplate(q.question, q.options)!;
          const labels = taskTargets(parsed.task)
            .map((n) => resolveLabel(n, known))
            .filter((r) => r.found)
            .map((r) => r.label);
          const tail = `Question: ${q.question}\n${(q.options ?? []).join('\n')}\n${q.options ? "Answer with the option's letter from the given choices directly." : 'Please answer the question using a single word or phrase.'}`;
          const qt = estimateTokens(tail);
          qTokens.push(qt);
          for (const budget of [100, 400]) {
            const map = serializeMosaic(m, { taskLabels: labels, budgetTokens: budget });
            mapTokens[budget].push(map.tokens);
            withQ[budget].push(map.tokens + qt);
          }
        }
      }
    }
    log(
      `scene ${s + 1}/${nScenes} (seed ${seed}): ${gt.objects.length} objects, ${qs.length} questions, ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    );
  }

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
  const raw = RAW_FRAMES * SMOLVLM2_TOKENS_PER_FRAME;
  const report: ReasoningBenchReport = {
    scenes: nScenes,
    framesPerScene: frames,
    questions: allQuestions.length,
    conditions,
    prompt: {
      tokensPerFrame: SMOLVLM2_TOKENS_PER_FRAME,
      rawFrames: RAW_FRAMES,
      rawVisualTokens: raw,
      budgets: [100, 400].map((b) => ({
        budget: b,
        medianMap: median(mapTokens[b]),
        maxMap: Math.max(...mapTokens[b]),
        medianWithQuestion: median(withQ[b]),
        maxWithQuestion: Math.max(...withQ[b]),
      })),
      medianQuestionTokens: median(qTokens),
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

const TASK_COLUMNS: [string, string][] = [
  ['object_counting', 'count'],
  ['object_abs_distance', 'abs dist'],
  ['object_size_estimation', 'obj size'],
  ['room_size_estimation', 'room size'],
  ['object_rel_distance', 'rel dist'],
  ['object_rel_direction', 'rel dir'],
  ['route_planning', 'route'],
  ['obj_appearance_order', 'appear'],
];

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
    `### Prompt size (tokens estimated at 4 characters each; no SmolVLM2 tokenizer offline)`,
    `${r.prompt.rawFrames} raw frames cost SmolVLM2 ≥ ${r.prompt.rawVisualTokens} visual tokens (${r.prompt.tokensPerFrame} per frame: one 512 px tile, image_seq_len 64, no splitting for video frames; wrapper tokens not counted). Median question + options + instruction: ${r.prompt.medianQuestionTokens} tokens.`,
    '',
    '| map budget | map median | map max | ratio (frames / map, median) | map + question median | map + question max | ratio with question (median) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.prompt.budgets.map(
      (b) =>
        `| ${b.budget} | ${b.medianMap} | ${b.maxMap} | ${(r.prompt.rawVisualTokens / b.medianMap).toFixed(1)}× | ${b.medianWithQuestion} | ${b.maxWithQuestion} | ${((r.prompt.rawVisualTokens + r.prompt.medianQuestionTokens) / b.medianWithQuestion).toFixed(1)}× |`,
    ),
    '',
    `Run time ${r.seconds.toFixed(0)} s.`,
  ];
  return lines.join('\n');
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
  }).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
