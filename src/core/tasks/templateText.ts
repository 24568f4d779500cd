import { normalizeName } from '../questions/labels';

/** Text helpers the VSI-Bench templates share (names are kept as written, normalised). */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

export const name = (s: string): string => normalizeName(s);

/** "sofa, chair and table" → ['sofa', 'chair', 'table']. */
export const list = (s: string): string[] =>
  s
    .split(/,\s*|\s+and\s+|\s+or\s+/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0)
    .map(name);

/** An optional "the " before a name in a template. */
export const THE = '(?:the\\s+)?';
