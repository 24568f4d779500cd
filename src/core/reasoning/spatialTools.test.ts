import { describe, expect, it } from 'vitest';
import { MOSAIC_SCHEMA_VERSION, type Mosaic } from '../mosaic/types';
import { parseTemplate } from '../questions/parseQuestion';
import { parseByPattern } from '../questions/parseFreeForm';
import { worldFrame } from './orientedBox';
import { minAreaRectArea } from './planeGeometry';
import {
  classifyDirection,
  currentViewpoint,
  egoAngleDeg,
  egoSector,
  pairRelation,
  relativeAngleDeg,
} from './relations';
import { pickRouteOption, simulateRoute } from './route';
import { solveTask } from './solveTask';
import { appearanceOrder, countLabel, knownLabels, labelDistance, roomArea } from './spatialTools';
import { obj, testScene } from '../../../test/core/reasoning/testScene';

const f = worldFrame([0, 0, 1]);

describe('spatial tools on the hand-built room', () => {
  const m = testScene();
  it('counts and measures closest-point distances', () => {
    expect(countLabel(m, 'chair')).toBe(2);
    // chair x ∈ [1.75, 2.25], y ∈ [−0.25, 0.25]; tv x ∈ [−0.6, 0.6], y ∈ [−1.04, −0.96]; heights overlap.
    expect(labelDistance(m, 'chair', 'tv')).toBeCloseTo(Math.hypot(1.15, 0.71), 12);
    expect(labelDistance(m, 'cup', 'dining table')).toBe(0);
  });
  it('orders first appearances', () => {
    expect(appearanceOrder(m, ['tv', 'couch', 'chair', 'giraffe']).map((x) => x.label)).toEqual([
      'chair',
      'couch',
      'tv',
      'giraffe',
    ]);
  });
  it('room area from occupancy cells, else the minimum rectangle around objects and cameras', () => {
    expect(
      roomArea({ ...m, occupancy: { cellSize: 0.5, free: ['0,0', '0,1', '1,0'], occupied: ['1,1', '0,0'] } }),
    ).toEqual({
      area: 1,
      method: 'occupancy',
    });
    const two: Mosaic = {
      schemaVersion: MOSAIC_SCHEMA_VERSION,
      up: [0, 0, 1],
      objects: [obj('a', 'chair', [0, 0, 0.5], [1, 1, 1], 0), obj('b', 'chair', [3, 0, 0.5], [1, 1, 1], 0)],
      trajectory: [],
    };
    expect(roomArea(two).area).toBeCloseTo(4, 12);
    // A 45°-rotated 2×1 rectangle: the minimum rectangle is itself.
    const c = Math.SQRT1_2;
    expect(
      minAreaRectArea([
        [0, 0],
        [2 * c, 2 * c],
        [2 * c - c, 2 * c + c],
        [-c, c],
      ]),
    ).toBeCloseTo(2, 12);
  });
});

describe('directions (VSI-Bench definitions)', () => {
  it('standing by the left chair facing the couch, the tv is front-right', () => {
    const a = relativeAngleDeg(f, [-2, 0, 0], [0, 3, 0], [0, -1, 0]);
    expect(a).toBeCloseTo(-Math.atan2(8, 1) * (180 / Math.PI), 9);
    expect(classifyDirection('easy', a)).toBe('right');
    expect(classifyDirection('medium', a)).toBe('right');
    expect(classifyDirection('hard', a)).toBe('front-right');
  });
  it('back when the turn is at least 135°', () => {
    const a = relativeAngleDeg(f, [0, 0, 0], [0, 1, 0], [0.5, -2, 0]);
    expect(classifyDirection('medium', a)).toBe('back');
    expect(classifyDirection('hard', a)).toBe('back-right');
    expect(classifyDirection('medium', 134.9)).toBe('left');
    expect(classifyDirection('medium', -135)).toBe('back');
  });
  it('egocentric sectors from the last camera pose', () => {
    const m = testScene();
    const v = currentViewpoint(m, f)!;
    expect(v.heading[0]).toBeCloseTo(0, 12);
    expect(v.heading[1]).toBeCloseTo(1, 12);
    expect(egoSector(egoAngleDeg(f, v, [0, -1, 1]))).toBe('back');
    expect(egoSector(egoAngleDeg(f, v, [-2, 0, 0]))).toBe('left');
    expect(egoSector(egoAngleDeg(f, v, [2, 0, 0]))).toBe('right');
    expect(egoSector(egoAngleDeg(f, v, [-1, 3, 0]))).toBe('front');
  });
  it('pair relations from where I stand', () => {
    const m = testScene();
    const v = currentViewpoint(m, f)!;
    const o = (id: string) => m.objects.find((x) => x.id === id)!;
    expect(pairRelation(m, v, o('o5'), 'left', o('o1')).holds).toBe(true);
    expect(pairRelation(m, v, o('o5'), 'right', o('o1')).holds).toBe(false);
    expect(pairRelation(m, v, o('o7'), 'above', o('o6')).holds).toBe(true);
    expect(pairRelation(m, v, o('o6'), 'below', o('o7')).holds).toBe(true);
    expect(pairRelation(m, v, o('o7'), 'near', o('o6')).holds).toBe(true);
    expect(pairRelation(m, v, o('o2'), 'near', o('o1')).holds).toBe(false);
    expect(pairRelation(m, v, o('o1'), 'behind', o('o2')).holds).toBe(true);
    const mid = obj('x', 'vase', [0, 0.1, 0.5], [0.2, 0.2, 0.2], 0);
    expect(pairRelation(m, v, mid, 'between', o('o3'), o('o4')).holds).toBe(true);
    expect(pairRelation(m, v, o('o1'), 'between', o('o3'), o('o4')).holds).toBe(false);
  });
});

describe('route planning', () => {
  it('simulates the legs and picks the consistent option', () => {
    const sim = simulateRoute(
      f,
      [0, 0, 0],
      [0, 1, 0],
      [
        { kind: 'forward', to: [0, 2, 0] },
        { kind: 'turn' },
        { kind: 'forward', to: [-2, 2, 0] },
        { kind: 'turn' },
        { kind: 'forward', to: [-2, -1, 0] },
      ],
    );
    expect(sim.turns).toEqual(['left', 'left']);
    expect(sim.angles[0]).toBeCloseTo(90, 9);
    expect(pickRouteOption(sim, [['right', 'left'], ['left', 'left'], ['back', 'left'], undefined])).toBe(1);
  });
  it('a turn back when the next target is behind', () => {
    const sim = simulateRoute(
      f,
      [0, 0, 0],
      [0, 1, 0],
      [{ kind: 'forward', to: [0, 2, 0] }, { kind: 'turn' }, { kind: 'forward', to: [0.2, -1, 0] }],
    );
    expect(sim.turns).toEqual(['back']);
  });
});

describe('solveTask', () => {
  const m = testScene();
  it('answers templated questions with option letters', () => {
    const p = parseTemplate(
      'If I am standing by the potted plant and facing the couch, is the tv to my left, right, or back?',
      ['A. left', 'B. right', 'C. back'],
    )!;
    // At (−1, 3) facing (0, 3) (east): the tv at (0, −1) is south-east → angle −76° → right.
    expect(solveTask(m, p)).toMatchObject({ status: 'answered', answer: 'B' });
    const size = parseTemplate(
      'What is the length of the longest dimension (length, width, or height) of the sofa, measured in centimeters?',
    )!;
    expect(solveTask(m, size).answer).toBe(200);
  });
  it('reports objects it has not seen instead of guessing', () => {
    const r = solveTask(m, parseByPattern('how far is the giraffe from the sofa?'));
    expect(r.status).toBe('missing');
    expect(r.text).toBe("I haven't seen a giraffe here.");
  });
  it('free-form: what is behind me, is the plant left of the sofa', () => {
    expect(solveTask(m, parseByPattern('what is behind me?'))).toMatchObject({
      answer: 'tv',
      text: 'A tv is behind you.',
      objects: ['o2'],
    });
    expect(solveTask(m, parseByPattern('is the plant left of the sofa?')).answer).toBe('yes');
    expect(solveTask(m, parseByPattern('how many chairs?')).answer).toBe(2);
  });
});

describe('secondary labels', () => {
  // The ICL armchair: YOLOX says bed in 167 frames (weight 85.4) and chair in 60 (32.7): 28% chair.
  const armchair = obj('o1', 'bed', [0, 2, 0.4], [0.6, 0.7, 0.85], 2, {
    labels: [
      { label: 'bed', weight: 85.4, count: 167 },
      { label: 'chair', weight: 32.7, count: 60 },
    ],
  });
  const mosaic = (objects: Mosaic['objects']): Mosaic => ({
    schemaVersion: MOSAIC_SCHEMA_VERSION,
    up: [0, 0, 1],
    objects,
    trajectory: [],
  });

  it('answers for a label that only a real share of an object’s votes gives', () => {
    const m = mosaic([armchair]);
    expect([...knownLabels(m)].sort()).toEqual(['bed', 'chair']);
    expect(countLabel(m, 'chair')).toBe(1);
    expect(countLabel(m, 'bed')).toBe(1);
  });

  it('does not count it again when another object is a chair, nor below a quarter of the votes', () => {
    expect(
      countLabel(mosaic([armchair, obj('o2', 'chair', [2, 0, 0.45], [0.5, 0.5, 0.9], 5)]), 'chair'),
    ).toBe(1);
    const weak = { ...armchair, labels: [armchair.labels[0], { label: 'chair', weight: 20, count: 30 }] };
    expect(knownLabels(mosaic([weak])).has('chair')).toBe(false); // 20 / 105.4 = 19%
  });
});
