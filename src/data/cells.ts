import { sqlName } from './database';

/**
 * The cells of `columns` of `from` as rows `(i, cell)`, `i` being the column's position in
 * `columns`; blank (NULL) cells are left out. Checks that apply one test to many columns run it
 * once over these rows instead of once per column: DuckDB-WASM compiles each regular expression
 * of a query (~7 ms apiece), so a test written out per column costs that many times over.
 * `keep` columns (such as `__row`) stay beside each cell; `cell` wraps each column first.
 */
export function cellsOf(
  from: string,
  columns: string[],
  options: { keep?: string[]; limit?: number; cell?: (column: string) => string } = {},
): string {
  const { keep = [], limit, cell = sqlName } = options;
  const names = columns.map((_, i) => `"${i}"`);
  const picked = [...keep.map(sqlName), ...columns.map((c, i) => `CAST(${cell(c)} AS VARCHAR) AS ${names[i]}`)];
  return `SELECT ${[...keep.map(sqlName), 'CAST(i AS INTEGER) AS i', 'cell'].join(', ')}
    FROM (UNPIVOT (SELECT ${picked.join(', ')} FROM ${from}${limit === undefined ? '' : ` LIMIT ${limit}`})
          ON ${names.join(', ')} INTO NAME i VALUE cell)`;
}
