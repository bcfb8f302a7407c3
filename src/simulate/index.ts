/**
 * The simulator (DESIGN §3.3): discrete-event Monte Carlo of leads arriving, being routed by
 * `src/route`, first-touched from each rep's queue in working hours, reclaimed and converted.
 * `assembleComparison` puts a world and policies together (the pipeline, src/pipeline, reads and builds the parts); `compare` runs replications on
 * a runner (this thread, Node worker threads, Web Workers) and summarises them.
 */
export { assembleComparison, buildSimPolicies, comparedNames, foldEstimates, salesforceSlots, type ComparisonParts, type PreparedComparison, type ExtraPolicy } from './prepare';
export { compare, calibrated, inThisThread, type BatchRunner, type RunControl, type Comparison } from './compare';
export { runReplications, type ReplicateInput, type ReplicationBatch, type ReplicateControl } from './replicate';
export { summarize, mergeBatches, metricValues, interval } from './summarize';
export { gini, jain } from './metrics';
export { buildWorld, type SimulationWorld, type SimRep, type SimSegment } from './world';
export type { SimPolicy, SalesforceSlots } from './policy';
