import type { RuleConfig } from '../../model/rules';
import { requireCrmUsers } from '../crm-users';
import type { Exporter, ExportOptions, ExportResult } from '../target';
import { assignmentRulesFile, checkEntryCount, ruleCriteria, ruleEntries, type ArmEntries, type RuleEntrySpec } from './assignment-rules';
import { ARM_SLOT_FIELD, armCriterion, armSlotFieldFile, candidateSlots, experimentLimitations, requireFormulaUnit } from './experiment';
import { requireExactWeeks, weekArmCriterion, weekArmFieldFile, weekLimitations } from './week-arm';
import { treeItems } from './criteria';
import { developerName, mapFields, SEQUENCE_FIELD, SLOT_FIELD, slotFieldFiles, WEEK_ARM_FIELD } from './fields';
import { oneLine } from '../human-text';
import { packageXml, sfdxProject } from './package-xml';
import { readmeComment } from './readme';
import { armPoolLimitations, salesforceLimitations } from './limitations';
import { salesforceSlotTable, type SlotTable } from './slots';
import type { CriteriaTree } from './criteria';

export { salesforceSlotTable, replaySalesforce, salesforceSlot, SALESFORCE_SLOTS, type SlotTable, type SlotRange, type RuleSlots } from './slots';
export { salesforceField, SEQUENCE_FIELD, SLOT_FIELD, type FieldMapping } from './fields';
export { ARM_SLOT_FIELD, armSlotFormula, salesforceArmSlot } from './experiment';
export { weekArmFormula } from './week-arm';
export { WEEK_ARM_FIELD } from './fields';
export { ASSIGNMENT_RULES_PATH } from './assignment-rules';
export { MANIFEST_PATH, PROJECT_PATH, API_VERSION } from './package-xml';

const RULE_NAME_MAX = 80;

/**
 * RuleConfig → a Salesforce source-format project (DESIGN §4): the Lead assignment rule, the
 * AutoNumber and slot formula fields its weighted entries split on, the manifest, and
 * sfdx-project.json. What Salesforce cannot say is in `limitations` and in the rule file's
 * read-me comment; a rule it cannot say at all is an ExportError naming it.
 */
export const exportSalesforce: Exporter = (config: RuleConfig, options: ExportOptions): ExportResult => {
  const arms = armsOf(config);
  const { table, criteria } = arms[0]!;
  const fieldPaths = new Map<string, string>();
  for (const arm of arms) arm.criteria.forEach((tree, i) => treeItems(tree).forEach((item) => fieldPaths.has(item.field) || fieldPaths.set(item.field, `${arm.entries?.path ?? ''}rules[${i}].when`)));
  const fields = mapFields(fieldPaths);
  const queues = new Map<string, string>();
  const queueName = (queue: string) => {
    const name = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/.test(queue) && !queue.endsWith('_') ? queue : developerName(queue);
    queues.set(queue, name);
    return name;
  };
  // In queue mode every entry assigns to a queue, so reps need no Salesforce user.
  const userOf = options.salesforceQueue === undefined ? requireCrmUsers(config) : queueModeHasNoUsers;
  const entries = arms.flatMap((arm) => ruleEntries({ config: arm.config, table: arm.table, criteria: arm.criteria, fields, options, queueName, userOf, ...(arm.entries ? { arm: arm.entries } : {}) }));
  checkEntryCount(entries);
  const usesSlots = entries.some(splitsOnSlot);
  const limitations = salesforceLimitations({ config, table, criteria: arms.flatMap((a) => a.criteria), fields, queues, options, usesSlots });
  // The control's pools have their own absences, rounding and methods to state; the team-wide ones are said once above.
  for (const arm of arms.slice(1)) limitations.push(...armPoolLimitations({ config: arm.config, table: arm.table, criteria: arm.criteria, fields, queues, options, usesSlots }, 'control: '));
  const { experiment } = config;
  if (experiment) limitations.push(...(experiment.unit === 'slot' ? experimentLimitations(config, candidateSlots(config)) : weekLimitations(experiment)));
  const ruleName = assignmentRuleName(config.name);
  if (ruleName !== config.name.trim())
    limitations.push({ at: null, code: 'salesforce_rule_name', params: { name: config.name, ruleName, max: RULE_NAME_MAX }, what: `the config name "${config.name}"`, approximation: `the Salesforce rule is named "${ruleName}" (spaces collapsed, at most ${RULE_NAME_MAX} characters)` });

  const armFile = !experiment ? null : experiment.unit === 'slot' ? armSlotFieldFile(candidateSlots(config)) : weekArmFieldFile(experiment);
  const armField = !experiment ? null : experiment.unit === 'slot' ? ARM_SLOT_FIELD : WEEK_ARM_FIELD;
  const files = [sfdxProject(), packageXml(manifest(usesSlots, armField)), assignmentRulesFile(ruleName, entries, readmeComment(config.name, table.slots, usesSlots, limitations, experimentReadme(config)))];
  if (usesSlots) files.push(...slotFieldFiles(table.slots));
  if (armFile) files.push(armFile);
  return { target: 'salesforce', files, limitations };
};

interface ArmExport {
  config: RuleConfig;
  table: SlotTable;
  criteria: CriteriaTree[];
  entries: ArmEntries | null;
}

/**
 * The rule sets the entries are made of: the config's own, or with an experiment (unit slot, see
 * ./experiment.ts, or week, ./week-arm.ts) the candidate's then the control's, each restricted to
 * its arm. A keepCurrent control has no entries.
 */
function armsOf(config: RuleConfig): ArmExport[] {
  const experiment = config.experiment;
  if (!experiment) return [{ config, table: salesforceSlotTable(config), criteria: ruleCriteria(config), entries: null }];
  requireFormulaUnit(config);
  if (experiment.unit === 'week') requireExactWeeks(experiment);
  const k = candidateSlots(config);
  // A slot split rotates each arm on its own counter; a week split holds one arm a week, so the usual slot serves.
  const arm = (view: RuleConfig, label: 'candidate' | 'control', path: string): ArmExport => ({
    config: view, table: salesforceSlotTable(view), criteria: ruleCriteria(view),
    entries: experiment.unit === 'slot'
      ? { label, criterion: armCriterion(label, k), slotField: ARM_SLOT_FIELD, path }
      : { label, criterion: weekArmCriterion(label), slotField: SLOT_FIELD, path },
  });
  const arms = [arm(config, 'candidate', '')];
  const { control } = experiment;
  if ('rules' in control) arms.push(arm({ ...config, rules: control.rules, fallback: control.fallback }, 'control', 'experiment.control.'));
  return arms;
}

function queueModeHasNoUsers(): never {
  throw new Error('an entry in queue mode assigned to a user');
}

function splitsOnSlot(entry: RuleEntrySpec): boolean {
  return treeItems(entry.criteria).some((item) => item.field === `Lead.${SLOT_FIELD}` || item.field === `Lead.${ARM_SLOT_FIELD}`);
}

function manifest(usesSlots: boolean, armField: string | null): Map<string, string[]> {
  const members = new Map([['AssignmentRules', ['Lead']]]);
  const fields = [...(usesSlots ? [`Lead.${SEQUENCE_FIELD}`, `Lead.${SLOT_FIELD}`] : []), ...(armField ? [`Lead.${armField}`] : [])];
  if (fields.length > 0) members.set('CustomField', fields);
  return members;
}

/** The read-me's paragraph on the experiment, for the admin who deploys it. */
function experimentReadme(config: RuleConfig): string[] {
  const e = config.experiment;
  if (!e) return [];
  const head = `Experiment: "${oneLine(config.name)}" (the candidate) against "${oneLine(e.control.name)}" (the control); every entry names its arm (candidate/... or control/...).`;
  if (e.unit === 'slot') {
    const k = candidateSlots(config);
    return [head,
      `Leads with ${SLOT_FIELD} below ${k} are the candidate's (${k} of every 100 consecutive leads), the others the control's.`,
      `Inside an arm the pools split on ${ARM_SLOT_FIELD}, the arm's own count of leads mod 100, so the arm split and the rotation do not interfere.`,
      `For the readout, export the leads with ${SEQUENCE_FIELD} or ${SLOT_FIELD}: the slot decides the arm.`];
  }
  return [head,
    `${WEEK_ARM_FIELD} (a formula on CreatedDate) says each lead's arm by its week, from Monday ${e.weekStart}, weeks turning at 00:00 GMT.`,
    `For the readout, export the leads with ${WEEK_ARM_FIELD} and read them out with --arm-column ${WEEK_ARM_FIELD}.`];
}

function assignmentRuleName(name: string): string {
  const collapsed = name.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? 'Allot' : [...collapsed].slice(0, RULE_NAME_MAX).join('');
}
