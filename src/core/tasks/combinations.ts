/** Small helpers the question generators share. */
export const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

export const LETTERS = 'ABCD';

export function pairs<T>(xs: T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) out.push([xs[i], xs[j]]);
  return out;
}
export function triples<T>(xs: T[]): [T, T, T][] {
  const out: [T, T, T][] = [];
  for (const a of xs)
    for (const b of xs) for (const c of xs) if (a !== b && b !== c && a !== c) out.push([a, b, c]);
  return out;
}
export function quads<T>(xs: T[]): [T, T, T, T][] {
  const out: [T, T, T, T][] = [];
  for (const [a, b, c] of triples(xs))
    for (const d of xs) if (d !== a && d !== b && d !== c) out.push([a, b, c, d]);
  return out;
}
