import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MosaicBuilder } from '../../core/fusion/MosaicBuilder';
import type { CameraToWorld, Vec3 } from '../../core/geometry/types';
import { Odometry } from '../../core/odometry/odometry';
import { openSequence } from '../../core/sequence/openSequence';
import type { CliCommand, CliIo } from '../command';
import { UserError } from '../command';
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
}

function positive(name: string, v: string | undefined, integer: boolean): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
    throw new UserError(`${name} needs a positive ${integer ? 'whole ' : ''}number, got '${v ?? ''}'`);
  return n;
}

function parseArgs(args: string[]): Args {
  const a: Partial<Args> = {
    every: 1,
    maxFrames: Infinity,
    fps: 30,
    quiet: false,
    models: DEFAULT_MODELS_DIR,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new UserError(`${arg} needs a value (see 'spatial-mosaic build --help')`);
      return v;
    };
    if (arg === '--out') a.out = value();
    else if (arg === '--pose') {
      const v = value();
      if (v !== 'file' && v !== 'odometry')
        throw new UserError(`--pose must be file or odometry, got '${v}'`);
      a.pose = v;
    } else if (arg === '--depth') {
      const v = value();
      if (v === 'model')
        throw new UserError(
          '--depth model is not available in the CLI yet: use a sequence folder with depth/ (--depth file)',
        );
      if (v !== 'file') throw new UserError(`--depth must be file, got '${v}'`);
    } else if (arg === '--detector') a.detector = parseDetectorChoice(value());
    else if (arg === '--models') a.models = value();
    else if (arg === '--up') {
      const v = value();
      if (v !== 'auto') {
        const xyz = v.split(',').map(Number);
        if (xyz.length !== 3 || xyz.some((x) => !Number.isFinite(x)) || Math.hypot(...xyz) < 1e-6)
          throw new UserError(`--up needs auto or three numbers like 0,0,1, got '${v}'`);
        const n = Math.hypot(...xyz);
        a.up = [xyz[0] / n, xyz[1] / n, xyz[2] / n];
      }
    } else if (arg === '--every') a.every = positive('--every', value(), true);
    else if (arg === '--max-frames') a.maxFrames = positive('--max-frames', value(), true);
    else if (arg === '--fps') a.fps = positive('--fps', value(), false);
    else if (arg === '--quiet') a.quiet = true;
    else if (arg.startsWith('-'))
      throw new UserError(`unknown option '${arg}' (see 'spatial-mosaic build --help')`);
    else if (a.sequence === undefined) a.sequence = arg;
    else throw new UserError(`unexpected argument '${arg}': give one sequence folder`);
  }
  if (!a.sequence)
    throw new UserError('missing the sequence folder (spatial-mosaic build <folder> --out mosaic.json)');
  if (!a.out) throw new UserError('missing --out (where to write mosaic.json)');
  return a as Args;
}

export const buildCommand: CliCommand = {
  name: 'build',
  summary: 'fuse a sequence folder into a mosaic (objects, trajectory, occupancy) → mosaic.json',
  usage: USAGE,
  async run(rawArgs: string[], io: CliIo): Promise<number> {
    const args = parseArgs(rawArgs);
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
    const odo = poseSource === 'odometry' ? new Odometry(seq.intrinsics) : undefined;
    const frames: number[] = [];
    for (let i = 0; i < n; i += args.every) frames.push(i);
    const poses: CameraToWorld[] = [];
    if (odo) {
      for (let i = 0; i < n; i++) {
        const f = await seq.readFrame(i);
        poses.push(odo.push({ rgb: f.rgb, depth: f.depth! }));
        if ((i + 1) % 50 === 0) say(`odometry ${i + 1}/${n}`);
      }
    } else poses.push(...seq.poses!.slice(0, n));
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
    const start = performance.now();
    try {
      for (const [k, i] of frames.entries()) {
        const f = await seq.readFrame(i);
        builder.addKeyframe({
          frame: i,
          time: i / args.fps,
          pose: poses[i],
          intrinsics: seq.intrinsics,
          depth: f.depth!,
          detections: await detections.detect(f),
        });
        if ((k + 1) % 50 === 0) say(`fused ${k + 1}/${frames.length} keyframes`);
      }
    } finally {
      await detections.dispose();
    }
    const mosaic = builder.toMosaic();
    await mkdir(path.dirname(path.resolve(args.out)), { recursive: true });
    await writeFile(args.out, JSON.stringify(mosaic, null, 1));
    const labels = new Map<string, number>();
    for (const o of mosaic.objects) labels.set(o.label, (labels.get(o.label) ?? 0) + 1);
    const summary = [...labels].map(([l, c]) => `${c} ${l}`).join(', ');
    io.out(
      `build: ${frames.length} keyframes → ${args.out}: ${mosaic.objects.length} objects (${summary || 'none'}), ` +
        `up ${up.map((x) => x.toFixed(3)).join(',')} (${upSource}), ${((performance.now() - start) / frames.length).toFixed(0)} ms/keyframe with decoding and detection`,
    );
    return 0;
  },
};
