import {
  MOSAIC_SCHEMA_VERSION,
  type Keyframe,
  type Mosaic,
  type MosaicObject,
  type OccupancyGrid,
  type RoomEstimate,
} from '../core/mosaic/types';
import { rigidityProblem } from '../core/geometry/se3';
import { oneLine } from '../core/sequence/sequenceFormatError';
import { asCameraToWorld, type Vec3 } from '../core/geometry/types';
import { MosaicFileError } from './errors';

/**
 * The ARCHITECTURE "Mosaic file": the app's export and `build --out`. Import accepts any file with at least
 * the documented fields and fills the optional ones, so files from the CLI and from older exports load.
 */
export const MOSAIC_FILE_EXTENSION = '.mosaic.json';

/**
 * Largest file import parses. A mosaic is sparse (10,000 objects are ~5 MB), so anything bigger is not a
 * mosaic file, and JSON.parse of hundreds of MB would stall the page first.
 */
export const MAX_MOSAIC_FILE_CHARS = 64 * 1024 * 1024;

export function toMosaicFile(mosaic: Mosaic): string {
  return JSON.stringify({ ...mosaic, schemaVersion: MOSAIC_SCHEMA_VERSION }, null, 1);
}

export function parseMosaicFile(text: string, fileName = 'mosaic file'): Mosaic {
  if (text.length > MAX_MOSAIC_FILE_CHARS)
    throw new MosaicFileError(
      `${fileName}: ${(text.length / 1024 / 1024).toFixed(0)} MB is more than a mosaic file holds (at most ${MAX_MOSAIC_FILE_CHARS / 1024 / 1024} MB); is this the right file?`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new MosaicFileError(
      `${fileName}: not JSON (${oneLine((err as Error).message)}); export a scene or use \`build --out\` to make one.`,
    );
  }
  return validateMosaic(raw, fileName);
}

export function validateMosaic(raw: unknown, fileName = 'mosaic file'): Mosaic {
  const fail = (problem: string): never => {
    throw new MosaicFileError(`${fileName}: ${problem}`);
  };
  if (!isRecord(raw))
    return fail('the top level must be a JSON object with schemaVersion, objects, trajectory and up.');
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('"schemaVersion" must be a positive integer.');
  }
  if (version > MOSAIC_SCHEMA_VERSION) {
    return fail(
      `schemaVersion ${version} is newer than this app reads (${MOSAIC_SCHEMA_VERSION}); update the app.`,
    );
  }
  const up = vec3(raw.up);
  if (!up) return fail('"up" must be [x, y, z] with finite numbers.');
  const len = Math.hypot(...up);
  if (Math.abs(len - 1) > 1e-3) return fail(`"up" must be a unit vector (its length is ${len.toFixed(4)}).`);
  if (!Array.isArray(raw.objects)) return fail('"objects" must be an array.');
  if (!Array.isArray(raw.trajectory)) return fail('"trajectory" must be an array of keyframes.');

  const ids = new Set<string>();
  const objects = raw.objects.map((o, i) => {
    const obj = normalizeObject(o, (p) => fail(`objects[${i}]: ${p}`));
    if (ids.has(obj.id)) fail(`objects[${i}]: duplicate id "${obj.id}".`);
    ids.add(obj.id);
    return obj;
  });
  const trajectory = raw.trajectory.map((k, i) =>
    normalizeKeyframe(k, (p) => fail(`trajectory[${i}]: ${p}`)),
  );
  const mosaic: Mosaic = { schemaVersion: MOSAIC_SCHEMA_VERSION, up, objects, trajectory };
  if (isRecord(raw.occupancy)) mosaic.occupancy = normalizeOccupancy(raw.occupancy, fail);
  if (isRecord(raw.source)) {
    mosaic.source = Object.fromEntries(Object.entries(raw.source).map(([k, v]) => [k, String(v)]));
  }
  return mosaic;
}

function normalizeOccupancy(o: Record<string, unknown>, fail: (problem: string) => never): OccupancyGrid {
  if (
    typeof o.cellSize !== 'number' ||
    !(o.cellSize > 0 && Number.isFinite(o.cellSize)) ||
    !isCellArray(o.free) ||
    !isCellArray(o.occupied)
  ) {
    fail('"occupancy" must be {cellSize > 0, free: ["i,j", …], occupied: ["i,j", …]}.');
  }
  const grid: OccupancyGrid = {
    cellSize: o.cellSize as number,
    free: o.free as string[],
    occupied: o.occupied as string[],
  };
  if (typeof o.floorHeight === 'number' && Number.isFinite(o.floorHeight)) grid.floorHeight = o.floorHeight;
  if (o.room !== undefined) {
    const r = o.room;
    if (!isRoomEstimate(r)) fail('"occupancy.room" must be {center: [a, b], size: [w, d], yaw, area}.');
    grid.room = r;
  }
  return grid;
}

/** Checks one object record and fills the optional fields (labels, firstSeenTime, lastSeenFrame). */
export function normalizeObject(o: unknown, fail: (problem: string) => never): MosaicObject {
  if (!isRecord(o)) return fail('must be an object.');
  if (typeof o.id !== 'string' || o.id === '') fail('"id" must be a non-empty string.');
  if (typeof o.label !== 'string' || o.label === '') fail('"label" must be a non-empty string.');
  const center = vec3(o.center) ?? fail('"center" must be [x, y, z] in metres.');
  const size = vec3(o.size) ?? fail('"size" must be [sx, sy, sz] in metres.');
  if (size.some((s) => s < 0)) fail('"size" must not be negative.');
  const num = (k: string, fallback?: number): number => {
    const v = o[k] ?? fallback;
    return typeof v === 'number' && Number.isFinite(v) ? v : fail(`"${k}" must be a finite number.`);
  };
  const yaw = num('yaw');
  const confidence = num('confidence');
  const firstSeenFrame = num('firstSeenFrame');
  const observations = num('observations');
  const labels = Array.isArray(o.labels)
    ? (o.labels as unknown[]).map((l) =>
        isRecord(l) && typeof l.label === 'string' && Number.isFinite(l.weight) && Number.isFinite(l.count)
          ? { label: l.label, weight: l.weight as number, count: l.count as number }
          : fail('"labels" entries must be {label, weight, count}.'),
      )
    : [{ label: o.label as string, weight: confidence, count: observations }];
  const obj: MosaicObject = {
    id: o.id as string,
    label: o.label as string,
    labels,
    center: [...center],
    size: [...size],
    yaw,
    confidence,
    firstSeenFrame,
    firstSeenTime: num('firstSeenTime', 0),
    lastSeenFrame: num('lastSeenFrame', firstSeenFrame),
    observations,
  };
  if (o.recentObservations !== undefined) {
    // Reasoning reads their frames to pick frames to revisit: a malformed entry must fail here, not there.
    const ok =
      Array.isArray(o.recentObservations) &&
      o.recentObservations.every(
        (r) =>
          isRecord(r) &&
          Number.isInteger(r.frame) &&
          Array.isArray(r.box) &&
          r.box.length === 4 &&
          r.box.every((v) => Number.isFinite(v)) &&
          Number.isFinite(r.score) &&
          typeof r.label === 'string',
      );
    if (!ok) fail('"recentObservations" must be [{frame, box: [x0, y0, x1, y1], score, label}, …].');
    obj.recentObservations = o.recentObservations as MosaicObject['recentObservations'];
  }
  return obj;
}

export function normalizeKeyframe(k: unknown, fail: (problem: string) => never): Keyframe {
  if (!isRecord(k)) return fail('must be {frame, time, pose}.');
  if (typeof k.frame !== 'number' || !Number.isInteger(k.frame)) fail('"frame" must be an integer.');
  if (typeof k.time !== 'number' || !Number.isFinite(k.time)) fail('"time" must be a number of seconds.');
  const pose = k.pose;
  if (
    !Array.isArray(pose) ||
    pose.length !== 16 ||
    !pose.every((v) => typeof v === 'number' && Number.isFinite(v))
  ) {
    fail('"pose" must be 16 finite numbers (row-major 4×4 camera-to-world).');
  }
  const problem = rigidityProblem(pose as number[]);
  if (problem) fail(`"pose" is not a camera pose: ${problem}.`);
  return {
    frame: k.frame as number,
    time: k.time as number,
    pose: asCameraToWorld([...(pose as number[])]),
  };
}

const isPair = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((x) => Number.isFinite(x));

const isRoomEstimate = (r: unknown): r is RoomEstimate =>
  isRecord(r) && isPair(r.center) && isPair(r.size) && Number.isFinite(r.yaw) && Number.isFinite(r.area);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** Occupancy cells are "i,j" grid indices (see occupancyGrid.ts). */
const isCellArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && /^-?\d+,-?\d+$/.test(s));
function vec3(v: unknown): Vec3 | undefined {
  return Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x))
    ? [v[0], v[1], v[2]]
    : undefined;
}
