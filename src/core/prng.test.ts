import { describe, expect, it } from 'vitest';
import { Prng } from './prng';

// The sequences below were produced by the generators this one replaced (the synthetic scenes', the question
// generator's, the natural-language bench's and the tiny models'): seeded outputs must not move, or every
// generated scene, question set and model changes with them.
describe('Prng', () => {
  it('gives the synthetic scenes their old sequence for a seed', () => {
    const p = new Prng(7);
    expect([p.next(), p.next(), p.next()]).toEqual([
      0.9823943767696619, 0.3341257639694959, 0.6892532545607537,
    ]);
    const q = new Prng(42);
    expect([q.int(0, 9), q.pick(['a', 'b', 'c', 'd']), q.normal(0, 1), q.fork(3).next()]).toEqual([
      4,
      'd',
      -0.5910417634988508,
      0.5785990175791085,
    ]);
  });

  it('shuffles as the question generator did', () => {
    const p = new Prng(5);
    expect(p.shuffle([1, 2, 3, 4, 5, 6, 7, 8])).toEqual([6, 3, 8, 1, 4, 5, 7, 2]);
    expect(p.next()).toBe(0.9050360119435936);
  });

  it('from an unmixed state, is plain mulberry32 (tiny models, bench phrasings)', () => {
    const m = Prng.fromState(7);
    expect([m.next(), m.next(), m.next()]).toEqual([
      0.011704753153026104, 0.06195825757458806, 0.97690763277933,
    ]);
    const f = Prng.fromState(11);
    expect(f.shuffle([1, 2, 3, 4, 5, 6, 7, 8])).toEqual([8, 1, 2, 6, 3, 7, 4, 5]);
    expect(f.pick(['a', 'b', 'c'])).toBe('b');
    expect(f.next()).toBe(0.6077365837991238);
  });

  it('leaves the shuffled array alone', () => {
    const xs = [1, 2, 3];
    new Prng(1).shuffle(xs);
    expect(xs).toEqual([1, 2, 3]);
  });
});
