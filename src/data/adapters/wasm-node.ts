import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm';
import type { Database } from '../database';
import { wrapAsyncDuckDb } from './wasm';

/**
 * DuckDB-WASM in Node: the very code the browser runs, in a worker thread. Used to run the data
 * layer's contract tests on the WASM engine without a browser. `web-worker` is pinned to 1.4.1
 * because 1.5.0 hangs with this worker, and loaded as CommonJS because its ES-module build cannot
 * start a classic (non-module) worker script such as DuckDB's.
 */
export async function createWasmNodeDatabase(): Promise<Database> {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-eh.worker.cjs'));
  const Worker = require('web-worker') as new (url: string) => unknown;
  const worker = new Worker(path.join(dist, 'duckdb-node-eh.worker.cjs')) as unknown as globalThis.Worker;
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(path.join(dist, 'duckdb-eh.wasm'));
  return wrapAsyncDuckDb(db, 'wasm-node');
}
