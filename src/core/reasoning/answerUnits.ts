import type { LengthUnit } from '../questions/types';

/**
 * Lengths and areas in the unit a question asks for, else in the user's unit system (the app's units setting):
 * metric answers distances in metres and object sizes in centimetres, imperial in feet and inches.
 */
export type UnitSystem = 'metric' | 'imperial';
export type Quantity = 'distance' | 'size' | 'area';

const PER_METRE: Readonly<Record<LengthUnit, number>> = {
  m: 1,
  cm: 100,
  mm: 1000,
  ft: 1 / 0.3048,
  in: 1 / 0.0254,
  m2: 1,
  ft2: 1 / (0.3048 * 0.3048),
};

const SYMBOL: Readonly<Record<LengthUnit, string>> = {
  m: 'm',
  cm: 'cm',
  mm: 'mm',
  ft: 'ft',
  in: 'in',
  m2: 'm²',
  ft2: 'sq ft',
};

const isArea = (u: LengthUnit): boolean => u === 'm2' || u === 'ft2';
const imperialUnit = (u: LengthUnit): boolean => u === 'ft' || u === 'in' || u === 'ft2';

/** The unit an answer is given in: the asked one (turned into an area or a length as the quantity needs). */
export function answerUnit(
  quantity: Quantity,
  asked: LengthUnit | undefined,
  system: UnitSystem,
): LengthUnit {
  const imperial = asked ? imperialUnit(asked) : system === 'imperial';
  if (quantity === 'area') return asked && isArea(asked) ? asked : imperial ? 'ft2' : 'm2';
  if (asked && !isArea(asked)) return asked;
  if (quantity === 'distance') return imperial ? 'ft' : 'm';
  return imperial ? 'in' : 'cm';
}

/** A length (metres) or an area (m²) in `unit`, rounded for people: 3 significant figures at most. */
export function inUnit(value: number, unit: LengthUnit): number {
  const v = value * PER_METRE[unit];
  const decimals = unit === 'mm' ? 0 : Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

/** "1.81 m", "71 in", "20.5 m²". */
export const formatIn = (value: number, unit: LengthUnit): string => `${inUnit(value, unit)} ${SYMBOL[unit]}`;

export const unitSymbol = (unit: LengthUnit): string => SYMBOL[unit];
