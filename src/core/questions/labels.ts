import nlp from 'compromise';
import { COCO_LABELS } from '../perception/coco';
import { classOf } from './vocabulary';

/**
 * Object names as people write them → the labels in a mosaic. A mosaic may speak the detector's language
 * (COCO: "couch", "dining table", "oven") or a benchmark's (ScanNet / ARKitScenes: "sofa", "table", "stove");
 * a question may use either, or a synonym ("telly", "bin", "bedside table"), in the plural or not. Both sides
 * go through the vocabulary (vocabulary.ts) so that each finds the other.
 */
const COCO_SET: ReadonlySet<string> = new Set(COCO_LABELS);

const singularCache = new Map<string, string>();

/**
 * The singular of one noun. A word the vocabulary knows as written stays ("glass", "scissors", "drapes");
 * otherwise compromise's inflection (irregulars included: shelves, knives, mice, people; `irregular` false:
 * only words ending in s, without parsing the others).
 */
export function singularWord(w: string, irregular = true): string {
  if (classOf(w) || COCO_SET.has(w) || w.length <= 2 || /(ss|us|is)$/.test(w)) return w;
  // Irregular plurals need compromise's parse of the word: callers that try every word span skip them.
  if (!irregular && !/s$/.test(w)) return w;
  let s = singularCache.get(w);
  if (s === undefined) {
    const doc = nlp(w);
    // A word without a final s is singular unless compromise knows it as an irregular plural (mice, people).
    if (!/s$/.test(w) && !doc.nouns().isPlural().found) s = w;
    else {
      doc.tag('Noun');
      s = doc.nouns().toSingular().text().toLowerCase() || w;
    }
    if (singularCache.size > 5000) singularCache.clear();
    singularCache.set(w, s);
  }
  return s;
}

const pluralCache = new Map<string, string>();

/** The plural of one singular word, by compromise (irregulars included: mouse → mice, shelf → shelves). */
function pluralWord(w: string): string {
  const doc = nlp(w);
  doc.tag('Singular');
  const made = doc.nouns().toPlural().text().toLowerCase();
  return made && made !== w ? made : /(s|sh|ch|x|z)$/.test(w) ? `${w}es` : `${w}s`;
}

/**
 * The singular of a name whose last word is written as the plural of another ("books" → "book", "mice" →
 * "mouse"); a name that is a class as written stays ("scissors", "glass", "bus").
 */
export function singularName(name: string): string {
  const words = name.split(' ');
  const last = words[words.length - 1];
  if (canonicalLabel(name) === name) return name;
  const doc = nlp(last);
  doc.tag('Plural');
  const one = doc.nouns().toSingular().text().toLowerCase();
  if (!one || one === last || pluralWord(one) !== last) return name;
  words[words.length - 1] = one;
  return words.join(' ');
}

/** The plural of a name's last word (a name already in the plural stays: "books"). */
export function pluralName(name: string): string {
  let p = pluralCache.get(name);
  if (p === undefined) {
    const words = name.split(' ');
    const last = words[words.length - 1];
    // A class named in the plural as written ("scissors") has no other plural.
    const pluralAlready =
      singularName(name) !== name || (/[^su]s$/.test(last) && canonicalLabel(name) === name);
    if (!pluralAlready) words[words.length - 1] = pluralWord(last);
    p = words.join(' ');
    if (pluralCache.size > 5000) pluralCache.clear();
    pluralCache.set(name, p);
  }
  return p;
}

/** Words that trail a name in a sentence and are never part of it: "how many laptops there are". */
const TRAILING = /\s+(?:there|here|in total|altogether|total|in all)$/;

/** Lower-case, drop articles, "(s)", punctuation and a trailing plural: "the Chairs(s)" → "chair". */
export function normalizeName(raw: string): string {
  let s = raw
    .toLowerCase()
    .replace(/\(s\)/g, '')
    .replace(/[_]/g, ' ')
    .replace(/[^a-z0-9 \-']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/^(the|a|an|my|this|that|these|those|any|some|each|every)\s+/, '').replace(TRAILING, '');
  if (COCO_SET.has(s) || classOf(s)) return s;
  const words = s.split(' ');
  words[words.length - 1] = singularWord(words[words.length - 1]);
  return words.join(' ');
}

/** The canonical label for a name: its class in the vocabulary (the COCO label where there is one), else the name. */
export function canonicalLabel(raw: string): string {
  const n = normalizeName(raw);
  return classOf(n)?.key ?? n;
}

/** The label the closed-set detector emits for this name, if it has one. */
export function detectorLabel(raw: string): string | undefined {
  return classOf(normalizeName(raw))?.detector;
}

/** Same object class: "sofa" and "couches", "telly" and "tv", "stove" and "oven". */
export const sameClass = (a: string, b: string): boolean => canonicalLabel(a) === canonicalLabel(b);

export type LabelResolution =
  | { readonly found: true; readonly label: string; readonly asked: string }
  | { readonly found: false; readonly label: string; readonly asked: string };

/**
 * Finds which of `known` labels (those in the mosaic) a name refers to, best first: the name as written; a
 * label of the same class (sofa ↔ couch, table ↔ dining table, stove ↔ oven); the detector's label for the class
 * (a "desk" is what the detector calls a "dining table"); the name without its leading qualifiers ("the black
 * chair" → chair). Reports it not found (with the canonical label) rather than guessing a neighbour class.
 */
export function resolveLabel(raw: string, known: Iterable<string>): LabelResolution {
  const labels = [...known];
  const n = normalizeName(raw);
  const words = n.split(' ');
  for (let drop = 0; drop < words.length; drop++) {
    const name = words.slice(drop).join(' ');
    const exact = labels.find((k) => k.toLowerCase() === name || normalizeName(k) === name);
    if (exact) return { found: true, label: exact, asked: raw };
    const cls = classOf(name);
    if (!cls) continue;
    const same = labels.find((k) => classOf(normalizeName(k))?.key === cls.key);
    if (same) return { found: true, label: same, asked: raw };
    // The detector's class under any of its names: a "desk" in a map whose tables are labelled "table".
    const detKey = cls.detector ? (classOf(cls.detector)?.key ?? cls.detector) : undefined;
    const det =
      detKey &&
      labels.find((k) => k.toLowerCase() === cls.detector || classOf(normalizeName(k))?.key === detKey);
    if (det) return { found: true, label: det, asked: raw };
    // A name the vocabulary knows is not shortened further ("coffee table" is not any "table").
    break;
  }
  return { found: false, label: canonicalLabel(raw), asked: raw };
}

export const isCocoLabel = (s: string): boolean => COCO_SET.has(s);

/**
 * Nouns that stand for every object in the room, never for one category: "how many items", "the object count",
 * "how many things in total", "count the pieces". Singular and plural; "pieces of furniture" is read by its head.
 */
export const EVERYTHING_NOUNS: ReadonlySet<string> = new Set(
  `object objects thing things item items piece pieces article articles stuff furniture everything belonging
  belongings possession possessions bit bits`.split(/\s+/),
);

/** Adverbs that make a count a total: "how many items in total", "chairs altogether", "all told". */
export const TOTAL_ADVERB = /\s+(?:in total|total|altogether|all together|in all|all told|combined|overall)$/i;
