import { describe, expect, it } from 'vitest';
import { asCameraToWorld } from '../core/geometry/types';
import type { Mosaic, MosaicObject } from '../core/mosaic/types';
import { objectWhere, whereWords } from './objectWhere';

const box = (id: string, label: string, center: [number, number, number]): MosaicObject =>
  ({ id, label, center, size: [0.8, 0.8, 1], yaw: 0 }) as unknown as MosaicObject;

// The camera's last keyframe: at the origin, looking along +x (z up, so +y is its left).
const lookingAlongX = asCameraToWorld([0, 0, 1, 0, -1, 0, 0, 0, 0, -1, 0, 1.5, 0, 0, 0, 1]);
const room = (withCamera: boolean): Mosaic => ({
  schemaVersion: 1,
  up: [0, 0, 1],
  objects: [
    box('couch-0', 'couch', [3, 0, 0.5]),
    box('tv-0', 'tv', [3, 0.9, 0.5]),
    box('chair-0', 'chair', [0, 4, 0.5]),
  ],
  trajectory: withCamera ? [{ frame: 0, time: 0, pose: lookingAlongX }] : [],
});
const names = new Map([
  ['couch-0', 'couch'],
  ['tv-0', 'tv'],
  ['chair-0', 'chair 2'],
]);
const nameOf = (id: string) => names.get(id) ?? id;

describe('objectWhere', () => {
  it('says the nearest object and where the object is from the camera, in the chosen units', () => {
    const m = room(true);
    expect(whereWords(objectWhere(m, m.objects[0]), nameOf, 'metric')).toBe(
      'Next to the tv; 2.65 m in front of where the camera was last.',
    );
    expect(whereWords(objectWhere(m, m.objects[2]), nameOf, 'imperial')).toBe(
      '10 ft 5 in from the tv, the nearest object; 11 ft 11 in to the left of where the camera was last.',
    );
  });

  it('without a camera path, only its neighbour; alone in the map, nothing', () => {
    const m = room(false);
    expect(whereWords(objectWhere(m, m.objects[1]), nameOf, 'metric')).toBe('Next to the couch.');
    const alone: Mosaic = { ...m, objects: [m.objects[0]] };
    expect(whereWords(objectWhere(alone, alone.objects[0]), nameOf, 'metric')).toBe('');
  });
});
