import { describe, expect, it } from 'vitest';
import { MosaicThinker } from './MosaicThinker';
import { testScene } from '../../../test/core/reasoning/testScene';

/** The test living room: couch at (0, 3), tv at (0, −1), chairs at (±2, 0), plant at (−1, 3), table at (2, 2). */
const ask = (q: string) => new MosaicThinker({ mosaic: testScene(), units: 'metric' }).ask(q);

describe('yes/no questions start with Yes or No', () => {
  it.each([
    ['does the couch stand taller than the cup?', true],
    ['does the cup reach higher than the couch?', false],
    ['is the couch bigger than the chair?', true],
    ['is the cup larger than the table?', false],
    ['could you tell me if the couch is bigger than the chair?', true],
    ['would you be able to tell me whether the cup is taller than the couch?', false],
  ])('%s', async (q, yes) => {
    const a = await ask(q);
    expect(a.value).toBe(yes);
    expect(a.answer).toMatch(yes ? /^Yes\b/ : /^No\b/);
  });

  it.each([
    ['is the couch farther from the tv than the chair is?', true],
    ['is the chair further from the tv than the couch?', false],
    ['is the chair closer to the tv than the couch is?', true],
    ['is the potted plant nearer to the tv than the chair?', false],
  ])('%s', async (q, yes) => {
    const a = await ask(q);
    expect(a.value).toBe(yes);
    expect(a.answer).toMatch(yes ? /^Yes, the \w+ is (farther from|closer to) the tv/ : /^No\b/);
  });
});

describe('a more specific name than the map has', () => {
  it.each(['can you see a bar stool?', 'is there a stool here?', 'have you come across a bar stool?'])(
    '%s is not answered from the chairs',
    async (q) => {
      const a = await ask(q);
      expect(a.value).toBe(false);
      expect(a.answer).toMatch(/^No, I haven't seen a (bar )?stool as such, but I have seen 2 chairs\.$/);
    },
  );

  it.each(['how many bar stools are there?', 'count the stools'])('%s counts chairs as chairs', async (q) => {
    const a = await ask(q);
    expect(a.answer).toMatch(/^I count 2 chairs; I cannot tell (bar )?stools from chairs/);
  });

  it('a synonym of a class in the map is still seen', async () => {
    const a = await ask('is there a sofa?');
    expect(a.value).toBe(true);
    expect(a.answer).toMatch(/^Yes, I have seen a sofa/);
  });
});
