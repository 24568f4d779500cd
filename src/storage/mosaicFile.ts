import {
  MOSAIC_SCHEMA_VERSION,
  type Keyframe,
  type Mosaic,
  type MosaicObject,
  type OccupancyGrid,
  type RoomEstimate,
} from '../core/mosaic/types';
import type { CameraToWorld, Vec3 } from '../core/geometry/types';
import { MosaicFileError } from './errors';

/**
 * The ARCHITECTURE "Mosaic file": the app's export and `build --out`. Import accepts any file with at least
 * the documented fields and fills the optional ones, so files from the CLI and from older exports load.
 */
export const MOSAIC_FILE_EXTENSION = '.mosaic.json';

export function toMosaicFile(mosaic: Mosaic): string {
  return JSON.stringify({ ...mosaic, schemaVersion: MOSAIC_SCHEMA_VERSION }, null, 1);
}

export function parseMosaicFile(text: string, fileName = 'mosaic file'): Mosaic {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new MosaicFileError(
      `${fileName}: not JSON (${(err as Error).message}); export a scene or use \`build --out\` to make one.`,
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
    !(o.cellSize > 0) ||
    !isStringArray(o.free) ||
    !isStringArray(o.occupied)
  ) {
    fail('"occupancy" must be {cellSize > 0, free: string[], occupied: string[]}.');
  }
  const grid: OccupancyGrid = {
    cellSize: o.cellSize as number,
    free: o.free as string[],
    occupied: o.occupied as string[],
  };
  if (typeof o.floorHeight === 'number' && Number.isFinite(o.floorHeight)) grid.floorHeight = o.floorHeight;
  if (o.room !== undefined) {
    const r = o.room;
    const pair = (v: unknown) => Array.isArray(v) && v.length === 2 && v.every((x) => Number.isFinite(x));
    if (
      !isRecord(r) ||
      !pair(r.center) ||
      !pair(r.size) ||
      !Number.isFinite(r.yaw) ||
      !Number.isFinite(r.area)
    ) {
      fail('"occupancy.room" must be {center: [a, b], size: [w, d], yaw, area}.');
    }
    grid.room = r as unknown as RoomEstimate;
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
        isRecord(l) &&
        typeof l.label === 'string' &&
        typeof l.weight === 'number' &&
        typeof l.count === 'number'
          ? { label: l.label, weight: l.weight, count: l.count }
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
  if (Array.isArray(o.recentObservations))
    obj.recentObservations = o.recentObservations as MosaicObject['recentObservations'];
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
  return {
    frame: k.frame as number,
    time: k.time as number,
    pose: [...(pose as number[])] as unknown as CameraToWorld,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string');
function vec3(v: unknown): Vec3 | undefined {
  return Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x))
    ? [v[0], v[1], v[2]]
    : undefined;
}
