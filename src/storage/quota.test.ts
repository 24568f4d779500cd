import { describe, expect, it } from 'vitest';
import { requestPersistence, storageStatus } from './quota';

const manager = (opts: { persisted: boolean; grant: boolean; fail?: boolean }) => {
  let asked = 0;
  return {
    get asked() {
      return asked;
    },
    estimate: async () => ({ usage: 1234, quota: 10_000 }),
    persisted: async () => opts.persisted,
    persist: async () => {
      asked++;
      if (opts.fail) throw new Error('denied');
      return opts.grant;
    },
  };
};

describe('quota', () => {
  it('reports usage, quota and persistence', async () => {
    expect(await storageStatus(manager({ persisted: true, grant: true }))).toEqual({
      usage: 1234,
      quota: 10_000,
      persisted: true,
    });
    expect(await storageStatus(undefined)).toEqual({ usage: null, quota: null, persisted: false });
  });

  it('asks for persistence only when not yet persisted, and never throws', async () => {
    const already = manager({ persisted: true, grant: false });
    expect(await requestPersistence(already)).toBe(true);
    expect(already.asked).toBe(0);
    const fresh = manager({ persisted: false, grant: true });
    expect(await requestPersistence(fresh)).toBe(true);
    expect(fresh.asked).toBe(1);
    expect(await requestPersistence(manager({ persisted: false, grant: false, fail: true }))).toBe(false);
  });
});
