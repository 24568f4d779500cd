import { encodeGrey16Png, encodeRgbPng } from '../image/pngEncode';
import { generateScene, type SceneOptions, type SyntheticScene } from './generateScene';

/**
 * Writes a generated scene as a sequence folder in the ARCHITECTURE contract layout, in memory:
 * image/NNNNN.png, depth/NNNNN.png (16-bit mm), trajectory.log, intrinsics.json, detections.json and
 * groundtruth.json. Paths are relative to the folder; the caller decides where (disk, IndexedDB, a zip).
 */
const pad = (i: number): string => String(i).padStart(5, '0');
const enc = new TextEncoder();

export function sceneToFiles(
  scene: SyntheticScene,
  opts: { pngLevel?: number; depthToColorFile?: boolean } = {},
): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const level = opts.pngLevel ?? 3;
  const log: string[] = [];
  const detections: Record<string, unknown[]> = {};
  for (const f of scene.frames) {
    const name = pad(f.index);
    files.set(`image/${name}.png`, encodeRgbPng(f.rgb.width, f.rgb.height, f.rgb.data, level));
    const mm = new Uint16Array(f.depth.data.length);
    for (let p = 0; p < mm.length; p++) mm[p] = Math.round(f.depth.data[p] * 1000);
    files.set(`depth/${name}.png`, encodeGrey16Png(f.depth.width, f.depth.height, mm, level));
    log.push(`${f.index} ${f.index} ${f.index + 1}`);
    for (let r = 0; r < 4; r++)
      log.push(
        f.pose
          .slice(r * 4, r * 4 + 4)
          .map((v) => v.toFixed(8))
          .join(' '),
      );
    detections[name] = f.detections.map((d) => ({ label: d.label, score: d.score, box: [...d.box] }));
  }
  const k = scene.intrinsics;
  files.set('trajectory.log', enc.encode(log.join('\n') + '\n'));
  files.set(
    'intrinsics.json',
    enc.encode(
      JSON.stringify(
        { width: k.width, height: k.height, intrinsic_matrix: [k.fx, 0, 0, 0, k.fy, 0, k.cx, k.cy, 1] },
        null,
        2,
      ),
    ),
  );
  // Depth from a second camera: say how it sits (leave the file out to simulate an uncalibrated sensor).
  const dc = scene.depthCamera;
  if (dc && opts.depthToColorFile !== false) {
    const kd = dc.intrinsics;
    const json = {
      depth_to_color: dc.depthToColor,
      depth_intrinsics: {
        width: kd.width,
        height: kd.height,
        intrinsic_matrix: [kd.fx, 0, 0, 0, kd.fy, 0, kd.cx, kd.cy, 1],
      },
    };
    files.set('depth_to_color.json', enc.encode(JSON.stringify(json, null, 2)));
  }
  files.set('detections.json', enc.encode(JSON.stringify({ frames: detections })));
  files.set('groundtruth.json', enc.encode(JSON.stringify(scene.groundTruth, null, 2)));
  return files;
}

/** Seed and size of the app's built-in demo scene: a modest room, 60 frames, fast to render in a worker. */
export const DEMO_SCENE_OPTIONS: SceneOptions = {
  seed: 20260,
  frameCount: 60,
  width: 5.2,
  depth: 4.4,
  objectCount: 14,
  noise: 'clean',
};

/** The app's built-in demo scene as sequence-folder files (same bytes on every run). */
export function makeDemoScene(): Map<string, Uint8Array> {
  return sceneToFiles(generateScene(DEMO_SCENE_OPTIONS), { pngLevel: 1 });
}
