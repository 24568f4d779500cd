import type { Mosaic, MosaicObject } from '../core/mosaic/types';
import { boxDistance, pointBoxDistance } from '../core/reasoning/boxDistance';
import { worldFrame } from '../core/reasoning/orientedBox';
import { currentViewpoint, egoAngleDeg, egoSector } from '../core/reasoning/relations';
import { boxOf } from '../core/reasoning/spatialTools';
import { formatLength } from './settings';
import type { Units } from './uiTypes';

/** Closer than this (metres, box to box), an object is "next to" its neighbour. */
const NEXT_TO = 0.5;

export interface ObjectWhere {
  /** The nearest other object, box to box. */
  readonly near?: { readonly id: string; readonly metres: number };
  /** From the camera's last position: how far, and on which side of the way it looked. */
  readonly camera?: { readonly metres: number; readonly side: 'front' | 'back' | 'left' | 'right' };
}

/** Where an object is, in terms a person can use: its nearest neighbour and where it is from the camera. */
export function objectWhere(m: Mosaic, o: MosaicObject): ObjectWhere {
  const box = boxOf(m, o);
  let near: ObjectWhere['near'];
  for (const other of m.objects) {
    if (other.id === o.id) continue;
    const d = boxDistance(box, boxOf(m, other));
    if (!near || d < near.metres) near = { id: other.id, metres: d };
  }
  const v = currentViewpoint(m);
  const camera = v && {
    metres: pointBoxDistance(v.position, box),
    side: egoSector(egoAngleDeg(worldFrame(m.up), v, o.center)),
  };
  return { ...(near ? { near } : {}), ...(camera ? { camera } : {}) };
}

const SIDE: Record<NonNullable<ObjectWhere['camera']>['side'], string> = {
  front: 'in front of',
  back: 'behind',
  left: 'to the left of',
  right: 'to the right of',
};

/** "chair 2" as it is; "couch" as "the couch". */
const the = (name: string) => (/\d$/.test(name) ? name : `the ${name}`);

/** Its nearest object, short ("next to the couch", "1.2 m from chair 2"), or '' when it is alone. */
export function nearWords(w: ObjectWhere, nameOf: (id: string) => string, units: Units): string {
  if (!w.near) return '';
  const name = the(nameOf(w.near.id));
  return w.near.metres < NEXT_TO ? `next to ${name}` : `${formatLength(w.near.metres, units)} from ${name}`;
}

/** `objectWhere` as a sentence: "Next to the couch; 1.2 m in front of where the camera was last." */
export function whereWords(w: ObjectWhere, nameOf: (id: string) => string, units: Units): string {
  const near = nearWords(w, nameOf, units);
  const parts = [
    near && w.near && w.near.metres >= NEXT_TO ? `${near}, the nearest object` : near,
    w.camera
      ? `${formatLength(w.camera.metres, units)} ${SIDE[w.camera.side]} where the camera was last`
      : '',
  ].filter(Boolean);
  const text = parts.join('; ');
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : '';
}
