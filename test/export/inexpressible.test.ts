import { describe, expect, it } from 'vitest';
import { ExportError, exportRules, type ExportOptions, type ExportTargetName } from '../../src/export';
import { parseRuleConfig, type Condition, type RuleConfigInput } from '../../src/model/rules';

function config(when: Condition, assign: RuleConfigInput['rules'][number]['assign'] = { method: 'round_robin', pool: [{ rep: 'r1' }] }) {
  const parsed = parseRuleConfig({
    schema: 'allot.rules/v1', name: 'x',
    reps: [{ id: 'r1', name: 'A', crmUser: 'a@x', capacityPerWeek: 5, active: true }, { id: 'r2', name: 'B', crmUser: 'b@x', capacityPerWeek: 5, active: true }],
    rules: [{ id: 'ok', assign: { method: 'fixed', pool: [{ rep: 'r2' }] } }, { id: 'the-rule', when, assign }],
    fallback: { method: 'round_robin', pool: [{ rep: 'r1' }] },
  } satisfies RuleConfigInput);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.config;
}

type AssignInput = RuleConfigInput['rules'][number]['assign'];
const weighted: AssignInput = { method: 'weighted_round_robin', pool: [{ rep: 'r1', weight: 0.3 }, { rep: 'r2', weight: 0.7 }] };
const review: AssignInput = { method: 'manual_review', queue: 'QA' };

const CASES: Array<[ExportTargetName, string, Condition, RuleConfigInput['rules'][number]['assign'] | undefined, ExportOptions, RegExp]> = [
  ['hubspot', 'an ordering of texts', { field: 'created', op: 'gte', value: '2025-01-01' }, undefined, {}, /rules\[1\]\.when\.value: HubSpot filters compare text only/],
  ['hubspot', 'a field that is not a property name', { field: '所属区域', op: 'eq', value: '华东' }, undefined, {}, /rules\[1\]\.when\.field: "所属区域" is not a HubSpot property name/],
  ['hubspot', 'a manual review queue', { field: 'region', op: 'eq', value: 'E' }, review, {}, /rules\[1\] \(the-rule\): HubSpot workflows rotate to owners/],
  ['odoo', 'a "contains" with a wildcard character', { field: 'company', op: 'contains', value: '100%' }, undefined, {}, /rules\[1\]\.when\.value: Odoo's "like"/],
  ['odoo', 'a field that is not an Odoo field name', { field: 'Region', op: 'eq', value: 'E' }, undefined, {}, /rules\[1\]\.when\.field: "Region" cannot be an Odoo field name/],
  ['frappe', 'weights on Frappe v15', { field: 'region', op: 'eq', value: 'E' }, weighted, { frappeVersion: 'v15' }, /rules\[1\] \(the-rule\): Frappe v15 has no weighted rule/],
  ['frappe', 'a field that is not a Python name', { field: 'lead source', op: 'eq', value: 'Web' }, undefined, {}, /rules\[1\]\.when\.field: the field "lead source" is not a Python name/],
  ['frappe', 'a manual review queue', { field: 'region', op: 'eq', value: 'E' }, review, {}, /rules\[1\] \(the-rule\): Frappe assignment rules assign to users/],
];

describe('a rule the target cannot express is an ExportError that names it, not a wrong file', () => {
  it.each(CASES)('%s: %s', (target, _, when, assign, options, message) => {
    const attempt = () => exportRules(config(when, assign), target, options);
    expect(attempt).toThrow(ExportError);
    expect(attempt).toThrow(message);
  });

  it('the same rules export where the target can say them (Frappe v16 weights, Odoo queue as a team without members)', () => {
    expect(exportRules(config({ field: 'region', op: 'eq', value: 'E' }, weighted), 'frappe', { frappeVersion: 'v16' }).files[0]!.content).toContain('"Weighted Distribution"');
    const odoo = exportRules(config({ field: 'region', op: 'eq', value: 'E' }, review), 'odoo', {});
    expect(odoo.limitations.map((l) => l.what)).toContain('manual review queue "QA"');
    expect(odoo.files[0]!.content).not.toContain('allot_team_02_the_rule_m01');
  });
});
