/**
 * Upper bounds of real object sizes (metres: longest horizontal side, shorter horizontal side, height), the
 * catalogue's `sizeMax`. Used only to decide whether two partial views (say the front and the side of a
 * fridge, which barely overlap) can be one object: their union must still fit the class.
 */
import { objectClass } from '../catalog/objectClass';

const prior = (label: string): readonly [number, number, number] | undefined => objectClass(label)?.sizeMax;

export const hasPrior = (label: string): boolean => prior(label) !== undefined;

export function sizePrior(label: string): readonly [number, number, number] | undefined {
  return prior(label);
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
    const p = prior(l);
    return p !== undefined && long <= p[0] * slack && short <= p[1] * slack && size[2] <= p[2] * slack;
  });
}
