import { describe, expect, it } from 'vitest';
import { generateScene } from '../synthetic/generateScene';
import { sceneToFiles } from '../synthetic/sceneFiles';
import { parseDepthToColorJson, registerDepth } from './depthToColor';
import { multiply } from '../geometry/se3';
import { memoryFileSource } from './fileSource';
import { openSequence } from './openSequence';
import { SequenceFormatError } from './sequenceFormatError';
import { writeTrajectoryLog } from './trajectoryLog';

const SHIFT = [1, 0, 0, -0.025, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
const K = { width: 640, height: 480, intrinsic_matrix: [585, 0, 0, 0, 585, 0, 320, 240, 1] };

describe('depth_to_color.json', () => {
  it('reads a row-major 4×4 (flat or as rows) and optional depth intrinsics', () => {
    expect(parseDepthToColorJson(JSON.stringify({ depth_to_color: SHIFT })).transform).toEqual(SHIFT);
    const rows = [0, 1, 2, 3].map((r) => SHIFT.slice(r * 4, r * 4 + 4));
    const d = parseDepthToColorJson(JSON.stringify({ depth_to_color: rows, depth_intrinsics: K }));
    expect(d.transform).toEqual(SHIFT);
    expect(d.depthIntrinsics).toEqual({ width: 640, height: 480, fx: 585, fy: 585, cx: 320, cy: 240 });
  });

  it('reads the colour camera intrinsics and whose poses trajectory.log holds; the transform is optional', () => {
    const d = parseDepthToColorJson(JSON.stringify({ color_intrinsics: K, trajectory_camera: 'depth' }));
    expect(d.transform).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(d.colorIntrinsics).toEqual({ width: 640, height: 480, fx: 585, fy: 585, cx: 320, cy: 240 });
    expect(d.depthIntrinsics).toBeUndefined();
    expect(d.trajectoryCamera).toBe('depth');
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['nothing in it', '{}', /none of them/],
    ['no matrix', JSON.stringify({ depth_to_color: 'x' }), /16 finite numbers/],
    ['bad colour intrinsics', JSON.stringify({ color_intrinsics: [525] }), /color_intrinsics/],
    [
      'bad trajectory camera',
      JSON.stringify({ color_intrinsics: K, trajectory_camera: 'ir' }),
      /trajectory_camera/,
    ],
    [
      'column-major',
      JSON.stringify({ depth_to_color: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0.1, 0, 0, 1] }),
      /bottom row/,
    ],
    [
      'no rotation',
      JSON.stringify({ depth_to_color: [2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] }),
      /not a rotation/,
    ],
    [
      'millimetres',
      JSON.stringify({ depth_to_color: [1, 0, 0, -25, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] }),
      /metres/,
    ],
    [
      'bad intrinsics',
      JSON.stringify({ depth_to_color: SHIFT, depth_intrinsics: { width: 640 } }),
      /depth_intrinsics/,
    ],
  ])('says what is wrong: %s', (_, text, message) => {
    expect(() => parseDepthToColorJson(text)).toThrow(SequenceFormatError);
    expect(() => parseDepthToColorJson(text)).toThrow(message);
  });
});

describe('depth registered to colour', () => {
  // The same room and camera path, once with depth from the colour camera itself and once from a Kinect-like
  // depth camera 2.5 cm to its right with an 11% longer focal length.
  const opts = { seed: 3, frameCount: 4, noise: 'clean' as const };
  const same = generateScene(opts);
  const offset = generateScene({ ...opts, depthCamera: { offset: [0.025, 0, 0], focalScale: 1.11 } });

  const wrongShare = (a: Float32Array, truth: Float32Array, onlyValid: boolean): number => {
    let n = 0,
      wrong = 0;
    for (let p = 0; p < a.length; p++) {
      if (onlyValid && !(a[p] > 0)) continue;
      n++;
      if (Math.abs(a[p] - truth[p]) > 0.05) wrong++;
    }
    return wrong / n;
  };

  it('the generator renders unregistered depth from the depth camera', () => {
    expect(offset.depthCamera?.intrinsics.fx).toBeCloseTo(same.intrinsics.fx * 1.11, 6);
    // Most pixels' depth belongs to another point of the scene (the focal lengths differ).
    expect(wrongShare(offset.frames[0].depth.data, same.frames[0].depth.data, false)).toBeGreaterThan(0.15);
  });

  it('re-projects it onto the colour pixels: the colour camera own depth, except outside the depth view', () => {
    const dc = offset.depthCamera!;
    for (const [i, f] of offset.frames.entries()) {
      const r = registerDepth(
        f.depth,
        { transform: dc.depthToColor, depthIntrinsics: dc.intrinsics },
        offset.intrinsics,
      );
      expect(wrongShare(r.data, same.frames[i].depth.data, true)).toBeLessThan(0.01);
      // The narrower depth view covers 1/1.11² ≈ 81% of the colour image.
      const covered = r.data.reduce((n, z) => n + (z > 0 ? 1 : 0), 0) / r.data.length;
      expect(covered).toBeGreaterThan(0.78);
    }
  });

  it('a sequence folder with depth_to_color.json hands out registered depth', async () => {
    const files = sceneToFiles(offset, { pngLevel: 1 });
    expect(files.has('depth_to_color.json')).toBe(true);
    const seq = await openSequence(memoryFileSource(Object.fromEntries(files)));
    expect(seq.depthToColor).toBeDefined();
    const f = await seq.readFrame(1);
    expect(wrongShare(f.depth!.data, same.frames[1].depth.data, true)).toBeLessThan(0.01);
    // Without the file (an uncalibrated sensor) the depth is handed out as recorded.
    const bare = await openSequence(
      memoryFileSource(Object.fromEntries(sceneToFiles(offset, { pngLevel: 1, depthToColorFile: false }))),
    );
    expect(bare.depthToColor).toBeUndefined();
    expect(
      wrongShare((await bare.readFrame(1)).depth!.data, same.frames[1].depth.data, false),
    ).toBeGreaterThan(0.15);
  });

  it('a folder that keeps the depth camera in intrinsics.json and gives the colour one in the file reads the same', async () => {
    // As a Kinect data set ships: intrinsics.json is the depth camera's, and trajectory.log was tracked on it.
    const dc = offset.depthCamera!;
    const open3d = (k: typeof offset.intrinsics) => ({
      width: k.width,
      height: k.height,
      intrinsic_matrix: [k.fx, 0, 0, 0, k.fy, 0, k.cx, k.cy, 1],
    });
    const files = sceneToFiles(offset, { pngLevel: 1 });
    const depthPoses = (await openSequence(memoryFileSource(Object.fromEntries(files)))).poses!.map((p) =>
      multiply(p, dc.depthToColor),
    );
    files.set('intrinsics.json', new TextEncoder().encode(JSON.stringify(open3d(dc.intrinsics))));
    files.set('trajectory.log', new TextEncoder().encode(writeTrajectoryLog(depthPoses)));
    files.set(
      'depth_to_color.json',
      new TextEncoder().encode(
        JSON.stringify({
          depth_to_color: dc.depthToColor,
          color_intrinsics: open3d(offset.intrinsics),
          trajectory_camera: 'depth',
        }),
      ),
    );
    const seq = await openSequence(memoryFileSource(Object.fromEntries(files)));
    expect(seq.intrinsics).toEqual(offset.intrinsics);
    expect(seq.intrinsicsGuessed).toBe(false);
    expect(seq.depthToColor?.depthIntrinsics).toEqual(dc.intrinsics);
    const f = await seq.readFrame(1);
    expect(wrongShare(f.depth!.data, same.frames[1].depth.data, true)).toBeLessThan(0.01);
    expect(wrongShare(f.rawDepth!.data, offset.frames[1].depth.data, false)).toBeLessThan(0.01);
    // Poses come back as the colour camera's.
    for (const [i, p] of seq.poses!.entries())
      for (let k = 0; k < 16; k++) expect(p[k]).toBeCloseTo(offset.frames[i].pose[k], 4);
  });
});
