/**
 * Object classes by the names people and benchmarks use (COCO, ScanNet's 18/20 benchmark classes, ScanNet++,
 * ARKitScenes, VSI-Bench): the question vocabulary, read from the class catalogue.
 */
import { detectorOf, QUESTION_CLASSES } from './objectClass';

export interface VocabularyClass {
  /** The class's own name: its COCO label when it has one, else its usual benchmark name. */
  readonly key: string;
  /** The COCO label the closed-set detector emits for such an object (none: open-vocabulary only). */
  readonly detector?: string;
  /** The name VSI-Bench and the room-scan datasets use when it differs from the key. */
  readonly benchmark?: string;
  /** Other names of the same class, singular. */
  readonly names: readonly string[];
}

export const VOCABULARY: readonly VocabularyClass[] = QUESTION_CLASSES.map((c) => {
  const detector = detectorOf(c);
  return {
    key: c.key,
    names: c.names ?? [],
    ...(detector !== undefined ? { detector } : {}),
    ...(c.benchmark !== undefined ? { benchmark: c.benchmark } : {}),
  };
});

const norm = (s: string): string => s.toLowerCase().trim();

/** Every name (key and alias) → its class. A name two classes share belongs to the first (its main sense). */
const BY_NAME: ReadonlyMap<string, VocabularyClass> = (() => {
  const map = new Map<string, VocabularyClass>();
  for (const c of VOCABULARY) if (!map.has(c.key)) map.set(c.key, c);
  for (const c of VOCABULARY) for (const n of c.names) if (!map.has(norm(n))) map.set(norm(n), c);
  return map;
})();

/** The class a (singular, lower-case) name belongs to, if the vocabulary knows it. */
export const classOf = (name: string): VocabularyClass | undefined => BY_NAME.get(norm(name));

/** All names the vocabulary knows (keys and aliases), longest first: for finding them in a sentence. */
export const KNOWN_NAMES: readonly string[] = [...BY_NAME.keys()].sort(
  (a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length,
);

/** The name VSI-Bench and the room-scan datasets give a class (its key when they use the same). */
export const benchmarkName = (name: string): string => {
  const c = classOf(name);
  return c ? (c.benchmark ?? c.key) : name;
};
