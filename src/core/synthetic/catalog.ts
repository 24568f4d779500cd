/**
 * The classes that generated rooms are furnished with, from the class catalogue: realistic size ranges
 * (metres, width × depth × height before yaw), how each is placed, and a label colour for the renderer.
 */
import { GENERATED_CLASSES, type Support } from '../catalog/objectClass';

export type { Support };

export interface CatalogEntry {
  readonly label: string;
  readonly support: Support;
  /** [min, max] per axis: width (x), depth (y), height (z). */
  readonly size: readonly [readonly [number, number], readonly [number, number], readonly [number, number]];
  /** Floor items that belong against a wall (their back to it). */
  readonly againstWall?: boolean;
  /** Wall items: [min, max] height of the box centre above the floor. */
  readonly mountHeight?: readonly [number, number];
  /** Relative frequency when furnishing a room. */
  readonly weight: number;
  readonly colour: readonly [number, number, number];
  /** At most this many per room (none: no limit). */
  readonly maxPerRoom?: number;
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
