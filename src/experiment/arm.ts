import { ARM_BUCKETS, bucketOf, isCandidateLead } from '../route';
import type { Arm } from './readout';

/*
 * The lead-level hash lives in src/route/arm-split.ts (the router ships alone and may import
 * nothing else); it is re-exported here so the readout and the design keep one implementation.
 */
export { ARM_BUCKETS, bucketOf };

/**
 * The arm of a lead in a lead-level split: a stable hash of its id (FNV-1a over the UTF-8 bytes of
 * `salt:id`), so the router, every export and the readout agree on it without storing it, and a
 * new experiment (another salt) reshuffles the leads. The candidate takes buckets below
 * share × ARM_BUCKETS.
 */
export function armOf(leadId: string, candidateShare: number, salt: string): Arm {
  return isCandidateLead(leadId, candidateShare, salt) ? 'candidate' : 'control';
}
