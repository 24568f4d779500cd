import { canonicalLabel, EVERYTHING_NOUNS, TOTAL_ADVERB } from '../questions/labels';
import { plural } from '../reasoning/solveFreeForm';
import { objectsLabelled } from '../reasoning/spatialTools';
import type { TaskModule } from './task';
import { name } from './templateText';

/** A counted phrase that only refers back: "them", "of them", "of these", "those ones". */
const PRONOUN_PHRASE = /^(?:(?:of|out of|of all) )?(?:them|they|these|those|it|ones|these ones|those ones)$/i;

/** "How many chairs are in this room?" */
export interface ObjectCountingTask {
  readonly kind: 'object_counting';
  readonly label: string;
}

/** "objects", "different things", "cups and bottles", "chairs, tables": not one category. */
const isTotalPhrase = (phrase: string): boolean =>
  EVERYTHING_NOUNS.has(phrase.trim().toLowerCase().split(/\s+/).pop() ?? '') ||
  /(?:^|\s)pieces? of furniture$/i.test(phrase.trim()) ||
  /,|\s(?:and|or|plus)\s/i.test(phrase);

export const objectCounting: TaskModule<ObjectCountingTask, 'object_counting'> = {
  kind: 'object_counting',
  questionTypes: ['object_counting'],
  numeric: true,
  tolerant: true,
  match(q) {
    // "How many chair(s) are in this room?", "In frame 3, how many chair(s) are visible?".
    const m =
      /\bhow many\s+(.+?)\(s\)\s+(?:are|is)\b/i.exec(q) ??
      /\bhow many\s+(.+?)\s+(?:are|is)\s+(?:there\s+)?(?:in (?:this|the) (?:room|scene|space|video|house|apartment)|visible)\b/i.exec(
        q,
      );
    // One category per counting template: "objects", "things", "cups and bottles" are totals the free-form
    // reader answers, not a category called "object".
    // "how many chairs there are in the room": the word order of an indirect question, "there" is no name.
    // "how many items in total are in this room": the adverb of a total is no part of the name.
    const phrase = m?.[1].replace(/\s+there$/i, '').replace(TOTAL_ADVERB, '');
    // "how many of them are in this room": a pronoun names what was said before; the free-form reader resolves it.
    if (!phrase || isTotalPhrase(phrase) || PRONOUN_PHRASE.test(phrase)) return undefined;
    return { type: 'object_counting', task: { kind: 'object_counting', label: name(phrase) } };
  },
  generate({ rng, labels, per, byLabel, add }) {
    for (const l of rng.shuffle(labels).slice(0, per))
      add('object_counting', `How many ${l}(s) are in this room?`, byLabel.get(l)!.length);
  },
  targets: (task) => [task.label],
  solve({ m, L, base, free, answered, ids }, task) {
    const os = base.missing.includes(canonicalLabel(task.label)) ? [] : objectsLabelled(m, L(task.label));
    const n = os.length;
    const fact = `count(${L(task.label)}) = ${n}`;
    // A name more specific than the map's ("bar stools" in a map of chairs, through the detector's class):
    // count what was seen under its own name, and say that the two cannot be told apart.
    const broader = free && n > 0 && canonicalLabel(task.label) !== canonicalLabel(L(task.label));
    return answered(
      n,
      n === 0
        ? `I haven't seen any ${plural(task.label, 2)}.`
        : broader
          ? `I count ${n} ${plural(L(task.label), n)}; I cannot tell ${plural(task.label, 2)} from ${plural(L(task.label), 2)}, so I do not know how many are ${plural(task.label, 2)}.`
          : `I count ${n} ${plural(free ? task.label : L(task.label), n)}.`,
      [fact],
      ids(os),
    );
  },
};
