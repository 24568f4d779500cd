/**
 * The classes that generated rooms are furnished with, from the class catalogue: realistic size ranges
 * (metres, width × depth × height before yaw), how each is placed, and a label colour for the renderer.
 */
import { GENERATED_CLASSES, type GeneratedClass, type Support } from '../catalog/objectClass';

export type { Support };

/** A generated class as the generator places it (the catalogue's generator spec, labelled). */
export interface CatalogEntry extends Omit<GeneratedClass, 'order'> {
  readonly label: string;
  /** Floor items that belong against a wall (their back to it). */
  readonly againstWall?: boolean;
}

export const CATALOG: readonly CatalogEntry[] = GENERATED_CLASSES.map(
  ({ key, againstWall, generate: g }) => ({
    label: key,
    support: g.support,
    size: g.size,
    ...(againstWall && g.support === 'floor' ? { againstWall } : {}),
    ...(g.mountHeight ? { mountHeight: g.mountHeight } : {}),
    weight: g.weight,
    colour: g.colour,
    ...(g.maxPerRoom !== undefined ? { maxPerRoom: g.maxPerRoom } : {}),
  }),
);

export const catalogEntry = (label: string): CatalogEntry | undefined =>
  CATALOG.find((c) => c.label === label);
