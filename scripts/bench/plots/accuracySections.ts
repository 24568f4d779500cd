/** Report sections about accuracy and cost of the core: VSI-Bench tasks and prompt size, odometry, fusion. */
import { markdownTable, type Cell } from './markdownTable';
import { caption, missing, note, type BenchResults } from './reportCommon';
import { barChart, lineChart } from './svg';
import { TASK_COLUMNS } from './taskColumns';

const CONDITIONS: [string, string][] = [
  ['gt-objects', 'ground-truth objects'],
  ['oracle-fusion', 'oracle detections, fused'],
  ['clean-loop', 'clean, loop'],
  ['noisy-loop', 'realistic noise, loop'],
  ['noisy-map-only', 'realistic noise, map only'],
  ['noisy-all-frames', 'realistic noise, all frames'],
  ['frequency', 'baseline: frequency'],
  ['chance', 'baseline: chance'],
];
export function reasoningSection(r: BenchResults, svgs: Record<string, string>): string {
  const x = r.reasoning;
  if (!x)
    return `## Spatial reasoning accuracy (VSI-Bench tasks)\n\n${missing('reasoning.json', r.run, 'reasoning')}`;
  const conds = CONDITIONS.filter(([k]) => x.conditions[k]);
  const rows: Cell[][] = conds.map(([k, label]) => {
    const c = x.conditions[k];
    return [label, c.overall, ...TASK_COLUMNS.map(([t]) => c.tasks[t]), c.framesPerceivedPerScene ?? null];
  });
  const chartConds = conds.filter(([k]) =>
    ['gt-objects', 'oracle-fusion', 'noisy-loop', 'noisy-map-only', 'frequency', 'chance'].includes(k),
  );
  svgs['reasoning-tasks.svg'] = barChart({
    title: 'VSI-Bench task scores on generated scenes',
    note: note(r.run, 'reasoning'),
    subtitle: `${x.scenes} scenes × ${x.framesPerScene} frames, ${x.questions} questions`,
    yLabel: 'score (0–100)',
    width: 860,
    categories: [...TASK_COLUMNS.map((t) => t[1]), 'overall'],
    series: chartConds.map(([k, label]) => ({
      name: label,
      values: [...TASK_COLUMNS.map(([t]) => x.conditions[k].tasks[t] ?? null), x.conditions[k].overall],
    })),
    yMax: 100,
  });
  const p = x.prompt;
  const promptRows: Cell[][] = [
    [
      `${p.rawFrames} raw frames (SmolVLM2 video: ${p.imageTokensPerFrame} + ${p.wrapperSpecialTokensPerFrame} special tokens a frame + timestamp text; whole: + question)`,
      p.rawVideoTokens,
      p.medianRawPrompt,
      1,
      1,
    ],
    ...p.budgets.map((b): Cell[] => [
      `compact map, ${b.name} (median; max ${b.maxMap} map, ${b.maxPrompt} whole; whole: + tools, question, ${p.keyframes} keyframe)`,
      b.medianMap,
      b.medianPrompt,
      b.mapRatioMedian,
      b.promptRatioMedian,
    ]),
  ];
  svgs['prompt-tokens.svg'] = barChart({
    title: 'Prompt tokens: 32 raw frames vs the compact map',
    note: note(r.run, 'reasoning'),
    subtitle: `median over ${x.questions} questions; whole prompts include question, options and instruction`,
    yLabel: 'tokens',
    categories: ['32 raw frames', ...p.budgets.map((b) => `map, ${b.name}`)],
    series: [
      { name: 'frames / map (median)', values: [p.rawVideoTokens, ...p.budgets.map((b) => b.medianMap)] },
      {
        name: 'whole prompt (median)',
        values: [p.medianRawPrompt, ...p.budgets.map((b) => b.medianPrompt)],
      },
    ],
  });
  return [
    '## Spatial reasoning accuracy (VSI-Bench tasks)',
    '',
    `${x.scenes} generated scenes × ${x.framesPerScene} frames, ${x.questions} questions; scores 0–100. "loop": every 8th frame fused, then the reasoning loop perceives more where the question needs it. "realistic noise": depth noise and dropout, pose drift, missed detections, label confusion, box jitter, false positives. Baselines answer from the questions alone (chance: multiple choice only).`,
    '',
    markdownTable(
      [
        { header: 'condition' },
        { header: 'overall', align: 'right' },
        ...TASK_COLUMNS.map(([, h]) => ({ header: h, align: 'right' as const })),
        { header: 'frames fused / scene', align: 'right' },
      ],
      rows,
    ),
    '![VSI-Bench task scores](docs/bench/reasoning-tasks.svg)',
    '',
    caption(r.run, 'reasoning'),
    '### Prompt size: the mosaic against 32 raw frames',
    '',
    markdownTable(
      [
        { header: 'prompt' },
        { header: 'frames / map tokens', align: 'right', digits: 0 },
        { header: 'whole prompt', align: 'right', digits: 0 },
        { header: 'frames ÷ map', align: 'right' },
        { header: 'whole ÷ whole', align: 'right' },
      ],
      promptRows,
    ),
    '![Prompt tokens](docs/bench/prompt-tokens.svg)',
    '',
    `Tokens: ${p.counter}; the same counter for both sides. Raw frames under SmolVLM2's own video settings (${p.video.source}: fps ${p.video.fps}, at most ${p.video.maxFrames} frames, each one ${p.video.tileEdge} px square, never split): ${p.imageTokensPerFrame} \`<image>\` + ${p.wrapperSpecialTokensPerFrame} wrapper tokens a frame and ${p.rawVideoTextTokens} tokens of intro and \`Frame from MM:SS:\` text. Whole prompts are in the model's chat template and carry the question, options and instruction (median ${p.medianQuestionTokens} tokens); the compact one adds the tool results and the ${p.keyframes} keyframe the app attaches, sent as one ${p.video.tileEdge} px tile: ${p.keyframeImageTokens} \`<image>\` tokens (at the processor's own default, longest edge 2048, a 640×480 keyframe would be 12 tiles + a global view = 832). The map by estimateTokens, the counter used before a tokenizer is loaded, is median ${p.budgets[0]?.medianMapEstimate ?? '—'} tokens where the tokenizer counts ${p.budgets[0]?.medianMap ?? '—'}.`,
    '',
  ].join('\n');
}

export function odometrySection(r: BenchResults): string {
  const o = r.odometry;
  if (!o) return `## RGB-D odometry on ICL living room\n\n${missing('odometry.json', r.run, 'odometry')}`;
  const app = r.odometryFrameStep;
  const rows = [
    ['ICL living room (rendered)', o] as const,
    ...(app?.icl ? [['ICL living room, app pipeline (FrameStep)', app.icl] as const] : []),
    ...(r.odometry7Scenes
      ? [['7-Scenes redkitchen (real Kinect, colour camera f = 525)', r.odometry7Scenes] as const]
      : []),
    ...(app?.sevenScenes
      ? [['7-Scenes redkitchen, app pipeline (FrameStep)', app.sevenScenes] as const]
      : []),
  ];
  return [
    '## RGB-D odometry on ICL living room and 7-Scenes redkitchen',
    '',
    markdownTable(
      [
        { header: 'sequence', align: 'left' },
        { header: 'frames', align: 'right', digits: 0 },
        { header: 'ATE RMSE (cm)', align: 'right', digits: 2 },
        { header: 'ATE max (cm)', align: 'right', digits: 2 },
        { header: 'RPE (mm / frame)', align: 'right', digits: 2 },
        { header: 'RPE (° / frame)', align: 'right', digits: 3 },
        { header: 'lost', align: 'right', digits: 0 },
        { header: 'CPU ms / frame (median)', align: 'right' },
        { header: 'wall ms / frame (median)', align: 'right' },
        { header: 'real-time factor at 30 fps (CPU)', align: 'right', digits: 2 },
      ],
      rows.map(([name, x]) => [
        name,
        x.frames,
        x.ateRmseCm,
        x.ateMaxCm,
        x.rpeTranslationMmPerFrame,
        x.rpeRotationDegPerFrame,
        x.lostFrames,
        x.medianCpuMs,
        x.medianMs,
        1000 / 30 / x.medianCpuMs,
      ]),
    ),
    "CLI rows: `spatial-mosaic odometry` (SequenceOdometry over the folder). App pipeline rows: the per-frame step the worker, the web component and the live sources run (FrameStep, one frame at a time, no pose given), with the folder's depth_to_color.json on 7-Scenes, as the CLI. ATE: RMSE of camera positions after a rigid alignment to trajectory.log. Real-time factor: the 33.3 ms frame interval of a 30 fps camera divided by the median CPU time per frame (above 1: keeps up on one core).",
    '',
    caption(r.run, 'odometry'),
  ].join('\n');
}

export function fusionSection(r: BenchResults, svgs: Record<string, string>): string {
  const x = r.fusion;
  if (!x) return `## Fusion\n\n${missing('fusion.json', r.run, 'fusion')}`;
  const objs = [...new Set(x.scaling.map((s) => s.objects))];
  svgs['fusion-scaling.svg'] = lineChart({
    title: 'Fusion CPU time per keyframe vs frames fused',
    note: note(r.run, 'fusion'),
    subtitle:
      'synthetic detection streams, 320×240 depth; the whole fuser step (fusion, object delta, occupancy delta); mean of the 200 keyframes before each point',
    xLabel: 'frames fused so far (log scale)',
    yLabel: 'CPU ms / keyframe',
    logX: true,
    series: objs.map((o) => ({
      name: `${o} objects in the hall`,
      points: x.scaling
        .filter((s) => s.objects === o)
        .map((s) => [s.frames, s.cpuMsPerKeyframe] as [number, number]),
    })),
  });
  const growth = objs.map((o): Cell[] => {
    const rows = x.scaling.filter((s) => s.objects === o);
    const first = rows[0];
    const last = rows[rows.length - 1];
    return [
      o,
      first.frames,
      last.frames,
      first.cpuMsPerKeyframe,
      last.cpuMsPerKeyframe,
      last.cpuMsPerKeyframe / first.cpuMsPerKeyframe,
      last.mosaicObjects,
    ];
  });
  return [
    '## Fusion',
    '',
    '### Accuracy of the fused map on generated scenes',
    '',
    markdownTable(
      [
        'noise',
        { header: 'scenes', align: 'right', digits: 0 },
        { header: 'precision', align: 'right', digits: 3 },
        { header: 'recall', align: 'right', digits: 3 },
        { header: 'centroid error median (cm)', align: 'right' },
        { header: 'p90 (cm)', align: 'right' },
        { header: 'duplicates / scene', align: 'right', digits: 2 },
        { header: 'exact-count scenes', align: 'right', digits: 2 },
        { header: 'per-label count accuracy', align: 'right', digits: 3 },
      ],
      x.accuracy.map((a) => [
        a.noise,
        a.scenes,
        a.precision,
        a.recall,
        a.centroidMedianCm,
        a.centroidP90Cm,
        a.duplicatesPerScene,
        a.exactCountScenes / a.scenes,
        a.labelCountAccuracy,
      ]),
    ),
    '### Cost per keyframe vs frames and objects',
    '',
    'The whole per-keyframe step of the perception worker (MosaicBuilderFuser.fuse): fusion, the delta of changed objects and the delta of changed occupancy cells (what the keyframe record stores), one run per object count.',
    '',
    markdownTable(
      [
        { header: 'objects', align: 'right', digits: 0 },
        { header: 'frames', align: 'right', digits: 0 },
        { header: 'CPU ms / keyframe', align: 'right', digits: 2 },
        { header: 'wall ms / keyframe', align: 'right', digits: 2 },
        { header: 'detections / frame', align: 'right' },
        { header: 'occupancy cells changed / keyframe', align: 'right', digits: 1 },
        { header: 'cells in grid', align: 'right', digits: 0 },
        { header: 'objects in mosaic', align: 'right', digits: 0 },
      ],
      x.scaling.map((s) => [
        s.objects,
        s.frames,
        s.cpuMsPerKeyframe,
        s.msPerKeyframe,
        s.detectionsPerFrame,
        s.occupancyCellsChanged ?? null,
        s.occupancyCells ?? null,
        s.mosaicObjects,
      ]),
    ),
    '![Fusion cost per keyframe](docs/bench/fusion-scaling.svg)',
    '',
    'Growth of the per-keyframe cost from the first to the last point of each curve (a ratio, steadier than the absolute times):',
    '',
    markdownTable(
      [
        { header: 'objects', align: 'right', digits: 0 },
        { header: 'from frame', align: 'right', digits: 0 },
        { header: 'to frame', align: 'right', digits: 0 },
        { header: 'CPU ms then', align: 'right', digits: 2 },
        { header: 'CPU ms at the end', align: 'right', digits: 2 },
        { header: 'growth ×', align: 'right', digits: 2 },
        { header: 'objects in mosaic', align: 'right', digits: 0 },
      ],
      growth,
    ),
    caption(r.run, 'fusion'),
  ].join('\n');
}
