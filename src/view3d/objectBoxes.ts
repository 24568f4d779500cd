import {
  BoxGeometry,
  EdgesGeometry,
  Group,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
} from 'three';
import { CSS2DObject } from 'three/examples/jsm/renderers/CSS2DRenderer.js';
import type { MosaicObject } from '../core/mosaic/types';
import { HIGHLIGHT_COLOR, labelColor, SELECTED_COLOR } from './palette';
import { objectMatrix, type FloorFrame } from './worldFrame';

export type BoxState = 'normal' | 'selected' | 'highlighted' | 'dimmed';

/** One object's drawables: a translucent pickable fill, crisp edges and a DOM text label. */
export interface ObjectBox {
  readonly id: string;
  readonly group: Group;
  readonly fill: Mesh;
  readonly edges: LineSegments;
  readonly label: CSS2DObject;
  readonly baseColor: number;
}

const unitBox = new BoxGeometry(1, 1, 1);
const unitEdges = new EdgesGeometry(unitBox);

/**
 * A box at the object's centre in the mosaic's floor frame: size is [along yawed e1, along yawed e2, height],
 * yaw about up from e1 towards e2 (core/mosaic/floorFrame). Labels are DOM elements filled with textContent,
 * so model output stays text.
 */
export function buildObjectBox(o: MosaicObject, frame: FloorFrame): ObjectBox {
  const group = new Group();
  group.name = `object:${o.id}`;
  group.matrixAutoUpdate = false;
  group.matrix.copy(objectMatrix(frame, o.center, o.yaw));
  const color = labelColor(o.label).getHex();

  const fill = new Mesh(
    unitBox,
    new MeshBasicMaterial({ color, transparent: true, opacity: 0.22, depthWrite: false }),
  );
  fill.scale.set(Math.max(o.size[0], 0.02), Math.max(o.size[1], 0.02), Math.max(o.size[2], 0.02));
  fill.userData.objectId = o.id;
  const edges = new LineSegments(unitEdges, new LineBasicMaterial({ color }));
  edges.scale.copy(fill.scale);
  group.add(fill, edges);

  const el = document.createElement('div');
  el.className = 'mosaic-label';
  el.textContent = o.label;
  el.dataset.objectId = o.id;
  const label = new CSS2DObject(el);
  // Just above the box: local z is up.
  label.position.set(0, 0, Math.max(o.size[2], 0.02) / 2 + 0.05);
  group.add(label);
  return { id: o.id, group, fill, edges, label, baseColor: color };
}

export function styleObjectBox(box: ObjectBox, state: BoxState): void {
  const fillMat = box.fill.material as MeshBasicMaterial;
  const edgeMat = box.edges.material as LineBasicMaterial;
  const color =
    state === 'selected'
      ? SELECTED_COLOR.getHex()
      : state === 'highlighted'
        ? HIGHLIGHT_COLOR.getHex()
        : box.baseColor;
  fillMat.color.setHex(color);
  edgeMat.color.setHex(color);
  fillMat.opacity = state === 'normal' ? 0.22 : state === 'dimmed' ? 0.06 : 0.45;
  edgeMat.opacity = state === 'dimmed' ? 0.3 : 1;
  edgeMat.transparent = state === 'dimmed';
  box.label.element.dataset.state = state;
}

export function disposeObjectBox(box: ObjectBox): void {
  (box.fill.material as MeshBasicMaterial).dispose();
  (box.edges.material as LineBasicMaterial).dispose();
  box.label.element.remove();
  box.group.removeFromParent();
}
