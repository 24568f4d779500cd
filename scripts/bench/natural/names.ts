/**
 * Object names as people say them, kept by the bench itself (not the product's catalogue, which this bench
 * judges). Each group is one kind of thing: the first name is how the bench writes an answer; `say` are the
 * names questions use (weighted by repetition); `also` are further names an answer may use.
 */
export interface NameGroup {
  readonly canonical: string;
  /** Labels of the scenes' boxes that are this thing (generated scenes: COCO; vsibench: ARKitScenes). */
  readonly labels: readonly string[];
  readonly say: readonly string[];
  readonly also?: readonly string[];
}

export const NAME_GROUPS: readonly NameGroup[] = [
  { canonical: 'sofa', labels: ['sofa', 'couch'], say: ['sofa', 'couch', 'sofa', 'couch', 'settee'] },
  {
    canonical: 'tv',
    labels: ['tv'],
    say: ['TV', 'TV', 'television', 'telly', 'TV set'],
    also: ['tv screen'],
  },
  { canonical: 'refrigerator', labels: ['refrigerator'], say: ['fridge', 'refrigerator', 'fridge'] },
  {
    canonical: 'table',
    labels: ['table', 'dining table'],
    say: ['table', 'table', 'dining table', 'kitchen table'],
    also: ['dinner table'],
  },
  { canonical: 'chair', labels: ['chair'], say: ['chair'] },
  { canonical: 'stool', labels: ['stool'], say: ['stool', 'stool', 'bar stool'] },
  { canonical: 'bed', labels: ['bed'], say: ['bed'] },
  { canonical: 'toilet', labels: ['toilet'], say: ['toilet', 'toilet', 'loo'], also: ['wc'] },
  { canonical: 'stove', labels: ['stove', 'oven'], say: ['stove', 'oven', 'cooker'], also: ['range', 'hob'] },
  { canonical: 'bathtub', labels: ['bathtub'], say: ['bathtub', 'bath', 'tub'] },
  { canonical: 'washer', labels: ['washer'], say: ['washing machine', 'washer', 'washing machine'] },
  { canonical: 'fireplace', labels: ['fireplace'], say: ['fireplace'] },
  { canonical: 'dishwasher', labels: ['dishwasher'], say: ['dishwasher'] },
  { canonical: 'sink', labels: ['sink'], say: ['sink', 'sink', 'basin'], also: ['washbasin'] },
  {
    canonical: 'plant',
    labels: ['potted plant'],
    say: ['plant', 'potted plant', 'houseplant', 'pot plant'],
  },
  { canonical: 'suitcase', labels: ['suitcase'], say: ['suitcase'] },
  { canonical: 'clock', labels: ['clock'], say: ['clock', 'clock', 'wall clock'] },
  { canonical: 'laptop', labels: ['laptop'], say: ['laptop'] },
  { canonical: 'cup', labels: ['cup'], say: ['cup', 'cup', 'mug'] },
  { canonical: 'bottle', labels: ['bottle'], say: ['bottle'] },
  { canonical: 'book', labels: ['book'], say: ['book'] },
  { canonical: 'vase', labels: ['vase'], say: ['vase'] },
  { canonical: 'keyboard', labels: ['keyboard'], say: ['keyboard'] },
  { canonical: 'mouse', labels: ['mouse'], say: ['mouse', 'computer mouse'] },
  { canonical: 'microwave', labels: ['microwave'], say: ['microwave'], also: ['microwave oven'] },
  { canonical: 'bowl', labels: ['bowl'], say: ['bowl'] },
  // Things no scene here has: asked about in existence questions ("is there a piano?").
  { canonical: 'piano', labels: [], say: ['piano'] },
  { canonical: 'bookcase', labels: [], say: ['bookcase', 'bookshelf'] },
  { canonical: 'nightstand', labels: [], say: ['nightstand', 'bedside table'] },
  { canonical: 'trash can', labels: [], say: ['bin', 'trash can', 'rubbish bin', 'wastebasket'] },
  { canonical: 'lamp', labels: [], say: ['lamp', 'floor lamp'] },
  { canonical: 'guitar', labels: [], say: ['guitar'] },
  { canonical: 'bicycle', labels: [], say: ['bicycle', 'bike'] },
  { canonical: 'treadmill', labels: [], say: ['treadmill'] },
  { canonical: 'printer', labels: [], say: ['printer'] },
];

const byLabel = new Map<string, NameGroup>();
for (const g of NAME_GROUPS) for (const l of g.labels) byLabel.set(l, g);

/** The group of a box label; a label the bench does not know is its own group. */
export function groupOfLabel(label: string): NameGroup {
  return byLabel.get(label) ?? { canonical: label, labels: [label], say: [label] };
}

const IRREGULAR: Record<string, string> = {
  mouse: 'mice',
  'computer mouse': 'computer mice',
  tv: 'TVs',
  telly: 'tellies',
  'tv set': 'TV sets',
  wc: 'WCs',
};

export function plural(name: string): string {
  const irregular = IRREGULAR[name.toLowerCase()];
  if (irregular) return irregular;
  if (/(s|x|z|ch|sh)$/.test(name)) return `${name}es`;
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  return `${name}s`;
}

export const withArticle = (name: string): string => `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;

/** Every way an answer may write a group's name, singular and plural, lower case. */
function forms(g: NameGroup): string[] {
  const names = new Set([g.canonical, ...g.labels, ...g.say, ...(g.also ?? [])].map((n) => n.toLowerCase()));
  return [...names].flatMap((n) => [n, plural(n).toLowerCase()]);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Mention {
  readonly group: string;
  readonly index: number;
  readonly length: number;
}

/**
 * Where the text names each group: longest names first, each stretch of text used once (so "microwave oven" is a
 * microwave, not an oven, and "bedside table" is not a table).
 */
export function mentions(text: string, groups: readonly NameGroup[] = NAME_GROUPS): Mention[] {
  const lower = text.toLowerCase();
  const taken = new Array<boolean>(lower.length).fill(false);
  const all = groups.flatMap((g) => forms(g).map((f) => ({ f, group: g.canonical })));
  all.sort((a, b) => b.f.length - a.f.length);
  const out: Mention[] = [];
  for (const { f, group } of all) {
    const re = new RegExp(`(?<![a-z])${escape(f)}(?![a-z])`, 'g');
    for (let m = re.exec(lower); m; m = re.exec(lower)) {
      const span = [m.index, m.index + f.length];
      if (taken.slice(span[0], span[1]).some(Boolean)) continue;
      for (let i = span[0]; i < span[1]; i++) taken[i] = true;
      out.push({ group, index: m.index, length: f.length });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A name (from an answer or a ground truth) as its group's canonical name; unknown names lower-cased, singular. */
export function normaliseName(name: string): string {
  const clean = name
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\b(the|a|an|some)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const found = mentions(clean);
  if (found.length === 1 && found[0].length === clean.length) return found[0].group;
  return clean
    .replace(/ies$/, 'y')
    .replace(/(ch|sh|x|s)es$/, '$1')
    .replace(/s$/, '');
}
