import { parentPort, workerData } from 'node:worker_threads';
import { runReplications, type ReplicateInput } from './replicate';

/** A Node worker thread of `nodeWorkerPool`: runs its share of replications, reporting each one. */
const { input, replications } = workerData as { input: ReplicateInput; replications: number[] };
const batch = runReplications(input, replications, { onReplication: (done) => parentPort!.postMessage({ done }) });
parentPort!.postMessage({ batch }, [batch.metrics.buffer as ArrayBuffer, batch.reps.buffer as ArrayBuffer]);
