import { describe, expect, it } from 'vitest';
import { ObjectInstance } from './objectInstance';
import { seenInPartOnly } from './shapeObject';

/** Objects seen only in part (every view cut by the image border or the depth's view) are not sized yet. */
const chair = (): ObjectInstance => {
  const inst = new ObjectInstance('obj-0', 0, 0);
  inst.addObservation(
    new Float64Array([0, 0, 0.4, 0.26, 0.08, 0.77]),
    {
      frame: 0,
      box: [559, 215, 640, 301],
      score: 0.7,
      label: 'chair',
    },
    0,
  );
  return inst;
};

describe('seenInPartOnly', () => {
  it('holds back a chair seen only as a strip at the image edge (26 × 8 × 37 cm)', () => {
    expect(seenInPartOnly(chair(), [0.26, 0.08, 0.37])).toBe(true);
  });

  it('sizes it once one view showed it whole', () => {
    const inst = chair();
    inst.wholeViews = 1;
    expect(seenInPartOnly(inst, [0.26, 0.08, 0.37])).toBe(false);
  });

  it('sizes a cut object whose box already spans much of its class (a full-height chair strip, a table)', () => {
    expect(seenInPartOnly(chair(), [0.26, 0.08, 0.85])).toBe(false);
    expect(seenInPartOnly(chair(), [0.5, 0.2, 0.37])).toBe(false);
  });

  it('keeps counting whole views when a duplicate is merged in', () => {
    const a = chair();
    const b = chair();
    b.wholeViews = 2;
    a.absorb(b);
    expect(a.wholeViews).toBe(2);
    expect(seenInPartOnly(a, [0.26, 0.08, 0.37])).toBe(false);
  });
});
