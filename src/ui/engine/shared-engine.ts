import { startEngine } from './start-engine';

/**
 * The workbench's one engine worker, started when main.ts imports this module first: the worker
 * starts DuckDB-WASM (1.5–2 s) while the page loads and renders and the sample is fetched.
 */
export const engine = startEngine();
