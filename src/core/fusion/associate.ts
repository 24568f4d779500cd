import { labelsCompatible } from './labelCompatibility';
import { footprintKey, VOXEL } from './objectInstance';

/**
 * Association of one keyframe's lifted detections with the instances near them, as a pure function: every
 * (sighting, nearby instance) pair of compatible labels whose footprints overlap enough is scored, then pairs are
 * taken greedily, best first, one-to-one. Nothing is changed: the caller applies the matches.
 */

/** Floor cells on the VOXEL grid (footprintKey) → the height interval [lo, hi] seen there. */
export type FootprintCells = ReadonlyMap<number, readonly [number, number]>;

/** What association reads of an instance (an ObjectInstance is one). */
export interface Track {
  readonly id: string;
  /** The leading label. */
  readonly label: string;
  /** Every label it was ever given. */
  readonly votes: ReadonlyMap<string, unknown>;
  /** Its footprint (dilated by a cell) with the heights it spans in each cell. */
  readonly footprint: FootprintCells;
}

/** One lifted detection as association sees it. */
export interface Sighting {
  readonly label: string;
  readonly cells: FootprintCells;
}

export interface Match<T extends Track> {
  /** Index into the sightings. */
  readonly obs: number;
  readonly track: T;
}

/** Association score bonus of a sighting of the instance's (leading) label (overlap is at most 1). */
const SAME_LABEL_BONUS = 1;
/** Bonus of a label the instance was given before, though not its leading one. */
const VOTED_LABEL_BONUS = 0.2;
/** Footprint overlap a sighting needs with an instance that was given its label before, and with a merely compatible one. */
const MIN_OVERLAP_VOTED = 0.25;
const MIN_OVERLAP_COMPATIBLE = 0.4;

/**
 * The matches, in the order they were taken (best score first; ties by instance id, then sighting). `nearby[i]`
 * holds the instances that may match sighting i (those registered near it): the cost is O(pairs), never
 * O(instances in the map). An instance's own label outranks a merely compatible one: when a couch's box also
 * lands on the chair in front of it, the chair's own detection keeps the chair.
 */
export function associate<T extends Track>(
  sightings: readonly Sighting[],
  nearby: readonly Iterable<T>[],
): Match<T>[] {
  const cands: { obs: number; track: T; score: number }[] = [];
  sightings.forEach((s, obs) => {
    for (const track of nearby[obs] ?? []) {
      const voted = track.votes.has(s.label);
      if (!voted && !labelsCompatible(track.label, s.label)) continue;
      const overlap = footprintOverlap(s.cells, track.footprint);
      if (overlap < (voted ? MIN_OVERLAP_VOTED : MIN_OVERLAP_COMPATIBLE)) continue;
      const bonus = track.label === s.label ? SAME_LABEL_BONUS : voted ? VOTED_LABEL_BONUS : 0;
      cands.push({ obs, track, score: overlap + bonus });
    }
  });
  cands.sort(
    (x, y) =>
      y.score - x.score || (x.track.id < y.track.id ? -1 : x.track.id > y.track.id ? 1 : x.obs - y.obs),
  );
  const takenObs = new Set<number>();
  const takenTrack = new Set<T>();
  const matches: Match<T>[] = [];
  for (const { obs, track } of cands) {
    if (takenObs.has(obs) || takenTrack.has(track)) continue;
    takenObs.add(obs);
    takenTrack.add(track);
    matches.push({ obs, track });
  }
  return matches;
}

/** Share of the sighting's cells that the instance's footprint holds at a matching height (±10 cm). */
export function footprintOverlap(cells: FootprintCells, footprint: FootprintCells): number {
  let hit = 0;
  for (const [key, [h0, h1]] of cells) {
    const c = footprint.get(key);
    if (c && h0 <= c[1] + 0.1 && c[0] <= h1 + 0.1) hit++;
  }
  return cells.size === 0 ? 0 : hit / cells.size;
}

/** Floor-frame points [a, b, h, …] → their footprint cells. */
export function footprintCells(points: Float64Array): Map<number, [number, number]> {
  const cells = new Map<number, [number, number]>();
  for (let i = 0; i < points.length; i += 3) {
    const key = footprintKey(Math.floor(points[i] / VOXEL), Math.floor(points[i + 1] / VOXEL));
    const h = points[i + 2];
    const c = cells.get(key);
    if (!c) cells.set(key, [h, h]);
    else {
      if (h < c[0]) c[0] = h;
      if (h > c[1]) c[1] = h;
    }
  }
  return cells;
}

/** Floor-plane bounds [a0, b0, a1, b1] of floor-frame points [a, b, h, …]. */
export function planarBounds(p: Float64Array): [number, number, number, number] {
  let a0 = Infinity,
    b0 = Infinity,
    a1 = -Infinity,
    b1 = -Infinity;
  for (let i = 0; i < p.length; i += 3) {
    if (p[i] < a0) a0 = p[i];
    if (p[i] > a1) a1 = p[i];
    if (p[i + 1] < b0) b0 = p[i + 1];
    if (p[i + 1] > b1) b1 = p[i + 1];
  }
  return [a0, b0, a1, b1];
}
