import { createEngineClient, type EngineClient } from './engine-client';
import { FAULT_PREFIX } from './fault';

/**
 * Starts the engine in its own Web Worker, bundled by Vite from our own origin. `?engine-fault=<kind>`
 * in the page's address makes every call of that kind fail as an engine fault would: how the e2e
 * suite shows that each step reports a failure once, in the UI's language, and goes idle.
 */
export function startEngine(): EngineClient {
  const fault = new URLSearchParams(globalThis.location?.search ?? '').get('engine-fault');
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: fault ? `${FAULT_PREFIX}${fault}` : 'allot-engine' });
  return createEngineClient(worker);
}
