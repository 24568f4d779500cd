import { CATALOG, type CatalogEntry, type Support } from './catalog';
import { Prng } from '../prng';

/**
 * Furnishes a rectangular room (world z up, floor at z = 0, walls at x ∈ [0, width], y ∈ [0, depth]) with
 * non-overlapping boxes: floor furniture, items on tables, things on walls. A corridor is kept free for
 * the camera loop so the camera never walks through furniture.
 */
export interface PlacedObject {
  readonly id: string;
  readonly label: string;
  readonly support: Support;
  readonly center: [number, number, number];
  readonly size: [number, number, number];
  readonly yaw: number;
  readonly colour: readonly [number, number, number];
}

export interface RoomLayout {
  readonly width: number;
  readonly depth: number;
  readonly height: number;
  readonly objects: PlacedObject[];
  /** Camera loop: an ellipse around the room centre. */
  readonly loop: { readonly cx: number; readonly cy: number; readonly ra: number; readonly rb: number };
}

export interface LayoutOptions {
  /** Overrides the room size drawn from the seed (metres). */
  readonly width?: number;
  readonly depth?: number;
  /** Overrides the object count drawn from the seed (placement may still fit fewer). */
  readonly objectCount?: number;
}

const CORRIDOR = 0.45;
const GAP = 0.06;

interface Rect {
  cx: number;
  cy: number;
  hw: number;
  hd: number;
  yaw: number;
  z0: number;
  z1: number;
}

function corners(r: Rect): [number, number][] {
  const c = Math.cos(r.yaw);
  const s = Math.sin(r.yaw);
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([a, b]) => [r.cx + c * a * r.hw - s * b * r.hd, r.cy + s * a * r.hw + c * b * r.hd]);
}

/** Separating-axis test of two rotated rectangles grown by `margin`, plus a height-interval test. */
export function rectsOverlap(a: Rect, b: Rect, margin: number): boolean {
  if (Math.min(a.z1, b.z1) - Math.max(a.z0, b.z0) <= 0.001) return false;
  const ga = { ...a, hw: a.hw + margin / 2, hd: a.hd + margin / 2 };
  const gb = { ...b, hw: b.hw + margin / 2, hd: b.hd + margin / 2 };
  const ca = corners(ga);
  const cb = corners(gb);
  for (const r of [ga, gb]) {
    for (const ang of [r.yaw, r.yaw + Math.PI / 2]) {
      const ax = Math.cos(ang);
      const ay = Math.sin(ang);
      const pa = ca.map(([x, y]) => x * ax + y * ay);
      const pb = cb.map(([x, y]) => x * ax + y * ay);
      if (Math.max(...pa) < Math.min(...pb) || Math.max(...pb) < Math.min(...pa)) return false;
    }
  }
  return true;
}

function distancePointRect(px: number, py: number, r: Rect): number {
  const c = Math.cos(-r.yaw);
  const s = Math.sin(-r.yaw);
  const lx = c * (px - r.cx) - s * (py - r.cy);
  const ly = s * (px - r.cx) + c * (py - r.cy);
  const dx = Math.max(Math.abs(lx) - r.hw, 0);
  const dy = Math.max(Math.abs(ly) - r.hd, 0);
  return Math.hypot(dx, dy);
}

function pickEntry(
  rng: Prng,
  entries: readonly CatalogEntry[],
  counts: Map<string, number>,
): CatalogEntry | undefined {
  const allowed = entries.filter((e) => (counts.get(e.label) ?? 0) < (e.maxPerRoom ?? 99));
  const total = allowed.reduce((s, e) => s + e.weight, 0);
  let x = rng.next() * total;
  for (const e of allowed) {
    x -= e.weight;
    if (x < 0) return e;
  }
  return allowed[allowed.length - 1];
}

export function layoutRoom(seed: number, opts: LayoutOptions = {}): RoomLayout {
  const rng = new Prng(seed * 7919 + 1);
  const width = opts.width ?? Math.round(rng.uniform(3, 10) * 10) / 10;
  const depth = opts.depth ?? Math.round(rng.uniform(3, 12) * 10) / 10;
  const height = Math.round(rng.uniform(2.5, 2.9) * 100) / 100;
  const area = width * depth;
  const target =
    opts.objectCount ??
    Math.max(5, Math.min(40, Math.round(5 + ((area - 9) / 111) * 35 + rng.uniform(-2, 2))));
  // The band between the camera loop and the walls holds the wall-side furniture; its width varies per room.
  const band = rng.uniform(1.3, 2.7);
  const loop = {
    cx: width / 2,
    cy: depth / 2,
    ra: Math.max(0.3, width / 2 - band),
    rb: Math.max(0.3, depth / 2 - band),
  };
  const loopPts: [number, number][] = [];
  for (let k = 0; k < 72; k++) {
    const a = (2 * Math.PI * k) / 72;
    loopPts.push([loop.cx + loop.ra * Math.cos(a), loop.cy + loop.rb * Math.sin(a)]);
  }

  const placed: { rect: Rect; obj: PlacedObject }[] = [];
  const tables: Rect[] = [];
  const counts = new Map<string, number>();
  const fits = (r: Rect, others: Rect[]): boolean => {
    for (const [x, y] of corners(r))
      if (x < 0.01 || y < 0.01 || x > width - 0.01 || y > depth - 0.01) return false;
    if (r.z1 > height - 0.05) return false;
    if (r.z0 < 2.0 && loopPts.some(([x, y]) => distancePointRect(x, y, r) < CORRIDOR)) return false;
    return !others.some((o) => rectsOverlap(r, o, GAP));
  };
  const add = (entry: CatalogEntry, rect: Rect, size: [number, number, number]): void => {
    const obj: PlacedObject = {
      id: `o${placed.length}`,
      label: entry.label,
      support: entry.support,
      center: [rect.cx, rect.cy, (rect.z0 + rect.z1) / 2],
      size,
      yaw: rect.yaw,
      colour: entry.colour,
    };
    placed.push({ rect, obj });
    counts.set(entry.label, (counts.get(entry.label) ?? 0) + 1);
    if (entry.label === 'dining table') tables.push(rect);
  };
  /** A rectangle with its back against wall k (0: y=0, 1: x=W, 2: y=D, 3: x=0), facing into the room. */
  const wallRect = (k: number, w: number, d: number, z0: number, z1: number): Rect => {
    const along = k % 2 === 0 ? width : depth;
    const t = rng.uniform(w / 2 + 0.02, Math.max(w / 2 + 0.02, along - w / 2 - 0.02));
    const yaw = (k * Math.PI) / 2;
    const off = d / 2 + 0.015;
    const [cx, cy] =
      k === 0 ? [t, off] : k === 1 ? [width - off, t] : k === 2 ? [width - t, depth - off] : [off, depth - t];
    return { cx, cy, hw: w / 2, hd: d / 2, yaw: Math.atan2(Math.sin(yaw), Math.cos(yaw)), z0, z1 };
  };
  const drawSize = (e: CatalogEntry): [number, number, number] =>
    e.size.map(([lo, hi]) => Math.round(rng.uniform(lo, hi) * 1000) / 1000) as [number, number, number];

  const floorEntries = CATALOG.filter((e) => e.support === 'floor');
  const tableEntries = CATALOG.filter((e) => e.support === 'table');
  const wallEntries = CATALOG.filter((e) => e.support === 'wall');
  const nWall = Math.max(1, Math.round(target * 0.12));
  const nTable = target >= 8 ? Math.round(target * 0.35) : 0;
  const nFloor = target - nWall - nTable;
  const plan: Support[] = [];
  if (nTable > 0) plan.push('floor'); // the first floor item is a table so table items have a place
  for (let i = 0; i < nFloor - (nTable > 0 ? 1 : 0); i++) plan.push('floor');
  for (let i = 0; i < nWall; i++) plan.push('wall');
  for (let i = 0; i < nTable; i++) plan.push('table');

  plan.forEach((support, idx) => {
    for (let attempt = 0; attempt < 60; attempt++) {
      const entry =
        idx === 0 && nTable > 0
          ? CATALOG.find((e) => e.label === 'dining table')!
          : pickEntry(
              rng,
              support === 'floor' ? floorEntries : support === 'wall' ? wallEntries : tableEntries,
              counts,
            );
      if (!entry) return;
      const size = drawSize(entry);
      const [w, d, h] = size;
      let rect: Rect;
      if (support === 'table') {
        if (tables.length === 0) return;
        const t = rng.pick(tables);
        const lx = rng.uniform(-t.hw + w / 2 + 0.03, t.hw - w / 2 - 0.03);
        const ly = rng.uniform(-t.hd + d / 2 + 0.03, t.hd - d / 2 - 0.03);
        if (Math.abs(lx) + w / 2 > t.hw || Math.abs(ly) + d / 2 > t.hd) continue;
        const c = Math.cos(t.yaw);
        const s = Math.sin(t.yaw);
        const yaw = t.yaw + rng.uniform(-0.6, 0.6);
        rect = {
          cx: t.cx + c * lx - s * ly,
          cy: t.cy + s * lx + c * ly,
          hw: w / 2,
          hd: d / 2,
          yaw,
          z0: t.z1,
          z1: t.z1 + h,
        };
        // Items on a table only need to stay on its top and apart from each other.
        const others = placed.map((p) => p.rect).filter((o) => o !== t);
        if (others.some((o) => rectsOverlap(rect, o, 0.03))) continue;
      } else if (support === 'wall') {
        const zc = rng.uniform(...entry.mountHeight!);
        rect = wallRect(rng.int(0, 3), w, d, zc - h / 2, zc + h / 2);
        if (
          !fits(
            rect,
            placed.map((p) => p.rect),
          )
        )
          continue;
      } else {
        if (entry.againstWall) rect = wallRect(rng.int(0, 3), w, d, 0, h);
        else {
          const yaw =
            entry.label === 'dining table'
              ? (rng.int(0, 1) * Math.PI) / 2 + rng.uniform(-0.15, 0.15)
              : rng.uniform(-Math.PI, Math.PI);
          // Tables often stand in the middle (inside the camera loop), other things anywhere.
          const central = entry.label === 'dining table' && rng.chance(0.6);
          const cx = central ? loop.cx + rng.uniform(-0.3, 0.3) * loop.ra : rng.uniform(0, width);
          const cy = central ? loop.cy + rng.uniform(-0.3, 0.3) * loop.rb : rng.uniform(0, depth);
          rect = { cx, cy, hw: w / 2, hd: d / 2, yaw, z0: 0, z1: h };
        }
        if (
          !fits(
            rect,
            placed.map((p) => p.rect),
          )
        )
          continue;
      }
      add(entry, rect, size);
      return;
    }
  });
  return { width, depth, height, objects: placed.map((p) => p.obj), loop };
}
