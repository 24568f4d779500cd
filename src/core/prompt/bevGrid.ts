/**
 * The bird's-eye symbolic grid: a square of characters, +y up, +x right. Objects are their one-character
 * ids ('*' when they have none or are not listed, '+' when several share a cell and none matters more), the
 * camera is an arrow
 * pointing where it looks (^ > v <), '.' is empty. Coordinates in decimetres, like the object list.
 */
export interface GridItem {
  /** Decimetres. */
  readonly x: number;
  readonly y: number;
  readonly symbol: string;
  /** Higher wins a shared cell (task objects over the rest). */
  readonly priority: number;
}

export interface GridCamera {
  /** Decimetres. */
  readonly x: number;
  readonly y: number;
  readonly heading: readonly [number, number];
}

function arrow(h: readonly [number, number]): string {
  if (Math.abs(h[0]) > Math.abs(h[1])) return h[0] > 0 ? '>' : '<';
  return h[1] > 0 ? '^' : 'v';
}

export function drawGrid(
  items: readonly GridItem[],
  camera: GridCamera | undefined,
  side: number,
  /** Say in the legend that '*' marks objects not in the list. */
  othersStarred = false,
): string {
  const xs = items.map((i) => i.x).concat(camera ? [camera.x] : []);
  const ys = items.map((i) => i.y).concat(camera ? [camera.y] : []);
  if (xs.length === 0) return '(empty map)';
  const minX = Math.round(Math.min(...xs));
  const minY = Math.round(Math.min(...ys));
  const span = Math.max(Math.max(...xs) - minX, Math.max(...ys) - minY, 5);
  // Whole-decimetre cells, so the legend reads cleanly.
  const cell = Math.max(1, Math.ceil((span * 1.0001) / (side - 1)));
  const cells: { symbol: string; priority: number }[][] = Array.from({ length: side }, () =>
    Array.from({ length: side }, () => ({ symbol: '.', priority: 0 })),
  );
  const put = (x: number, y: number, symbol: string, priority: number): void => {
    const c = Math.min(side - 1, Math.max(0, Math.round((x - minX) / cell)));
    const r = side - 1 - Math.min(side - 1, Math.max(0, Math.round((y - minY) / cell)));
    const cur = cells[r][c];
    if (priority > cur.priority) cells[r][c] = { symbol, priority };
    else if (priority === cur.priority && cur.symbol !== '.' && !(symbol === '*' && cur.symbol === '*'))
      cells[r][c] = { symbol: '+', priority };
  };
  for (const it of items) put(it.x, it.y, it.symbol, it.priority);
  if (camera) put(camera.x, camera.y, arrow(camera.heading), 3);
  const legendMe = camera ? `, me ${arrow(camera.heading)}` : '';
  const rows = cells.map((row) => row.map((c) => c.symbol).join(''));
  const legend = `Grid of ${cell} dm cells from ${minX},${minY}${legendMe}${othersStarred ? ', * other' : ''}:`;
  return [legend, ...rows].join('\n');
}
