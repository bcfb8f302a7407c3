import { idAndName } from '../crm-users';
import type { Assign, RuleConfig, RuleRep } from '../../model/rules';
import { ExportError, type ExportedFile, type ExportOptions } from '../target';
import { and, criteriaTree, flattenCriteria, treeItems, type CriteriaTree, type FilterSpec } from './criteria';
import { SLOT_FIELD, type FieldMapping } from './fields';
import type { RuleSlots, SlotRange, SlotTable } from './slots';
import { el, group, metadataDocument, note, type XmlNode } from './xml';

export const ASSIGNMENT_RULES_PATH = 'force-app/main/default/assignmentRules/Lead.assignmentRules-meta.xml';

/** Salesforce's limits: criteria per rule entry, and entries per assignment rule. */
export const MAX_CRITERIA_PER_ENTRY = 25;
export const MAX_ENTRIES_PER_RULE = 3000;

export interface RuleEntrySpec {
  /** The Allot rule id, or `fallback`. */
  source: string;
  /** What this entry is, for the person reading the file. */
  note: string;
  assignedTo: string;
  assignedToType: 'User' | 'Queue';
  /** Criteria on Salesforce API names (`Lead.Industry`, `Lead.Allot_Slot__c`). */
  criteria: CriteriaTree;
}

/** Each rule's condition as criteria on lead-file field names, keyed by JSON path; built once, read twice (fields, entries). */
export function ruleCriteria(config: RuleConfig): CriteriaTree[] {
  return config.rules.map((rule, i) => criteriaTree(rule.when, `rules[${i}].when`));
}

export interface EntryInputs {
  config: RuleConfig;
  table: SlotTable;
  criteria: CriteriaTree[];
  fields: ReadonlyMap<string, FieldMapping>;
  options: ExportOptions;
  /** The Salesforce developer name of a queue named in the rules. */
  queueName: (queue: string) => string;
  /** The Salesforce username of a rep the entries assign to (see requireCrmUsers). */
  userOf: (rep: RuleRep) => string;
  /** With an experiment: the arm these rules route (see ./experiment.ts); absent without one. */
  arm?: ArmEntries;
}

export interface ArmEntries {
  label: 'candidate' | 'control';
  /** Added to every entry of the arm: the arm's slots. */
  criterion: CriteriaTree;
  /** The field the arm's pools rotate on. */
  slotField: string;
  /** Where the arm's rules are in the file: `` or `experiment.control.`. */
  path: string;
}

/**
 * The rule entries, in the order Salesforce tries them: each rule's entries (one per slot range of
 * its pool, or one to its queue), then the fallback's with no criteria but the slot's. The first
 * entry a lead matches decides, as the first matching rule does in the router.
 */
export function ruleEntries(inputs: EntryInputs): RuleEntrySpec[] {
  const { config, table, criteria, fields, arm } = inputs;
  const prefix = arm?.path ?? '';
  const armed = (condition: CriteriaTree) => (arm ? and([arm.criterion, condition]) : condition);
  const entries: RuleEntrySpec[] = [];
  config.rules.forEach((rule, i) => {
    const condition = armed(resolveFields(criteria[i]!, fields));
    const made = poolEntries(inputs, rule.assign, table.rules[i]!, condition, `${prefix}rules[${i}]`);
    const own = treeItems(condition).length;
    const count = Math.max(own, ...made.map((e) => treeItems(e.criteria).length));
    if (count > MAX_CRITERIA_PER_ENTRY) {
      const slotItems = count - own;
      const slotPart = slotItems > 0 ? ` (${slotItems} of them for the slot split)` : '';
      const params = { rule: rule.id, count, max: MAX_CRITERIA_PER_ENTRY, ...(slotItems > 0 ? { slotItems } : {}) };
      throw new ExportError(`rule "${rule.id}" needs ${count} criteria items in a rule entry${slotPart}; Salesforce allows ${MAX_CRITERIA_PER_ENTRY}. Split it into several rules`, `${prefix}rules[${i}].when`, 'salesforce_too_many_criteria', params);
    }
    entries.push(...made);
  });
  entries.push(...poolEntries(inputs, config.fallback, table.fallback, armed({ kind: 'true' }), `${prefix}fallback`));
  return entries;
}

/** Salesforce's limit on one assignment rule's entries, checked over every arm's entries together. */
export function checkEntryCount(entries: readonly RuleEntrySpec[]): void {
  if (entries.length > MAX_ENTRIES_PER_RULE)
    throw new ExportError(`the rules need ${entries.length} rule entries; a Salesforce assignment rule holds ${MAX_ENTRIES_PER_RULE}. Merge rules or shrink pools`, 'rules', 'salesforce_too_many_entries', { count: entries.length, max: MAX_ENTRIES_PER_RULE });
}

function poolEntries(inputs: EntryInputs, assign: Assign, slots: RuleSlots, condition: CriteriaTree, path: string): RuleEntrySpec[] {
  // The entry's comment names the arm too: rule ids may repeat between the arms.
  const source = inputs.arm ? `${inputs.arm.label}/${slots.id}` : slots.id;
  const queue = assign.method === 'manual_review' ? assign.queue! : inputs.options.salesforceQueue;
  if (queue !== undefined) {
    const name = inputs.queueName(queue);
    return [{ source, note: `${source}: every lead to queue ${name}`, assignedTo: name, assignedToType: 'Queue', criteria: condition }];
  }
  if (slots.ranges.length === 0 && slots.viaFallback)
    throw new ExportError(`nobody in rule "${source}"'s pool nor in the fallback can take leads, and a Salesforce rule entry cannot hold a lead back from later entries; make a rep of either active`, path, 'salesforce_nobody_available', { rule: source });
  const { config, table } = inputs;
  return slots.ranges.map((range) => {
    const rep = config.reps.find((r) => r.id === range.rep)!;
    const why = slots.viaFallback ? ' (its own pool has nobody available: split like the fallback)' : '';
    return {
      source,
      note: `${source}: ${idAndName(rep)}, ${describeSlots(range, table.slots)}${why}`,
      assignedTo: inputs.userOf(rep),
      assignedToType: 'User',
      criteria: slots.ranges.length === 1 ? condition : and([condition, ...slotTrees(range, table.slots, inputs.arm?.slotField ?? SLOT_FIELD)]),
    };
  });
}

/** `slot ≥ from` and `slot < to`, leaving out a bound that every slot meets. */
function slotTrees(range: SlotRange, slots: number, slotField: string): CriteriaTree[] {
  const field = `Lead.${slotField}`;
  const bounds: CriteriaTree[] = [];
  if (range.from > 0) bounds.push({ kind: 'item', item: { field, operation: 'greaterOrEqual', value: String(range.from) } });
  if (range.to < slots) bounds.push({ kind: 'item', item: { field, operation: 'lessThan', value: String(range.to) } });
  return bounds;
}

function describeSlots(range: SlotRange, slots: number): string {
  const count = range.to - range.from;
  return `slots ${range.from}-${range.to - 1} (${count} of ${slots})`;
}

function resolveFields(tree: CriteriaTree, fields: ReadonlyMap<string, FieldMapping>): CriteriaTree {
  switch (tree.kind) {
    case 'true':
      return tree;
    case 'item':
      return { kind: 'item', item: { ...tree.item, field: `Lead.${fields.get(tree.item.field)!.apiName}` } };
    default:
      return { kind: tree.kind, parts: tree.parts.map((p) => resolveFields(p, fields)) };
  }
}

/** `Lead.assignmentRules-meta.xml`: one active rule holding every entry, the read-me as its leading comment. */
export function assignmentRulesFile(ruleName: string, entries: readonly RuleEntrySpec[], readme: string): ExportedFile {
  const rule = group('assignmentRule', [el('fullName', ruleName), el('active', true), ...entries.flatMap((entry) => [note(entry.note), entryNode(entry)])]);
  return { path: ASSIGNMENT_RULES_PATH, content: metadataDocument(group('AssignmentRules', [rule]), readme), mediaType: 'application/xml' };
}

/** RuleEntry's sequence: assignedTo, assignedToType, booleanFilter, criteriaItems (FilterItem: field, operation, value). */
function entryNode(entry: RuleEntrySpec): XmlNode {
  const { items, booleanFilter } = flattenCriteria(entry.criteria);
  return group('ruleEntry', [
    el('assignedTo', entry.assignedTo),
    el('assignedToType', entry.assignedToType),
    booleanFilter === null ? null : el('booleanFilter', booleanFilter),
    ...items.map(criteriaItem),
  ]);
}

function criteriaItem(item: FilterSpec): XmlNode {
  return group('criteriaItems', [el('field', item.field), el('operation', item.operation), item.value === null ? null : el('value', item.value)]);
}
