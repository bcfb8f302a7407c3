import type { RuleConfig } from '../../model/rules';
import { requireCrmUsers } from '../crm-users';
import type { Exporter, ExportOptions, ExportResult } from '../target';
import { assignmentRulesFile, ruleCriteria, ruleEntries, type RuleEntrySpec } from './assignment-rules';
import { treeItems } from './criteria';
import { developerName, mapFields, SEQUENCE_FIELD, SLOT_FIELD, slotFieldFiles } from './fields';
import { packageXml, sfdxProject } from './package-xml';
import { readmeComment } from './readme';
import { salesforceLimitations } from './limitations';
import { salesforceSlotTable } from './slots';

export { salesforceSlotTable, replaySalesforce, salesforceSlot, SALESFORCE_SLOTS, type SlotTable, type SlotRange, type RuleSlots } from './slots';
export { salesforceField, SEQUENCE_FIELD, SLOT_FIELD, type FieldMapping } from './fields';
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
  const table = salesforceSlotTable(config);
  const criteria = ruleCriteria(config);
  const fieldPaths = new Map<string, string>();
  criteria.forEach((tree, i) => treeItems(tree).forEach((item) => fieldPaths.has(item.field) || fieldPaths.set(item.field, `rules[${i}].when`)));
  const fields = mapFields(fieldPaths);
  const queues = new Map<string, string>();
  const queueName = (queue: string) => {
    const name = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/.test(queue) && !queue.endsWith('_') ? queue : developerName(queue);
    queues.set(queue, name);
    return name;
  };
  // In queue mode every entry assigns to a queue, so reps need no Salesforce user.
  const userOf = options.salesforceQueue === undefined ? requireCrmUsers(config) : queueModeHasNoUsers;
  const entries = ruleEntries({ config, table, criteria, fields, options, queueName, userOf });
  const usesSlots = entries.some(splitsOnSlot);
  const limitations = salesforceLimitations({ config, table, criteria, fields, queues, options, usesSlots });
  const ruleName = assignmentRuleName(config.name);
  if (ruleName !== config.name.trim())
    limitations.push({ at: null, code: 'salesforce_rule_name', params: { name: config.name, ruleName, max: RULE_NAME_MAX }, what: `the config name "${config.name}"`, approximation: `the Salesforce rule is named "${ruleName}" (spaces collapsed, at most ${RULE_NAME_MAX} characters)` });

  const files = [sfdxProject(), packageXml(manifest(usesSlots)), assignmentRulesFile(ruleName, entries, readmeComment(config.name, table.slots, usesSlots, limitations))];
  if (usesSlots) files.push(...slotFieldFiles(table.slots));
  return { target: 'salesforce', files, limitations };
};

function queueModeHasNoUsers(): never {
  throw new Error('an entry in queue mode assigned to a user');
}

function splitsOnSlot(entry: RuleEntrySpec): boolean {
  return treeItems(entry.criteria).some((item) => item.field === `Lead.${SLOT_FIELD}`);
}

function manifest(usesSlots: boolean): Map<string, string[]> {
  const members = new Map([['AssignmentRules', ['Lead']]]);
  if (usesSlots) members.set('CustomField', [`Lead.${SEQUENCE_FIELD}`, `Lead.${SLOT_FIELD}`]);
  return members;
}

function assignmentRuleName(name: string): string {
  const collapsed = name.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? 'Allot' : [...collapsed].slice(0, RULE_NAME_MAX).join('');
}
