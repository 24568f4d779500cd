/**
 * Writes a generated synthetic scene to disk as a sequence folder (image/, depth/, trajectory.log,
 * intrinsics.json, detections.json, groundtruth.json).
 *   npx tsx scripts/gen-scene.ts --seed 1 --out fixtures/scenes/s1 [--noise clean|realistic] [--frames 120] [--demo]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateScene } from '../src/core/synthetic/generateScene';
import { DEMO_SCENE_OPTIONS, sceneToFiles } from '../src/core/synthetic/sceneFiles';

function main(): number {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      noise: { type: 'string', default: 'clean' },
      frames: { type: 'string' },
      demo: { type: 'boolean', default: false },
    },
  });
  if (!values.out) {
    console.error('gen-scene: --out <folder> is required (e.g. --out fixtures/scenes/s1)');
    return 1;
  }
  const seed = Number(values.seed);
  const frames = values.frames === undefined ? undefined : Number(values.frames);
  if (!Number.isInteger(seed) || (frames !== undefined && !(Number.isInteger(frames) && frames > 0))) {
    console.error('gen-scene: --seed and --frames must be integers (frames > 0)');
    return 1;
  }
  if (values.noise !== 'clean' && values.noise !== 'realistic') {
    console.error(`gen-scene: unknown --noise "${values.noise}": use clean or realistic`);
    return 1;
  }
  const t0 = performance.now();
  const scene = generateScene(
    values.demo ? DEMO_SCENE_OPTIONS : { seed, frameCount: frames, noise: values.noise },
  );
  const files = sceneToFiles(scene);
  for (const [rel, bytes] of files) {
    const file = path.join(values.out, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
  const gt = scene.groundTruth;
  console.log(
    `wrote ${values.out}: ${scene.frames.length} frames, room ${gt.room.width}×${gt.room.depth} m, ` +
      `${gt.objects.length} objects seen (${scene.layout.objects.length} placed), ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return 0;
}

process.exitCode = main();
