import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { toSqlValue, type Database, type SqlRow } from '../database';

/**
 * Native DuckDB for the command line: no browser memory ceiling, so a team that outgrows the
 * workbench moves here with the same scenario file. Registered buffers are written to a private
 * temporary folder, because native DuckDB reads files, not buffers.
 */
export async function createNativeDatabase(): Promise<Database> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const folder = await mkdtemp(path.join(tmpdir(), 'allot-'));
  const registered = new Map<string, string>();
  // Statements still running when a command ends on another's error (reads run side by side):
  // closing under them hung the process or crashed it (SIGSEGV), so close waits for them.
  const running = new Set<Promise<unknown>>();
  const tracked = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    void work.finally(() => running.delete(work)).catch(() => undefined);
    return work;
  };
  return {
    kind: 'native-node',
    async query<Row extends object>(sql: string): Promise<Row[]> {
      const reader = await tracked(conn.runAndReadAll(sql));
      const names = reader.columnNames();
      return reader.getRows().map((values) => {
        const row: SqlRow = {};
        names.forEach((name, i) => (row[name] = nativeValue(values[i])));
        return row;
      }) as Row[];
    },
    async exec(sql: string) {
      await tracked(conn.run(sql));
    },
    async registerFile(name: string, bytes: Uint8Array) {
      const file = path.join(folder, `${registered.size}-${path.basename(name).replace(/[^\w.-]/g, '_')}`);
      await writeFile(file, bytes);
      registered.set(name, file);
      return file;
    },
    async dropFile(name: string) {
      const file = registered.get(name);
      if (file) await rm(file, { force: true });
      registered.delete(name);
    },
    async close() {
      while (running.size) await Promise.allSettled([...running]);
      conn.closeSync();
      instance.closeSync();
      // A read still writing its file (the run ended on another's error) may refill the folder
      // as it goes: retried, and a leftover temp folder never turns the user's answer into a crash.
      await rm(folder, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    },
  };
}

function nativeValue(value: unknown): ReturnType<typeof toSqlValue> {
  if (value !== null && typeof value === 'object' && 'toDouble' in value && typeof value.toDouble === 'function') {
    return value.toDouble() as number;
  }
  return toSqlValue(value);
}
