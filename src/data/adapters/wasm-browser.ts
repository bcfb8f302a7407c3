import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Database } from '../database';
import { wrapAsyncDuckDb } from './wasm';

/** A database started ahead of need by `startBrowserDatabase`, waiting for its first taker. */
let early: Promise<Database> | null = null;

/**
 * Starts DuckDB-WASM now (worker, wasm download and compile, open: 1.5–2 s) so that it is ready
 * by the time the page has rendered and fetched its data, instead of starting only then. The next
 * `createBrowserDatabase()` takes this database over; later calls start their own.
 */
export function startBrowserDatabase(): void {
  if (early) return;
  early = openBrowserDatabase();
  // Whoever takes it over hears a failure; until then it must not count as unhandled.
  early.catch(() => undefined);
}

/**
 * DuckDB-WASM in the browser, in its own Web Worker. The bundles are served by Vite from our
 * own origin (never a CDN): the workbench makes no request to any other host.
 */
export function createBrowserDatabase(): Promise<Database> {
  const started = early;
  early = null;
  return started ?? openBrowserDatabase();
}

async function openBrowserDatabase(): Promise<Database> {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  return wrapAsyncDuckDb(db, 'wasm-browser');
}
