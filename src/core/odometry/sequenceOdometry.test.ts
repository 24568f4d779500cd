import { describe, expect, it } from 'vitest';
import { hasSevenScenes, registeredSource } from '../../../scripts/bench/sevenScenes';
import type { Mat4 } from '../geometry/types';
import { openSequence } from '../sequence/openSequence';
import { absoluteTrajectoryError } from './ate';
import { Odometry } from './odometry';
import { SequenceOdometry } from './sequenceOdometry';

if (!hasSevenScenes())
  console.warn('sequence odometry test: ../shared/data/7scenes-redkitchen is missing, skipped');

describe.skipIf(!hasSevenScenes())(
  'Odometry set up by a sequence folder (7-Scenes with depth_to_color.json)',
  () => {
    // The folder as shipped plus depth_to_color.json (colour intrinsics, extrinsic, poses of the depth camera).
    it('tracks on the depth camera with colour resampled: ATE under 3.2 cm over 50 frames, no option', async () => {
      const seq = await openSequence(registeredSource());
      const odo = new SequenceOdometry(seq);
      expect(odo.onRawDepth).toBe(true);
      // The same frames tracked on the registered depth with the colour intrinsics, as a plain Odometry would.
      const plain = new Odometry(seq.intrinsics);
      const est: Mat4[] = [];
      const estPlain: Mat4[] = [];
      for (let i = 0; i < 50; i++) {
        const f = await seq.readFrame(i);
        est.push(odo.push(f));
        estPlain.push(plain.push({ rgb: f.rgb, depth: f.depth! }));
      }
      const reference = seq.poses!.slice(0, 50);
      const ate = absoluteTrajectoryError(est, reference).rmse;
      expect(ate).toBeLessThan(0.032);
      expect(ate).toBeLessThan(absoluteTrajectoryError(estPlain, reference).rmse);
    }, 60_000);
  },
);
