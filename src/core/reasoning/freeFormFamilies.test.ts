import { describe, expect, it } from 'vitest';
import type { Mosaic } from '../mosaic/types';
import { MosaicThinker } from './MosaicThinker';
import { obj, testScene } from '../../../test/core/reasoning/testScene';

/** The test living room (2 chairs, a couch, a tv, a dining table, a cup, a plant) plus a fridge. */
function room(): Mosaic {
  const m = testScene();
  m.objects.push(obj('o8', 'refrigerator', [-3, 2, 0.9], [0.7, 0.7, 1.8], 60));
  return m;
}
const ask = (q: string, m: Mosaic = room()) => new MosaicThinker({ mosaic: m }).ask(q);

describe('free-form families answered end to end', () => {
  it('compares counts: yes/no with "than", the name with "or"', async () => {
    expect((await ask('are there more chairs than tables?')).value).toBe(true);
    expect((await ask('are there fewer chairs than tables?')).value).toBe(false);
    expect((await ask('do the cups outnumber the chairs?')).value).toBe(false);
    const which = await ask('do I have more cups or chairs?');
    expect(which.value).toBe('chair');
    expect(which.answer).toBe('There are more chairs: I count a cup and 2 chairs.');
  });

  it('the closest of a kind to another object', async () => {
    const r = await ask("where's the closest chair to the fridge?");
    expect(r.value).toBe('chair');
    expect(r.objects).toContain('o4');
    expect(r.objects).not.toContain('o3');
  });

  it('reads a misspelt name as the name it is nearest to, and an unknown one as unseen', async () => {
    expect((await ask('how tall is the refrigirator?')).value).toBe(180);
    expect((await ask('how many chiars are there?')).value).toBe(2);
    expect((await ask('Would there be a piano in the room at all?')).answer).toBe(
      "No, I haven't seen a piano.",
    );
  });

  it('framing words, vocatives and plans are not objects asked about', async () => {
    expect((await ask('Measured in elevation, how tall is the fridge?')).value).toBe(180);
    expect((await ask('What is the biggest thing in the room, mate?')).value).toBe('couch');
    expect((await ask('Before I buy a rug, tell me what is already in the room.')).answer).toMatch(/chair/);
    expect((await ask('is there a harp here, mate?')).answer).toBe("No, I haven't seen a harp.");
  });

  it('footprint sides are the horizontal length and width', async () => {
    expect((await ask("What's the long side of the couch's footprint, in cm?")).value).toBe(200);
    expect((await ask('In plan, what is the shorter dimension of the couch, in cm?')).value).toBe(90);
  });
  it('totals: every object said with any noun of the class, and the total of kinds named before', async () => {
    expect((await ask('How many pieces in total are in this room? I need the whole figure.')).value).toBe(8);
    expect((await ask("What's the overall item count, every object included?")).value).toBe(8);
    const named = await ask("If you add the chairs to the cups, what's the total?");
    expect(named.value).toBe(3);
    expect(named.answer).toBe('2 chairs and a cup: 3 in total.');
  });

  it('one object at its longest is its largest dimension', async () => {
    expect((await ask('How many cm is the couch at its longest?')).value).toBe(200);
    expect((await ask('How many cm is the fridge at its tallest?')).value).toBe(180);
  });

  it('"the A is next to what?" and "what is the A beside?" ask what is nearest', async () => {
    expect((await ask('The tv is next to what?')).value).toBe('chair');
    expect((await ask('What is the fridge beside?')).answer).toMatch(/closest is the chair/);
  });

  it('another person standing for me, with her left and right', async () => {
    const at = 'My client stands at the tv, facing the couch.';
    expect((await ask(`${at} Is the potted plant on her left?`)).value).toBe(true);
    expect((await ask(`${at} Is the potted plant on her right?`)).value).toBe(false);
  });

  it('a hedge that sets two things apart, then "how far is it", is their distance', async () => {
    const r = await ask(
      'I may be wrong, but the couch looks far from the tv. How far is it really, in metres?',
    );
    expect(r.value).toBe(3.51);
    expect(r.answer).toBe('The couch and the tv are 3.51 m apart.');
  });

  it('a pronoun after a short story stands for the object the story is about', async () => {
    expect((await ask('I kept tripping over chairs last night. How many of them are there?')).value).toBe(2);
    expect((await ask('My son wants to take the fridge home in his van. How tall is it, in cm?')).value).toBe(
      180,
    );
    expect((await ask('The couch must go through a narrow doorway. What is its width, in cm?')).value).toBe(
      90,
    );
    expect((await ask('There is a cup over there. How far is it from the couch, in feet?')).value).toBe(3.57);
    expect((await ask('How many of them are there in this room?')).answer).toMatch(/^I did not understand/);
  });

  it('a trailing unit clause and a scene-setting lead are no part of a name', async () => {
    const gap = await ask(
      'Measured at their nearest points, what is the distance between the couch and the fridge, given in metres?',
    );
    expect(gap.value).toBe(1.66);
    expect((await ask('On this leg of the visit, which object is the biggest of them all?')).value).toBe(
      'couch',
    );
    expect(
      (await ask('Please identify the object, other than the tv itself, nearest to the tv.')).value,
    ).toBe('chair');
  });
});
