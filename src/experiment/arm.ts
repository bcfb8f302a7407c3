import type { Arm } from './readout';

/** Buckets a lead id falls into; a share is honoured to 0.01%. */
export const ARM_BUCKETS = 10_000;

/**
 * The arm of a lead in a lead-level split: a stable hash of its id (FNV-1a over the UTF-8 bytes of
 * `salt:id`), so the router, every export and the readout agree on it without storing it, and a
 * new experiment (another salt) reshuffles the leads. The candidate takes buckets below
 * share × ARM_BUCKETS.
 */
export function armOf(leadId: string, candidateShare: number, salt: string): Arm {
  return bucketOf(leadId, salt) < Math.round(candidateShare * ARM_BUCKETS) ? 'candidate' : 'control';
}

export function bucketOf(leadId: string, salt: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(`${salt}:${leadId}`)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % ARM_BUCKETS;
}
