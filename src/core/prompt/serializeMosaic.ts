import type { Mosaic, MosaicObject } from '../mosaic/types';
import { estimateTokens } from '../reasoning/interfaces';
import { dot, extentAlong, toPlane, worldFrame, type WorldFrame } from '../reasoning/orientedBox';
import { currentViewpoint, type Viewpoint } from '../reasoning/relations';
import { boxOf } from '../reasoning/spatialTools';
import { drawGrid, type GridItem } from './bevGrid';

/**
 * The mosaic as a compact text prompt under a token budget (MosaicThinker's "BEV grid + text boxes"):
 * a bird's-eye symbolic grid, then task objects first with coordinates and sizes in metres, then the others
 * by nearness to the task objects; whatever does not fit is summarised by label counts, never dropped silently.
 */
export type ReferenceFrame = 'allocentric' | 'egocentric';

export interface SerializeOptions {
  /** Labels the task is about: their instances come first and are never left out of the list. */
  readonly taskLabels?: readonly string[];
  readonly budgetTokens?: number;
  readonly countTokens?: (text: string) => number;
  readonly frame?: ReferenceFrame;
  /** Largest grid side, cells; the grid shrinks (down to 8, then none) before task objects would be cut. */
  readonly gridSize?: number;
}

export interface SerializedMosaic {
  readonly text: string;
  readonly tokens: number;
  /** Object ids in the order listed, with the short id used in the prompt. */
  readonly listed: { readonly id: string; readonly short: string }[];
  /** Objects not listed, summarised in the last line. */
  readonly summarised: number;
  readonly gridSize: number;
  readonly frame: ReferenceFrame;
}

/** Single-character ids that cannot be confused with the grid's symbols (no l, o, v). */
const ID_CHARS = '123456789abcdefghijkmnpqrstuwxyz';
export const shortId = (i: number): string =>
  i < ID_CHARS.length
    ? ID_CHARS[i]
    : ID_CHARS[Math.floor(i / ID_CHARS.length) - 1] + ID_CHARS[i % ID_CHARS.length];

const f2 = (x: number): string => (Math.abs(x) < 0.005 ? '0.00' : x.toFixed(2));

interface Placed {
  readonly obj: MosaicObject;
  /** Coordinates in the chosen frame: x right/e1, y forward/e2, z height above the floor. */
  readonly xyz: [number, number, number];
  /** Horizontal extents (two box axes) and height. */
  readonly dims: [number, number, number];
}

function place(m: Mosaic, f: WorldFrame, floor: number, v: Viewpoint | undefined, o: MosaicObject): Placed {
  const b = boxOf(m, o);
  const vertical = [0, 1, 2].reduce(
    (best, i) => (Math.abs(dot(b.axes[i], f.up)) > Math.abs(dot(b.axes[best], f.up)) ? i : best),
    0,
  );
  const horiz = [0, 1, 2].filter((i) => i !== vertical);
  const [lo, hi] = extentAlong(b, f.up);
  const dims: [number, number, number] = [o.size[horiz[0]], o.size[horiz[1]], hi - lo];
  const [px, py] = toPlane(f, o.center);
  const z = (lo + hi) / 2 - floor;
  if (!v) return { obj: o, xyz: [px, py, z], dims };
  const [cx, cy] = toPlane(f, v.position);
  const dx = px - cx;
  const dy = py - cy;
  // Egocentric: x to my right, y straight ahead.
  return {
    obj: o,
    xyz: [dx * v.heading[1] - dy * v.heading[0], dx * v.heading[0] + dy * v.heading[1], z],
    dims,
  };
}

export function serializeMosaic(m: Mosaic, opts: SerializeOptions = {}): SerializedMosaic {
  const count = opts.countTokens ?? estimateTokens;
  const budget = opts.budgetTokens ?? 600;
  const f = worldFrame(m.up);
  const view = currentViewpoint(m, f);
  const frame: ReferenceFrame = opts.frame === 'egocentric' && view ? 'egocentric' : 'allocentric';
  const egoView = frame === 'egocentric' ? view : undefined;
  const floor = Math.min(...m.objects.map((o) => extentAlong(boxOf(m, o), f.up)[0]), view ? Infinity : 0);
  const floorZ = Number.isFinite(floor) ? floor : 0;
  const placed = m.objects.map((o) => place(m, f, floorZ, egoView, o));

  const taskSet = new Set(opts.taskLabels ?? []);
  const isTask = (p: Placed): boolean => taskSet.has(p.obj.label);
  const task = placed.filter(isTask);
  const anchors = task.length ? task : [];
  const camXY: [number, number] = view ? (egoView ? [0, 0] : toPlane(f, view.position)) : [0, 0];
  const nearness = (p: Placed): number =>
    anchors.length
      ? Math.min(...anchors.map((a) => Math.hypot(a.xyz[0] - p.xyz[0], a.xyz[1] - p.xyz[1])))
      : Math.hypot(p.xyz[0] - camXY[0], p.xyz[1] - camXY[1]);
  const byId = (a: Placed, b: Placed): number => (a.obj.id < b.obj.id ? -1 : a.obj.id > b.obj.id ? 1 : 0);
  task.sort((a, b) => a.obj.label.localeCompare(b.obj.label) || byId(a, b));
  const others = placed.filter((p) => !isTask(p)).sort((a, b) => nearness(a) - nearness(b) || byId(a, b));
  const ordered = [...task, ...others];

  const header =
    frame === 'egocentric'
      ? 'Scene map, egocentric: I stand at (0, 0) facing +y; x = metres to my right, y = metres ahead, z = height above the floor.'
      : 'Scene map, allocentric: x, y = metres on the floor plane, z = height above the floor.';
  const line = (p: Placed, i: number): string =>
    `${shortId(i)} ${p.obj.label}: (${f2(p.xyz[0])}, ${f2(p.xyz[1])}, ${f2(p.xyz[2])}) size ${f2(p.dims[0])}x${f2(p.dims[1])}x${f2(p.dims[2])}`;
  const meLine =
    view && frame === 'allocentric'
      ? `me (camera): (${f2(camXY[0])}, ${f2(camXY[1])}) heading (${f2(view.heading[0])}, ${f2(view.heading[1])})`
      : undefined;
  const summary = (rest: Placed[]): string | undefined => {
    if (rest.length === 0) return undefined;
    const counts = new Map<string, number>();
    for (const p of rest) counts.set(p.obj.label, (counts.get(p.obj.label) ?? 0) + 1);
    const parts = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([l, c]) => `${c} ${l}`);
    return `+${rest.length} more objects: ${parts.join(', ')}`;
  };

  const compose = (gridSide: number, n: number): string => {
    const listed = ordered.slice(0, n);
    const items: GridItem[] = listed.map((p, i) => ({
      x: p.xyz[0],
      y: p.xyz[1],
      symbol: shortId(i).length === 1 ? shortId(i) : '*',
      priority: isTask(p) ? 2 : 1,
    }));
    const camera = view
      ? {
          x: egoView ? 0 : camXY[0],
          y: egoView ? 0 : camXY[1],
          heading: egoView ? ([0, 1] as [number, number]) : view.heading,
        }
      : undefined;
    const parts = [header];
    if (gridSide > 0) parts.push(drawGrid(items, camera, gridSide));
    if (meLine) parts.push(meLine);
    parts.push('Objects (id label: centre x, y, z; size x y z, metres):');
    parts.push(...listed.map(line));
    const s = summary(ordered.slice(n));
    if (s) parts.push(s);
    return parts.join('\n');
  };

  // Grid sizes to try, largest first; the list always keeps every task object.
  const maxGrid = opts.gridSize ?? 16;
  const grids = [maxGrid, 12, 8, 0].filter((g, i, all) => g <= maxGrid && all.indexOf(g) === i);
  let best: { text: string; tokens: number; n: number; grid: number } | undefined;
  for (const g of grids) {
    let n = task.length;
    let text = compose(g, n);
    let tokens = count(text);
    if (tokens > budget && g !== 0) continue;
    while (n < ordered.length) {
      const next = compose(g, n + 1);
      const t = count(next);
      if (t > budget) break;
      n++;
      text = next;
      tokens = t;
    }
    best = { text, tokens, n, grid: g };
    break;
  }
  const b = best ?? {
    text: compose(0, task.length),
    tokens: count(compose(0, task.length)),
    n: task.length,
    grid: 0,
  };
  return {
    text: b.text,
    tokens: b.tokens,
    listed: ordered.slice(0, b.n).map((p, i) => ({ id: p.obj.id, short: shortId(i) })),
    summarised: ordered.length - b.n,
    gridSize: b.grid,
    frame,
  };
}
