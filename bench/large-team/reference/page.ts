/**
 * The yardstick for the Data step's load: the same file, picked the same way (a file input), read
 * into DuckDB-WASM by DuckDB's own bare `read_csv` (every type detected, no checks, no mapping).
 * bench/large-team/reference.ts sets the file and calls `window.__readCsv`.
 */
import { createBrowserDatabase } from '../../../src/data/adapters/wasm-browser';

export interface ReadCsvRun {
  /** File → bytes in the page (`File.arrayBuffer`). */
  fileMs: number;
  /** DuckDB-WASM started (worker, wasm, open): the workbench has it running before any drop. */
  startupMs: number;
  /** Bytes registered and `CREATE TABLE … AS SELECT * FROM read_csv(…)`. */
  readCsvMs: number;
  rows: number;
}

declare global {
  interface Window {
    __readCsv: () => Promise<ReadCsvRun>;
  }
}

window.__readCsv = async () => {
  const file = (document.getElementById('file') as HTMLInputElement).files?.[0];
  if (!file) throw new Error('no file set on #file');
  let t = performance.now();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileMs = performance.now() - t;
  t = performance.now();
  const db = await createBrowserDatabase();
  const startupMs = performance.now() - t;
  try {
    t = performance.now();
    const name = await db.registerFile(file.name, bytes);
    await db.exec(`CREATE TABLE reference_leads AS SELECT * FROM read_csv('${name.replaceAll("'", "''")}')`);
    const readCsvMs = performance.now() - t;
    const [count] = await db.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM reference_leads');
    return { fileMs, startupMs, readCsvMs, rows: count!.n };
  } finally {
    await db.close();
  }
};
