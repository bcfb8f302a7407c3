/**
 * Every way a scenario can ask for what the data or the roster cannot give, each code with the
 * params it carries: the one list the engine throws from and the translations word (a Chinese
 * template per code, checked exhaustively by the type of `ScenarioErrorCode`).
 */
import { ScenarioError, type ErrorLocation } from './errors';

export const SCENARIO_ERROR_PARAMS = {
  /** `setting` names a field that is not a segment field. */
  not_segment_field: ['setting', 'field', 'fields'],
  /** `segments.fields[i]` is not a column of the leads. */
  not_a_column: ['setting', 'field', 'columns'],
  no_segment_field: [],
  value_bands_order: ['setting', 'band'],
  no_matching_segment: ['setting', 'values'],
  rep_not_in_roster: ['setting', 'rep'],
  no_data: [],
  no_leads: [],
  no_decided_leads: [],
  no_created_at: ['capability'],
  no_reps: [],
  unknown_policy: ['policy', 'policies'],
  duplicate_policy: ['policy'],
  baseline_not_compared: ['baseline', 'policies'],
  no_decided_after_cutoff: ['cutoff'],
  roster_file_unreadable: ['file'],
  zero_demand: [],
} as const satisfies Record<string, readonly string[]>;

export type ScenarioErrorCode = keyof typeof SCENARIO_ERROR_PARAMS;
export type ScenarioErrorParams<C extends ScenarioErrorCode> = Record<(typeof SCENARIO_ERROR_PARAMS)[C][number], string | number>;

/** A ScenarioError whose code is listed and is given exactly the params listed for it. */
export function scenarioError<C extends ScenarioErrorCode>(code: C, params: ScenarioErrorParams<C>, message: string, where: ErrorLocation): ScenarioError {
  return new ScenarioError(code, params, message, where);
}
