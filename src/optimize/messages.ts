import { messageMaker, type EngineMessage } from '../model/message';

/**
 * What the optimizer says about a problem: input issues (problem.ts), why no plan exists
 * (explain.ts), where capacity fell short, and what a plan would harm (plan-flags.ts). Shares (`lo`, `atLeast`, `floor` …) are fractions.
 */
export const OPTIMIZE_MESSAGES = {
  // Input issues (normalizeProblem).
  bad_demand: ['segment', 'value'],
  bad_value_per_won: ['segment', 'value'],
  bad_capacity: ['rep', 'value'],
  conversion_table_size: ['entries', 'segments', 'reps', 'expected'],
  eligibility_table_size: ['entries', 'expected'],
  bad_conversion: ['segment', 'rep', 'value'],
  exclusion_out_of_range: ['segment', 'rep'],
  pin_out_of_range: ['segment', 'rep'],
  bad_pin_share: ['segment', 'rep', 'value'],
  pin_inactive_rep: ['segment', 'rep'],
  pinned_and_excluded: ['segment', 'rep'],
  pins_over_full: ['segment', 'share'],
  bad_load_band: ['min', 'max'],
  bad_value_floor: ['value'],
  bad_junior_share: ['value'],
  junior_share_unknown_segment: ['segment'],
  bad_max_min_weight: ['value'],
  bad_overflow_penalty: ['value'],
  bad_headroom: ['value'],
  bad_rep_floor: ['value'],
  rep_eligible_for_nothing: ['rep'],
  segment_without_rep: ['segment'],
  // Necessary conditions that fail (precheckConflicts).
  band_min_rep: ['rep', 'need', 'min', 'capacity', 'bring'],
  band_min_team: ['min', 'need', 'demand'],
  junior_share_no_junior: ['share', 'segments', 'need'],
  junior_share_capacity: ['share', 'segments', 'need', 'room'],
  value_floor_rep: ['rep', 'target', 'floor', 'reach', 'capacity'],
  pins_over_capacity: ['rep', 'load', 'take'],
  // Found by relaxing one group at a time (diagnoseByRelaxation).
  relax_band_min: ['asked', 'reachable'],
  relax_value_floor: ['asked', 'reachable'],
  relax_junior_share: ['asked', 'reachable'],
  relax_pins: [],
  relax_band_max: [],
  relax_capacity: [],
  relax_none: [],
  // Too little capacity: the overflow queue (describeOverflow).
  overflow_no_rep: ['segments', 'count', 'need', 'over', 'queue'],
  overflow: ['segments', 'count', 'need', 'reps', 'take', 'over', 'queue'],
  // A plan that exists but would harm (plan-flags.ts): never passed quietly. `reps`: "r05 刘洋, r09 赵丽".
  overflow_share: ['share', 'over', 'demand', 'queue'],
  reps_without_leads: ['reps', 'count'],
  rep_floor_short: ['reps', 'count', 'floor'],
  headroom_used: ['reps', 'count', 'headroom'],
} as const;

export type OptimizeMessageCode = keyof typeof OPTIMIZE_MESSAGES;
export type OptimizeMessage = EngineMessage<OptimizeMessageCode>;
export const optimizeMessage = messageMaker(OPTIMIZE_MESSAGES);

/** How each policy was built (policies.ts, optimized-policy.ts). `objective`: 'conversions' | 'revenue'; `solver`: 'highs' | 'jslp'. */
export const POLICY_NOTES = {
  nobody_available: ['queue'],
  round_robin: ['reps'],
  least_loaded: ['reps'],
  weighted_win_rate: [],
  weighted_tier: ['senior', 'mid', 'junior', 'other'],
  /** `shares`: "r01 12%, r02 8%", rep ids and whole percents. */
  weighted_shares: ['shares'],
  weighted_dropped: ['reps'],
  weighted_no_eligibility: [],
  territory_none: [],
  territory_rules: ['field', 'skill'],
  territory_nobody: ['field', 'skill', 'value'],
  optimized_solved: ['solver', 'ms', 'objective'],
  /** What the floor costs (floor-cost.ts): `perWeek` and `total` in conversions, `floor` a share of capacity. */
  floor_cost: ['floor', 'perWeek', 'weeks', 'total', 'reps', 'count'],
  floor_free: ['floor'],
} as const;

export type PolicyNoteCode = keyof typeof POLICY_NOTES;
/** A policy's notes: its own, and for `optimized` the LP's overflow and input warnings. */
export type PolicyNote = EngineMessage<PolicyNoteCode | OptimizeMessageCode>;
export const policyNote = messageMaker(POLICY_NOTES);

/** What the conversion–fairness frontier found (frontier.ts). */
export const FRONTIER_NOTES = {
  frontier_flat: [],
  frontier_rise: ['from', 'to', 'strength', 'cost'],
  frontier_points: ['first'],
} as const;

export type FrontierNoteCode = keyof typeof FRONTIER_NOTES;
export type FrontierNote = EngineMessage<FrontierNoteCode>;
export const frontierNote = messageMaker(FRONTIER_NOTES);
