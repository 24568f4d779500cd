import { COCO_LABELS } from '../perception/coco';

/**
 * Object names as people write them → the labels the detectors emit (COCO-80 for the closed-set detector,
 * free text for the open-vocabulary one). Plurals are singularised and common synonyms mapped, so that
 * "sofas", "the couch" and "couch" all find the mosaic's "couch".
 */
const SYNONYMS: Readonly<Record<string, string>> = {
  sofa: 'couch',
  settee: 'couch',
  television: 'tv',
  'tv monitor': 'tv',
  'television set': 'tv',
  monitor: 'tv',
  screen: 'tv',
  table: 'dining table',
  'dinner table': 'dining table',
  'kitchen table': 'dining table',
  desk: 'dining table',
  plant: 'potted plant',
  'house plant': 'potted plant',
  houseplant: 'potted plant',
  'pot plant': 'potted plant',
  fridge: 'refrigerator',
  phone: 'cell phone',
  cellphone: 'cell phone',
  'mobile phone': 'cell phone',
  smartphone: 'cell phone',
  'computer mouse': 'mouse',
  'tv remote': 'remote',
  'remote control': 'remote',
  bike: 'bicycle',
  motorbike: 'motorcycle',
  mug: 'cup',
  'coffee cup': 'cup',
  'hair dryer': 'hair drier',
  hairdryer: 'hair drier',
  teddy: 'teddy bear',
  people: 'person',
  man: 'person',
  woman: 'person',
  armchair: 'chair',
  stool: 'chair',
  notebook: 'laptop',
  computer: 'laptop',
  'wine glass': 'wine glass',
  glass: 'wine glass',
  bag: 'handbag',
  purse: 'handbag',
};

const IRREGULAR: Readonly<Record<string, string>> = {
  people: 'person',
  mice: 'mouse',
  knives: 'knife',
  shelves: 'shelf',
  skis: 'skis',
  glasses: 'glass',
  scissors: 'scissors',
  bus: 'bus',
  couches: 'couch',
  benches: 'bench',
  sandwiches: 'sandwich',
  boxes: 'box',
  dishes: 'dish',
  brushes: 'brush',
  toothbrushes: 'toothbrush',
  glass: 'glass',
  'sports ball': 'sports ball',
};

const COCO_SET: ReadonlySet<string> = new Set(COCO_LABELS);

function singularWord(w: string): string {
  if (IRREGULAR[w]) return IRREGULAR[w];
  if (w.length > 3 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (/(ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 2 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1);
  return w;
}

/** Lower-case, drop articles, "(s)", punctuation and a trailing plural: "the Chairs(s)" → "chair". */
export function normalizeName(raw: string): string {
  let s = raw
    .toLowerCase()
    .replace(/\(s\)/g, '')
    .replace(/[_]/g, ' ')
    .replace(/[^a-z0-9 \-']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/^(the|a|an|my|this|that|these|those|any)\s+/, '');
  if (COCO_SET.has(s) || IRREGULAR[s]) return IRREGULAR[s] ?? s;
  const words = s.split(' ');
  words[words.length - 1] = singularWord(words[words.length - 1]);
  return words.join(' ');
}

/** The canonical label for a name: its COCO synonym when it has one, else the normalised name itself. */
export function canonicalLabel(raw: string): string {
  const n = normalizeName(raw);
  if (COCO_SET.has(n)) return n;
  return SYNONYMS[n] ?? n;
}

export type LabelResolution =
  | { readonly found: true; readonly label: string; readonly asked: string }
  | { readonly found: false; readonly label: string; readonly asked: string };

/**
 * Finds which of `known` labels (those in the mosaic) a name refers to. Tries the name as written,
 * then its synonym; reports it not found (with the canonical label) rather than guessing a neighbour.
 */
export function resolveLabel(raw: string, known: Iterable<string>): LabelResolution {
  const knownSet = new Set([...known].map((k) => k.toLowerCase()));
  const n = normalizeName(raw);
  const candidates = [n, canonicalLabel(raw), raw.toLowerCase().trim()];
  // "dining table" asked, mosaic has "table" (open vocabulary): accept the reverse synonym too.
  for (const [syn, coco] of Object.entries(SYNONYMS)) if (coco === n) candidates.push(syn);
  for (const c of candidates) if (knownSet.has(c)) return { found: true, label: c, asked: raw };
  return { found: false, label: canonicalLabel(raw), asked: raw };
}

export const isCocoLabel = (s: string): boolean => COCO_SET.has(s);
