/**
 * The real Kinect sequence in ../shared/data/7scenes-redkitchen, for the real-object bench and the tests that
 * pin small-object lifts: reading it in place, registering its depth with the Kinect v1's generic
 * calibration (a depth_to_color.json added in memory or in a copy, never written into ../shared), its gravity, and what a
 * person sees in its frames (hand-checked objects with their world positions).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MosaicBuilder } from '../../src/core/fusion/MosaicBuilder';
import type { Vec3 } from '../../src/core/geometry/types';
import type { Mosaic } from '../../src/core/mosaic/types';
import type { Detection } from '../../src/core/perception/types';
import type { FileSource } from '../../src/core/sequence/fileSource';
import { openSequence } from '../../src/core/sequence/openSequence';
import { SequenceFuser } from '../../src/core/pipeline';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEVEN_SCENES_DIR = path.resolve(repoRoot, '../shared/data/7scenes-redkitchen');
export const hasSevenScenes = (dir = SEVEN_SCENES_DIR): boolean =>
  existsSync(path.join(dir, 'trajectory.log'));

/** A sequence folder read in place (image/, depth/ and the files at its top). */
export function folderSource(dir: string, extra: ReadonlyMap<string, string> = new Map()): FileSource {
  const files = ['image', 'depth'].flatMap((d) => readdirSync(path.join(dir, d)).map((f) => `${d}/${f}`));
  files.push(...readdirSync(dir).filter((f) => f.includes('.') && !extra.has(f)), ...extra.keys());
  return {
    list: () => files,
    read: async (p) => {
      const text = extra.get(p);
      return text !== undefined
        ? new TextEncoder().encode(text)
        : new Uint8Array(readFileSync(path.join(dir, p)));
    },
  };
}

/**
 * The calibration a 7-Scenes folder lacks, as the depth_to_color.json a user would add. 7-Scenes ships the
 * raw, unregistered frames; its page (https://www.microsoft.com/en-us/research/project/rgb-d-dataset-7-scenes/)
 * says the cameras were not calibrated and gives only the depth camera's default intrinsics, f = 585 px,
 * principal point (320, 240) — its intrinsics.json. The colour camera's are the Kinect v1's nominal ones,
 * f = 525 px, principal point (319.5, 239.5), as TUM RGB-D documents them
 * (https://vision.in.tum.de/data/datasets/rgbd-dataset/intrinsic_calibration); the extrinsic is the Kinect v1's
 * generic calibration (the one published by LIRIS and used by DSAC*'s 7-Scenes setup): the depth camera sits
 * 2.56 cm to the colour camera's right with a half-degree rotation. Its poses are the depth camera's
 * (KinectFusion tracked the depth; odometry's colour-camera poses match them 0.2 cm worse than its
 * depth-camera ones).
 */
export const KINECT_V1_DEPTH_TO_COLOR = JSON.stringify({
  depth_to_color: [
    0.9999651801256764, 0.0026765126468950343, -0.00790410123130009, -0.025558943178152542,
    -0.00274093112813167, 0.9999630280302759, -0.00815045207780133, 0.00010109636268061706,
    0.007881994213044533, 0.008171832877189063, 0.9999355455801403, 0.002031832172948704, 0, 0, 0, 1,
  ],
  color_intrinsics: { width: 640, height: 480, intrinsic_matrix: [525, 0, 0, 0, 525, 0, 319.5, 239.5, 1] },
  trajectory_camera: 'depth',
});

/** The folder with depth registered to colour: its depth_to_color.json added in memory. */
export const registeredSource = (dir = SEVEN_SCENES_DIR): FileSource =>
  folderSource(dir, new Map([['depth_to_color.json', KINECT_V1_DEPTH_TO_COLOR]]));

/**
 * A copy of the folder with its depth_to_color.json, for the command line (which reads folders on disk):
 * `into` must be an ignored folder (bench-out/, fixtures/); ../shared stays untouched. Returns the copy's path.
 */
export function calibratedSevenScenesFolder(
  into = path.join(repoRoot, 'bench-out', '7scenes-redkitchen-calibrated'),
  dir = SEVEN_SCENES_DIR,
): string {
  if (!existsSync(path.join(into, 'trajectory.log'))) {
    mkdirSync(path.dirname(into), { recursive: true });
    cpSync(dir, into, { recursive: true });
  }
  writeFileSync(path.join(into, 'depth_to_color.json'), KINECT_V1_DEPTH_TO_COLOR);
  return into;
}

/** World up from gravity-direction.txt (gravity points down). */
export function sevenScenesUp(dir = SEVEN_SCENES_DIR): Vec3 {
  const g = readFileSync(path.join(dir, 'gravity-direction.txt'), 'utf8').trim().split(/\s+/).map(Number);
  const n = Math.hypot(g[0], g[1], g[2]);
  return [-g[0] / n, -g[1] / n, -g[2] / n];
}

/**
 * Fuses the given frames (index, that frame's boxes) with the folder's reference poses and gravity's up,
 * through the pipeline core's SequenceFuser (the same per-frame step as the CLI's build).
 */
export async function fuseWithDetections(
  source: FileSource,
  frames: Iterable<readonly [number, readonly Detection[]]>,
  up: Vec3 = sevenScenesUp(),
): Promise<Mosaic> {
  const seq = await openSequence(source);
  const builder = new MosaicBuilder({ up });
  const boxes = new Map(frames);
  const fuser = new SequenceFuser(seq, builder, { detect: async (f) => boxes.get(f.index) ?? [] });
  await fuser.fuse([...boxes.keys()], { strict: true });
  return builder.toMosaic();
}

/**
 * What is on and around the table, hand-checked in the frames (world frame of trajectory.log, metres;
 * centres as fused from the reference poses). `cls` is the COCO class a correct detector would give, or
 * undefined for things COCO has no class for.
 */
export interface SeenObject {
  readonly what: string;
  readonly cls?: string;
  readonly center: Vec3;
}

export const SEVEN_SCENES_OBJECTS: readonly SeenObject[] = [
  { what: 'white mug by the near chair', cls: 'cup', center: [-0.74, -0.15, 1.95] },
  { what: 'white mug with a red print', cls: 'cup', center: [0.27, -0.08, 1.87] },
  { what: 'chair, near side', cls: 'chair', center: [-1.06, 0.23, 1.97] },
  { what: 'chair, far side (left)', cls: 'chair', center: [-0.41, 0.08, 2.28] },
  { what: 'chair, far side (right)', cls: 'chair', center: [0.55, 0.05, 2.37] },
  { what: 'chair at the table end (image edge)', cls: 'chair', center: [0.52, -0.29, 3.65] },
  { what: 'wooden table', cls: 'dining table', center: [0.17, 0.27, 1.94] },
  { what: 'monitor on the wall (left)', cls: 'tv', center: [0.56, -1.46, 2.93] },
  { what: 'monitor on the wall (right)', cls: 'tv', center: [1.35, -1.33, 3.08] },
  { what: 'magazines and papers', cls: 'book', center: [-0.2, 0.03, 1.7] },
  { what: 'magazines ("Future", "Computer")', cls: 'book', center: [-0.55, -0.12, 1.93] },
  { what: 'clear plastic storage box', center: [0.56, -0.05, 1.77] },
  { what: 'cardboard model of an old computer', center: [-2.16, -0.49, 1.91] },
  { what: 'kitchen counter', center: [0.16, -0.39, 3.31] },
];

/** Objects per COCO class that a person counts in the frames (the README says four chairs). */
export const SEVEN_SCENES_COUNTS: Readonly<Record<string, number>> = {
  cup: 2,
  chair: 4,
  'dining table': 1,
  tv: 2,
  // The two heaps of magazines on the table (COCO's "book"; its size is one book's, so a heap is none).
  book: 2,
};
