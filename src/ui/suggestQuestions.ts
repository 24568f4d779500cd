import type { Mosaic, MosaicObject } from '../core/mosaic/types';
import type { UnitSystem } from '../core/reasoning/answerUnits';
import { pluralNoun } from './words';

/** What kind of question each suggestion is (the reasoner's answer `kind` it should get). */
export type SuggestionKind = 'count' | 'distance' | 'list' | 'size' | 'nearest' | 'standpoint' | 'route';

export interface Suggestion {
  readonly kind: SuggestionKind;
  readonly question: string;
}

const UNIT_WORD: Record<UnitSystem, string> = { metric: 'meters', imperial: 'feet' };

/** What people call some detector classes (the reasoner knows these names for them). */
const EVERYDAY: Record<string, string> = {
  refrigerator: 'fridge',
  'dining table': 'table',
  'potted plant': 'plant',
  'cell phone': 'phone',
};
const say = (label: string) => EVERYDAY[label] ?? label;

const volume = (o: MosaicObject) => (o.size ? o.size[0] * o.size[1] * o.size[2] : 0);

/**
 * Everyday questions about objects this scene really has, one of each kind the reasoner answers from the map:
 * a count, a distance, the room's contents, a size (in the person's units), the nearest object, left or right
 * from a standpoint, and a route. Objects named once come first (a question about "the couch" is unambiguous
 * then), larger before smaller (furniture is what a person asks about and finds in the 3D view).
 */
export function suggestionsFor(mosaic: Mosaic | undefined, units: UnitSystem = 'metric'): Suggestion[] {
  if (!mosaic || mosaic.objects.length === 0) return [];
  const counts = new Map<string, number>();
  const biggest = new Map<string, number>();
  const tallest = new Map<string, number>();
  for (const o of mosaic.objects) {
    counts.set(o.label, (counts.get(o.label) ?? 0) + 1);
    biggest.set(o.label, Math.max(biggest.get(o.label) ?? 0, volume(o)));
    tallest.set(o.label, Math.max(tallest.get(o.label) ?? 0, o.size?.[2] ?? 0));
  }
  // Named once first, then by size: the objects the questions below are about.
  const named = [...counts.keys()].sort(
    (a, b) =>
      Number(counts.get(a) !== 1) - Number(counts.get(b) !== 1) ||
      biggest.get(b)! - biggest.get(a)! ||
      a.localeCompare(b),
  );
  const [a, b, c] = named.map(say);
  const unit = UNIT_WORD[units];
  const tall = say([...named.slice(0, 4)].sort((x, y) => tallest.get(y)! - tallest.get(x)!)[0]);

  // The most frequent kind of object to count (the larger on a tie).
  const counted = [...named].sort(
    (x, y) => counts.get(y)! - counts.get(x)! || biggest.get(y)! - biggest.get(x)!,
  )[0];
  const out: Suggestion[] = [{ kind: 'count', question: `How many ${pluralNoun(say(counted))} are there?` }];
  if (b) out.push({ kind: 'distance', question: `How far is the ${a} from the ${b}?` });
  out.push({ kind: 'list', question: "What's in this room?" });
  out.push({ kind: 'size', question: `How tall is the ${tall} in ${unit}?` });
  if (b) out.push({ kind: 'nearest', question: `What is closest to the ${b}?` });
  if (c)
    out.push({
      kind: 'standpoint',
      question: `Standing at the ${a} facing the ${b}, is the ${c} on my left?`,
    });
  if (c) out.push({ kind: 'route', question: `How do I get from the ${a} to the ${c}?` });
  return out;
}

/** The suggested questions' text, for the chat's example buttons. */
export function suggestQuestions(mosaic: Mosaic | undefined, units: UnitSystem = 'metric'): string[] {
  return suggestionsFor(mosaic, units).map((s) => s.question);
}
