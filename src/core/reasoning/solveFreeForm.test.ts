import { describe, expect, it } from 'vitest';
import type { Mosaic } from '../mosaic/types';
import { MosaicThinker } from './MosaicThinker';
import { obj, testScene } from '../../../test/core/reasoning/testScene';

/** The test living room plus a fridge, a sink, a suitcase and a clock (z up; the camera at the origin looks along +y). */
function room(): Mosaic {
  const m = testScene();
  m.objects.push(
    obj('o8', 'refrigerator', [-3, 2, 0.9], [0.7, 0.7, 1.8], 60),
    obj('o9', 'clock', [0, -1.1, 2.0], [0.3, 0.05, 0.3], 70),
    obj('o10', 'suitcase', [3, -2, 0.35], [0.4, 0.25, 0.7], 5),
    obj('o11', 'sink', [-3, 0.5, 0.85], [0.6, 0.5, 0.2], 65),
  );
  return m;
}
const ask = (q: string, m: Mosaic = room(), units: 'metric' | 'imperial' = 'metric') =>
  new MosaicThinker({ mosaic: m, units }).ask(q);

describe('free-form answers', () => {
  it('existence: yes with where, or "no, I haven\'t seen"', async () => {
    const yes = await ask('is there a fridge?');
    expect(yes).toMatchObject({ value: true, objects: ['o8'] });
    expect(yes.answer).toMatch(/^Yes, I have seen a fridge/);
    expect(await ask('is there a piano in here?')).toMatchObject({
      value: false,
      answer: "No, I haven't seen a piano.",
      objects: [],
    });
  });

  it('"not seen" and "not understood" are different answers, and neither shows a parse fragment', async () => {
    expect((await ask('how tall is the piano in feet?')).answer).toBe("I haven't seen a piano here.");
    const r = await ask('what is the weather like');
    expect(r.answer).toMatch(/^I did not understand the question \(I read: "what is the weather like"/);
    expect(r.value).toBeNull();
    const long = await ask('how many chairs '.repeat(200));
    expect(long.answer).toMatch(/^I did not understand the question/);
  });

  it('height is the vertical extent, length and width the horizontal sides, "how big" the longest', async () => {
    const m = room();
    m.objects[0] = { ...m.objects[0], yaw: Math.PI / 2 }; // the couch turned: its 2 m side along y
    expect((await ask('how tall is the couch?', m)).value).toBe(80);
    expect((await ask('how long is the couch?', m)).value).toBe(200);
    expect((await ask('how wide is the couch?', m)).value).toBe(90);
    expect((await ask('how big is the sofa?', m)).value).toBe(200);
    // y-up world: the same fridge, standing 1.8 m along y (size is [e1, e2, height] of the floor frame in any world).
    const yUp: Mosaic = { ...room(), up: [0, 1, 0] };
    yUp.objects[7] = { ...yUp.objects[7], center: [-3, 0.9, 2], size: [0.7, 0.7, 1.8] };
    expect((await ask("what's the height of the fridge?", yUp)).value).toBe(180);
  });

  it('answers in the unit asked, else in the units setting', async () => {
    expect(await ask('how tall is the fridge in feet?')).toMatchObject({ value: 5.91, unit: 'ft' });
    expect(await ask('how tall is the fridge in mm')).toMatchObject({ value: 1800, unit: 'mm' });
    expect(await ask('how far is the couch from the tv in cm')).toMatchObject({ value: 351, unit: 'cm' });
    expect(await ask('how tall is the fridge?', room(), 'imperial')).toMatchObject({
      value: 70.9,
      unit: 'in',
    });
    expect(await ask('how far is the couch from the tv?', room(), 'imperial')).toMatchObject({ unit: 'ft' });
    expect(await ask('how big is the room in square feet?')).toMatchObject({ unit: 'ft2' });
  });

  it('a name matching several instances: says so, answers for each, lists exactly the ids used', async () => {
    const r = await ask('how far is the chair from the table?');
    expect(r.answer).toBe(
      'I have seen 2 chairs: the nearer chair is 1.35 m from the table, the other 3.43 m.',
    );
    expect(r.value).toBe(1.35);
    expect([...r.objects].sort()).toEqual(['o3', 'o4', 'o6']);
    expect(await ask('distance between the two chairs')).toMatchObject({ value: 3.5, objects: ['o3', 'o4'] });
    const where = await ask('where are the chairs?');
    expect(where.answer).toMatch(
      /^I have seen 2 chairs: one is .*to your right.* and another is .*to your left/,
    );
  });

  it('superlatives, nearest neighbours and comparisons', async () => {
    expect(await ask('What is the largest object in the room?')).toMatchObject({
      value: 'couch',
      objects: ['o1'],
    });
    expect(await ask('which is the tallest object?')).toMatchObject({
      value: 'refrigerator',
      objects: ['o8'],
    });
    expect(await ask('what is closest to the clock?')).toMatchObject({ value: 'tv', objects: ['o9', 'o2'] });
    expect(await ask('what is the farthest object from the tv?')).toMatchObject({ value: 'potted plant' });
    const next = await ask("what's next to the sink?");
    expect(next.answer).toBe('Next to the sink: the chair (0.45 m) and the refrigerator (0.9 m).');
    expect(await ask('whats bigger, the couch or the dining table')).toMatchObject({ value: 'couch' });
    expect(await ask('which is taller, the fridge or the couch?')).toMatchObject({ value: 'fridge' });
    expect(await ask('is the couch bigger than the fridge?')).toMatchObject({ value: true });
    expect(await ask('is the fridge bigger than the couch?')).toMatchObject({ value: false });
    expect(await ask('is the chair closer to the tv or the suitcase?')).toMatchObject({ value: 'tv' });
  });

  it('standpoints: the side asked about, left-or-right, or where', async () => {
    // At the couch (0, 3) facing the tv (0, −1): the fridge (−3, 2) is ahead and to the right.
    expect(await ask('If I stand by the couch facing the tv, is the fridge to my left?')).toMatchObject({
      value: false,
      objects: ['o1', 'o2', 'o8'],
    });
    expect(await ask('If I stand by the sofa facing the telly, is the fridge on my right?')).toMatchObject({
      value: true,
    });
    expect(
      await ask('if I stand at the couch facing the tv, would the suitcase be on my left or right?'),
    ).toMatchObject({
      value: 'left',
    });
    expect(await ask("if I'm at the fridge looking at the couch, where is the suitcase?")).toMatchObject({
      value: 'front-right',
    });
    // Back to the tv = facing away from it: the sides swap.
    expect(
      await ask('if I stand by the couch with my back to the tv, is the fridge to my left or right?'),
    ).toMatchObject({
      value: 'left',
    });
  });

  it('where is X: landmarks and the direction from the user; what is behind me', async () => {
    const r = await ask('where is the cup?');
    expect(r.answer).toBe('The cup is on the dining table, in front of you, 2.85 m away.');
    expect(r.objects).toEqual(['o7', 'o6']);
    expect((await ask("what's behind me?")).answer).toBe('A tv and a clock are behind you.');
  });

  it('lists, totals and descriptions', async () => {
    expect(await ask('how many objects are in the room?')).toMatchObject({ value: 11 });
    const two = await ask('how many cups and chairs are there in total?');
    expect(two).toMatchObject({ value: 3, answer: 'A cup and 2 chairs: 3 in total.' });
    expect([...two.objects].sort()).toEqual(['o3', 'o4', 'o7']);
    expect((await ask('list everything you saw')).answer).toMatch(
      /^I have seen 11 objects: 2 chairs, a clock, a couch/,
    );
    const d = await ask('describe the room');
    expect(d.answer).toMatch(
      /^The room is about [\d.]+ m² \(from the extent\)\. I have seen 11 objects: .*\. The couch is /,
    );
    expect(await ask('in what order did the couch, the clock and the suitcase first appear?')).toMatchObject({
      value: 'suitcase, couch, clock',
    });
  });
});

describe('object names both ways', () => {
  /** The same room labelled with the benchmarks' names (ScanNet / ARKitScenes / VSI-Bench). */
  function benchmarkNamed(): Mosaic {
    const names: Record<string, string> = {
      couch: 'sofa',
      'dining table': 'table',
      refrigerator: 'fridge',
      'potted plant': 'plant',
    };
    const m = room();
    m.objects = m.objects.map((o) =>
      names[o.label]
        ? { ...o, label: names[o.label], labels: [{ label: names[o.label], weight: 1, count: 3 }] }
        : o,
    );
    return m;
  }
  it.each([
    ['how far is the couch from the dining table?', 0.43],
    ['how far is the sofa from the table?', 0.43],
    ['how far is the settee from the kitchen table?', 0.43],
    ['how tall is the refrigerator?', 180],
    ['how tall is the fridge?', 180],
    ['how many potted plants are there?', 1],
    ['how many houseplants are there?', 1],
  ])('%s (COCO- and benchmark-named mosaics agree)', async (q, v) => {
    expect((await ask(q)).value).toBe(v);
    expect((await ask(q, benchmarkNamed())).value).toBe(v);
  });
  it('stove ↔ oven', async () => {
    const m = room();
    m.objects.push(obj('o12', 'oven', [-3, -1, 0.45], [0.6, 0.6, 0.9], 66));
    expect(await ask('is there a stove?', m)).toMatchObject({ value: true, objects: ['o12'] });
    m.objects[m.objects.length - 1] = obj('o12', 'stove', [-3, -1, 0.45], [0.6, 0.6, 0.9], 66);
    expect(await ask('how tall is the oven?', m)).toMatchObject({ value: 90 });
  });
});

describe('phrasing families (routes from a standpoint, appearance choices, measurement nouns, kinds)', () => {
  it('a route from a standpoint answers the first turn, then the way; without one, the route in words', async () => {
    // At the couch (0, 3) facing the tv (0, −1): the fridge (−3, 2) is 72° right, the plant (−1, 3) 90° right,
    // the suitcase (3, −2) 31° left (straight ahead); with the tv at my back the fridge is 108° left.
    const r = await ask(
      "I'm sitting on the couch looking at the telly. Which way do I go to get over to the fridge?",
    );
    expect(r).toMatchObject({ value: 'right' });
    expect(r.answer).toMatch(/^Turn right \(.*\)\. From the couch, head towards the refrigerator/);
    expect(r.objects.slice(0, 3)).toEqual(['o1', 'o2', 'o8']);
    expect(
      await ask('Starting from the sofa, looking toward the TV, how would I walk to the plant?'),
    ).toMatchObject({
      value: 'right',
    });
    expect(await ask('on the couch with the tv in front of me - how can I reach the suitcase')).toMatchObject(
      {
        value: 'straight ahead',
      },
    );
    expect(
      await ask('with the tv behind me, standing at the couch, how do I head to the fridge'),
    ).toMatchObject({
      value: 'left',
    });
    const plain = await ask('how do I get from the sofa to the fridge?');
    expect(plain.answer).toMatch(/^From the couch, head towards the refrigerator/);
    expect(['left', 'right', 'straight ahead', 'back']).not.toContain(plain.value);
    expect((await ask('standing by the couch facing the tv, how do I get to the piano?')).answer).toBe(
      "I haven't seen a piano, so I cannot give that route.",
    );
  });

  it('appearance asked as a choice gives the one object as asked; "before"/"after" give yes or no', async () => {
    // First seen: suitcase 5, chairs 10/12, table 20, cup 22, plant 30, couch 45, fridge 60, sink 65, clock 70, tv 80.
    expect(await ask('which one was spotted first - the fridge or the clock?')).toMatchObject({
      value: 'fridge',
    });
    expect(await ask('out of the tv, the sink and the plant, which appeared last?')).toMatchObject({
      value: 'tv',
    });
    expect(await ask('Which popped up earlier in the clip: the sofa or the suitcase?')).toMatchObject({
      value: 'suitcase',
    });
    expect(await ask('Did I notice the cup before the dining table?')).toMatchObject({ value: false });
    expect(await ask('did the couch show up later than the suitcase?')).toMatchObject({ value: true });
  });

  it('measurement nouns are never object names: gaps, separations, measurements, neighbours', async () => {
    // Fridge y ∈ [1.65, 2.35], sink y ∈ [0.25, 0.75]: 0.9 m between them.
    expect(await ask('how many centimetres separate the fridge and the sink')).toMatchObject({ value: 90 });
    expect(await ask("what's the gap between the fridge and the sink, in cm?")).toMatchObject({ value: 90 });
    expect(await ask('how many metres are there between the sink and the fridge')).toMatchObject({
      value: 0.9,
    });
    expect(await ask('how many inches is it from the sink to the fridge?')).toMatchObject({ unit: 'in' });
    expect(await ask('the largest measurement of the fridge in cm?')).toMatchObject({ value: 180 });
    // The sink's nearest: the chair at (−2, 0), 0.45 m (the fridge is 0.9 m).
    expect(await ask("the sink's nearest neighbor?")).toMatchObject({ value: 'chair' });
    expect(await ask('what is the cup closest to?')).toMatchObject({ value: 'dining table' });
    expect(await ask('which one needs more space, the fridge or the couch?')).toMatchObject({
      value: 'couch',
    });
  });

  it('counting: kinds of things, irregular plurals, a trailing "there", totals with "plus"', async () => {
    const kinds = await ask('how many distinct types of things have you found?');
    expect(kinds).toMatchObject({ value: 10 });
    expect(kinds.answer).toMatch(/^I have seen 10 kinds of object: /);
    expect((await ask('how many mice did you see?')).answer).toBe("I haven't seen any mice.");
    const m = room();
    m.objects.push(
      obj('o12', 'mouse', [2.2, 2, 0.76], [0.06, 0.1, 0.04], 25),
      obj('o13', 'mouse', [1.8, 2, 0.76], [0.06, 0.1, 0.04], 26),
    );
    expect(await ask('how many mice did you see?', m)).toMatchObject({ value: 2, answer: 'I count 2 mice.' });
    m.objects.pop();
    // One thing asked for in the plural is counted in the singular.
    expect(await ask('how many mice did you see?', m)).toMatchObject({ value: 1, answer: 'I count 1 mouse.' });
    expect(await ask('could you say how many chairs there are here?')).toMatchObject({ value: 2 });
    expect(await ask('chairs plus cups - how many is that altogether?')).toMatchObject({ value: 3 });
    expect(await ask('could you locate any piano here?')).toMatchObject({
      value: false,
      answer: "No, I haven't seen a piano.",
    });
  });
});
