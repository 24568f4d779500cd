/**
 * COCO labels that a closed-set detector confuses for the same physical object (the catalogue's `confusable`).
 * On the real ICL living room YOLOX calls the white armchair "bed" in most frames and "chair" in a few: fusion
 * must make one object with votes {bed, chair}, so association accepts a compatible label (plus 3D overlap).
 */
import { COMPATIBLE_LABELS } from '../catalog/objectClass';

export function labelsCompatible(a: string, b: string): boolean {
  return a === b || (COMPATIBLE_LABELS.get(a)?.has(b) ?? false);
}

/** Labels a detector might emit instead of `label` (excluding itself), in a stable order. */
export function confusableWith(label: string): string[] {
  return [...(COMPATIBLE_LABELS.get(label) ?? [])].filter((l) => l !== label).sort();
}
