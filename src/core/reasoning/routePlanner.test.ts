import { describe, expect, it } from 'vitest';
import { MOSAIC_SCHEMA_VERSION, type Mosaic } from '../mosaic/types';
import { parseTemplate, parseTurns } from '../questions/parseQuestion';
import type { Task } from '../questions/types';
import { describeRoute } from './route';
import { parseRouteRequest } from '../questions/routeRequest';
import { planRoute, resolveMapLabel, routeOptions } from './routePlanner';
import { solveTask } from './solveTask';
import { obj } from '../../../test/core/reasoning/testScene';

/**
 * A 6 × 5 m room, z up, seen from above with +y ahead:
 *   bed (west, y 1..3), sofa against the north wall, tv on the south wall, two chairs by the east wall,
 *   a table in the middle-east. Large, close objects, two instances of "chair".
 */
function room(): Mosaic {
  return {
    schemaVersion: MOSAIC_SCHEMA_VERSION,
    up: [0, 0, 1],
    objects: [
      obj('bed', 'bed', [-2, 2, 0.3], [2, 1.6, 0.6], 0),
      obj('sofa', 'sofa', [0, 4.4, 0.4], [2.2, 0.9, 0.8], 0),
      obj('tv', 'tv', [0, -0.4, 1], [1.2, 0.1, 0.7], 0),
      obj('chair1', 'chair', [2.5, 0.8, 0.45], [0.5, 0.5, 0.9], 0),
      obj('chair2', 'chair', [2.5, 3.6, 0.45], [0.5, 0.5, 0.9], 0),
      obj('table', 'table', [1.2, 2.2, 0.37], [1.2, 0.8, 0.74], 0),
    ],
    trajectory: [],
  };
}

const ask = (route: string) => {
  const q = `You are a robot beginning at ${route} You will perform the following actions (Note: for each [please fill in], choose either 'turn back,' 'turn left,' or 'turn right.'): `;
  return q;
};

function solve(question: string, options: string[]) {
  const p = parseTemplate(question, options)!;
  const t = p.task as Extract<Task, { kind: 'route_planning' }>;
  return planRoute(room(), t, routeOptions(p.options!, parseTurns));
}

const OPTS3 = ['A. Turn Left', 'B. Turn Right', 'C. Turn Back'];

describe('route planning over a real-like layout', () => {
  it('follows the instructions: go forward keeps the heading, the blank is the change of heading', () => {
    // At the tv facing the sofa (north), walk to the table?? no: walk north to the sofa, then the bed lies west: left.
    const q = `${ask('the tv facing the sofa. You want to navigate to the bed.')}1. Go forward until the sofa 2. [please fill in] 3. Go forward until the bed. You have reached the final destination.`;
    const r = solve(q, OPTS3);
    expect(r.answer).toBe('A');
    expect(r.missing).toEqual([]);
  });
  it('picks the instance the name means ("the farthest chair" from where I stand)', () => {
    // From the tv facing the sofa (north): the farthest chair is chair2 (north-east) — ahead and to the right.
    const q = `${ask('the bed facing the tv. You want to navigate to the farthest chair.')}1. [please fill in] 2. Go forward until the farthest chair. You have reached the final destination.`;
    // Facing the tv from the bed is south-east; chair2 at (2.5, 3.6) lies to the left of that.
    expect(solve(q, OPTS3).answer).toBe('A');
    const near = q.replace(/farthest chair/g, 'closest chair');
    // The closest chair (chair1, at (2.5, 0.8)) is nearly straight ahead, a little left: still left, not back.
    expect(solve(near, OPTS3).answer).not.toBe('C');
  });
  it('picks the instance a relational name means ("the chair by the sofa")', () => {
    const q = `${ask('the tv facing the table. You want to navigate to the chair by the sofa.')}1. [please fill in] 2. Go forward until the chair by the sofa. You have reached the final destination.`;
    const r = solve(q, OPTS3);
    expect(r.facts).toContain('picked by relation: chair by the sofa → the chair nearest the sofa');
    expect(r.objects).toEqual(['tv', 'chair2']);
  });
  it('reasons from the landmarks that exist when one is missing, and says so', () => {
    const q = `${ask('the door and facing the sofa. You want to navigate to the bed.')}1. Go forward until the sofa 2. [please fill in] 3. Go forward until the bed. You have reached the final destination.`;
    const r = solve(q, OPTS3);
    expect(r.missing).toEqual(['door']);
    expect(r.facts.join('\n')).toMatch(/not in the map: door; reasoned from sofa, bed/);
    // Wherever the door is on the room's edge, walking to the sofa (north wall) leaves the bed to the left.
    expect(r.answer).toBe('A');
  });
  it('does not retrace a leg: "turn back" right after walking somewhere is the least likely reading', () => {
    const q = `${ask('the tv facing the sofa. You want to navigate to the lamp.')}1. Go forward until the sofa 2. [please fill in] 3. Go forward until the lamp. You have reached the final destination.`;
    expect(solve(q, OPTS3).answer).not.toBe('C');
  });
  it('answers in the VSI format through solveTask, with the options', () => {
    const q = `${ask('the tv facing the sofa. You want to navigate to the bed.')}1. Go forward until the sofa 2. [please fill in] 3. Go forward until the bed. You have reached the final destination.`;
    const out = solveTask(room(), parseTemplate(q, OPTS3)!);
    expect(out).toMatchObject({ status: 'answered', answer: 'A' });
  });
});

describe('map labels for written names', () => {
  const known = new Set(['sofa', 'table', 'washer', 'bathtub', 'tv']);
  it.each([
    ['3-seater sofa', 'sofa'],
    ['couch', 'sofa'],
    ['dinning table', 'table'],
    ['desk', 'table'],
    ['washing machine', 'washer'],
    ['bathtube', 'bathtub'],
    ['bath tub', 'bathtub'],
    ['computer monitor', 'tv'],
  ])('%s → %s', (name, label) => expect(resolveMapLabel(name, known)).toBe(label));
  it('an object the map lacks stays unresolved', () =>
    expect(resolveMapLabel('piano', known)).toBeUndefined());
});

describe('free-form routes', () => {
  it.each([
    ['how do I get from the sofa to the fridge?', { from: 'sofa', to: 'fridge' }],
    ['How can I walk to the tv from the bed', { from: 'bed', to: 'tv' }],
    ["what's the way from the door to the kitchen table?", { from: 'door', to: 'kitchen table' }],
    ['directions from my bed to the bathroom', { from: 'bed', to: 'bathroom' }],
  ])('%s', (q, expected) => expect(parseRouteRequest(q)).toEqual(expected));
  it('is not a route request', () =>
    expect(parseRouteRequest('how far is the sofa from the tv?')).toBeUndefined());

  it('gives the route in words: distance, what is in the way and what I pass', () => {
    const r = describeRoute(room(), 'tv', 'sofa');
    expect(r.ok).toBe(true);
    expect(r.text).toMatch(/^From the tv, head towards the sofa, about 4\.3\d? m away\./);
    expect(r.text).toMatch(/pass the table on your right/);
    expect(r.objects.slice(0, 2)).toEqual(['tv', 'sofa']);
  });
  it('gives the distance in feet to a person who set imperial units', () => {
    const r = describeRoute(room(), 'tv', 'sofa', 'imperial');
    expect(r.text).toMatch(/^From the tv, head towards the sofa, about 14\.\d ft away\./);
  });
  it('says what is in the way and which way round', () => {
    const m = room();
    m.objects = m.objects.map((o) => (o.id === 'table' ? { ...o, center: [0.3, 2, 0.37] } : o));
    const r = describeRoute(m, 'tv', 'sofa');
    // The table's centre is right of the line: round its left side is shorter.
    expect(r.text).toMatch(/The table is in the way: go around it on its left\./);
  });
  it('says plainly when an end is not in the map', () => {
    const r = describeRoute(room(), 'sofa', 'fridge');
    expect(r).toMatchObject({ ok: false, missing: ['fridge'] });
    expect(r.text).toBe('I have not seen a fridge here, so I cannot give that route.');
  });
});

describe('routes asked without options', () => {
  it('gives the turns; a long route is settled blank by blank', () => {
    const steps = (n: number) =>
      Array.from(
        { length: n },
        (_, i) =>
          `${2 * i + 1}. Go forward until the ${i % 2 ? 'sofa' : 'bed'} ${2 * i + 2}. [please fill in]`,
      ).join(' ');
    const short = parseTemplate(
      `${ask('the tv facing the sofa. You want to navigate to the bed.')}1. Go forward until the sofa 2. [please fill in] 3. Go forward until the bed. You have reached the final destination.`,
    )!;
    expect(solveTask(room(), short)).toMatchObject({ status: 'answered', answer: 'left' });
    const long = parseTemplate(
      `${ask('the tv facing the bed. You want to navigate to the table.')}${steps(6)} 13. Go forward until the table. You have reached the final destination.`,
    )!;
    const r = planRoute(room(), long.task as Extract<Task, { kind: 'route_planning' }>, undefined);
    expect(r.turns).toHaveLength(6);
    expect(r.answer).toBe(r.turns.join(', '));
  });
});

describe('landmarks the map lacks, placed by what rooms usually have', () => {
  const base = (objects: Mosaic['objects']): Mosaic => ({
    schemaVersion: MOSAIC_SCHEMA_VERSION,
    up: [0, 0, 1],
    objects,
    trajectory: [],
  });
  const plan = (m: Mosaic, route: string) => {
    const [start, steps] = route.split(/(?<=\.) (?=1\.)/);
    const p = parseTemplate(`${ask(start)}${steps}`, OPTS3)!;
    const t = p.task as Extract<Task, { kind: 'route_planning' }>;
    return planRoute(m, t, routeOptions(p.options!, parseTurns));
  };

  it('puts an unseen nightstand beside the head of the bed, not anywhere in the room', () => {
    // A bed in the north-west corner, its head against the north wall; I stand in the north half facing east, so
    // most of the room is on my right, but the free side of the bed's head is on my left.
    const m = base([
      obj('bed', 'bed', [-2.2, 2, 0.3], [1.6, 2, 0.6], 0),
      obj('table', 'table', [-0.5, 1.5, 0.37], [0.8, 0.8, 0.74], 0),
      obj('sofa', 'sofa', [2.6, 1.5, 0.4], [0.9, 2, 0.8], 0),
      obj('chair', 'chair', [0, -2.45, 0.45], [0.5, 0.5, 0.9], 0),
    ]);
    const r = plan(
      m,
      'the table facing the sofa. You want to navigate to the nightstand. 1. [please fill in] 2. Go forward until the nightstand. You have reached the final destination.',
    );
    expect(r.answer).toBe('A');
    expect(r.facts[0]).toMatch(
      /nightstand → not in the map \(placed by what rooms usually have: usually near the head of the bed; else anywhere in the room/,
    );
  });

  it('walks to an unseen landmark where it usually stands: "go forward until the nightstand" stops by the bed', () => {
    // From the stool (south-east) towards the bed (north-west corner, head north), the nightstand by the bed's
    // head lies past the chair, so after reaching it the chair is behind me (walking only part of the way to the
    // wall, as for a landmark with no usual place, would leave it ahead on my right).
    const m = base([
      obj('bed', 'bed', [-2.2, 2, 0.3], [1.6, 2, 0.6], 0),
      obj('sofa', 'sofa', [5, 1.5, 0.4], [0.9, 2, 0.8], 0),
      obj('chair', 'chair', [0, 0.5, 0.45], [0.5, 0.5, 0.9], 0),
      obj('stool', 'stool', [1, -1.5, 0.25], [0.3, 0.3, 0.5], 0),
    ]);
    const r = plan(
      m,
      'the stool facing the bed. You want to navigate to the chair. 1. Go forward until the nightstand 2. [please fill in] 3. Go forward until the chair. You have reached the final destination.',
    );
    expect(r.answer).toBe('C');
  });

  it('"at the door facing the door", the door unseen: in front of it looking at it, the room behind me', () => {
    const r = plan(
      room(),
      'the door facing the door. You want to navigate to the table. 1. [please fill in] 2. Go forward until the table. You have reached the final destination.',
    );
    expect(r.answer).toBe('C');
  });

  it('puts an unseen door on an edge that no furniture blocks', () => {
    // Furniture lines the north, south and west walls; the east wall is free. From the table facing the bed
    // (north-west), the free east wall lies behind me and to my right.
    const m = base([
      obj('bed', 'bed', [-1.5, 2, 0.3], [3, 1.6, 0.6], 0),
      obj('sofa', 'sofa', [-1.5, -2, 0.4], [3, 0.9, 0.8], 0),
      obj('shelf', 'refrigerator', [-3.2, 0, 0.9], [0.7, 3, 1.8], 0),
      obj('table', 'table', [0.5, 0, 0.37], [0.8, 0.8, 0.74], 0),
      obj('stool', 'stool', [2.6, 1.9, 0.25], [0.2, 0.2, 0.5], 0),
      obj('stool2', 'stool', [2.6, -1.9, 0.25], [0.2, 0.2, 0.5], 0),
    ]);
    const r = plan(
      m,
      'the table facing the fridge. You want to navigate to the door. 1. [please fill in] 2. Go forward until the door. You have reached the final destination.',
    );
    expect(r.facts[0]).toMatch(
      /door → not in the map \(placed by what rooms usually have: on the room’s edge, clear of furniture/,
    );
    expect(r.answer).toBe('C');
  });
});

describe('several instances: the one the words of its name point to', () => {
  /** Two sofas (a 2-seater west, a 3-seater east) and two tables (one with chairs north, one bare south). */
  const lounge = (): Mosaic => ({
    schemaVersion: MOSAIC_SCHEMA_VERSION,
    up: [0, 0, 1],
    objects: [
      obj('sofa2', 'sofa', [-2.5, 0, 0.4], [0.9, 1.5, 0.8], 0),
      obj('sofa3', 'sofa', [2.5, 0, 0.4], [0.9, 2.2, 0.8], 0),
      obj('tv', 'tv', [0, 0, 1], [0.1, 1.2, 0.7], 0),
      obj('tableN', 'table', [0, 2.5, 0.37], [1.2, 0.8, 0.74], 0),
      obj('chairN', 'chair', [0, 3.2, 0.45], [0.5, 0.5, 0.9], 0),
      obj('tableS', 'table', [0, -2.5, 0.37], [1.2, 0.8, 0.74], 0),
    ],
    trajectory: [],
  });
  const solveIn = (m: Mosaic, start: string, steps: string) => {
    const p = parseTemplate(`${ask(start)}${steps}`, OPTS3)!;
    return planRoute(
      m,
      p.task as Extract<Task, { kind: 'route_planning' }>,
      routeOptions(p.options!, parseTurns),
    );
  };

  it('"the 2-seater sofa" is the sofa about two seats long; "the big sofa" the largest', () => {
    // At the tv facing north: the 2-seater is on my left, the 3-seater on my right.
    const go = (name: string) =>
      solveIn(
        lounge(),
        `the tv facing the chair. You want to navigate to the ${name}.`,
        `1. [please fill in] 2. Go forward until the ${name}. You have reached the final destination.`,
      );
    const two = go('2-seater sofa');
    expect(two.answer).toBe('A');
    expect(two.facts).toContain(
      'picked by what the name says: 2-seater sofa → the one nearest 2-seat length',
    );
    expect(go('big sofa').answer).toBe('B');
  });
  it('"navigate to the laptop on the table … go forward until the table": the table the laptop is on', () => {
    const m = lounge();
    m.objects = [...m.objects, obj('laptop', 'laptop', [0.2, 2.5, 0.8], [0.35, 0.25, 0.03], 0)];
    // At the 3-seater facing the 2-seater (west): the table with the laptop is to my right (north).
    const r = solveIn(
      m,
      'the 3-seater sofa facing the 2-seater sofa. You want to navigate to the laptop on the table.',
      '1. [please fill in] 2. Go forward until the table. You have reached the final destination.',
    );
    expect(r.answer).toBe('B');
    expect(r.objects).toContain('tableN');
  });
  it('"the dining table" is the table with chairs by it', () => {
    // At the 3-seater facing the 2-seater (west): the table with a chair is to my right (north).
    const r = solveIn(
      lounge(),
      'the 3-seater sofa facing the 2-seater sofa. You want to navigate to the dining table.',
      '1. [please fill in] 2. Go forward until the dining table. You have reached the final destination.',
    );
    expect(r.answer).toBe('B');
    expect(r.objects).toContain('tableN');
  });
});
