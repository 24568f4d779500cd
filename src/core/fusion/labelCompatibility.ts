/**
 * COCO labels that a closed-set detector confuses for the same physical object. On the real ICL living
 * room YOLOX calls the white armchair "bed" in most frames and "chair" in a few: fusion must make one
 * object with votes {bed, chair}, so association accepts a label from the same group (plus 3D overlap).
 */
export const CONFUSABLE_GROUPS: readonly (readonly string[])[] = [
  ['chair', 'couch', 'bed', 'bench'],
  ['dining table', 'bench', 'bed'],
  ['tv', 'laptop', 'microwave'],
  ['microwave', 'oven', 'refrigerator', 'toaster'],
  ['cup', 'vase', 'bottle', 'bowl', 'wine glass'],
  ['potted plant', 'vase'],
  ['book', 'laptop', 'keyboard'],
  ['mouse', 'remote', 'cell phone'],
  ['sink', 'toilet'],
  ['suitcase', 'backpack', 'handbag'],
  ['clock', 'frisbee'],
];

const compat = new Map<string, Set<string>>();
for (const group of CONFUSABLE_GROUPS) {
  for (const a of group) {
    let set = compat.get(a);
    if (!set) compat.set(a, (set = new Set([a])));
    for (const b of group) set.add(b);
  }
}

export function labelsCompatible(a: string, b: string): boolean {
  return a === b || (compat.get(a)?.has(b) ?? false);
}

/** Labels a detector might emit instead of `label` (excluding itself), in a stable order. */
export function confusableWith(label: string): string[] {
  return [...(compat.get(label) ?? [])].filter((l) => l !== label).sort();
}
