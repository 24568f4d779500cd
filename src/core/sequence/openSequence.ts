import { defaultIntrinsics } from '../geometry/camera';
import { invertRigid, multiply } from '../geometry/se3';
import type { CameraToWorld, Intrinsics } from '../geometry/types';
import { decodeDepthPng, decodeRgbImage, ImageDecodeError, readImageSize } from '../image/decodeImage';
import type { Detection, DepthImage, RgbImage } from '../perception/types';
import { parseDetectionsJson } from './detectionsJson';
import { DEPTH_TO_COLOR_FILE, parseDepthToColorJson, registerDepth, type DepthToColor } from './depthToColor';
import type { FileSource } from './fileSource';
import { parseIntrinsicsJson } from './intrinsicsJson';
import { SequenceFormatError } from './sequenceFormatError';
import { parseTrajectoryLog } from './trajectoryLog';

/** An imported RGB-D sequence folder (ARCHITECTURE.md "Sequence folder"), validated when opened. */
export interface Sequence {
  readonly frameCount: number;
  /** Frame names without extension ("00000"), in order; detections.json is keyed by these. */
  readonly frameIds: readonly string[];
  readonly width: number;
  readonly height: number;
  readonly intrinsics: Intrinsics;
  /** True when intrinsics.json was absent and `intrinsics` is a 60° field-of-view guess. */
  readonly intrinsicsGuessed: boolean;
  readonly hasDepth: boolean;
  /**
   * depth_to_color.json, when the depth camera is not the colour camera: frames' depth comes back already
   * registered to the colour image. Here `depthIntrinsics` is always set (from the file or intrinsics.json),
   * and `intrinsics` above are the colour camera's (the file's `color_intrinsics` when it has them).
   */
  readonly depthToColor?: DepthToColor;
  /** Camera-to-world pose per frame, when trajectory.log exists. */
  readonly poses?: readonly CameraToWorld[];
  /** Detections per frame index (empty for frames absent from the file), when detections.json exists. */
  readonly detections?: readonly (readonly Detection[])[];
  readFrame(index: number): Promise<SequenceFrame>;
}

export interface SequenceFrame {
  readonly index: number;
  readonly id: string;
  readonly rgb: RgbImage;
  readonly depth?: DepthImage;
  /**
   * With depth_to_color.json: the depth as the depth camera recorded it (its own pixels, intrinsics
   * `depthToColor.depthIntrinsics`), before registration; odometry tracks on it.
   */
  readonly rawDepth?: DepthImage;
}

const IMAGE_NAME = /^(\d+)\.(jpg|jpeg|png)$/i;
const DEPTH_NAME = /^(\d+)\.png$/i;
const isHidden = (name: string) => name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini';

/** Opens a sequence folder: checks names, numbering, the trajectory, intrinsics and detections up front. */
export async function openSequence(source: FileSource): Promise<Sequence> {
  const listed = source.list();
  const all = listed.map((p) => p.replace(/\\/g, '/').replace(/^\.\//, ''));
  const root = findRoot(all);
  // Path inside the sequence → path as the source listed it (reads must use the source's own spelling).
  const rel = new Map<string, string>();
  all.forEach((p, i) => {
    if (p.startsWith(root)) rel.set(p.slice(root.length), listed[i]);
  });
  const read = (p: string) => source.read(rel.get(p) as string);
  const readText = async (p: string) => new TextDecoder().decode(await read(p));

  const images = framesIn(rel, 'image/', IMAGE_NAME, 'NNNNN.jpg or NNNNN.png');
  if (images.length === 0)
    throw new SequenceFormatError(
      `image/: no frames found (a sequence folder needs image/NNNNN.jpg or .png${root ? `; looked in ${root}` : ''})`,
    );
  checkNumbering(images, 'image/');
  const ids = images.map((f) => f.id);

  const depths = framesIn(rel, 'depth/', DEPTH_NAME, 'NNNNN.png (16-bit millimetres)');
  const hasDepth = depths.length > 0;
  if (hasDepth) {
    const depthIds = new Set(depths.map((d) => d.id));
    const imageIds = new Set(ids);
    const extra = depths.find((d) => !imageIds.has(d.id));
    if (extra) throw new SequenceFormatError(`${extra.path}: has no matching image/${extra.id}.jpg or .png`);
    const missing = ids.find((id) => !depthIds.has(id));
    if (missing)
      throw new SequenceFormatError(
        `depth/${missing}.png: missing (depth/ has ${depths.length} of ${ids.length} frames; each image needs a depth of the same number)`,
      );
  }

  let size: { width: number; height: number };
  try {
    size = readImageSize(await read(images[0].path), images[0].path);
  } catch (e) {
    throw asFormatError(e);
  }

  let intrinsics = defaultIntrinsics(size.width, size.height);
  let intrinsicsGuessed = true;
  if (rel.has('intrinsics.json')) {
    intrinsics = parseIntrinsicsJson(await readText('intrinsics.json'));
    intrinsicsGuessed = false;
  }
  let intrinsicsFrom = 'intrinsics.json';
  let depthToColor: DepthToColor | undefined;
  if (rel.has(DEPTH_TO_COLOR_FILE)) {
    const file = parseDepthToColorJson(await readText(DEPTH_TO_COLOR_FILE));
    // intrinsics.json describes whichever camera the file does not.
    depthToColor = { ...file, depthIntrinsics: file.depthIntrinsics ?? intrinsics };
    if (file.colorIntrinsics) {
      intrinsics = file.colorIntrinsics;
      intrinsicsGuessed = false;
      intrinsicsFrom = `${DEPTH_TO_COLOR_FILE} "color_intrinsics"`;
    }
  }
  if (!intrinsicsGuessed && (intrinsics.width !== size.width || intrinsics.height !== size.height))
    throw new SequenceFormatError(
      `${intrinsicsFrom}: describes ${intrinsics.width}×${intrinsics.height} images but ${images[0].path} is ${size.width}×${size.height}`,
    );

  let poses: CameraToWorld[] | undefined;
  if (rel.has('trajectory.log')) {
    poses = parseTrajectoryLog(await readText('trajectory.log'));
    if (poses.length !== ids.length)
      throw new SequenceFormatError(
        `trajectory.log: has ${poses.length} poses but image/ has ${ids.length} frames (one pose per frame, in frame order)`,
      );
    // Colour camera pose = depth camera pose · (colour → depth).
    if (depthToColor?.trajectoryCamera === 'depth') {
      const colourToDepth = invertRigid(depthToColor.transform);
      poses = poses.map((p) => multiply(p, colourToDepth) as unknown as CameraToWorld);
    }
  }

  let detections: Detection[][] | undefined;
  if (rel.has('detections.json')) {
    const byId = parseDetectionsJson(await readText('detections.json'));
    const known = new Set(ids);
    for (const id of byId.keys())
      if (!known.has(id)) throw new SequenceFormatError(`detections.json: frame "${id}" is not in image/`);
    detections = ids.map((id) => byId.get(id) ?? []);
  }

  const depthPath = new Map(depths.map((d) => [d.id, d.path]));
  return {
    frameCount: ids.length,
    frameIds: ids,
    width: size.width,
    height: size.height,
    intrinsics,
    intrinsicsGuessed,
    hasDepth,
    ...(depthToColor ? { depthToColor } : {}),
    poses,
    detections,
    async readFrame(index: number): Promise<SequenceFrame> {
      if (!Number.isInteger(index) || index < 0 || index >= ids.length)
        throw new RangeError(`frame index ${index} is outside 0…${ids.length - 1}`);
      const { id, path } = images[index];
      let rgb: RgbImage;
      let depth: DepthImage | undefined;
      try {
        rgb = decodeRgbImage(await read(path), path);
        const dp = depthPath.get(id);
        if (dp) depth = decodeDepthPng(await read(dp), dp);
      } catch (e) {
        throw asFormatError(e);
      }
      if (rgb.width !== size.width || rgb.height !== size.height)
        throw new SequenceFormatError(
          `${path}: is ${rgb.width}×${rgb.height} but the sequence is ${size.width}×${size.height} (all frames must share one size)`,
        );
      if (depth && depthToColor)
        return { index, id, rgb, depth: registerDepth(depth, depthToColor, intrinsics), rawDepth: depth };
      if (depth && (depth.width !== rgb.width || depth.height !== rgb.height))
        throw new SequenceFormatError(
          `depth/${id}.png: is ${depth.width}×${depth.height} but image ${path} is ${rgb.width}×${rgb.height} (depth must be registered to the colour image)`,
        );
      return depth ? { index, id, rgb, depth } : { index, id, rgb };
    },
  };
}

interface FrameFile {
  readonly id: string;
  readonly n: number;
  readonly path: string;
}

function framesIn(rel: Map<string, string>, dir: string, pattern: RegExp, expected: string): FrameFile[] {
  const out: FrameFile[] = [];
  const seen = new Map<string, string>();
  for (const p of rel.keys()) {
    if (!p.startsWith(dir)) continue;
    const name = p.slice(dir.length);
    if (name.includes('/') || isHidden(name)) continue;
    const m = pattern.exec(name);
    if (!m) throw new SequenceFormatError(`${p}: not a frame name (expected ${dir}${expected})`);
    const other = seen.get(m[1]);
    if (other) throw new SequenceFormatError(`${p}: frame ${m[1]} also exists as ${other}; keep one`);
    seen.set(m[1], p);
    out.push({ id: m[1], n: Number(m[1]), path: p });
  }
  return out.sort((a, b) => a.n - b.n);
}

function checkNumbering(frames: FrameFile[], dir: string): void {
  const width = frames[0].id.length;
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i];
    if (f.id.length !== width)
      throw new SequenceFormatError(
        `${f.path}: numbered with ${f.id.length} digits but ${frames[0].path} with ${width}`,
      );
    const expected = frames[0].n + i;
    if (f.n !== expected)
      throw new SequenceFormatError(
        `${dir}${String(expected).padStart(width, '0')}: missing (frames must be numbered consecutively; next is ${f.path})`,
      );
  }
}

/** A dropped or picked folder often arrives as "<folder>/image/…": use the one prefix that holds image/. */
function findRoot(paths: string[]): string {
  if (paths.some((p) => p.startsWith('image/'))) return '';
  const roots = new Set<string>();
  for (const p of paths) {
    const k = p.indexOf('/image/');
    if (k >= 0 && !p.slice(0, k).includes('/image/')) roots.add(p.slice(0, k + 1));
  }
  return roots.size === 1 ? [...roots][0] : '';
}

function asFormatError(e: unknown): Error {
  if (e instanceof ImageDecodeError) return new SequenceFormatError(e.message);
  return e as Error;
}
