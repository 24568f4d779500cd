import type { VsiBenchResult } from '../vsibench';

/** Tasks that a box-only map cannot answer as the benchmark means them: reported apart, not in the overall. */
export const APART: Readonly<Record<string, string>> = {
  room_size_estimation: 'no floor or walls in a box-only map: the room is estimated from the furniture',
  obj_appearance_order: 'needs the video (first sight of each object); these scenes have none here',
};

/** The BENCHMARKS.md section. */
export function vsibenchSection(r: VsiBenchResult | undefined): string {
  if (!r) return '';
  const rows = Object.entries(r.tasks).map(([t, v]) => `| ${t} | ${r.counts[t] ?? ''} | ${v.toFixed(1)} |`);
  const apart = Object.entries(r.apart).map(
    ([t, a]) => `| ${t} | ${a.count} | ${a.score.toFixed(1)} | ${a.reason} |`,
  );
  return [
    '## VSI-Bench on ground-truth layouts (vsibench-dev)',
    '',
    `The benchmark's own questions (${r.questions} questions, ${r.scenes} ARKitScenes scenes, \`${r.data}\`) asked ` +
      "over mosaic files made from the benchmark's own 3D boxes (its `meta_info`, z up): the ground-truth-map " +
      'condition, which checks reading the real questions and the spatial tools on real room layouts. Reproduce: ' +
      '`npx tsx scripts/bench/vsibench.ts` (writes the mosaic files and per-scene questions files, runs ' +
      '`spatial-mosaic eval` on each). Object size is the longest box side, counts the boxes, distances between ' +
      'the boxes’ closest points (the benchmark measured those on point clouds).',
    '',
    `Questions not understood: **${r.notUnderstood} of ${r.questions}**.`,
    '',
    '| task | questions | score (0–100) |',
    '| --- | ---: | ---: |',
    ...rows,
    `| **overall (these tasks)** | | **${r.overall.toFixed(1)}** |`,
    '',
    ...(r.routes
      ? [
          `Route planning: ${r.routes.missingLandmark} of ${r.routes.questions} route questions (hand-written by the ` +
            'benchmark’s annotators) name a landmark the box map does not hold — doors, windows, walls, sinks, ' +
            'lamps, the start itself. Those are reasoned from the landmarks that exist, weighing every place the ' +
            "missing one can be, more where its kind usually stands (the catalogue's placement: a nightstand at a " +
            "bed's head, a door on an edge no furniture blocks; the trace says which); many stay undecidable from " +
            'boxes alone.' +
            (r.routes.scoreAllInMap !== undefined && r.routes.scoreSomeMissing !== undefined
              ? ` Route score with every landmark in the map: ${r.routes.scoreAllInMap.toFixed(1)} ` +
                `(${r.routes.questions - r.routes.missingLandmark} questions); with some missing: ` +
                `${r.routes.scoreSomeMissing.toFixed(1)} (${r.routes.missingLandmark}).`
              : ''),
          '',
        ]
      : []),
    'Reported apart (a box-only map does not hold what they need):',
    '',
    '| task | questions | score | why apart |',
    '| --- | ---: | ---: | --- |',
    ...apart,
    ...(r.apart.obj_appearance_order
      ? []
      : [
          `| obj_appearance_order | 0 | – | ${APART.obj_appearance_order}; vsibench-dev holds none of these questions |`,
        ]),
    '',
  ].join('\n');
}
