import { element } from './cell';

export type Cell = string | number | boolean | null | undefined;

export interface TableOptions<Row> {
  /** Columns to show, in order; all keys of the first row by default. */
  columns?: Array<keyof Row & string>;
  /** Formats a column's values (numbers get thousands separators and up to 3 decimals otherwise). */
  format?: Partial<Record<keyof Row & string, (value: Row[keyof Row]) => string>>;
  /** Rows beyond this are counted, not shown. */
  limit?: number;
}

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** Rows as an HTML table; every value is set as text, so a lead's text can never become markup. */
export function table<Row extends Record<string, Cell>>(rows: Row[], options: TableOptions<Row> = {}): HTMLElement {
  const columns = options.columns ?? (Object.keys(rows[0] ?? {}) as Array<keyof Row & string>);
  const limit = options.limit ?? 25;
  const wrap = element('div', 'table');
  const t = element('table');
  const head = t.createTHead().insertRow();
  for (const column of columns) head.append(element('th', undefined, column));
  const body = t.createTBody();
  for (const row of rows.slice(0, limit)) {
    const tr = body.insertRow();
    for (const column of columns) {
      const value = row[column];
      const formatted = options.format?.[column]?.(value) ?? (typeof value === 'number' ? number.format(value) : String(value ?? '–'));
      const td = tr.insertCell();
      td.textContent = formatted;
      if (typeof value === 'number') td.className = 'num';
    }
  }
  wrap.append(t);
  if (rows.length > limit) wrap.append(element('p', 'more', `… and ${rows.length - limit} more rows (${rows.length} in all).`));
  return wrap;
}

export const percent = (digits = 1) => (value: unknown) => (typeof value === 'number' ? `${(100 * value).toFixed(digits)}%` : '–');
