import type { RuleConfig } from '../model/rules';
import { exportBuildSheet } from './build-sheet';
import { exportFrappe } from './frappe';
import { exportHubSpot } from './hubspot';
import { exportJson } from './json';
import { exportOdoo } from './odoo';
import { exportReferenceRouter } from './reference-router';
import { exportSalesforce } from './salesforce';
import { EXPORT_TARGETS, type ExportOptions, type ExportResult, type ExportTargetName, type Exporter } from './target';

export { EXPORT_TARGETS, ExportError, type ExportErrorCode, type ExportOptions, type ExportParams, type ExportResult, type ExportTargetName, type ExportedFile, type Exporter, type Limitation, type LimitationCode } from './target';
export { EXPORT_OPTIONS, EXPORT_OPTION_DEFAULTS, EXPORT_OPTION_NAMES, allowedValues, enumValues, optionsFor, parseExportOptions, type ExportOptionName, type ExportOptionSpec, type OptionProblem } from './options';

/** Every target's exporter, one module (or folder) each. */
export const EXPORTERS: Record<ExportTargetName, Exporter> = {
  json: exportJson,
  salesforce: exportSalesforce,
  hubspot: exportHubSpot,
  frappe: exportFrappe,
  odoo: exportOdoo,
  'build-sheet': exportBuildSheet,
  'reference-router': exportReferenceRouter,
};

export function isExportTarget(name: string): name is ExportTargetName {
  return (EXPORT_TARGETS as readonly string[]).includes(name);
}

/** Runs one target's exporter; throws ExportError for rules the target cannot express. */
export function exportRules(config: RuleConfig, target: ExportTargetName, options: ExportOptions = {}): ExportResult {
  return EXPORTERS[target](config, options);
}
