import type { AssignMethod } from '../model/rules';

/** Why a rep of the pool was passed over for this lead. */
export type SkipReason = 'inactive' | 'absent' | 'capped';
export interface SkippedRep {
  rep: string;
  why: SkipReason;
  /** For `capped`: the limit the rep has reached. */
  limit?: 'capacityPerWeek' | 'maxOpen';
}

/** The queue a lead goes to when neither its rule nor the fallback has anybody left. */
export const UNASSIGNED_QUEUE = 'unassigned';
export const FALLBACK_ID = 'fallback';

/** The arms of a rollout experiment (allot.rules/v2 `experiment`). */
export type Arm = 'candidate' | 'control';

/** What every routed (not prescreened-out) decision records for the audit trail. */
export interface RoutedDecision {
  leadId: string;
  /** With an experiment: the arm whose rules decided (rule ids may repeat between arms). Absent without one. */
  arm?: Arm;
  /** The rule that decided, or `fallback`. */
  ruleId: string;
  method: AssignMethod;
  /** Why the fallback decided: no rule matched, or the matched rule had nobody available. */
  fallbackBecause: 'no_match' | 'pool_exhausted' | null;
  /** The rule that matched but had nobody available, when the fallback decided for it. */
  matchedRuleId: string | null;
  skipped: readonly SkippedRep[];
}

export type Decision =
  /** `crmUser`: null when the rules name no CRM user for the rep (the rep id is in `rep`). */
  | (RoutedDecision & { kind: 'assigned'; rep: string; repIndex: number; crmUser: string | null })
  | (RoutedDecision & { kind: 'queued'; queue: string })
  | (RoutedDecision & { kind: 'unassigned'; queue: typeof UNASSIGNED_QUEUE })
  /** A control lead of an experiment whose control is `keepCurrent`: not assigned and not lost, the CRM's current process places it. */
  | { kind: 'left_to_current'; leadId: string; arm: 'control' }
  | { kind: 'rejected'; leadId: string; rejectIndex: number; reason: string }
  | { kind: 'duplicate'; leadId: string; firstLeadId: string; field: string; value: string };

export type DecisionKind = Decision['kind'];

/** One line a person can read in an audit log or the assignments CSV. */
export function explainDecision(decision: Decision): string {
  switch (decision.kind) {
    case 'rejected':
      return `rejected by prescreen.reject[${decision.rejectIndex}]: ${decision.reason}`;
    case 'duplicate':
      return `duplicate of ${decision.firstLeadId} (same ${decision.field} "${decision.value}")`;
    case 'left_to_current':
      return 'control arm: left to the current process (not assigned by these rules)';
    default: {
      const arm = decision.arm === undefined ? '' : `${decision.arm} arm: `;
      const parts = [`${arm}${decision.ruleId === FALLBACK_ID ? 'fallback' : `rule ${decision.ruleId}`} (${decision.method})`];
      if (decision.fallbackBecause === 'no_match') parts.push('no rule matched');
      if (decision.fallbackBecause === 'pool_exhausted') parts.push(`rule ${decision.matchedRuleId} had nobody available`);
      if (decision.kind === 'unassigned') parts.push('the fallback had nobody available either');
      if (decision.skipped.length > 0) parts.push(`skipped ${decision.skipped.map(describeSkip).join(', ')}`);
      return parts.join('; ');
    }
  }
}

function describeSkip(skip: SkippedRep): string {
  return `${skip.rep} (${skip.why}${skip.limit ? `: ${skip.limit}` : ''})`;
}
