import type { Assign, RuleConfig } from '../../model/rules';
import { capLimitations, exportablePool } from '../pool';
import type { ExportOptions, ExportParams, Limitation } from '../target';
import { treeItems, type CriteriaTree } from './criteria';
import { SEQUENCE_FIELD, SLOT_FIELD, type FieldMapping } from './fields';
import type { RuleSlots, SlotTable } from './slots';

export interface LimitationInputs {
  config: RuleConfig;
  table: SlotTable;
  criteria: CriteriaTree[];
  fields: ReadonlyMap<string, FieldMapping>;
  /** Queue names as given → their Salesforce developer names. */
  queues: ReadonlyMap<string, string>;
  options: ExportOptions;
  /** Whether any entry splits on the slot field (not in queue mode). */
  usesSlots: boolean;
}

/** Everything the rules say that a Salesforce assignment rule cannot, and what the export does instead. */
export function salesforceLimitations(inputs: LimitationInputs): Limitation[] {
  const { config, table, options } = inputs;
  const pools = poolLimitations(inputs, '');
  const out: Limitation[] = [...capLimitations(config, 'Salesforce'), ...pools.leftOut];
  if (inputs.usesSlots) {
    out.push({
      at: null,
      code: 'salesforce_slot_sequence',
      params: { sequenceField: SEQUENCE_FIELD, slotField: SLOT_FIELD, slots: table.slots },
      what: 'a rotation counter per rule (the router keeps one per pool)',
      approximation: `one AutoNumber (${SEQUENCE_FIELD}) numbers every lead and ${SLOT_FIELD} = its number mod ${table.slots}; a rule's leads fall on the slots the whole lead stream leaves them, so its shares hold over many leads but runs of leads can go to one rep, and a rule whose leads arrive in a regular pattern can see some slots far more than others`,
    });
  }
  out.push(...pools.rest);
  if (options.salesforceQueue !== undefined)
    out.push({ at: null, code: 'salesforce_queue_mode', params: { queue: options.salesforceQueue }, what: 'pools, weights and rotation', approximation: `every rule assigns to the queue ${options.salesforceQueue}; Salesforce rules do not share a queue's leads out, so weights are not applied (use Omni-Channel or a person to take leads from the queue)` });
  for (const [queue, name] of inputs.queues) {
    const renamed = name === queue ? '' : ` (Salesforce names it ${name}; "${queue}" cannot be a developer name)`;
    const params: ExportParams = name === queue ? { queue } : { queue, name };
    out.push({ at: null, code: name === queue ? 'salesforce_queue_not_created' : 'salesforce_queue_renamed', params, what: `the queue "${queue}" is not created by this export${renamed}`, approximation: `create a queue for Leads with the API name ${name} before deploying` });
  }
  out.push(...prescreenLimitations(config), ...fieldLimitations(inputs));
  return out;
}

/**
 * What one rule set's pools lose (left-out reps, rounding, least_loaded, SLAs, no fallback); `at`
 * is prefixed (`control: `) for an experiment's control, whose rule ids may repeat the candidate's.
 */
export function armPoolLimitations(inputs: LimitationInputs, prefix: string): Limitation[] {
  const { leftOut, rest } = poolLimitations(inputs, prefix);
  return [...leftOut, ...rest];
}

/** `leftOut`: reps a pool loses; `rest`: the methods and slots (the read-me lists the slot sequence between them). */
function poolLimitations(inputs: LimitationInputs, prefix: string): { leftOut: Limitation[]; rest: Limitation[] } {
  const { config, table, options } = inputs;
  const leftOut: Limitation[] = [];
  const out: Limitation[] = [];
  const assigns = [...config.rules.map((r) => ({ id: r.id, assign: r.assign })), { id: 'fallback', assign: config.fallback }];
  for (const { id, assign } of assigns) exportablePool(config, assign, prefix + id, leftOut);
  config.rules.forEach((rule, i) => {
    if (rule.assign.method === 'least_loaded' && options.salesforceQueue === undefined)
      out.push({ at: prefix + rule.id, code: 'salesforce_least_loaded', params: {}, what: 'least_loaded (the rep with the lowest open load)', approximation: 'equal slot ranges: the pool rotates evenly whatever each rep holds' });
    if (rule.sla !== undefined)
      out.push({ at: prefix + rule.id, code: 'salesforce_sla', params: {}, what: 'the SLA (first touch, reclaim) of this rule', approximation: 'not exported: lead assignment rules have no escalation (Salesforce escalates cases only); watch it with a report or a scheduled flow' });
    slotLimitations(config, rule.assign, table.rules[i]!, table.slots, out, prefix);
  });
  slotLimitations(config, config.fallback, table.fallback, table.slots, out, prefix);
  if (options.salesforceQueue === undefined && table.fallback.ranges.length === 0 && config.fallback.method !== 'manual_review')
    out.push({ at: `${prefix}fallback`, code: 'salesforce_no_fallback', params: {}, what: 'nobody in the fallback pool can take leads', approximation: 'no catch-all entry: a lead no rule matches stays with the default lead owner set in Lead Settings (the router would put it in the "unassigned" queue)' });
  return { leftOut, rest: out };
}

function slotLimitations(config: RuleConfig, assign: Assign, slots: RuleSlots, total: number, out: Limitation[], prefix: string): void {
  if (slots.viaFallback || slots.ranges.length < 2) return;
  if (slots.zeroSlotReps.length > 0)
    out.push({ at: prefix + slots.id, code: 'salesforce_zero_slot', params: { reps: slots.zeroSlotReps.join(', '), slots: total }, what: `the weights of ${slots.zeroSlotReps.join(', ')} are below half a slot (1/${total})`, approximation: 'they get no slot, so no leads from this rule' });
  const share = new Map(exportablePool(config, assign, slots.id, []).map((m) => [m.rep.id, m.weight]));
  const rounded = slots.ranges.filter((r) => Math.abs(share.get(r.rep)! - (r.to - r.from) / total) > 1e-9);
  if (rounded.length > 0) {
    const shares = rounded.map((r) => `${r.rep} ${+share.get(r.rep)!.toFixed(4)} → ${r.to - r.from}/${total}`).join(', ');
    out.push({ at: prefix + slots.id, code: 'salesforce_rounded_slots', params: { slots: total, shares }, what: 'shares that are not whole slots', approximation: `rounded to whole slots of ${total}: ${shares}` });
  }
}

function prescreenLimitations(config: RuleConfig): Limitation[] {
  const out: Limitation[] = [];
  const { prescreen } = config;
  if (prescreen?.reject?.length)
    out.push({ at: 'prescreen', code: 'salesforce_prescreen_reject', params: { count: prescreen.reject.length }, what: `${prescreen.reject.length} reject condition(s) applied before routing`, approximation: 'not exported: assignment rules cannot refuse a lead; those leads are assigned like any other (a validation rule or a flow can reject them)' });
  if (prescreen?.dedupeOn?.length)
    out.push({ at: 'prescreen', code: 'salesforce_prescreen_dedupe', params: { fields: prescreen.dedupeOn.join(', ') }, what: `de-duplication on ${prescreen.dedupeOn.join(', ')}`, approximation: 'not exported: set up a Salesforce Duplicate Rule on those fields' });
  return out;
}

function fieldLimitations({ fields, criteria }: LimitationInputs): Limitation[] {
  const out: Limitation[] = [];
  const items = criteria.flatMap(treeItems);
  const textCompared = items.some((i) => i.value !== null && !/^-?\d+(\.\d+)?$/.test(i.value));
  if (textCompared)
    out.push({ at: null, code: 'salesforce_case_insensitive', params: {}, what: 'case-sensitive text comparisons (eq, in, contains…)', approximation: 'Salesforce criteria ignore case: "east" matches a rule for "East"' });
  for (const mapping of fields.values()) {
    const numeric = items.some((i) => i.field === mapping.field && ['lessThan', 'lessOrEqual', 'greaterThan', 'greaterOrEqual'].includes(i.operation) && /^-?\d/.test(i.value ?? ''));
    if (mapping.kind === 'standard')
      out.push({ at: null, code: 'salesforce_standard_field', params: { field: mapping.field, apiName: mapping.apiName }, what: `lead field "${mapping.field}"`, approximation: `compared on the standard field Lead.${mapping.apiName}; check that its values (picklist entries) are spelled as in the rules` });
    else if (!mapping.asGiven)
      out.push({
        at: null,
        code: numeric ? 'salesforce_custom_number_field' : 'salesforce_custom_text_field',
        params: { field: mapping.field, apiName: mapping.apiName },
        what: `lead field "${mapping.field}" is not a Salesforce field`,
        approximation: `compared on Lead.${mapping.apiName}: create that custom field (${numeric ? 'Number, as the rules compare it with numbers' : 'Text or Picklist'}) and fill it, or replace the name in the rule entries with your own field before deploying`,
      });
  }
  return out;
}
