import { describe, expect, it } from 'vitest';
import { ProgressReporter, type ProgressEvent } from './progress';
import { RequestTracker } from './RequestTracker';

describe('ProgressReporter', () => {
  it('never goes backwards, stays below 100 until done, and finishes once', () => {
    const events: ProgressEvent[] = [];
    const p = new ProgressReporter('t', 'r1', (e) => void events.push(e));
    p.report('a', 40);
    p.report('b', 20); // a late stage reporting less must not move the bar back
    p.report('c', 100); // only done() may say 100
    p.done();
    p.done();
    p.report('d', 50);
    expect(events.map((e) => (e.status === 'initiate' ? e.status : `${e.status}:${e.progress}`))).toEqual([
      'initiate',
      'progress:40',
      'progress:40',
      'progress:99.999',
      'done:100',
    ]);
  });

  it('survives a throwing listener', () => {
    const p = new ProgressReporter('t', 'r1', () => {
      throw new Error('released proxy');
    });
    expect(() => p.report('a', 10)).not.toThrow();
  });
});

describe('RequestTracker', () => {
  it('supersede aborts the older request of the same lane only', () => {
    const t = new RequestTracker();
    const a = t.begin('ask');
    const other = t.begin('frame');
    const b = t.begin('ask', undefined, { supersede: true });
    expect(a.signal.aborted).toBe(true);
    expect((a.signal.reason as Error).name).toBe('AbortError');
    expect(b.signal.aborted).toBe(false);
    expect(other.signal.aborted).toBe(false);
    b.end();
    expect(t.interrupt(b.id)).toBe(0);
    expect(t.interrupt()).toBe(1);
  });
});
