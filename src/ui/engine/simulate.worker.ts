/// <reference lib="webworker" />
import { runReplications, type ReplicateInput } from '../../simulate/replicate';

/** One Web Worker of the simulation pool: runs its share of replications, reporting each one. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', (event: MessageEvent<{ input: ReplicateInput; replications: number[] }>) => {
  const { input, replications } = event.data;
  try {
    const batch = runReplications(input, replications, { onReplication: (done) => scope.postMessage({ done }) });
    scope.postMessage({ batch }, [batch.metrics.buffer as ArrayBuffer, batch.reps.buffer as ArrayBuffer]);
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
