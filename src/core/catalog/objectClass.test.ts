import { describe, expect, it } from 'vitest';
import { COCO_CLASS_LABELS, GENERATED_CLASSES, OBJECT_CLASSES, objectClass } from './objectClass';
import { classOf } from './vocabulary';

const norm = (s: string): string => s.toLowerCase().trim();

describe('class catalogue', () => {
  it('has one record per key and every COCO class once, at its own index', () => {
    const keys = OBJECT_CLASSES.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    const indices = OBJECT_CLASSES.flatMap((c) => (c.coco !== undefined ? [c.coco] : [])).sort(
      (a, b) => a - b,
    );
    expect(indices).toEqual(Array.from({ length: 80 }, (_, i) => i));
    expect(COCO_CLASS_LABELS).toHaveLength(80);
    for (const c of OBJECT_CLASSES) expect(c.vocabularies.includes('coco'), c.key).toBe(c.coco !== undefined);
  });

  it('places classes only by classes it holds, and never by themselves', () => {
    for (const c of OBJECT_CLASSES)
      for (const n of c.placement?.near ?? []) {
        expect(objectClass(n.key), `${c.key} near ${n.key}`).toBeDefined();
        expect(n.key, c.key).not.toBe(c.key);
      }
    // Common knowledge the route planner relies on.
    expect(objectClass('door')?.placement).toMatchObject({ at: 'edge', clearOf: 'all' });
    expect(objectClass('nightstand')?.placement?.near).toContainEqual({ key: 'bed', where: 'head' });
  });

  it('gives each name (key or synonym) to one class only', () => {
    const names = OBJECT_CLASSES.flatMap((c) => [c.key, ...(c.names ?? [])].map(norm));
    const twice = names.filter((n, i) => names.indexOf(n) !== i);
    expect(twice).toEqual([]);
    for (const c of OBJECT_CLASSES.filter((o) => o.vocabularies.includes('questions')))
      for (const n of c.names ?? []) expect(classOf(n)?.key, n).toBe(c.key);
  });

  it('has positive priors, and points only at classes it holds', () => {
    for (const c of OBJECT_CLASSES) {
      for (const v of c.sizeMax ?? []) expect(v, c.key).toBeGreaterThan(0);
      if (c.typicalHeight !== undefined) expect(c.typicalHeight, c.key).toBeGreaterThan(0);
      if (c.sizeGuessCm !== undefined) expect(c.sizeGuessCm, c.key).toBeGreaterThan(0);
      for (const l of c.confusable ?? []) expect(objectClass(l), `${c.key} → ${l}`).toBeDefined();
      if (c.detector !== undefined)
        expect(objectClass(c.detector)?.coco, `${c.key} → ${c.detector}`).toBeDefined();
      if (c.againstWall) expect(c.sizeMax, `${c.key} is completed to walls by its prior`).toBeDefined();
    }
  });

  it('gives every generated class a prior its generated sizes fit', () => {
    expect(GENERATED_CLASSES.map((c) => c.generate.order)).toEqual(GENERATED_CLASSES.map((_, i) => i));
    for (const c of GENERATED_CLASSES) {
      const g = c.generate;
      expect(c.sizeMax, c.key).toBeDefined();
      expect(g.weight, c.key).toBeGreaterThan(0);
      for (const [lo, hi] of g.size) expect(lo > 0 && lo <= hi, c.key).toBe(true);
      const [w, d, h] = g.size.map((r) => r[1]);
      const p = c.sizeMax ?? [0, 0, 0];
      expect(Math.max(w, d) <= p[0] && Math.min(w, d) <= p[1] && h <= p[2], c.key).toBe(true);
    }
  });
});
