import { MOSAIC_SCHEMA_VERSION, type Mosaic, type MosaicObject } from './types';

/**
 * VSI-Bench's per-scene `meta_info` (thinking-in-space `data/meta_info/*.json`) → a mosaic of ground-truth boxes,
 * the "ground-truth map" condition. Metres, z up. Each box is oriented: of its three `normalizedAxes` rows the
 * one closest to z is the height axis; the first of the other two gives the yaw and the first horizontal size.
 */
export interface VsiBox {
  readonly centroid: readonly number[];
  readonly axesLengths: readonly number[];
  readonly normalizedAxes?: readonly number[];
}

export interface VsiSceneMeta {
  readonly room_size?: number;
  readonly room_center?: readonly number[];
  readonly object_counts?: Readonly<Record<string, number>>;
  readonly object_bbox: Readonly<Record<string, readonly VsiBox[]>>;
  readonly dataset?: string;
  readonly video_path?: string;
}

export class VsiMetaInfoError extends Error {
  override name = 'VsiMetaInfoError';
}

const isVec = (v: unknown, n: number): v is number[] =>
  Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** The box's size along its own axes [horizontal 1, horizontal 2, height] and the yaw of horizontal 1. */
export function orientBox(b: VsiBox): { size: [number, number, number]; yaw: number } {
  const len = b.axesLengths;
  const ax = b.normalizedAxes;
  if (!ax || ax.length !== 9) return { size: [len[0], len[1], len[2]], yaw: 0 };
  const rows = [0, 1, 2].map((i) => [ax[3 * i], ax[3 * i + 1], ax[3 * i + 2]]);
  let h = 0;
  for (let i = 1; i < 3; i++) if (Math.abs(rows[i][2]) > Math.abs(rows[h][2])) h = i;
  const [a, c] = [0, 1, 2].filter((i) => i !== h);
  return { size: [len[a], len[c], len[h]], yaw: Math.atan2(rows[a][1], rows[a][0]) };
}

/** One scene's meta_info → a mosaic (ids "<label>-<n>", labels as the benchmark names them, "_" → " "). */
export function mosaicFromVsiScene(scene: VsiSceneMeta, sceneName = 'scene'): Mosaic {
  const bbox = scene?.object_bbox;
  if (!bbox || typeof bbox !== 'object')
    throw new VsiMetaInfoError(`scene ${sceneName}: "object_bbox" is missing`);
  const objects: MosaicObject[] = [];
  for (const [rawLabel, boxes] of Object.entries(bbox)) {
    const label = rawLabel.replace(/_/g, ' ').trim();
    if (!Array.isArray(boxes)) throw new VsiMetaInfoError(`scene ${sceneName}: "${rawLabel}" is not a list`);
    boxes.forEach((b: VsiBox, i) => {
      if (!isVec(b?.centroid, 3) || !isVec(b?.axesLengths, 3))
        throw new VsiMetaInfoError(
          `scene ${sceneName}: box ${i} of "${rawLabel}" needs "centroid" and "axesLengths" (3 numbers each)`,
        );
      const { size, yaw } = orientBox(b);
      objects.push({
        id: `${label.replace(/\s+/g, '-')}-${i}`,
        label,
        labels: [{ label, weight: 1, count: 1 }],
        center: [b.centroid[0], b.centroid[1], b.centroid[2]],
        size,
        yaw,
        confidence: 1,
        firstSeenFrame: 0,
        firstSeenTime: 0,
        lastSeenFrame: 0,
        observations: 1,
      });
    });
  }
  return {
    schemaVersion: MOSAIC_SCHEMA_VERSION,
    up: [0, 0, 1],
    objects,
    trajectory: [],
    source: {
      layout: `VSI-Bench meta_info ground-truth boxes${scene.dataset ? ` (${scene.dataset})` : ''}, scene ${sceneName}`,
    },
  };
}

/** A whole meta_info file: {scene_name: scene} → {scene_name: mosaic}. */
export function mosaicsFromVsiMetaInfo(json: unknown): Map<string, Mosaic> {
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new VsiMetaInfoError('expected a JSON object {scene_name: {"object_bbox": …}}');
  const out = new Map<string, Mosaic>();
  for (const [name, scene] of Object.entries(json as Record<string, VsiSceneMeta>))
    out.set(name, mosaicFromVsiScene(scene, name));
  return out;
}
