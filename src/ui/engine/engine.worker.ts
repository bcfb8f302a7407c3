/// <reference lib="webworker" />
import rosterUrl from '../../../data/sample/roster.csv?url';
import { createBrowserDatabase, startBrowserDatabase } from '../../data/adapters/wasm-browser';
import type { SourceFile } from '../../data/read-table';
import type { LoadedData } from '../../pipeline/data-session';
import { createEngineHandlers } from './handlers';
import { serveEngine } from './serve';
import { webWorkerPool } from './simulate-pool';

// DuckDB-WASM (its own worker, the wasm download and compile: 1.5–2 s) starts first thing, while
// the page renders and the sample is fetched; the first load takes the started database over.
startBrowserDatabase();

const SAMPLE_ROSTER = 'roster.csv';

/** The only file a scenario can name that a browser can read: the sample's roster, with the sample loaded. */
async function readFile(path: string, data: LoadedData): Promise<SourceFile | null> {
  if (path !== SAMPLE_ROSTER || !data.isSample) return null;
  const response = await fetch(rosterUrl);
  if (!response.ok) throw new Error(`${SAMPLE_ROSTER}: ${response.status} ${response.statusText}`);
  return { name: SAMPLE_ROSTER, bytes: new Uint8Array(await response.arrayBuffer()) };
}

// The engine's entry in its Web Worker: the database, the loaded leads and the pipeline, off the main thread.
serveEngine(self as unknown as DedicatedWorkerGlobalScope, createEngineHandlers({ openDatabase: createBrowserDatabase, runner: webWorkerPool(), readFile }));
