import { AllotError, type ErrorParams } from '../model/errors';
import type { RuleConfig } from '../model/rules';
import type { ExportOptions } from './options';

/**
 * What every exporter (DESIGN §4) returns: the files to write, and what the target cannot express.
 * Exporters are pure: RuleConfig in, file texts out. Writing them to disk is the CLI's job and
 * offering them for download the UI's, so both show exactly the same bytes.
 */
export interface ExportedFile {
  /** Relative path inside the output folder, with `/` separators (e.g. `force-app/main/default/…`). */
  path: string;
  content: string;
  /** MIME type for a browser download. */
  mediaType: string;
}

/**
 * Something in the RuleConfig the target cannot say as it is. `approximation` says what the
 * exported files do instead; a rule the target cannot express at all is an ExportError, not a
 * limitation, because a silently wrong file is worse than none.
 */
export interface Limitation {
  /** The rule id, `fallback`, `prescreen` or `reps[i]` it concerns; null when it is about the whole config. */
  at: string | null;
  /** The kind of limitation, so the UI can word it in the user's language (src/ui/i18n/export-zh.ts). */
  code: LimitationCode;
  /** The names and numbers `what` and `approximation` mention; a translation must mention them too. */
  params: ExportParams;
  /** English, as the CLI prints it and the exported read-mes hold it. */
  what: string;
  approximation: string;
}

export type ExportParams = ErrorParams;

/**
 * One code per kind of limitation an exporter reports. Target-specific wording gets its own code
 * (a Chinese template cannot guess which CRM's advice applies); shared ones carry the target in params.
 */
export type LimitationCode =
  // pool.ts, every CRM target
  | 'rep_absent'
  | 'rep_inactive'
  | 'no_weekly_cap'
  | 'no_open_limit'
  | 'later_absences'
  // build-sheet
  | 'sheet_prescreen'
  | 'crm_users_missing'
  // hubspot
  | 'hubspot_least_loaded'
  | 'hubspot_small_weight'
  | 'hubspot_random_split'
  | 'hubspot_case_insensitive'
  | 'hubspot_owner_ids'
  | 'hubspot_prescreen'
  // frappe
  | 'frappe_pool_empty'
  | 'frappe_least_loaded'
  | 'frappe_small_weight'
  | 'frappe_prescreen'
  // odoo
  | 'odoo_pool_empty'
  | 'odoo_review_queue'
  | 'odoo_quota_above_capacity'
  | 'odoo_monthly_quota'
  | 'odoo_field_names'
  | 'odoo_batch_assignment'
  | 'odoo_prescreen'
  // salesforce
  | 'salesforce_slot_sequence'
  | 'salesforce_least_loaded'
  | 'salesforce_sla'
  | 'salesforce_no_fallback'
  | 'salesforce_queue_mode'
  | 'salesforce_queue_not_created'
  | 'salesforce_queue_renamed'
  | 'salesforce_zero_slot'
  | 'salesforce_rounded_slots'
  | 'salesforce_prescreen_reject'
  | 'salesforce_prescreen_dedupe'
  | 'salesforce_case_insensitive'
  | 'salesforce_standard_field'
  | 'salesforce_custom_number_field'
  | 'salesforce_custom_text_field'
  | 'salesforce_rule_name'
  // an experiment's split (allot.rules/v2 `experiment`)
  | 'salesforce_experiment_slots'
  | 'salesforce_keep_current'
  | 'salesforce_experiment_weeks'
  | 'salesforce_week_keep_current'
  | 'hubspot_experiment_split'
  | 'hubspot_keep_current'
  | 'sheet_experiment'
  | 'router_keep_current';

export interface ExportResult {
  target: ExportTargetName;
  files: ExportedFile[];
  limitations: Limitation[];
}

export const EXPORT_TARGETS = ['json', 'salesforce', 'hubspot', 'frappe', 'odoo', 'build-sheet', 'reference-router'] as const;
export type ExportTargetName = (typeof EXPORT_TARGETS)[number];

/** Per-target options, made from their declaration (./options.ts); each exporter reads only its own. */
export type { ExportOptions } from './options';

export type Exporter = (config: RuleConfig, options: ExportOptions) => ExportResult;

/** One code per reason an exporter refuses a config; `params` holds what the English message names. */
export type ExportErrorCode =
  | 'invalid_config'
  | 'fallback_empty'
  | 'control_character'
  | 'crm_users_missing'
  | 'hubspot_review_queue'
  | 'hubspot_empty_pool'
  | 'hubspot_too_many_groups'
  | 'hubspot_property_name'
  | 'hubspot_text_ordering'
  | 'frappe_v15_weights'
  | 'frappe_review_queue'
  | 'frappe_field_name'
  | 'odoo_field_name'
  | 'odoo_like_wildcard'
  | 'odoo_weight_too_small'
  | 'salesforce_too_many_criteria'
  | 'salesforce_too_many_entries'
  | 'salesforce_nobody_available'
  | 'salesforce_number_exponent'
  | 'salesforce_field_collision'
  | 'salesforce_field_reserved'
  | 'salesforce_experiment_unit'
  | 'salesforce_experiment_week_share'
  | 'hubspot_experiment_week'
  | 'hubspot_experiment_share'
  | 'experiment_not_expressible';

/** A RuleConfig the target cannot express at all; names the rule (JSON path) and the reason. */
export class ExportError extends AllotError {
  declare readonly code: ExportErrorCode;
  declare readonly params: ExportParams;

  constructor(message: string, readonly path: string, code: ExportErrorCode, params: ExportParams = {}) {
    super({ family: 'export', code, params, where: { path }, message: `${path}: ${message}` });
    this.name = 'ExportError';
  }
}
