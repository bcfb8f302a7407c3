import { describe, expect, it } from 'vitest';
import { exportRules, type ExportTargetName } from '../../src/export';
import { ASSIGNMENT_RULES_PATH, salesforceField } from '../../src/export/salesforce';
import type { FrappeAssignmentRule } from '../../src/export/frappe';
import { NAMES, PROTOTYPE_RULES } from '../route/prototype-fixtures';
import { parseAssignmentRules } from './support/salesforce-replay';

/*
 * The rules of test/route/prototype-fixtures.ts (reps, rules, lead fields and values called
 * `__proto__`, `constructor`, `toString`, `hasOwnProperty`) through the exporters: no name is
 * looked up as a member of a plain object. (HubSpot and Odoo refuse `__proto__` and `toString`
 * as field names for their own reasons, so they get the names as ids and values only.)
 */
describe('exporting reps, rules and fields named like Object.prototype members', () => {
  it('Salesforce compares each field on a custom field of its own name, and assigns each rule to its rep', () => {
    expect(NAMES.map((name) => salesforceField(name).apiName)).toEqual(['Proto__c', 'Constructor__c', 'ToString__c', 'HasOwnProperty__c']);
    const { entries } = parseAssignmentRules(exportRules(PROTOTYPE_RULES, 'salesforce').files.find((f) => f.path === ASSIGNMENT_RULES_PATH)!.content);
    const firstOf = (rule: string) => entries.find((e) => e.rule === rule)!;
    expect(firstOf('__proto__')).toMatchObject({ assignedTo: '__proto__@example.com', items: [{ field: 'Lead.Constructor__c', operation: 'equals', value: 'toString' }] });
    expect(firstOf('constructor')).toMatchObject({ assignedTo: 'constructor@example.com', items: [{ field: 'Lead.ToString__c', operation: 'equals', value: null }] });
    expect(entries.filter((e) => e.rule === 'toString').map((e) => e.assignedTo)).toEqual(['toString@example.com', 'hasOwnProperty@example.com']);
  });

  it('Frappe writes one assignment rule per rule id, each to its users', () => {
    const docs = JSON.parse(exportRules(PROTOTYPE_RULES, 'frappe').files[0]!.content) as FrappeAssignmentRule[];
    expect(docs.map((d) => d.name.split(' · ')[1])).toEqual([...NAMES, 'fallback']);
    expect(docs[0]!.users).toEqual([{ user: '__proto__@example.com' }]);
    expect(docs[1]!.assign_condition).toBe('(toString is None or str(toString).strip() == "")');
  });

  it.each<[ExportTargetName]>([['hubspot'], ['odoo']])('%s exports the ids as they are', (target) => {
    const rename = new Map([['__proto__', 'proto_field'], ['toString', 'to_string'], ['hasOwnProperty', 'has_own_property']]);
    const config = { ...PROTOTYPE_RULES, prescreen: undefined, rules: PROTOTYPE_RULES.rules.map((r) => ({ ...r, when: r.when && 'field' in r.when ? { ...r.when, field: rename.get(r.when.field) ?? r.when.field } : r.when })) };
    const text = exportRules(config, target).files.map((f) => f.content).join('\n');
    for (const name of NAMES) expect(text, name).toContain(`${name}@example.com`);
  });

  it('the build sheet lists every rule under its id, in order', () => {
    const csv = exportRules(PROTOTYPE_RULES, 'build-sheet').files.find((f) => f.path.endsWith('.csv'))!.content;
    expect(csv.split('\r\n').slice(1, 6).map((line) => line.split(',')[1])).toEqual([...NAMES, 'fallback']);
  });
});
