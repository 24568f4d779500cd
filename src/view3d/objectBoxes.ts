import {
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
  Color,
  EdgesGeometry,
  Group,
  LineBasicMaterial,
  LineSegments,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  Vector3,
} from 'three';
import { CSS2DObject } from 'three/examples/jsm/renderers/CSS2DRenderer.js';
import type { MosaicObject } from '../core/mosaic/types';
import { HIGHLIGHT_COLOR, labelColor, SELECTED_COLOR } from './palette';
import { objectMatrix, type FloorFrame } from './worldFrame';

export type BoxState = 'normal' | 'selected' | 'highlighted' | 'dimmed';

/**
 * Every object of a mosaic in two draws, whatever their number: one mesh of all translucent fills and one set of
 * all edges, each box's vertices baked into place, with per-vertex RGBA colours for the selection states. (One
 * mesh and one material per object cost two draw calls per object: 1,000 calls for a 500-object scene.) Labels
 * stay DOM elements filled with textContent, so model output stays text.
 */
export interface ObjectBatch {
  readonly group: Group;
  /** All fills: pickable, 12 triangles per box in `ids` order. */
  readonly fill: Mesh;
  readonly edges: LineSegments;
  readonly ids: readonly string[];
  readonly labels: readonly CSS2DObject[];
  readonly baseColors: readonly Color[];
}

const unitBox = new BoxGeometry(1, 1, 1);
const unitEdges = new EdgesGeometry(unitBox);
const BOX_VERTS = unitBox.getAttribute('position').count; // 24
const BOX_INDICES = unitBox.getIndex()!.count; // 36
export const TRIANGLES_PER_BOX = BOX_INDICES / 3;
const EDGE_VERTS = unitEdges.getAttribute('position').count; // 24

const FILL_ALPHA: Record<BoxState, number> = {
  normal: 0.22,
  dimmed: 0.06,
  selected: 0.45,
  highlighted: 0.45,
};
const EDGE_ALPHA: Record<BoxState, number> = { normal: 1, dimmed: 0.3, selected: 1, highlighted: 1 };

/** Writes `src` positions through `m` into `dst` at vertex offset `at`. */
function bake(src: BufferAttribute, m: Matrix4, dst: Float32Array, at: number): void {
  const v = new Vector3();
  for (let i = 0; i < src.count; i++) {
    v.fromBufferAttribute(src, i).applyMatrix4(m);
    dst.set([v.x, v.y, v.z], (at + i) * 3);
  }
}

/**
 * Boxes at the objects' centres in the mosaic's floor frame: size is [along yawed e1, along yawed e2, height],
 * yaw about up from e1 towards e2 (core/mosaic/floorFrame).
 */
export function buildObjectBatch(objects: readonly MosaicObject[], frame: FloorFrame): ObjectBatch {
  const n = objects.length;
  const fillPos = new Float32Array(n * BOX_VERTS * 3);
  const fillIdx = new Uint32Array(n * BOX_INDICES);
  const edgePos = new Float32Array(n * EDGE_VERTS * 3);
  const boxIndex = unitBox.getIndex()!.array;
  const group = new Group();
  group.name = 'objects';
  const labels: CSS2DObject[] = [];
  const baseColors: Color[] = [];
  const scale = new Matrix4();
  objects.forEach((o, i) => {
    const size = o.size.map((s) => Math.max(s, 0.02));
    const pose = objectMatrix(frame, o.center, o.yaw);
    const m = pose.clone().multiply(scale.makeScale(size[0], size[1], size[2]));
    bake(unitBox.getAttribute('position') as BufferAttribute, m, fillPos, i * BOX_VERTS);
    for (let k = 0; k < BOX_INDICES; k++) fillIdx[i * BOX_INDICES + k] = boxIndex[k] + i * BOX_VERTS;
    bake(unitEdges.getAttribute('position') as BufferAttribute, m, edgePos, i * EDGE_VERTS);
    baseColors.push(labelColor(o.label).clone());

    const el = document.createElement('div');
    el.className = 'mosaic-label';
    el.textContent = o.label;
    el.dataset.objectId = o.id;
    const label = new CSS2DObject(el);
    // Just above the box: local z is up.
    label.position.copy(new Vector3(0, 0, size[2] / 2 + 0.05).applyMatrix4(pose));
    labels.push(label);
  });

  const fillGeo = new BufferGeometry();
  fillGeo.setAttribute('position', new BufferAttribute(fillPos, 3));
  fillGeo.setAttribute('color', new BufferAttribute(new Float32Array(n * BOX_VERTS * 4), 4));
  fillGeo.setIndex(new BufferAttribute(fillIdx, 1));
  fillGeo.computeBoundingSphere();
  fillGeo.computeBoundingBox();
  const fill = new Mesh(fillGeo, fillMaterial());
  fill.name = 'object-fills';

  const edgeGeo = new BufferGeometry();
  edgeGeo.setAttribute('position', new BufferAttribute(edgePos, 3));
  edgeGeo.setAttribute('color', new BufferAttribute(new Float32Array(n * EDGE_VERTS * 4), 4));
  edgeGeo.computeBoundingSphere();
  const edges = new LineSegments(edgeGeo, edgeMaterial());
  edges.name = 'object-edges';

  group.add(fill, edges, ...labels);
  const batch: ObjectBatch = { group, fill, edges, ids: objects.map((o) => o.id), labels, baseColors };
  styleObjectBatch(batch, () => 'normal');
  return batch;
}

const fillMaterial = () =>
  new MeshBasicMaterial({ vertexColors: true, transparent: true, depthWrite: false });
const edgeMaterial = () => new LineBasicMaterial({ vertexColors: true, transparent: true });

/** Colours every box for its state (one attribute upload each for fills and edges, not a material per box). */
export function styleObjectBatch(batch: ObjectBatch, stateOf: (id: string, index: number) => BoxState): void {
  const fillColors = batch.fill.geometry.getAttribute('color') as BufferAttribute;
  const edgeColors = batch.edges.geometry.getAttribute('color') as BufferAttribute;
  const fc = fillColors.array as Float32Array;
  const ec = edgeColors.array as Float32Array;
  batch.ids.forEach((id, i) => {
    const state = stateOf(id, i);
    const c =
      state === 'selected' ? SELECTED_COLOR : state === 'highlighted' ? HIGHLIGHT_COLOR : batch.baseColors[i];
    for (let v = 0; v < BOX_VERTS; v++) fc.set([c.r, c.g, c.b, FILL_ALPHA[state]], (i * BOX_VERTS + v) * 4);
    for (let v = 0; v < EDGE_VERTS; v++) ec.set([c.r, c.g, c.b, EDGE_ALPHA[state]], (i * EDGE_VERTS + v) * 4);
    batch.labels[i].element.dataset.state = state;
  });
  fillColors.needsUpdate = true;
  edgeColors.needsUpdate = true;
}

/** The object whose fill holds triangle `faceIndex` of the batch's mesh (a raycast hit). */
export function objectAtFace(batch: ObjectBatch, faceIndex: number | null | undefined): string | undefined {
  if (faceIndex == null || faceIndex < 0) return undefined;
  return batch.ids[Math.floor(faceIndex / TRIANGLES_PER_BOX)];
}

/** Takes the batch out of the scene and the page at once (its GPU buffers go with `disposeObjectBatch`). */
export function detachObjectBatch(batch: ObjectBatch): void {
  for (const l of batch.labels) l.element.remove();
  batch.group.removeFromParent();
}

export function disposeObjectBatch(batch: ObjectBatch): void {
  detachObjectBatch(batch);
  batch.fill.geometry.dispose();
  (batch.fill.material as MeshBasicMaterial).dispose();
  batch.edges.geometry.dispose();
  (batch.edges.material as LineBasicMaterial).dispose();
}
