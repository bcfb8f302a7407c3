import type { RuleConfig } from '../model/rules';
import { exportBuildSheet } from './build-sheet';
import { exportFrappe } from './frappe';
import { exportHubSpot } from './hubspot';
import { exportJson } from './json';
import { exportOdoo } from './odoo';
import { exportReferenceRouter } from './reference-router';
import { EXPORT_TARGETS, type ExportOptions, type ExportResult, type ExportTargetName, type Exporter } from './target';

export { EXPORT_TARGETS, ExportError, type ExportOptions, type ExportResult, type ExportTargetName, type ExportedFile, type Exporter, type Limitation } from './target';

/**
 * Every target's exporter. Salesforce is written separately (src/export/salesforce) and joins
 * this table when it lands; until then `salesforce` is a known target with no exporter.
 */
export const EXPORTERS: Partial<Record<ExportTargetName, Exporter>> = {
  json: exportJson,
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
  const exporter = EXPORTERS[target];
  if (!exporter) throw new Error(`the ${target} exporter is not available in this build`);
  return exporter(config, options);
}
