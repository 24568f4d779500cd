import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MosaicBuilder } from '../../core/fusion/MosaicBuilder';
import type { CameraToWorld, Vec3 } from '../../core/geometry/types';
import { SequenceOdometry } from '../../core/odometry/sequenceOdometry';
import { openSequence } from '../../core/sequence/openSequence';
import { SkippedFrames } from '../../core/sequence/skippedFrames';
import { everyNth, fuseFrames, SequenceFuser } from '../../core/pipeline';
import type { CliCommand, CliIo } from '../command';
import { UserError } from '../command';
import { parseCommandArgs, positiveOption } from '../args';
import { openNodeFileSource } from '../nodeFileSource';
import {
  DEFAULT_MODELS_DIR,
  DETECTOR_USAGE,
  openFrameDetections,
  parseDetectorChoice,
  resolveUp,
  type DetectorChoice,
} from '../sequenceInputs';

const USAGE = `Usage: spatial-mosaic build <sequence-folder> --out mosaic.json [options]

Fuses a sequence folder's frames into a mosaic (objects with 3D boxes and label votes, keyframe poses,
floor occupancy and a room estimate) and writes the Mosaic file JSON.

Options:
  --out FILE             where to write the mosaic (required)
  --pose file|odometry   poses from the folder's trajectory.log (default when present) or our RGB-D odometry
  --depth file           depth from the folder's depth/ (the only source in the CLI for now)
${DETECTOR_USAGE}
  --up auto|X,Y,Z        world up: auto = groundtruth.json's up when present, else inferred from the camera
                         trajectory (cameras rarely roll); or give the vector
  --every N              fuse every Nth frame as a keyframe (default 1)
  --max-frames N         only the first N frames
  --fps N                frame rate for first-seen times (default 30)
  --strict               stop at the first frame that cannot be read (default: skip it and count it)
  --quiet                no progress lines`;

interface Args {
  sequence: string;
  out: string;
  pose?: 'file' | 'odometry';
  detector?: DetectorChoice;
  models: string;
  up?: Vec3;
  every: number;
  maxFrames: number;
  fps: number;
  quiet: boolean;
  strict: boolean;
}

function parseBuildArgs(args: string[]): Args {
  const { values: v, positionals } = parseCommandArgs(
    'build',
    args,
    {
      out: { type: 'string' },
      pose: { type: 'string' },
      depth: { type: 'string' },
      detector: { type: 'string' },
      models: { type: 'string' },
      up: { type: 'string' },
      every: { type: 'string' },
      'max-frames': { type: 'string' },
      fps: { type: 'string' },
      quiet: { type: 'boolean' },
      strict: { type: 'boolean' },
    },
    { out: 'a file name (e.g. --out mosaic.json)' },
  );
  if (v.pose !== undefined && v.pose !== 'file' && v.pose !== 'odometry')
    throw new UserError(`--pose must be file or odometry, got '${v.pose}'`);
  if (v.depth === 'model')
    throw new UserError(
      '--depth model is not available in the CLI yet: use a sequence folder with depth/ (--depth file)',
    );
  if (v.depth !== undefined && v.depth !== 'file')
    throw new UserError(`--depth must be file, got '${v.depth}'`);
  let up: Vec3 | undefined;
  if (v.up !== undefined && v.up !== 'auto') {
    const xyz = v.up.split(',').map(Number);
    if (xyz.length !== 3 || xyz.some((x) => !Number.isFinite(x)) || Math.hypot(...xyz) < 1e-6)
      throw new UserError(`--up needs auto or three numbers like 0,0,1, got '${v.up}'`);
    const n = Math.hypot(...xyz);
    up = [xyz[0] / n, xyz[1] / n, xyz[2] / n];
  }
  if (positionals.length > 1)
    throw new UserError(`unexpected argument '${positionals[1]}': give one sequence folder`);
  const [sequence] = positionals;
  if (!sequence)
    throw new UserError('missing the sequence folder (spatial-mosaic build <folder> --out mosaic.json)');
  if (!v.out) throw new UserError('missing --out (where to write mosaic.json)');
  return {
    sequence,
    out: v.out,
    ...(v.pose ? { pose: v.pose } : {}),
    ...(v.detector !== undefined ? { detector: parseDetectorChoice(v.detector) } : {}),
    models: v.models ?? DEFAULT_MODELS_DIR,
    ...(up ? { up } : {}),
    every: positiveOption('every', v.every, true) ?? 1,
    maxFrames: positiveOption('max-frames', v['max-frames'], true) ?? Infinity,
    fps: positiveOption('fps', v.fps, false) ?? 30,
    quiet: v.quiet === true,
    strict: v.strict === true,
  };
}

export const buildCommand: CliCommand = {
  name: 'build',
  summary: 'fuse a sequence folder into a mosaic (objects, trajectory, occupancy) → mosaic.json',
  usage: USAGE,
  async run(rawArgs: string[], io: CliIo): Promise<number> {
    const args = parseBuildArgs(rawArgs);
    const seq = await openSequence(await openNodeFileSource(args.sequence));
    const say = (line: string): void => {
      if (!args.quiet) io.err(`build: ${line}`);
    };
    if (!seq.hasDepth)
      throw new UserError(
        `${path.join(args.sequence, 'depth')}: missing; build needs depth/NNNNN.png per frame (16-bit mm)`,
      );
    const detections = openFrameDetections(seq, args.sequence, args.detector, args.models);
    const poseSource = args.pose ?? (seq.poses ? 'file' : 'odometry');
    if (poseSource === 'file' && !seq.poses)
      throw new UserError(
        `${path.join(args.sequence, 'trajectory.log')}: missing; use --pose odometry to estimate poses`,
      );
    if (seq.poses && seq.poses.length < seq.frameCount && poseSource === 'file')
      throw new UserError(
        `${path.join(args.sequence, 'trajectory.log')}: has ${seq.poses.length} poses for ${seq.frameCount} frames; fix it or use --pose odometry`,
      );
    if (seq.intrinsicsGuessed)
      say(`no intrinsics.json in ${args.sequence}; assuming a 60° horizontal field of view`);
    const n = Math.min(seq.frameCount, args.maxFrames);

    // Odometry must see every frame; fusion only the keyframes. Up needs the poses first when inferred.
    // A frame that cannot be read is skipped and counted (--strict: stop there); odometry goes on from the
    // next readable frame, and a frame it could not place is not fused.
    // This pass stays ahead of fusion (the app's per-frame step tracks as it fuses) because the mosaic's world
    // frame needs up before its first keyframe, and up is inferred from the whole trajectory; the tracking
    // itself is the app's: FrameStep runs the same SequenceOdometry (depth camera pixels with depth_to_color.json).
    const skipped = new SkippedFrames();
    const all = everyNth(n, 1);
    let poses: readonly (CameraToWorld | undefined)[] = seq.poses?.slice(0, n) ?? [];
    if (poseSource === 'odometry') {
      const odo = new SequenceOdometry(seq);
      const tracked: (CameraToWorld | undefined)[] = [];
      await fuseFrames(seq, async (f) => odo.push(f), {
        frames: all,
        skipped,
        strict: args.strict,
        onFrame: ({ done, result }) => {
          tracked.push(result);
          if (done % 50 === 0) say(`odometry ${done}/${n}`);
        },
      });
      poses = tracked;
    }
    const { up, source: upSource } = await resolveUp(args.sequence, poses, args.up, seq);
    const builder = new MosaicBuilder({
      up,
      source: {
        sequence: path.basename(path.resolve(args.sequence)),
        poses: poseSource === 'file' ? 'trajectory.log' : 'odometry',
        depth: 'depth/',
        detections: detections.description,
        up: upSource,
      },
    });
    const fuser = new SequenceFuser(seq, builder, { detect: detections.detect, poses, fps: args.fps });
    // A frame odometry could not read or place is not read again (it is counted once, above).
    const keyframes = everyNth(n, args.every);
    const start = performance.now();
    try {
      await fuser.fuse(
        keyframes.filter((i) => fuser.placeable(i)),
        {
          skipped,
          strict: args.strict,
          onFrame: ({ index }) => {
            const k = keyframes.indexOf(index);
            if ((k + 1) % 50 === 0) say(`fused ${k + 1}/${keyframes.length} keyframes`);
          },
        },
      );
    } finally {
      await detections.dispose();
    }
    const fused = fuser.fused;
    const problems = skipped.summary();
    if (fused === 0)
      throw new UserError(
        `${args.sequence}: none of its frames could be read (${problems}); nothing written`,
      );
    if (problems) say(`${problems} (--strict stops at the first instead)`);
    const mosaic = builder.toMosaic();
    await mkdir(path.dirname(path.resolve(args.out)), { recursive: true });
    await writeFile(args.out, JSON.stringify(mosaic, null, 1));
    const labels = new Map<string, number>();
    for (const o of mosaic.objects) labels.set(o.label, (labels.get(o.label) ?? 0) + 1);
    const summary = [...labels].map(([l, c]) => `${c} ${l}`).join(', ');
    const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
    io.out(
      `build: ${count(fused, 'keyframe')} → ${args.out}: ${count(mosaic.objects.length, 'object')} (${summary || 'none'}), ` +
        `up ${up.map((x) => x.toFixed(3)).join(',')} (${upSource}), ${((performance.now() - start) / fused).toFixed(0)} ms/keyframe with decoding and detection` +
        (problems ? `; ${problems}` : ''),
    );
    return 0;
  },
};
