/** Markdown tables for the generated report: every cell comes from data, none is typed by hand. */

export type Cell = string | number | null | undefined;
export type Align = 'left' | 'right';

export interface TableColumn {
  readonly header: string;
  readonly align?: Align;
  /** Decimals for numeric cells (default 1). */
  readonly digits?: number;
}

export class TableShapeError extends Error {
  override readonly name = 'TableShapeError';
}

/** Pipes and newlines would break the row: escape the first, flatten the second. */
export function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function formatCell(c: Cell, digits = 1): string {
  if (c === null || c === undefined || (typeof c === 'number' && Number.isNaN(c))) return '—';
  if (typeof c === 'number') return Number.isInteger(c) && digits === 0 ? String(c) : c.toFixed(digits);
  return escapeCell(c);
}

export function markdownTable(
  columns: readonly (TableColumn | string)[],
  rows: readonly (readonly Cell[])[],
): string {
  const cols = columns.map((c) => (typeof c === 'string' ? { header: c } : c));
  rows.forEach((r, i) => {
    if (r.length !== cols.length)
      throw new TableShapeError(`markdownTable: row ${i} has ${r.length} cells for ${cols.length} columns`);
  });
  const head = `| ${cols.map((c) => escapeCell(c.header)).join(' | ')} |`;
  const rule = `| ${cols.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  const body = rows.map((r) => `| ${r.map((c, i) => formatCell(c, cols[i].digits ?? 1)).join(' | ')} |`);
  return [head, rule, ...body].join('\n') + '\n';
}
