import {
  Box3,
  Color,
  Group,
  PerspectiveCamera,
  Raycaster,
  Scene,
  Vector2,
  Vector3,
  WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { CSS2DRenderer } from 'three/examples/jsm/renderers/CSS2DRenderer.js';
import type { Mosaic } from '../core/mosaic/types';
import { declutter } from './declutterLabels';
import { buildFloorLayer } from './floorLayer';
import {
  buildObjectBatch,
  detachObjectBatch,
  disposeObjectBatch,
  objectAtFace,
  styleObjectBatch,
  type ObjectBatch,
} from './objectBoxes';
import { buildFrustum, buildSeenAtMarkers, buildTrajectoryLine, disposeLayer } from './trajectoryLayer';
import { floorFrame, upToYQuaternion } from './worldFrame';
import { buildWarmupScene } from './shaderWarmup';

export interface MosaicViewOptions {
  /** Called when a click (not a drag) lands on an object box, or on empty space (undefined). */
  readonly onSelect?: (objectId: string | undefined) => void;
}

/**
 * The live 3D view of a mosaic. WebGL only (a WebGPU canvas crashes some software GPUs), and rendered on demand:
 * a frame is drawn only after something changed (data, selection, orbit, resize), never in a continuous loop.
 */
export class MosaicView {
  readonly canvas: HTMLCanvasElement;
  /** How many frames were drawn; tests and the status line read it. */
  renderCount = 0;
  private readonly renderer: WebGLRenderer;
  private readonly labels: CSS2DRenderer;
  private readonly scene = new Scene();
  private readonly camera = new PerspectiveCamera(55, 1, 0.02, 200);
  private readonly controls: OrbitControls;
  private readonly root = new Group();
  private readonly dynamic = new Group();
  /** Every object box in two draw calls (see objectBoxes). */
  private batch: ObjectBatch | undefined;
  private mosaic: Mosaic | undefined;
  private selected: string | undefined;
  private highlighted = new Set<string>();
  private pending = 0;
  private readonly resizeObserver: ResizeObserver;
  private downAt: [number, number] | undefined;
  private userMoved = false;
  /** One of each material, compiled once and kept alive so its shader program is never dropped. */
  private readonly warmup = buildWarmupScene();
  private warmTimer: ReturnType<typeof setTimeout> | undefined;
  /** Disposals waiting for the next rendered frame (see setMosaic). */
  private retired: (() => void)[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly options: MosaicViewOptions = {},
  ) {
    // preserveDrawingBuffer: with on-demand rendering the last frame must stay readable (screenshots, tests).
    // Multisampling on a software GPU (SwiftShader: headless browsers, blocklisted drivers) costs more than it
    // shows, and the page's compositor waits for each frame's pixels: draw without it there.
    this.renderer = new WebGLRenderer({
      antialias: !isSoftwareGl(),
      preserveDrawingBuffer: true,
      powerPreference: 'low-power',
    });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    this.renderer.setClearColor(new Color('#10151c'));
    this.canvas = this.renderer.domElement;
    this.canvas.setAttribute(
      'aria-label',
      '3D view of the scene: drag to orbit, scroll or pinch to zoom, click an object',
    );
    this.canvas.tabIndex = 0;
    this.labels = new CSS2DRenderer();
    this.labels.domElement.className = 'mosaic-labels';
    container.append(this.canvas, this.labels.domElement);

    this.scene.add(this.root);
    this.root.add(this.dynamic);
    this.camera.position.set(4, 4, 6);
    this.controls = new OrbitControls(this.camera, this.canvas);
    this.controls.enableDamping = false;
    this.controls.listenToKeyEvents(this.canvas);
    this.controls.addEventListener('change', () => this.requestRender());
    // Once a person orbits or zooms, incremental updates stop re-framing the camera under them.
    this.controls.addEventListener('start', () => (this.userMoved = true));

    this.canvas.addEventListener('pointerdown', this.onPointerDown);
    this.canvas.addEventListener('pointerup', this.onPointerUp);
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
    this.resize();
    // Compile every shader the view uses while the page is idle, not when the first mosaic streams in.
    this.warmTimer = setTimeout(() => {
      this.renderer.compile(this.warmup, this.camera);
    }, 0);
  }

  /**
   * Replaces the drawn mosaic (the last keyframe gets the "you are here" frustum). `newScene` re-frames the
   * camera and forgets the user's orbit; an update of the same scene re-frames only until the user moves.
   */
  setMosaic(mosaic: Mosaic | undefined, newScene = true): void {
    if (newScene) this.userMoved = false;
    this.mosaic = mosaic;
    // Out of the scene now, disposed only after the next frame: the new materials then reuse the compiled
    // shader programs (disposing first drops them, and recompiling cost 100–600 ms per update on a slow GPU).
    const oldBatch = this.batch;
    const oldLayers = [...this.dynamic.children];
    if (oldBatch) detachObjectBatch(oldBatch);
    this.batch = undefined;
    this.dynamic.clear();
    this.retired.push(() => {
      if (oldBatch) disposeObjectBatch(oldBatch);
      oldLayers.forEach(disposeLayer);
    });
    if (mosaic) {
      this.root.quaternion.copy(upToYQuaternion(mosaic.up));
      this.dynamic.add(buildFloorLayer(mosaic));
      if (mosaic.trajectory.length > 1) this.dynamic.add(buildTrajectoryLine(mosaic.trajectory));
      const last = mosaic.trajectory[mosaic.trajectory.length - 1];
      if (last) this.dynamic.add(buildFrustum(last.pose));
      this.batch = buildObjectBatch(mosaic.objects, floorFrame(mosaic.up));
      this.root.add(this.batch.group);
      if (this.selected && !this.batch.ids.includes(this.selected)) this.selected = undefined;
      this.addSeenAt();
    } else {
      // No scene: still draw the floor grid, so the view reads as an empty room rather than a broken canvas.
      this.root.quaternion.identity();
      this.dynamic.add(buildFloorLayer({ schemaVersion: 1, up: [0, 1, 0], objects: [], trajectory: [] }));
    }
    this.restyle();
    if (!this.userMoved) this.frameAll();
    this.requestRender();
  }

  setSelection(objectId: string | undefined): void {
    if (objectId === this.selected) return;
    this.selected = objectId;
    this.dynamic.children
      .filter((c) => c.name === 'seen-at')
      .forEach((c) => {
        disposeLayer(c);
        c.removeFromParent();
      });
    this.addSeenAt();
    this.restyle();
    this.requestRender();
  }

  setHighlights(objectIds: readonly string[]): void {
    this.highlighted = new Set(objectIds);
    this.restyle();
    this.requestRender();
  }

  /** Puts the whole scene in view from above and to the side. */
  frameAll(): void {
    // Frame what was seen (objects, camera path), not the padded floor grid around it.
    const box = new Box3();
    this.root.updateMatrixWorld(true);
    this.root.traverse((o) => {
      if (o.name === 'floor') return;
      if (o.name === 'trajectory' || o.name === 'frustum' || o.name === 'object-fills') box.expandByObject(o);
    });
    if (box.isEmpty()) box.setFromObject(this.root);
    if (box.isEmpty()) box.set(new Vector3(-2, -1, -2), new Vector3(2, 1, 2));
    const center = box.getCenter(new Vector3());
    const radius = Math.max(box.getSize(new Vector3()).length() / 2, 1);
    // The narrower of the vertical and horizontal fields of view decides (a phone's view is portrait).
    const half = (this.camera.fov * Math.PI) / 360;
    const narrow = Math.min(half, Math.atan(Math.tan(half) * this.camera.aspect));
    const dist = radius / Math.sin(narrow);
    this.camera.position.copy(center).add(new Vector3(0.55, 0.75, 0.9).normalize().multiplyScalar(dist));
    this.camera.near = dist / 200;
    this.camera.far = dist * 20;
    this.camera.updateProjectionMatrix();
    this.controls.target.copy(center);
    this.controls.update();
    this.requestRender();
  }

  /** Coalesces any number of change notifications into one frame. */
  requestRender(): void {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.renderNow();
    });
  }

  renderNow(): void {
    this.renderer.render(this.scene, this.camera);
    // Draw calls of the last frame (tests check they do not grow with the number of objects).
    this.canvas.dataset.drawCalls = String(this.renderer.info.render.calls);
    const retired = this.retired;
    this.retired = [];
    retired.forEach((dispose) => dispose());
    this.labels.render(this.scene, this.camera);
    this.hideOverlappingLabels();
    this.renderCount++;
    this.canvas.dataset.renderCount = String(this.renderCount);
  }

  resize(): void {
    const w = Math.max(this.container.clientWidth, 1);
    const h = Math.max(this.container.clientHeight, 1);
    this.renderer.setSize(w, h, true);
    this.labels.setSize(w, h);
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    this.requestRender();
  }

  dispose(): void {
    cancelAnimationFrame(this.pending);
    this.resizeObserver.disconnect();
    this.controls.dispose();
    if (this.batch) disposeObjectBatch(this.batch);
    disposeLayer(this.dynamic);
    this.retired.forEach((dispose) => dispose());
    clearTimeout(this.warmTimer);
    disposeLayer(this.warmup);
    this.renderer.dispose();
    this.canvas.remove();
    this.labels.domElement.remove();
  }

  /** Overlapping labels are unreadable: keep the most important of each cluster (see declutter). */
  private hideOverlappingLabels(): void {
    const batch = this.batch;
    if (!batch) return;
    const confidence = new Map(this.mosaic?.objects.map((o) => [o.id, o.confidence]) ?? []);
    const rank = { selected: 3, highlighted: 2, normal: 1, dimmed: 0 } as Record<string, number>;
    const rects = batch.labels.map((label, i) => {
      const r = label.element.getBoundingClientRect();
      const state = label.element.dataset.state ?? 'normal';
      return {
        x: r.x,
        y: r.y,
        w: r.width,
        h: r.height,
        priority: (rank[state] ?? 1) + (confidence.get(batch.ids[i]) ?? 0) / 2,
      };
    });
    declutter(rects).forEach((keep, i) => {
      const style = batch.labels[i].element.style;
      const visibility = keep ? '' : 'hidden';
      if (style.visibility !== visibility) style.visibility = visibility;
    });
  }

  private addSeenAt(): void {
    const obj = this.selected ? this.mosaic?.objects.find((o) => o.id === this.selected) : undefined;
    if (!obj || !this.mosaic) return;
    const frames = new Set<number>((obj.recentObservations ?? []).map((o) => o.frame));
    frames.add(obj.firstSeenFrame);
    frames.add(obj.lastSeenFrame);
    this.dynamic.add(buildSeenAtMarkers(this.mosaic.trajectory, frames));
  }

  private restyle(): void {
    const focus = this.highlighted.size > 0;
    if (!this.batch) return;
    styleObjectBatch(this.batch, (id) =>
      id === this.selected
        ? 'selected'
        : this.highlighted.has(id)
          ? 'highlighted'
          : focus
            ? 'dimmed'
            : 'normal',
    );
  }

  private readonly onPointerDown = (e: PointerEvent): void => {
    this.downAt = [e.clientX, e.clientY];
  };

  private readonly onPointerUp = (e: PointerEvent): void => {
    const d = this.downAt;
    this.downAt = undefined;
    if (!d || Math.hypot(e.clientX - d[0], e.clientY - d[1]) > 5) return; // a drag, not a click
    const rect = this.canvas.getBoundingClientRect();
    const ndc = new Vector2(
      ((e.clientX - rect.left) / rect.width) * 2 - 1,
      -((e.clientY - rect.top) / rect.height) * 2 + 1,
    );
    this.options.onSelect?.(this.pick(ndc));
  };

  /** The nearest object box under a point in normalised device coordinates. */
  pick(ndc: Vector2): string | undefined {
    const ray = new Raycaster();
    ray.setFromCamera(ndc, this.camera);
    if (!this.batch) return undefined;
    const hit = ray.intersectObject(this.batch.fill, false)[0];
    return hit ? objectAtFace(this.batch, hit.faceIndex) : undefined;
  }
}

let softwareGl: boolean | undefined;
/** Whether WebGL here is a CPU rasterizer (SwiftShader / llvmpipe), probed once on a throwaway context. */
function isSoftwareGl(): boolean {
  if (softwareGl !== undefined) return softwareGl;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const name = gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : '';
    softwareGl = /swiftshader|llvmpipe|software/i.test(name);
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    softwareGl = false;
  }
  return softwareGl;
}
