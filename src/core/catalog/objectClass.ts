/**
 * Lookups over the class catalogue (objectClasses.ts): by key, by any name, by detector index, and the tables
 * other modules derive from it. Built once at load.
 */
import { OBJECT_CLASSES, type GeneratedClass, type ObjectClass } from './objectClasses';

export type { GeneratedClass, NearPlace, ObjectClass, Placement, Support, Vocabulary } from './objectClasses';
export { OBJECT_CLASSES };

const BY_KEY: ReadonlyMap<string, ObjectClass> = new Map(OBJECT_CLASSES.map((c) => [c.key, c]));

/** The record of a class by its key (a COCO label, or a benchmark name for classes COCO lacks). */
export const objectClass = (key: string): ObjectClass | undefined => BY_KEY.get(key);

/** The COCO label at each index of a COCO-trained detector's class vector. */
export const COCO_CLASS_LABELS: readonly string[] = OBJECT_CLASSES.filter((c) => c.coco !== undefined)
  .sort((a, b) => (a.coco ?? 0) - (b.coco ?? 0))
  .map((c) => c.key);

/** The classes questions may name, in catalogue order. */
export const QUESTION_CLASSES: readonly ObjectClass[] = OBJECT_CLASSES.filter((c) =>
  c.vocabularies.includes('questions'),
);

/** The COCO label a closed-set detector emits for objects of a class (none: open-vocabulary only). */
export const detectorOf = (c: ObjectClass): string | undefined => (c.coco !== undefined ? c.key : c.detector);

/** Each key's labels (itself included) that a detector may emit for the same object; absent when none. */
export const COMPATIBLE_LABELS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string): void => {
    let set = map.get(a);
    if (!set) map.set(a, (set = new Set([a])));
    set.add(b);
  };
  for (const c of OBJECT_CLASSES)
    for (const other of c.confusable ?? []) {
      add(c.key, other);
      add(other, c.key);
    }
  return map;
})();

/** The classes generated rooms are furnished with, in the generator's order. */
export const GENERATED_CLASSES: readonly (ObjectClass & { readonly generate: GeneratedClass })[] =
  OBJECT_CLASSES.flatMap((c) => (c.generate ? [{ ...c, generate: c.generate }] : [])).sort(
    (a, b) => a.generate.order - b.generate.order,
  );
