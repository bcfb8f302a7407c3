/**
 * The one door to DuckDB. Each runtime has an adapter (DuckDB-WASM in a browser worker,
 * DuckDB-WASM in Node, native DuckDB in Node) and nothing outside `src/data` speaks SQL.
 *
 * Rows come back as plain objects whose values are only `number | string | boolean | null`:
 * adapters turn BIGINT and DECIMAL into numbers, and SQL that returns dates or timestamps
 * casts them itself (to VARCHAR or epoch milliseconds), because the runtimes disagree on how
 * a timestamp looks in JavaScript.
 */
export type SqlValue = number | string | boolean | null;
export type SqlRow = Record<string, SqlValue>;

export type DatabaseKind = 'wasm-browser' | 'wasm-node' | 'native-node';

export interface Database {
  readonly kind: DatabaseKind;
  query<Row extends object = SqlRow>(sql: string): Promise<Row[]>;
  exec(sql: string): Promise<void>;
  /**
   * Makes `bytes` readable from SQL and returns the name to use there, e.g.
   * `read_csv('<name>')`. The adapter may take ownership of the buffer (DuckDB-WASM empties it).
   */
  registerFile(name: string, bytes: Uint8Array): Promise<string>;
  dropFile(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Turns whatever a driver hands back into the plain values the contract promises. */
export function toSqlValue(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'number':
    case 'string':
    case 'boolean':
      return value;
    case 'bigint':
      return Number(value);
    default:
      if (value instanceof Date) return value.getTime();
      return String(value);
  }
}

export function toSqlRow(row: Record<string, unknown>): SqlRow {
  const out: SqlRow = {};
  for (const key of Object.keys(row)) out[key] = toSqlValue(row[key]);
  return out;
}

/** Quotes a value as a SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Quotes a name (table or column) as a SQL identifier, whatever characters it holds. */
export function sqlName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
