/// <reference lib="webworker" />
import { engineHandlers } from './handlers';
import { serveEngine } from './serve';

// The engine's entry in its Web Worker: estimation (and later optimization, simulation) off the main thread.
serveEngine(self as unknown as DedicatedWorkerGlobalScope, engineHandlers);
