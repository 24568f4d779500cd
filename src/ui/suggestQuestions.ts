import type { Mosaic } from '../core/mosaic/types';

const plural = (w: string) =>
  /(s|x|z|ch|sh)$/.test(w) ? `${w}es` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`;

/**
 * Example questions in VSI-Bench's own template wording, about objects this scene really contains, so the
 * first question a person taps is one the reasoner's parser knows.
 */
export function suggestQuestions(mosaic: Mosaic | undefined, max = 3): string[] {
  if (!mosaic || mosaic.objects.length === 0) return [];
  const counts = new Map<string, number>();
  for (const o of mosaic.objects) counts.set(o.label, (counts.get(o.label) ?? 0) + 1);
  const byCount = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const out: string[] = [`How many ${plural(byCount[0][0])} are in this room?`];
  const singles = byCount.filter(([, n]) => n === 1).map(([l]) => l);
  if (singles.length >= 2)
    out.push(
      `Measuring from the closest point of each object, what is the direct distance between the ${singles[0]} and the ${singles[1]} (in meters)?`,
    );
  out.push(
    'What is the size of this room (in square meters)? If multiple rooms are shown, estimate the size of the combined space.',
  );
  return out.slice(0, max);
}
