/**
 * A tiny dependency-free SVG chart writer for the benchmark report: line charts (optionally log-scaled axes) and
 * grouped bar charts. Output is deterministic text (fixed decimals, no ids, no dates) so the committed SVGs only change
 * when the numbers do.
 */

export interface LineSeries {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

export interface ChartFrame {
  readonly title: string;
  /** A second, smaller line under the title: the machine and conditions. */
  readonly subtitle?: string;
  readonly yLabel: string;
  /** A small line at the foot of the figure: the machine and load it was measured at. */
  readonly note?: string;
  readonly width?: number;
  readonly height?: number;
}

export interface LineChartSpec extends ChartFrame {
  readonly xLabel: string;
  readonly series: readonly LineSeries[];
  readonly logX?: boolean;
  readonly logY?: boolean;
  /** Include 0 on the y axis (default true for linear y). */
  readonly yFromZero?: boolean;
}

export interface BarSeries {
  readonly name: string;
  /** One value per category; null draws nothing (e.g. a baseline that does not apply). */
  readonly values: readonly (number | null)[];
}

export interface BarChartSpec extends ChartFrame {
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  readonly yMax?: number;
}

export class ChartSpecError extends Error {
  override readonly name = 'ChartSpecError';
}

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#000000',
];

const MARGIN = { left: 64, right: 16, top: 52, bottom: 48 };
const LEGEND_ROW = 16;
const NOTE_ROW = 14;

export function escapeXml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const n = (x: number): string => (Math.round(x * 10) / 10).toString();

/** Round tick steps (1, 2, 5 × 10^k) covering [min, max] with about `count` ticks. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max))
    throw new ChartSpecError(`niceTicks: non-finite range ${min}..${max}`);
  if (max === min) max = min + 1;
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t <= max + step * 1e-9; t += step)
    ticks.push(Number(t.toPrecision(12)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

/** Decade ticks (with 2 and 5 in between when the range spans fewer than three decades). */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max > 0))
    throw new ChartSpecError(`logTicks: a log axis needs positive values, got ${min}..${max}`);
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const mults = hi - lo < 3 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e++) for (const m of mults) ticks.push(Number((m * 10 ** e).toPrecision(12)));
  // Keep one tick on either side of the data, not a whole extra decade of 2s and 5s.
  const first = ticks.findLastIndex((t) => t <= min);
  const last = ticks.findIndex((t) => t >= max);
  return ticks.slice(Math.max(0, first), last < 0 ? undefined : last + 1);
}

export function formatTick(t: number): string {
  const a = Math.abs(t);
  if (a >= 1e6) return `${Number((t / 1e6).toPrecision(3))}M`;
  if (a >= 1e4) return `${Number((t / 1e3).toPrecision(3))}k`;
  return Number(t.toPrecision(3)).toString();
}

function scale(lo: number, hi: number, a: number, b: number, log: boolean): (v: number) => number {
  const f = log ? Math.log10 : (v: number) => v;
  const l = f(lo);
  const span = f(hi) - l || 1;
  return (v) => a + ((f(v) - l) / span) * (b - a);
}

function frame(
  spec: ChartFrame,
  legend: readonly string[],
): { parts: string[]; w: number; h: number; top: number; bottom: number } {
  const w = spec.width ?? 640;
  const legendRows = Math.ceil(legend.length / 3);
  const noteH = spec.note ? NOTE_ROW : 0;
  const h = (spec.height ?? 360) + legendRows * LEGEND_ROW + noteH;
  const top = MARGIN.top + legendRows * LEGEND_ROW;
  const bottom = h - MARGIN.bottom - noteH;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="Liberation Sans, Arial, Helvetica, sans-serif" font-size="11">`,
    `<rect width="${w}" height="${h}" fill="#ffffff"/>`,
    `<text x="${w / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(spec.title)}</text>`,
  ];
  if (spec.subtitle)
    parts.push(
      `<text x="${w / 2}" y="34" text-anchor="middle" fill="#555555">${escapeXml(spec.subtitle)}</text>`,
    );
  const colW = (w - MARGIN.left - MARGIN.right) / 3;
  legend.forEach((name, i) => {
    const x = MARGIN.left + (i % 3) * colW;
    const y = MARGIN.top - 4 + Math.floor(i / 3) * LEGEND_ROW;
    parts.push(
      `<rect x="${n(x)}" y="${n(y - 9)}" width="12" height="10" fill="${PALETTE[i % PALETTE.length]}"/>`,
      `<text x="${n(x + 16)}" y="${n(y)}">${escapeXml(name)}</text>`,
    );
  });
  if (spec.note)
    parts.push(`<text x="8" y="${h - 6}" font-size="9" fill="#777777">${escapeXml(spec.note)}</text>`);
  return { parts, w, h, top, bottom };
}

function yAxis(
  parts: string[],
  ticks: number[],
  y: (v: number) => number,
  x0: number,
  x1: number,
  label: string,
  midY: number,
): void {
  for (const t of ticks) {
    const yy = n(y(t));
    parts.push(
      `<line x1="${n(x0)}" y1="${yy}" x2="${n(x1)}" y2="${yy}" stroke="#e5e5e5"/>`,
      `<text x="${n(x0 - 6)}" y="${yy}" text-anchor="end" dominant-baseline="middle">${formatTick(t)}</text>`,
    );
  }
  parts.push(
    `<text transform="translate(14 ${n(midY)}) rotate(-90)" text-anchor="middle">${escapeXml(label)}</text>`,
  );
}

export function lineChart(spec: LineChartSpec): string {
  const pts = spec.series.flatMap((s) => s.points);
  if (pts.length === 0)
    throw new ChartSpecError(
      `lineChart "${spec.title}": no data points; pass at least one series with points`,
    );
  if (pts.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y)))
    throw new ChartSpecError(
      `lineChart "${spec.title}": a point is not a finite number; drop it before plotting`,
    );
  const { parts, w, top, bottom } = frame(
    spec,
    spec.series.map((s) => s.name),
  );
  const x0 = MARGIN.left;
  const x1 = w - MARGIN.right;
  const y0 = bottom;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const xt = spec.logX
    ? logTicks(Math.min(...xs), Math.max(...xs))
    : niceTicks(Math.min(...xs), Math.max(...xs));
  const yMin = spec.logY ? Math.min(...ys) : (spec.yFromZero ?? true) ? Math.min(0, ...ys) : Math.min(...ys);
  const yt = spec.logY ? logTicks(yMin, Math.max(...ys)) : niceTicks(yMin, Math.max(...ys));
  const x = scale(xt[0], xt[xt.length - 1], x0, x1, !!spec.logX);
  const y = scale(yt[0], yt[yt.length - 1], y0, top, !!spec.logY);
  yAxis(parts, yt, y, x0, x1, spec.yLabel, (y0 + top) / 2);
  for (const t of xt) {
    parts.push(
      `<line x1="${n(x(t))}" y1="${n(y0)}" x2="${n(x(t))}" y2="${n(y0 + 4)}" stroke="#333333"/>`,
      `<text x="${n(x(t))}" y="${n(y0 + 16)}" text-anchor="middle">${formatTick(t)}</text>`,
    );
  }
  parts.push(
    `<line x1="${n(x0)}" y1="${n(y0)}" x2="${n(x1)}" y2="${n(y0)}" stroke="#333333"/>`,
    `<line x1="${n(x0)}" y1="${n(top)}" x2="${n(x0)}" y2="${n(y0)}" stroke="#333333"/>`,
    `<text x="${n((x0 + x1) / 2)}" y="${n(y0 + 38)}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`,
  );
  spec.series.forEach((s, i) => {
    const c = PALETTE[i % PALETTE.length];
    const sorted = [...s.points].sort((a, b) => a[0] - b[0]);
    const d = sorted.map(([px, py], j) => `${j ? 'L' : 'M'}${n(x(px))} ${n(y(py))}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${c}" stroke-width="2"/>`);
    for (const [px, py] of sorted)
      parts.push(
        `<circle cx="${n(x(px))}" cy="${n(y(py))}" r="3" fill="${c}"><title>${escapeXml(`${s.name}: ${formatTick(px)}, ${formatTick(py)}`)}</title></circle>`,
      );
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

export function barChart(spec: BarChartSpec): string {
  const vals = spec.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  if (spec.categories.length === 0 || vals.length === 0)
    throw new ChartSpecError(`barChart "${spec.title}": no categories or no values; pass at least one value`);
  for (const s of spec.series)
    if (s.values.length !== spec.categories.length)
      throw new ChartSpecError(
        `barChart "${spec.title}": series "${s.name}" has ${s.values.length} values for ${spec.categories.length} categories`,
      );
  if (vals.some((v) => !Number.isFinite(v)))
    throw new ChartSpecError(
      `barChart "${spec.title}": a value is not a finite number; use null for a missing bar`,
    );
  const { parts, w, top, bottom } = frame(
    spec,
    spec.series.map((s) => s.name),
  );
  const x0 = MARGIN.left;
  const x1 = w - MARGIN.right;
  const y0 = bottom;
  const yt = niceTicks(Math.min(0, ...vals), spec.yMax ?? Math.max(...vals));
  const y = scale(yt[0], yt[yt.length - 1], y0, top, false);
  yAxis(parts, yt, y, x0, x1, spec.yLabel, (y0 + top) / 2);
  const groupW = (x1 - x0) / spec.categories.length;
  const barW = (groupW * 0.8) / spec.series.length;
  spec.categories.forEach((cat, ci) => {
    const gx = x0 + ci * groupW;
    parts.push(
      `<text x="${n(gx + groupW / 2)}" y="${n(y0 + 16)}" text-anchor="middle">${escapeXml(cat)}</text>`,
    );
    spec.series.forEach((s, si) => {
      const v = s.values[ci];
      if (v === null) return;
      const bx = gx + groupW * 0.1 + si * barW;
      const top0 = Math.min(y(v), y(0));
      parts.push(
        `<rect x="${n(bx)}" y="${n(top0)}" width="${n(barW)}" height="${n(Math.abs(y(v) - y(0)))}" fill="${PALETTE[si % PALETTE.length]}"><title>${escapeXml(`${s.name}, ${cat}: ${formatTick(v)}`)}</title></rect>`,
      );
    });
  });
  parts.push(
    `<line x1="${n(x0)}" y1="${n(y(0))}" x2="${n(x1)}" y2="${n(y(0))}" stroke="#333333"/>`,
    `<line x1="${n(x0)}" y1="${n(top)}" x2="${n(x0)}" y2="${n(y0)}" stroke="#333333"/>`,
    '</svg>',
  );
  return parts.join('\n') + '\n';
}
