/**
 * Upper bounds of real object sizes (metres: longest horizontal side, shorter horizontal side, height) for
 * COCO indoor classes. Used only to decide whether two partial views (say the front and the side of a
 * fridge, which barely overlap) can be one object: their union must still fit the class.
 */
const PRIORS: Record<string, readonly [number, number, number]> = {
  chair: [0.8, 0.8, 1.2],
  couch: [2.6, 1.1, 1.1],
  bed: [2.3, 2.1, 1.3],
  bench: [2.0, 0.7, 1.0],
  'dining table': [2.4, 1.3, 0.9],
  refrigerator: [1.0, 0.85, 2.1],
  oven: [0.9, 0.8, 1.0],
  sink: [1.2, 0.7, 1.0],
  toilet: [0.8, 0.5, 0.9],
  'potted plant': [0.7, 0.7, 1.6],
  suitcase: [0.6, 0.4, 0.8],
  tv: [1.8, 0.3, 1.1],
  laptop: [0.45, 0.35, 0.35],
  microwave: [0.6, 0.5, 0.4],
  clock: [0.45, 0.2, 0.45],
  cup: [0.13, 0.13, 0.16],
  bottle: [0.12, 0.12, 0.38],
  vase: [0.3, 0.3, 0.5],
  book: [0.3, 0.3, 0.1],
  keyboard: [0.5, 0.22, 0.08],
  mouse: [0.14, 0.1, 0.07],
  bowl: [0.3, 0.3, 0.15],
  remote: [0.25, 0.08, 0.05],
  'cell phone': [0.1, 0.2, 0.05],
};

export const hasPrior = (label: string): boolean => label in PRIORS;

export function sizePrior(label: string): readonly [number, number, number] | undefined {
  return PRIORS[label];
}

/** Whether an extent (floor-frame AABB size [a, b, h]) could be one object of either label. */
export function fitsPrior(
  labels: readonly string[],
  size: readonly [number, number, number],
  slack = 1.15,
): boolean {
  const long = Math.max(size[0], size[1]);
  const short = Math.min(size[0], size[1]);
  return labels.some((l) => {
    const p = PRIORS[l];
    return p !== undefined && long <= p[0] * slack && short <= p[1] * slack && size[2] <= p[2] * slack;
  });
}
