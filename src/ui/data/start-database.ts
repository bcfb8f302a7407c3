import { startBrowserDatabase } from '../../data/adapters/wasm-browser';

/**
 * Imported first by main.ts, so that DuckDB-WASM's start-up (1.5–2 s, in its own worker) runs
 * while the rest of the page loads and renders and the sample is fetched: the Data step's first
 * load takes the started database over instead of starting one only when it asks.
 */
startBrowserDatabase();
