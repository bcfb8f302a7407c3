import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { toSqlValue, type Database, type DatabaseKind, type SqlRow } from '../database';

/**
 * Settings every DuckDB-WASM database gets. Extensions would be fetched from the internet on
 * first use: offline that hangs in Node and fails misleadingly in Chromium, so autoloading is off
 * and everything we need (CSV) is built in.
 */
const SESSION_SETUP = [
  'SET autoload_known_extensions=false',
  'SET autoinstall_known_extensions=false',
];

/** Wraps an opened AsyncDuckDB (browser or Node bootstrap) as our Database. */
export async function wrapAsyncDuckDb(db: AsyncDuckDB, kind: DatabaseKind): Promise<Database> {
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn: AsyncDuckDBConnection = await db.connect();
  for (const statement of SESSION_SETUP) await conn.query(statement);
  return {
    kind,
    async query<Row extends object>(sql: string): Promise<Row[]> {
      const table = await conn.query(sql);
      // Column by column: Arrow's row proxies (toArray, toJSON) cost more than the query itself on
      // results of tens of thousands of rows (the estimates' outcome table). Each row still gets its
      // keys in the columns' order, the values as toSqlValue makes them.
      const rows: SqlRow[] = Array.from({ length: table.numRows }, () => ({}));
      table.schema.fields.forEach((field, i) => {
        let r = 0;
        for (const value of table.getChildAt(i)!) rows[r++]![field.name] = toSqlValue(value);
      });
      return rows as Row[];
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
    async registerFile(name: string, bytes: Uint8Array) {
      await db.registerFileBuffer(name, bytes);
      return name;
    },
    async dropFile(name: string) {
      await db.dropFile(name);
    },
    async close() {
      await conn.close();
      await db.terminate();
    },
  };
}
