/**
 * Writes a generated synthetic scene to disk as a sequence folder (image/, depth/, trajectory.log,
 * intrinsics.json, detections.json, groundtruth.json) plus questions.json: VSI-Bench-style questions with their
 * ground truth, answered from the scene's true objects — an `eval` set for that folder.
 *   npx tsx scripts/gen-scene.ts --out /tmp/scenes/s1 [--seed 1] [--noise clean|realistic] [--frames 120]
 *                                [--per-type 2] [--demo]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateQuestions } from '../src/core/questions/generateQuestions';
import { generateScene } from '../src/core/synthetic/generateScene';
import { DEMO_SCENE_OPTIONS, sceneToFiles } from '../src/core/synthetic/sceneFiles';

const USAGE = `Usage: npx tsx scripts/gen-scene.ts --out <folder> [options]

Generates a synthetic room seen by a moving RGB-D camera and writes it as a sequence folder with its ground
truth (groundtruth.json) and a VSI-Bench-style questions file with answers (questions.json), ready for
  npx spatial-mosaic eval <folder> --questions <folder>/questions.json --out results.json

Options:
  --out DIR             where to write the folder (required)
  --seed N              which room (default 1)
  --noise clean|realistic  detections and depth as given (clean) or with realistic perception noise
  --frames N            camera frames (default: the generator's)
  --per-type N          questions per question type (per level for relative direction; default 2)
  --demo                the app's built-in demo scene instead of --seed/--frames/--noise
  -h, --help            this text`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        seed: { type: 'string', default: '1' },
        out: { type: 'string' },
        noise: { type: 'string', default: 'clean' },
        frames: { type: 'string' },
        'per-type': { type: 'string', default: '2' },
        demo: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    console.error(`gen-scene: ${(e as Error).message} (--help lists the options)`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out) {
    console.error(
      'gen-scene: --out <folder> is required (e.g. --out /tmp/scenes/s1); --help lists the options',
    );
    return 1;
  }
  const seed = Number(values.seed);
  const frames = values.frames === undefined ? undefined : Number(values.frames);
  const perType = Number(values['per-type']);
  if (!Number.isInteger(seed) || (frames !== undefined && !(Number.isInteger(frames) && frames > 0))) {
    console.error('gen-scene: --seed and --frames must be integers (frames > 0)');
    return 1;
  }
  if (!Number.isInteger(perType) || perType < 0) {
    console.error(`gen-scene: --per-type must be a whole number ≥ 0, got "${values['per-type']}"`);
    return 1;
  }
  if (values.noise !== 'clean' && values.noise !== 'realistic') {
    console.error(`gen-scene: unknown --noise "${values.noise}": use clean or realistic`);
    return 1;
  }
  const t0 = performance.now();
  const noise: 'clean' | 'realistic' = values.noise;
  const options = values.demo ? DEMO_SCENE_OPTIONS : { seed, frameCount: frames, noise };
  const scene = generateScene(options);
  const files = sceneToFiles(scene);
  // Ground truth comes from the true objects whatever the noise: the questions test the pipeline, not the noise.
  const questions = generateQuestions(scene.groundTruth, { seed: options.seed ?? seed, perType });
  files.set('questions.json', new TextEncoder().encode(JSON.stringify(questions, null, 1) + '\n'));
  for (const [rel, bytes] of files) {
    const file = path.join(values.out, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
  const gt = scene.groundTruth;
  console.log(
    `wrote ${values.out}: ${plural(scene.frames.length, 'frame')}, room ${gt.room.width}×${gt.room.depth} m, ` +
      `${plural(gt.objects.length, 'object')} seen (${scene.layout.objects.length} placed), ` +
      `${plural(questions.length, 'question')} in questions.json, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
