import { createEngineClient, type EngineClient } from './engine-client';

/** Starts the engine in its own Web Worker, bundled by Vite from our own origin. */
export function startEngine(): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  return createEngineClient(worker);
}
