import type { Mosaic, MosaicObject } from '../mosaic/types';
import { estimateTokens } from '../reasoning/interfaces';
import { dot, extentAlong, toPlane, worldFrame, type WorldFrame } from '../reasoning/orientedBox';
import { currentViewpoint, type Viewpoint } from '../reasoning/relations';
import { boxOf } from '../reasoning/spatialTools';
import { drawGrid } from './bevGrid';

/**
 * The mosaic as a compact text prompt under a token budget (MosaicThinker's "BEV grid + text boxes"):
 * a bird's-eye symbolic grid sized to the budget, then task objects first (one instance of each task label
 * before any second one) with centre and size in whole decimetres, then the others by nearness to the task
 * objects; whatever does not fit is summarised by label counts on the last line, never dropped silently.
 * Decimetres because the tokenizer spends a token on every digit: "-12" is three tokens where "-1.20" is five.
 */
export type ReferenceFrame = 'allocentric' | 'egocentric';

export interface SerializeOptions {
  /** Labels the task is about: the main instance of each comes first, then their other instances. */
  readonly taskLabels?: readonly string[];
  readonly budgetTokens?: number;
  readonly countTokens?: (text: string) => number;
  readonly frame?: ReferenceFrame;
  /** Largest grid side, cells; the grid shrinks (down to 5, then none) to take at most 40% of the budget and
   * never to displace a task label's main instance the list could hold without it. */
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

/** Decimetres, rounded (never "-0"). */
const dm = (metres: number): number => {
  const v = Math.round(metres * 10);
  return v === 0 ? 0 : v;
};
/** A size in decimetres: at least 1, so nothing reads as having no extent. */
const dmSize = (metres: number): number => Math.max(1, Math.round(metres * 10));

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

/** The map's default budget: a twentieth of what 32 raw frames cost SmolVLM2 (see rawFrames.ts). */
export const DEFAULT_MAP_TOKENS = 120;

/** Grid sides to try, largest first; a grid may take at most this share of the budget. */
const GRID_SIDES = [16, 12, 10, 8, 6, 5];
const GRID_SHARE = 0.4;

export function serializeMosaic(m: Mosaic, opts: SerializeOptions = {}): SerializedMosaic {
  const count = opts.countTokens ?? estimateTokens;
  const budget = opts.budgetTokens ?? DEFAULT_MAP_TOKENS;
  const f = worldFrame(m.up);
  const view = currentViewpoint(m, f);
  const frame: ReferenceFrame = opts.frame === 'egocentric' && view ? 'egocentric' : 'allocentric';
  const egoView = frame === 'egocentric' ? view : undefined;
  const floor = Math.min(...m.objects.map((o) => extentAlong(boxOf(m, o), f.up)[0]), view ? Infinity : 0);
  const floorZ = Number.isFinite(floor) ? floor : 0;
  const placed = m.objects.map((o) => place(m, f, floorZ, egoView, o));

  // Task objects: the most confident instance of each task label first (in the order asked), then their
  // other instances; then everything else by nearness to the task objects (or to me when there are none).
  const taskLabels = [...new Set(opts.taskLabels ?? [])];
  const taskSet = new Set(taskLabels);
  const isTask = (p: Placed): boolean => taskSet.has(p.obj.label);
  const byId = (a: Placed, b: Placed): number => (a.obj.id < b.obj.id ? -1 : a.obj.id > b.obj.id ? 1 : 0);
  const byMain = (a: Placed, b: Placed): number =>
    b.obj.confidence - a.obj.confidence || b.obj.observations - a.obj.observations || byId(a, b);
  const task = placed.filter(isTask).sort(byMain);
  const primary = taskLabels
    .map((l) => task.find((p) => p.obj.label === l))
    .filter((p): p is Placed => p !== undefined);
  const secondary = task.filter((p) => !primary.includes(p));
  const camXY: [number, number] = view ? (egoView ? [0, 0] : toPlane(f, view.position)) : [0, 0];
  const nearness = (p: Placed): number =>
    task.length
      ? Math.min(...task.map((a) => Math.hypot(a.xyz[0] - p.xyz[0], a.xyz[1] - p.xyz[1])))
      : Math.hypot(p.xyz[0] - camXY[0], p.xyz[1] - camXY[1]);
  const others = placed.filter((p) => !isTask(p)).sort((a, b) => nearness(a) - nearness(b) || byId(a, b));
  const ordered = [...primary, ...secondary, ...others];

  // "looking at" the point 1 m ahead of me: a point in the same coordinates, no angle convention to explain.
  const me = view
    ? egoView
      ? 'Me 0,0 looking at 0,10.'
      : `Me ${dm(camXY[0])},${dm(camXY[1])} looking at ${dm(camXY[0] + view.heading[0])},${dm(camXY[1] + view.heading[1])}.`
    : undefined;
  const header =
    frame === 'egocentric'
      ? 'Map in dm, egocentric (x to my right): id label x,y,z size, z = height.'
      : 'Map in dm: id label x,y,z size, z = height.';
  const line = (p: Placed, i: number): string =>
    `${shortId(i)} ${p.obj.label} ${dm(p.xyz[0])},${dm(p.xyz[1])},${dm(p.xyz[2])} ${dmSize(p.dims[0])}x${dmSize(p.dims[1])}x${dmSize(p.dims[2])}`;
  const summary = (rest: Placed[]): string | undefined => {
    if (rest.length === 0) return undefined;
    const counts = new Map<string, number>();
    for (const p of rest) counts.set(p.obj.label, (counts.get(p.obj.label) ?? 0) + 1);
    const parts = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([l, c]) => (c === 1 ? l : `${c} ${l}`));
    return `+${rest.length} more: ${parts.join(', ')}`;
  };
  const camera = view
    ? {
        x: egoView ? 0 : dm(camXY[0]),
        y: egoView ? 0 : dm(camXY[1]),
        heading: egoView ? ([0, 1] as [number, number]) : view.heading,
      }
    : undefined;
  // The grid spans every object; those listed show their ids, the summarised ones '*'.
  const grid = (side: number, n: number): string =>
    drawGrid(
      ordered.map((p, i) => ({
        x: p.xyz[0] * 10,
        y: p.xyz[1] * 10,
        symbol: i < n && shortId(i).length === 1 ? shortId(i) : '*',
        priority: i >= n ? 0.5 : isTask(p) ? 2 : 1,
      })),
      camera,
      side,
      n < ordered.length,
    );
  const compose = (side: number, n: number): string => {
    const parts = [header];
    if (me) parts.push(me);
    if (side > 0) parts.push(grid(side, n));
    parts.push(...ordered.slice(0, n).map(line));
    const s = summary(ordered.slice(n));
    if (s) parts.push(s);
    return parts.join('\n');
  };

  // The budget is a hard cap: objects are listed in order while they fit (the first one always, so a task
  // object is never missing from a non-empty list), and the rest go into the summary line.
  const fill = (side: number): { n: number; text: string; tokens: number } => {
    let n = Math.min(1, ordered.length);
    let text = compose(side, n);
    let tokens = count(text);
    while (n < ordered.length) {
      const next = compose(side, n + 1);
      const t = count(next);
      if (t > budget) break;
      n++;
      text = next;
      tokens = t;
    }
    return { n, text, tokens };
  };
  const noGrid = fill(0);
  // The largest grid that takes at most its share of the budget and displaces no task label's main instance
  // (it may displace other objects); without one, no grid.
  const maxSide = opts.gridSize ?? GRID_SIDES[0];
  const needed = Math.min(noGrid.n, primary.length);
  let best = { ...noGrid, side: 0 };
  for (const side of GRID_SIDES.filter((g) => g <= maxSide)) {
    if (ordered.length === 0) break;
    if (count(grid(side, Math.max(1, needed))) > GRID_SHARE * budget) continue;
    const withGrid = fill(side);
    if (withGrid.tokens > budget || withGrid.n < needed) continue;
    best = { ...withGrid, side };
    break;
  }
  return {
    text: best.text,
    tokens: best.tokens,
    listed: ordered.slice(0, best.n).map((p, i) => ({ id: p.obj.id, short: shortId(i) })),
    summarised: ordered.length - best.n,
    gridSize: best.side,
    frame,
  };
}
