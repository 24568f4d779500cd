import { describe, expect, it } from 'vitest';
import {
  folderSource,
  hasSevenScenes,
  registeredSource,
  SEVEN_SCENES_DIR,
} from '../../../scripts/bench/sevenScenes';
import { invertRigid, multiply } from '../geometry/se3';
import type { Mat4 } from '../geometry/types';
import { SequenceOdometry } from '../odometry/sequenceOdometry';
import type { FileSource } from '../sequence/fileSource';
import { openSequence } from '../sequence/openSequence';
import { FrameStep } from './FrameStep';
import { sequenceFrame } from './frames';

/**
 * The app pipeline's per-frame step tracks a real Kinect sequence (../shared/data/7scenes-redkitchen, read in
 * place; skipped when absent) exactly as the CLI does: frames as the worker gets them (no pose, no
 * detections), one at a time, give the same poses as SequenceOdometry over the folder.
 */
const FRAMES = 12;

/** Poses relative to the first (the step starts level in a z-up world, the CLI at the first camera). */
const relative = (poses: readonly Mat4[]): number[][] => poses.map((p) => multiply(invertRigid(poses[0]), p));

async function bothWays(source: FileSource) {
  const seq = await openSequence(source);
  const cli = new SequenceOdometry(seq);
  const step = new FrameStep();
  const asWorkerGetsThem = { ...seq, poses: undefined, detections: undefined };
  const fromCli: Mat4[] = [];
  const fromStep: Mat4[] = [];
  for (let i = 0; i < FRAMES; i++) {
    const read = await seq.readFrame(i);
    fromCli.push(cli.push(read));
    const perceived = await step.perceive(sequenceFrame(asWorkerGetsThem, read, i / 30));
    expect(perceived.sources.pose).toEqual({ source: 'odometry', tracked: true });
    fromStep.push(perceived.pose!);
  }
  return { cli, step, fromCli: relative(fromCli), fromStep: relative(fromStep) };
}

const maxDifference = (a: number[][], b: number[][]): number =>
  Math.max(...a.flatMap((m, i) => m.map((x, j) => Math.abs(x - b[i][j]))));

describe.skipIf(!hasSevenScenes())(
  `the app pipeline's odometry on real Kinect frames (${SEVEN_SCENES_DIR})`,
  () => {
    it('with depth_to_color.json: tracks on the depth camera like the CLI, pose for pose', async () => {
      const { cli, step, fromCli, fromStep } = await bothWays(registeredSource());
      // The camera moves: the comparison is not between standing poses.
      const last = fromCli[FRAMES - 1];
      expect(Math.hypot(last[3], last[7], last[11])).toBeGreaterThan(0.2);
      expect(maxDifference(fromStep, fromCli)).toBeLessThan(1e-9);
      expect(cli.onRawDepth).toBe(true);
      expect(step.tracksOnRawDepth).toBe(true);
    }, 60_000);

    it('as shipped (one camera assumed): tracks on the depth it is given, like the CLI', async () => {
      const { step, fromCli, fromStep } = await bothWays(folderSource(SEVEN_SCENES_DIR));
      expect(step.tracksOnRawDepth).toBe(false);
      expect(maxDifference(fromStep, fromCli)).toBeLessThan(1e-9);
    }, 60_000);
  },
);
