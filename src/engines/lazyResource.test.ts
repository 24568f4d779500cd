import { describe, expect, it } from 'vitest';
import { LazyResource } from './lazyResource';

function holder() {
  const released: number[] = [];
  const finish: Array<(v: number) => void> = [];
  const fail: Array<(e: Error) => void> = [];
  const lazy = new LazyResource<number, string>(
    () =>
      new Promise<number>((resolve, reject) => {
        finish.push(resolve);
        fail.push(reject);
      }),
    async (v) => void released.push(v),
  );
  return { lazy, released, finish, fail };
}

describe('LazyResource', () => {
  it('shares one load between concurrent callers', async () => {
    const { lazy, finish } = holder();
    const a = lazy.load('a');
    const b = lazy.load('b');
    expect(finish).toHaveLength(1);
    finish[0](7);
    expect(await Promise.all([a, b])).toEqual([7, 7]);
    expect(lazy.current).toBe(7);
  });

  it('forgets a failed load, so the next one starts afresh', async () => {
    const { lazy, finish, fail } = holder();
    const a = lazy.load('a');
    fail[0](new Error('no model'));
    await expect(a).rejects.toThrow('no model');
    const b = lazy.load('b');
    expect(finish).toHaveLength(2);
    finish[1](3);
    expect(await b).toBe(3);
  });

  it('releases what a load in flight produces when disposed, and loads anew afterwards', async () => {
    const { lazy, released, finish } = holder();
    const a = lazy.load('a');
    const disposed = lazy.dispose();
    finish[0](5);
    await a;
    await disposed;
    expect(released).toEqual([5]);
    expect(lazy.current).toBeNull();
    const b = lazy.load('b');
    expect(finish).toHaveLength(2);
    finish[1](6);
    expect(await b).toBe(6);
    expect(released).toEqual([5]);
  });
});
