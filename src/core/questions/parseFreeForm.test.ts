import { describe, expect, it } from 'vitest';
import type { TextGenerator } from '../reasoning/interfaces';
import { firstJsonObject, parseByPattern, parseWithGenerator } from './parseFreeForm';
import { parseAnswer } from './parseAnswer';
import { canonicalLabel } from './labels';

describe('parseByPattern', () => {
  it.each([
    ['how far is the cup from the laptop?', { kind: 'object_abs_distance', a: 'cup', b: 'laptop' }],
    ['What is behind me?', { kind: 'ego_whats_there', direction: 'back' }],
    ['is the plant left of the sofa?', { kind: 'pair_relation', a: 'plant', relation: 'left', b: 'sofa' }],
    ['Is the vase on top of the table?', { kind: 'pair_relation', a: 'vase', relation: 'above', b: 'table' }],
    ['how many chairs?', { kind: 'object_counting', label: 'chair' }],
    ['How many chairs are there?', { kind: 'object_counting', label: 'chair' }],
    ['how big is the table?', { kind: 'object_measure', label: 'table', measure: 'longest' }],
    ['how big is this room?', { kind: 'room_size_estimation' }],
    ['is the door to my left?', { kind: 'ego_direction_of', target: 'door' }],
    ['where is the tv?', { kind: 'locate', target: 'tv' }],
    [
      'is the cup between the laptop and the vase?',
      { kind: 'pair_relation', a: 'cup', relation: 'between', b: 'laptop', c: 'vase' },
    ],
    [
      'which did I see first, the sofa or the tv?',
      { kind: 'obj_appearance_order', labels: ['sofa', 'tv'], ask: 'first' },
    ],
    [
      'which is closest to the bed: the chair, the tv or the lamp?',
      { kind: 'object_rel_distance', anchor: 'bed', choices: ['chair', 'tv', 'lamp'] },
    ],
    ['tell me a story', { kind: 'open', targets: ['story'] }],
  ])('%s', (q, task) => {
    expect(parseByPattern(q).task).toEqual(task);
  });
});

const fake = (reply: string): TextGenerator & { prompts: string[] } => {
  const prompts: string[] = [];
  return { prompts, generate: async (p) => (prompts.push(p), reply) };
};

describe('parseWithGenerator', () => {
  it('uses the VLM JSON when usable', async () => {
    const g = fake(
      'Sure! {"task": "relation", "targets": ["mug", "sofa"], "relation": "near", "frame": "ego"}',
    );
    const p = await parseWithGenerator('my mug, the couch thing: touching or not', g);
    expect(p.via).toBe('vlm');
    expect(p.task).toEqual({ kind: 'pair_relation', a: 'mug', relation: 'near', b: 'sofa', c: undefined });
    expect(g.prompts[0]).toContain('my mug, the couch thing: touching or not');
  });
  it("keeps the rules' reading when they understood the question (the VLM is not asked)", async () => {
    const g = fake('{"task": "size", "targets": ["fridge"]}');
    const p = await parseWithGenerator('how tall is the fridge in feet?', g);
    expect(p).toMatchObject({
      via: 'pattern',
      unit: 'ft',
      task: { kind: 'object_measure', measure: 'height' },
    });
    expect(g.prompts).toHaveLength(0);
  });
  it('falls back to the patterns on broken JSON', async () => {
    const p = await parseWithGenerator('how many chairs?', fake('{"task": "count", "targets": [oops'));
    expect(p).toMatchObject({ via: 'pattern', task: { kind: 'object_counting', label: 'chair' } });
  });
  it('finds the first balanced JSON object', () => {
    expect(firstJsonObject('x {"a": {"b": 1}} y {"c": 2}')).toEqual({ a: { b: 1 } });
    expect(firstJsonObject('no json')).toBeUndefined();
  });
});

describe('parseAnswer', () => {
  const opts = ['A. left', 'B. right', 'C. back'].map((t, i) => ({ letter: 'ABC'[i], text: t.slice(3) }));
  it('reads option letters and option texts', () => {
    expect(parseAnswer('B', 'object_rel_direction_medium', opts)).toBe('B');
    expect(parseAnswer('(C) back', 'object_rel_direction_medium', opts)).toBe('C');
    expect(parseAnswer('The answer is A.', 'object_rel_direction_medium', opts)).toBe('A');
    expect(parseAnswer('it is to the right', 'object_rel_direction_medium', opts)).toBe('B');
    expect(parseAnswer('no idea', 'object_rel_direction_medium', opts)).toBeUndefined();
  });
  it('reads numbers with units, converting to the task unit', () => {
    expect(parseAnswer('about 1.5 meters', 'object_size_estimation')).toBe(150);
    expect(parseAnswer('85 cm', 'object_size_estimation')).toBe(85);
    expect(parseAnswer('120 cm', 'object_abs_distance')).toBeCloseTo(1.2, 12);
    expect(parseAnswer('3', 'object_counting')).toBe(3);
    expect(parseAnswer('none', 'object_counting')).toBeUndefined();
  });
});

describe('route requests in words', () => {
  it.each([
    ['how do I get from the sofa to the fridge?', 'sofa', 'refrigerator'],
    ['Directions from the bed to the door please', 'bed', 'door'],
    ['how can I walk to the tv from the table', 'table', 'tv'],
  ])('%s → route_directions', (q, from, to) => {
    const t = parseByPattern(q).task;
    expect(t.kind).toBe('route_directions');
    if (t.kind !== 'route_directions') return;
    expect(canonicalLabel(t.from)).toBe(canonicalLabel(from));
    expect(canonicalLabel(t.to)).toBe(canonicalLabel(to));
  });
  it('a distance question is not a route request', () =>
    expect(parseByPattern('how far is the sofa from the fridge?').task.kind).not.toBe('route_directions'));
});
