import { COCO_LABELS } from '../perception/coco';
import { KNOWN_NAMES } from './vocabulary';

/**
 * Misspelt object names ("refrigirator", "chiars", "sofaa"): the known name one or two edits away, when exactly
 * one is nearest. Edits are the optimal-string-alignment distance (insert, delete, substitute, swap two adjacent
 * letters: "chiar" is one swap from "chair", two edits for plain Levenshtein, hence no library for it here).
 * Short words are never corrected (a "harp" is not a "hard" misspelt), nor a word whose first letter differs.
 * Used only for nouns the vocabulary does not know, so a correct name is never changed.
 */
const NAMES: readonly string[] = [...new Set([...KNOWN_NAMES, ...COCO_LABELS])];

/** Edits allowed for a word of this length: none below 5 letters, one up to 7, two from 8. */
const allowed = (n: number): number => (n < 5 ? 0 : n < 8 ? 1 : 2);

/** Optimal-string-alignment distance, stopping early once every path is over `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

const VOWEL = /[aeiouy]/;
/**
 * One edit in a short word is a typo when it is a swap, a letter doubled or dropped, or one vowel for another
 * ("tabel", "sofaa", "micowave", "telivision"); a consonant for a consonant makes another word as often as a
 * typo ("speaker" is no misspelt "sneaker").
 */
function plausible(typed: string, known: string, d: number): boolean {
  if (d !== 1 || typed.length !== known.length) return true;
  const at = [...typed].findIndex((ch, i) => ch !== known[i]);
  const swapped = typed[at + 1] === known[at] && typed[at] === known[at + 1];
  return swapped || (VOWEL.test(typed[at]) && VOWEL.test(known[at]));
}

const cache = new Map<string, string | null>();

/** The known name a misspelt one stands for; undefined when none is near enough or two are equally near. */
export function correctedName(name: string): string | undefined {
  const hit = cache.get(name);
  if (hit !== undefined) return hit ?? undefined;
  const max = allowed(name.replace(/ /g, '').length);
  let best: string | undefined;
  let bestD = max + 1;
  let tie = false;
  if (max > 0)
    for (const known of NAMES) {
      if (known[0] !== name[0]) continue;
      const d = editDistance(name, known, bestD);
      if (d < bestD) [best, bestD, tie] = [known, d, false];
      else if (d === bestD && best !== undefined) tie = true;
    }
  const out = best !== undefined && !tie && bestD <= max && plausible(name, best, bestD) ? best : undefined;
  if (cache.size > 5000) cache.clear();
  cache.set(name, out ?? null);
  return out;
}
