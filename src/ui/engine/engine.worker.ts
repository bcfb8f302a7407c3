/// <reference lib="webworker" />
import { startBrowserDatabase } from '../../data/adapters/wasm-browser';
import { serveEngine } from './serve';

// DuckDB-WASM (its own worker, the wasm download and compile: 1.5–2 s) starts first thing, before
// the engine's own modules (the pipeline, the solvers: most of this worker's code) are even
// loaded; the first load takes the started database over.
startBrowserDatabase();

// The engine's entry in its Web Worker: the database, the loaded leads and the pipeline, off the
// main thread. Calls that arrive while the engine's modules load are answered once they are there.
serveEngine(self as unknown as DedicatedWorkerGlobalScope, import('./engine-setup').then((setup) => setup.engineHandlers()));
