import { normalizeName } from './labels';

/**
 * A landmark as people write it in directions ("the lamp on the cabinet", "the closest sofa", "the corner of
 * the bed", "the window on your left", "2 feet before the wall") → the object to look for, which of several
 * instances is meant, and on which side it ends up. Colours and other attributes stay in the name: the
 * resolver drops leading words the map cannot check ("black chair" → "chair").
 */
export type LandmarkPick = 'nearest' | 'farthest' | 'other';

export interface Landmark {
  /** The object's name, normalised, relations removed ("lamp", "black chair", "bed"). */
  readonly name: string;
  /** Which instance: nearest to / farthest from where I am, or another one than the one I am at. */
  readonly pick?: LandmarkPick;
  /** "until the trash bin is on your right". */
  readonly side?: 'left' | 'right';
  /** What was cut off ("on the cabinet", "closest to the window"), for the trace. */
  readonly relation?: string;
}

const PICKS: ReadonlyArray<[RegExp, LandmarkPick]> = [
  [/^(?:closest|nearest|closer|nearer|near)\s+/, 'nearest'],
  [/^(?:farthest|furthest|farther|further|far)\s+/, 'farthest'],
  [/^(?:other|another|second|third|different)\s+/, 'other'],
  [/^same\s+/, 'nearest'],
];

/** Parts of an object that stand for the object: "the corner of the bed" → the bed. */
const PART =
  /^(?:(?:bottom|top|far|near|front|back)(?:-|\s)?(?:left|right)?\s+)?(?:corner|edge|side|foot|head|end|front|back|middle|center|centre|top|bottom)\s+of\s+/;

/** Where a relational name's own object ends: "lamp | on the cabinet", "nightstand | closest to the window". */
const RELATION =
  /\s+(?:(?:right|just|directly)\s+)?(?:on top of|on|by|near(?:\s+by)?|next to|beside|behind|in front of|under(?:neath)?|above|below|against|along|between|closer to|closest to|nearest to|nearer to|farther from|farthest from|with|without|seen in|in|at|inside|outside|facing|that|which|positioned|to the|to your|from)\b.*$/;

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function readLandmark(raw: string): Landmark {
  let s = squash(raw.toLowerCase().replace(/[.;!?]+\s*$/, ''));
  let side: Landmark['side'];
  const sm =
    /\s+(?:is\s+)?(?:on|to|at)\s+(?:your|my|the)\s+(left|right)(?:\s+side)?(?:\s+hand(?:\s+side)?)?$/.exec(s);
  if (sm) {
    side = sm[1] as 'left' | 'right';
    s = s.slice(0, sm.index);
  }
  // "until past the bed", "until on the rug", "1 foot before the blue sofa", "2 feet before the wall".
  s = s.replace(
    /^(?:(?:about|around|roughly)\s+)?[\w.-]+\s+(?:foot|feet|meters?|metres?|steps?)\s+(?:before|from|short of)\s+/,
    '',
  );
  s = s.replace(/^(?:past|passing|on|onto|to|towards?|at|reaching|through)\s+/, '');
  s = s.replace(/^(?:the|a|an|your|my)\s+/, '');
  s = s.replace(/^(?:the|a|an)\s+/, '');
  let pick: LandmarkPick | undefined;
  for (const [re, p] of PICKS)
    if (re.test(s)) {
      pick = p;
      s = s.replace(re, '');
      break;
    }
  s = s.replace(PART, '').replace(/^(?:the|a|an)\s+/, '');
  for (const [re, p] of PICKS)
    if (!pick && re.test(s)) {
      pick = p;
      s = s.replace(re, '');
    }
  let relation: string | undefined;
  const rm = RELATION.exec(s);
  if (rm && rm.index > 0) {
    relation = rm[0].trim();
    s = s.slice(0, rm.index);
  }
  const name = normalizeName(s);
  return { name, ...(pick ? { pick } : {}), ...(side ? { side } : {}), ...(relation ? { relation } : {}) };
}
