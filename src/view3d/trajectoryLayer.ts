import {
  BufferAttribute,
  BufferGeometry,
  Group,
  Line,
  LineBasicMaterial,
  LineSegments,
  Points,
  PointsMaterial,
} from 'three';
import type { Keyframe } from '../core/mosaic/types';
import type { Mat4 } from '../core/geometry/types';
import { transformPoint } from '../core/geometry/se3';
import { FRUSTUM_COLOR, SEEN_AT_COLOR, TRAJECTORY_COLOR } from './palette';

/** The camera path through the keyframes, in world coordinates. */
export function buildTrajectoryLine(trajectory: readonly Keyframe[]): Line {
  const pos = new Float32Array(trajectory.length * 3);
  trajectory.forEach((k, i) => pos.set([k.pose[3], k.pose[7], k.pose[11]], i * 3));
  const geom = new BufferGeometry();
  geom.setAttribute('position', new BufferAttribute(pos, 3));
  const line = new Line(geom, new LineBasicMaterial({ color: TRAJECTORY_COLOR }));
  line.name = 'trajectory';
  return line;
}

/**
 * A wireframe pyramid for a camera pose (OpenCV axes: z forward, y down), `depth` metres deep,
 * with a horizontal field of view `hfovDeg` and aspect width/height. A small tick marks the image's top edge.
 */
export function buildFrustum(pose: Mat4, depth = 0.35, hfovDeg = 60, aspect = 4 / 3): LineSegments {
  const hw = Math.tan((hfovDeg * Math.PI) / 360) * depth;
  const hh = hw / aspect;
  const o: [number, number, number] = [0, 0, 0];
  const c = [
    [-hw, -hh, depth],
    [hw, -hh, depth],
    [hw, hh, depth],
    [-hw, hh, depth],
  ] as [number, number, number][];
  const top: [number, number, number] = [0, -hh * 1.5, depth];
  const segs: [number, number, number][] = [
    o,
    c[0],
    o,
    c[1],
    o,
    c[2],
    o,
    c[3],
    c[0],
    c[1],
    c[1],
    c[2],
    c[2],
    c[3],
    c[3],
    c[0],
    c[0],
    top,
    top,
    c[1],
  ];
  const pos = new Float32Array(segs.length * 3);
  segs.forEach((p, i) => pos.set(transformPoint(pose, p), i * 3));
  const geom = new BufferGeometry();
  geom.setAttribute('position', new BufferAttribute(pos, 3));
  const lines = new LineSegments(geom, new LineBasicMaterial({ color: FRUSTUM_COLOR }));
  lines.name = 'frustum';
  return lines;
}

/** Camera positions of the given frames (where an object was seen), as fat points. */
export function buildSeenAtMarkers(trajectory: readonly Keyframe[], frames: ReadonlySet<number>): Group {
  const group = new Group();
  group.name = 'seen-at';
  const hits = trajectory.filter((k) => frames.has(k.frame));
  if (hits.length === 0) return group;
  const pos = new Float32Array(hits.length * 3);
  hits.forEach((k, i) => pos.set([k.pose[3], k.pose[7], k.pose[11]], i * 3));
  const geom = new BufferGeometry();
  geom.setAttribute('position', new BufferAttribute(pos, 3));
  group.add(new Points(geom, new PointsMaterial({ color: SEEN_AT_COLOR, size: 8, sizeAttenuation: false })));
  for (const k of hits) group.add(buildFrustum(k.pose, 0.18));
  for (const child of group.children) {
    if (child instanceof LineSegments) (child.material as LineBasicMaterial).color.copy(SEEN_AT_COLOR);
  }
  return group;
}

/** Frees the geometries and materials of a layer built here. */
export function disposeLayer(group: { traverse(cb: (o: unknown) => void): void }): void {
  group.traverse((o) => {
    const m = o as { geometry?: BufferGeometry; material?: { dispose(): void } };
    m.geometry?.dispose();
    m.material?.dispose();
  });
}
