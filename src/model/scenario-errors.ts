/**
 * Every way a scenario can ask for what the data or the roster cannot give, each code with the
 * params it carries: the one list the engine throws from and the translations word (a Chinese
 * template per code, checked exhaustively by the type of `ScenarioErrorCode`).
 */
import { ImportError, ScenarioError, type ErrorLocation } from './errors';

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
  /** The readout's arm column holds values that name neither arm. */
  arm_values_unknown: ['column', 'values', 'control', 'candidate'],
  /** The readout's slot column holds values that are not slots. */
  slot_values_unknown: ['column', 'values'],
  /** A lead-level split recomputed from lead ids needs the lead id column mapped. */
  no_lead_ids: [],
  /** The readout found no lead old enough in both arms. */
  nothing_to_read_out: ['window'],
  /** Rows added to the history (a rollout's weeks) lack columns the history's mapping reads. */
  columns_differ: ['file', 'missing'],
} as const satisfies Record<string, readonly string[]>;

export type ScenarioErrorCode = keyof typeof SCENARIO_ERROR_PARAMS;
export type ScenarioErrorParams<C extends ScenarioErrorCode> = Record<(typeof SCENARIO_ERROR_PARAMS)[C][number], string | number>;

/** A ScenarioError whose code is listed and is given exactly the params listed for it. */
export function scenarioError<C extends ScenarioErrorCode>(code: C, params: ScenarioErrorParams<C>, message: string, where: ErrorLocation): ScenarioError {
  return new ScenarioError(code, params, message, where);
}

/**
 * Every way a file or a mapping can fail to import, each code with its params: what the Data and
 * Team steps word in Chinese (the English `message` is the CLI's line). Location (file, row,
 * column, JSON path) travels in the error's `where`.
 */
export const IMPORT_ERROR_PARAMS = {
  no_file: [],
  mapping_invalid: ['detail'],
  one_column: ['column'],
  mapped_column_missing: ['field', 'column', 'columns'],
  listed_column_missing: ['list', 'column', 'columns'],
  join_column_not_before: ['column'],
  join_column_missing: ['column'],
  no_join_key: ['shared'],
  file_empty: [],
  binary_file: [],
  no_text: [],
  excel_unreadable: ['detail'],
  excel_empty: [],
  parquet_unreadable: ['detail'],
  csv_unclosed_quote: ['line'],
  duplicate_column: ['column', 'first', 'second'],
  no_rows: [],
  csv_line_too_long: ['line', 'limit'],
  csv_unreadable: ['line'],
  roster_no_id: [],
  roster_no_reps: [],
  roster_unreadable_line: ['line', 'detail'],
  roster_unknown_column: ['column', 'field'],
  roster_unread_column: ['column', 'known'],
  roster_duplicate_id: ['rep', 'first'],
  roster_bad_number: ['value'],
  roster_bad_active: ['value'],
  roster_empty_id: [],
  roster_bad_hours: ['value'],
  roster_bad_absence: ['value'],
  roster_capacity_required: [],
  roster_invalid: ['detail'],
} as const satisfies Record<string, readonly string[]>;

export type ImportErrorCode = keyof typeof IMPORT_ERROR_PARAMS;

/** An ImportError whose code is listed and is given exactly the params listed for it. */
export function importError<C extends ImportErrorCode>(code: C, params: Record<(typeof IMPORT_ERROR_PARAMS)[C][number], string | number>, message: string, where: ErrorLocation): ImportError {
  return new ImportError(message, where, code, params);
}
