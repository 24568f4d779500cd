import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Mat4 } from '../../core/geometry/types';
import { absoluteTrajectoryError } from '../../core/odometry/ate';
import { SequenceOdometry } from '../../core/odometry/sequenceOdometry';
import { parseIntrinsicsJson } from '../../core/sequence/intrinsicsJson';
import { openSequence } from '../../core/sequence/openSequence';
import { writeTrajectoryLog } from '../../core/sequence/trajectoryLog';
import type { CliCommand, CliIo } from '../command';
import { UserError } from '../command';
import { parseCommandArgs, positiveOption } from '../args';
import { openNodeFileSource } from '../nodeFileSource';

const USAGE = `Usage: spatial-mosaic odometry <sequence-folder> --out trajectory.log [--max-frames N] [--quiet]

Estimates each frame's camera-to-world pose from colour + depth (our own RGB-D odometry) and writes them
in the Open3D log format of the sequence folder contract. The folder needs image/ and depth/.
When the folder has its own trajectory.log, the absolute trajectory error against it is printed.

Options:
  --out FILE        where to write the estimated trajectory (required)
  --max-frames N    only the first N frames
  --colour-intrinsics FILE
                    the colour camera's own intrinsics (Open3D JSON like intrinsics.json) when colour is
                    not registered to depth, e.g. a Kinect v1's raw streams (colour f ≈ 525, depth ≈ 585);
                    a folder's depth_to_color.json with "color_intrinsics" says so itself (this overrides it)
  --quiet           no progress lines`;

interface Args {
  readonly sequence: string;
  readonly out: string;
  readonly maxFrames: number;
  readonly quiet: boolean;
  readonly colourIntrinsics?: string;
}

function parseOdometryArgs(args: string[]): Args {
  const { values: v, positionals } = parseCommandArgs(
    'odometry',
    args,
    {
      out: { type: 'string' },
      'max-frames': { type: 'string' },
      quiet: { type: 'boolean' },
      'colour-intrinsics': { type: 'string' },
    },
    { out: 'a file name (e.g. --out trajectory.log)' },
  );
  if (positionals.length > 1)
    throw new UserError(`unexpected argument '${positionals[1]}': give one sequence folder`);
  const [sequence] = positionals;
  if (!sequence)
    throw new UserError(
      'missing the sequence folder (spatial-mosaic odometry <folder> --out trajectory.log)',
    );
  if (!v.out) throw new UserError('missing --out (where to write the estimated trajectory.log)');
  return {
    sequence,
    out: v.out,
    maxFrames: positiveOption('max-frames', v['max-frames'], true) ?? Infinity,
    quiet: v.quiet === true,
    ...(v['colour-intrinsics'] !== undefined ? { colourIntrinsics: v['colour-intrinsics'] } : {}),
  };
}

export const odometryCommand: CliCommand = {
  name: 'odometry',
  summary: 'estimate camera poses of an RGB-D sequence folder → trajectory.log',
  usage: USAGE,
  async run(rawArgs: string[], io: CliIo): Promise<number> {
    const args = parseOdometryArgs(rawArgs);
    const seq = await openSequence(await openNodeFileSource(args.sequence));
    if (!seq.hasDepth)
      throw new UserError(
        `${path.join(args.sequence, 'depth')}: missing; RGB-D odometry needs depth/NNNNN.png per frame`,
      );
    if (seq.intrinsicsGuessed && !args.quiet)
      io.err(`odometry: no intrinsics.json in ${args.sequence}; assuming a 60° horizontal field of view`);
    // Check the output before minutes of tracking, not after.
    await mkdir(path.dirname(path.resolve(args.out)), { recursive: true });
    if ((await stat(args.out).catch(() => undefined))?.isDirectory())
      throw new UserError(`${args.out}: is a folder; give a file name for the estimated trajectory.log`);
    const n = Math.min(seq.frameCount, args.maxFrames);
    const colourIntrinsics = args.colourIntrinsics
      ? parseIntrinsicsJson(
          await readFile(args.colourIntrinsics, 'utf8').catch(() => {
            throw new UserError(`${args.colourIntrinsics}: cannot read the colour intrinsics file`);
          }),
          args.colourIntrinsics,
        )
      : undefined;
    // The folder's depth_to_color.json sets up odometry for two cameras; the option overrides its colour intrinsics.
    const odo = new SequenceOdometry(seq, colourIntrinsics ? { colourIntrinsics } : {});
    const poses: Mat4[] = [];
    let lost = 0;
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const frame = await seq.readFrame(i);
      poses.push(odo.push(frame));
      if (!odo.last?.tracked) lost++;
      if (!args.quiet && (i + 1) % 50 === 0) io.err(`odometry: ${i + 1}/${n} frames`);
    }
    const msPerFrame = (performance.now() - start) / n;
    await writeFile(args.out, writeTrajectoryLog(poses));
    let summary = `odometry: ${n} frames → ${args.out} (${msPerFrame.toFixed(0)} ms/frame with decoding${lost ? `, ${lost} frames not tracked` : ''})`;
    if (seq.poses && n >= 3) {
      const ate = absoluteTrajectoryError(poses, seq.poses.slice(0, n));
      summary += `; ATE vs the folder's trajectory.log: RMSE ${(ate.rmse * 100).toFixed(2)} cm, max ${(ate.max * 100).toFixed(2)} cm`;
    }
    io.out(summary);
    return 0;
  },
};
