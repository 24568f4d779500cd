/**
 * Names a person can tell apart: "couch" when the scene has one couch, "chair 1", "chair 2" when it has several
 * (numbered in the map's order). The map's ids ("couch-3") are internal and never shown.
 */
export function objectNames(
  objects: readonly { readonly id: string; readonly label: string }[],
): ReadonlyMap<string, string> {
  const total = new Map<string, number>();
  for (const o of objects) total.set(o.label, (total.get(o.label) ?? 0) + 1);
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  for (const o of objects) {
    const n = (seen.get(o.label) ?? 0) + 1;
    seen.set(o.label, n);
    names.set(o.id, total.get(o.label)! > 1 ? `${o.label} ${n}` : o.label);
  }
  return names;
}
