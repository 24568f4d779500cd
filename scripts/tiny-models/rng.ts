import { Prng } from '../../src/core/prng';

/** The core's seeded PRNG, seeded unmixed as before, so that every generated tiny model stays byte-identical. */
export function mulberry32(seed: number): () => number {
  const rng = Prng.fromState(seed);
  return () => rng.next();
}

/** `n` values uniform in [-scale, scale). */
export function randomWeights(rand: () => number, n: number, scale: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (rand() * 2 - 1) * scale;
  return out;
}
