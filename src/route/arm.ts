import type { CompiledArm, CompiledRules, CompiledSplit } from './compile';
import { isCandidateLead, isCandidateSlot, candidateWeek, dayNumber, SLOTS, weekIndex } from './arm-split';
import { isEmpty, type Lead } from './conditions';

/** A lead's arm as a small integer for the hot path (the simulator's convention: 1 candidate, 0 control). */
export const ARM_CONTROL = 0;
export const ARM_CANDIDATE = 1;

/**
 * The arm of a lead under the experiment's split, decided before any rule is looked at:
 * - lead: the hash of the lead's `idField` (default lead_id); a lead without one hashes its
 *   router id (`leadId`, `#n`), which is only stable within one stream;
 * - slot: `sequence` mod 100, where `sequence` is the number of leads routed before this one
 *   (prescreened ones included), the way Salesforce's AutoNumber numbers every new lead;
 * - week: the week of the lead's creation date (`createdField`, YYYY-MM-DD…) counted from
 *   `weekStart`; a lead without a readable date goes to the control arm (today's practice), as a
 *   date is what the switchback needs and guessing one would put it in an arbitrary week.
 */
export function leadArm(split: CompiledSplit, lead: Lead, leadId: string, sequence: number): number {
  switch (split.unit) {
    case 'lead': {
      const id = split.idField(lead);
      return isCandidateLead(isEmpty(id) ? leadId : String(id), split.candidateShare, split.salt) ? ARM_CANDIDATE : ARM_CONTROL;
    }
    case 'slot':
      return isCandidateSlot(sequence % SLOTS, split.candidateShare) ? ARM_CANDIDATE : ARM_CONTROL;
    case 'week': {
      const created = split.createdField(lead);
      const day = typeof created === 'string' ? dayNumber(created.trim()) : null;
      if (day === null || Number.isNaN(split.weekStartDay)) return ARM_CONTROL;
      return candidateWeek(weekIndex(day, split.weekStartDay), split.candidateShare) ? ARM_CANDIDATE : ARM_CONTROL;
    }
  }
}

/** The pools that route an arm's leads; null for a `keepCurrent` control (the CRM's current process places them). */
export function armPools(compiled: CompiledRules, arm: number): CompiledArm | null {
  if (arm === ARM_CANDIDATE || compiled.split === null) return compiled;
  return compiled.split.control;
}
