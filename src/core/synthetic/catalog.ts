/**
 * COCO indoor classes that generated rooms are furnished with: realistic size ranges (metres, width ×
 * depth × height before yaw), how each is placed, and a label colour for the renderer.
 */
export type Support = 'floor' | 'table' | 'wall';

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
}

export const CATALOG: readonly CatalogEntry[] = [
  {
    label: 'chair',
    support: 'floor',
    size: [
      [0.42, 0.55],
      [0.45, 0.58],
      [0.8, 0.98],
    ],
    weight: 6,
    colour: [170, 110, 60],
  },
  {
    label: 'couch',
    support: 'floor',
    size: [
      [1.6, 2.3],
      [0.8, 0.95],
      [0.75, 0.9],
    ],
    againstWall: true,
    weight: 2,
    colour: [70, 90, 160],
  },
  {
    label: 'bed',
    support: 'floor',
    size: [
      [1.4, 1.8],
      [1.95, 2.1],
      [0.45, 0.6],
    ],
    againstWall: true,
    weight: 1,
    colour: [200, 190, 220],
  },
  {
    label: 'dining table',
    support: 'floor',
    size: [
      [1.1, 1.8],
      [0.75, 1.0],
      [0.72, 0.77],
    ],
    weight: 2,
    colour: [140, 85, 40],
  },
  {
    label: 'refrigerator',
    support: 'floor',
    size: [
      [0.6, 0.8],
      [0.62, 0.75],
      [1.7, 1.9],
    ],
    againstWall: true,
    weight: 1,
    colour: [225, 225, 230],
  },
  {
    label: 'oven',
    support: 'floor',
    size: [
      [0.58, 0.62],
      [0.58, 0.65],
      [0.85, 0.92],
    ],
    againstWall: true,
    weight: 1,
    colour: [60, 60, 65],
  },
  {
    label: 'sink',
    support: 'floor',
    size: [
      [0.5, 0.8],
      [0.45, 0.55],
      [0.82, 0.9],
    ],
    againstWall: true,
    weight: 1,
    colour: [180, 200, 210],
  },
  {
    label: 'toilet',
    support: 'floor',
    size: [
      [0.36, 0.42],
      [0.6, 0.72],
      [0.72, 0.8],
    ],
    againstWall: true,
    weight: 1,
    colour: [245, 245, 240],
  },
  {
    label: 'potted plant',
    support: 'floor',
    size: [
      [0.3, 0.5],
      [0.3, 0.5],
      [0.5, 1.2],
    ],
    weight: 3,
    colour: [40, 140, 50],
  },
  {
    label: 'suitcase',
    support: 'floor',
    size: [
      [0.4, 0.5],
      [0.22, 0.3],
      [0.55, 0.7],
    ],
    weight: 1,
    colour: [110, 40, 40],
  },
  {
    label: 'tv',
    support: 'wall',
    size: [
      [0.9, 1.4],
      [0.06, 0.1],
      [0.55, 0.8],
    ],
    mountHeight: [1.0, 1.35],
    weight: 2,
    colour: [20, 20, 25],
  },
  {
    label: 'clock',
    support: 'wall',
    size: [
      [0.25, 0.35],
      [0.04, 0.06],
      [0.25, 0.35],
    ],
    mountHeight: [1.5, 1.8],
    weight: 1,
    colour: [230, 200, 60],
  },
  {
    label: 'laptop',
    support: 'table',
    size: [
      [0.3, 0.36],
      [0.22, 0.26],
      [0.2, 0.24],
    ],
    weight: 2,
    colour: [150, 150, 160],
  },
  {
    label: 'cup',
    support: 'table',
    size: [
      [0.08, 0.1],
      [0.08, 0.1],
      [0.09, 0.12],
    ],
    weight: 2,
    colour: [220, 60, 60],
  },
  {
    label: 'bottle',
    support: 'table',
    size: [
      [0.07, 0.09],
      [0.07, 0.09],
      [0.22, 0.3],
    ],
    weight: 2,
    colour: [60, 170, 190],
  },
  {
    label: 'book',
    support: 'table',
    size: [
      [0.15, 0.2],
      [0.22, 0.26],
      [0.03, 0.05],
    ],
    weight: 2,
    colour: [200, 120, 170],
  },
  {
    label: 'vase',
    support: 'table',
    size: [
      [0.12, 0.2],
      [0.12, 0.2],
      [0.2, 0.35],
    ],
    weight: 2,
    colour: [90, 60, 150],
  },
  {
    label: 'keyboard',
    support: 'table',
    size: [
      [0.42, 0.46],
      [0.13, 0.16],
      [0.03, 0.04],
    ],
    weight: 1,
    colour: [50, 50, 50],
  },
  {
    label: 'mouse',
    support: 'table',
    size: [
      [0.06, 0.07],
      [0.1, 0.12],
      [0.035, 0.045],
    ],
    weight: 1,
    colour: [120, 120, 200],
  },
  {
    label: 'microwave',
    support: 'table',
    size: [
      [0.45, 0.52],
      [0.35, 0.4],
      [0.27, 0.31],
    ],
    weight: 1,
    colour: [100, 100, 110],
  },
  {
    label: 'bowl',
    support: 'table',
    size: [
      [0.14, 0.2],
      [0.14, 0.2],
      [0.06, 0.09],
    ],
    weight: 1,
    colour: [240, 160, 60],
  },
];

export const catalogEntry = (label: string): CatalogEntry | undefined =>
  CATALOG.find((c) => c.label === label);
