/**
 * Label verification against size priors: a fused object's 3D size can rule out the label its detections
 * voted for (a 40 × 25 cm magazine called "remote", a 34 × 30 cm storage box called "cell phone"). Partial
 * views only shrink an object, so an extent beyond what its class can have is evidence the label is wrong.
 * When the detector was unsure of it, the detector's own next-best classes for the same boxes (Detection.alternatives, summed over the
 * object's views) and its other voted labels pick a class whose size fits; with no such class the object
 * is kept, as an unlabelled "object", rather than shown as a confident wrong class.
 */
import { VOXEL } from './objectInstance';
import { sizePrior } from './sizePriors';

/** The label of an object whose size fits none of the classes its detector gave it. */
export const UNLABELLED = 'object';

/** The slack on a class's size prior (as fitsPrior's), for depth noise and a box a little loose. */
const SLACK = 1.15;
/**
 * What fusion's own measurement adds: a side may grow by a voxel at each end (5 cm voxels), and the oriented
 * box of a thin object seen at an angle can take its diagonal for its sides (a 44 × 15 cm keyboard at 45°:
 * 42 × 38 cm), which its area bounds: a label is ruled out only by a longest side beyond the class's plus
 * two voxels, a height beyond it plus one, or a footprint over AREA_FACTOR times the class's. Generated
 * scenes with exact labels lose none to this; the 7-Scenes mislabels' footprints are 1.7–2× that bound.
 */
const MARGIN = 2 * VOXEL;
const AREA_FACTOR = 2;
/**
 * An alternative class is taken only with this much evidence: its summed scores at least this share of
 * the voted label's. Below it, a class the detector barely considered would be a guess (on 7-Scenes the
 * magazines called "remote" have "bowl" at 10% of "remote": not a reason to call them a bowl).
 */
const MIN_EVIDENCE = 0.25;
/** A whole object of a class is at least this share of the class's largest along its longest side. */
const MIN_SHARE_OF_CLASS = 0.25;
/**
 * A label the detector gave with this mean score or more is trusted over the size: a wrong size is then
 * fusion's (two objects merged, a lift that took in a wall), not the detector's. Real mislabels are unsure
 * (7-Scenes: "remote" 0.35, "cell phone" 0.38 on average; its right cups and chairs 0.7).
 */
const CONFIDENT = 0.6;

export interface LabelEvidence {
  /** The label the detections voted for (the instance's label). */
  readonly label: string;
  /** Per label, the summed detection scores (the instance's votes). */
  readonly votes: ReadonlyMap<string, { readonly weight: number; readonly count: number }>;
  /** Per label, the summed scores of the detector's next-best classes (the instance's alternatives). */
  readonly alternatives: ReadonlyMap<string, number>;
}

export type Verdict = 'kept' | 'relabelled' | 'unlabelled';

/**
 * Whether an extent [a, b, height] (metres, a and b in any order) can be an object of the class, as fusion
 * measures it (undefined: the class has no size prior). Partial views only shrink an object, so a small
 * extent always can, unless `whole`: a class to switch to must explain the extent, not just contain it
 * (its longest side at least MIN_SHARE_OF_CLASS of the class's: a 35 cm box is no dining table).
 */
export function sizeFitsClass(
  label: string,
  size: readonly [number, number, number],
  whole = false,
): boolean | undefined {
  const p = sizePrior(label);
  if (!p) return undefined;
  const long = Math.max(size[0], size[1]),
    short = Math.min(size[0], size[1]);
  return (
    long <= p[0] * SLACK + MARGIN &&
    size[2] <= p[2] * SLACK + MARGIN / 2 &&
    long * short <= AREA_FACTOR * p[0] * SLACK * p[1] * SLACK &&
    (!whole || long >= MIN_SHARE_OF_CLASS * p[0])
  );
}

/**
 * The label to show for an object of this extent: its voted label when the size fits it (or its class has
 * no size prior, or the detector was confident of it), else the best-supported other class whose size
 * fits, else UNLABELLED.
 */
export function verifyLabel(
  e: LabelEvidence,
  size: readonly [number, number, number],
): { label: string; verdict: Verdict } {
  const own = e.votes.get(e.label)?.weight ?? 0;
  const confident = own >= CONFIDENT * (e.votes.get(e.label)?.count ?? Infinity);
  if (confident || sizeFitsClass(e.label, size) !== false) return { label: e.label, verdict: 'kept' };
  const support = new Map<string, number>();
  for (const [l, v] of e.votes) if (l !== e.label) support.set(l, v.weight);
  for (const [l, w] of e.alternatives) if (l !== e.label) support.set(l, (support.get(l) ?? 0) + w);
  let best: string | undefined;
  let bestW = MIN_EVIDENCE * own;
  for (const [l, w] of [...support].sort((x, y) => (x[0] < y[0] ? -1 : 1)))
    if (w >= bestW && sizeFitsClass(l, size, true) === true) [best, bestW] = [l, w];
  return best ? { label: best, verdict: 'relabelled' } : { label: UNLABELLED, verdict: 'unlabelled' };
}
