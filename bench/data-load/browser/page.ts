/**
 * The bench page: the same measured stages as in Node, on DuckDB-WASM in a Web Worker, exactly
 * as the workbench opens it. bench/data-load/chromium.ts calls `window.__runBench`.
 */
import { createBrowserDatabase } from '../../../src/data/adapters/wasm-browser';
import { measureRuntime, type RuntimeRuns } from '../stages';

export interface PageRequest {
  /** Where the dev server serves the CSV, e.g. `/__bench-cache/leads-….csv`. */
  url: string;
  name: string;
  repetitions: number;
}

export interface PageResult extends RuntimeRuns {
  fetchMs: number;
}

declare global {
  interface Window {
    __runBench: (request: PageRequest) => Promise<PageResult>;
    __benchResult?: PageResult;
  }
}

window.__runBench = async ({ url, name, repetitions }) => {
  const log = (line: string) => console.log(`[bench] ${line}`);
  const t = performance.now();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const fetchMs = performance.now() - t;
  log(`fetched ${name} (${bytes.byteLength} bytes) in ${Math.round(fetchMs)} ms`);
  const runs = await measureRuntime(createBrowserDatabase, name, bytes, repetitions, log);
  window.__benchResult = { fetchMs, ...runs };
  return window.__benchResult;
};
