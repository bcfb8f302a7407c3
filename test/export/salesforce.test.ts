import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_RULES_PATH, exportSalesforce, MANIFEST_PATH, PROJECT_PATH } from '../../src/export/salesforce';
import { ExportError, type ExportOptions, type ExportResult } from '../../src/export/target';
import { parseRuleConfig, type RuleConfig, type RuleConfigInput } from '../../src/model/rules';
import { describeWithSharedData } from '../support/shared-data';
import { sampleRules } from './replay/shares';
import { firstMatch, parseAssignmentRules, salesforceRecord } from './support/salesforce-replay';
import { SALESFORCE_XSD_NEEDS, xmllint } from './support/xmllint';

const SEQ = 'force-app/main/default/objects/Lead/fields/Allot_Seq__c.field-meta.xml';
const SLOT = 'force-app/main/default/objects/Lead/fields/Allot_Slot__c.field-meta.xml';

function config(input: Partial<RuleConfigInput> & Pick<RuleConfigInput, 'rules'>): RuleConfig {
  const parsed = parseRuleConfig({ schema: 'allot.rules/v1', name: 'test', reps: [rep('a'), rep('b'), rep('c')], fallback: { method: 'round_robin', pool: [{ rep: 'a' }, { rep: 'b' }] }, ...input });
  if (!parsed.ok) throw new Error(`${parsed.errors[0]!.path}: ${parsed.errors[0]!.message}`);
  return parsed.config;
}

function rep(id: string, extra: object = {}) {
  return { id, name: id, crmUser: `${id}@x.example`, capacityPerWeek: 10, active: true, ...extra };
}

const file = (result: ExportResult, path: string) => result.files.find((f) => f.path === path)!.content;
const xmlFiles = (result: ExportResult) => result.files.filter((f) => f.path.endsWith('.xml'));

/** The sample's files, and a config that goes through every branch: queue, least_loaded, SLA, prescreen, `any`, inactive rep. */
function everyBranch(): RuleConfig {
  return config({
    reps: [rep('a', { maxOpen: 30 }), rep('b'), rep('c', { active: false }), rep('d', { absent: true })],
    prescreen: { dedupeOn: ['email'], reject: [{ field: 'email', op: 'empty' }] },
    rules: [
      { id: 'vip', when: { field: 'value', op: 'gte', value: 100_000 }, assign: { method: 'manual_review', queue: 'VIP_Desk' } },
      { id: 'east', when: { any: [{ field: 'region', op: 'in', value: ['East', 'North-East'] }, { field: 'Industry', op: 'contains', value: 'bank' }] }, assign: { method: 'least_loaded', pool: [{ rep: 'a' }, { rep: 'b' }, { rep: 'c' }] }, sla: { firstTouchHours: 4 } },
      { id: 'gone', when: { field: 'region', op: 'eq', value: 'West' }, assign: { method: 'fixed', pool: [{ rep: 'd' }] } },
    ],
  });
}

describeWithSharedData('Salesforce files against the Metadata API v47 schema (xmllint)', SALESFORCE_XSD_NEEDS, () => {
  it('every file of the sample export validates, and the project is laid out as the Salesforce CLI deploys it', () => {
    const result = exportSalesforce(sampleRules(), {});
    expect(result.files.map((f) => f.path).sort()).toEqual([ASSIGNMENT_RULES_PATH, SEQ, SLOT, MANIFEST_PATH, PROJECT_PATH].sort());
    for (const f of xmlFiles(result)) expect(xmllint(f.content, undefined, f.path), f.path).toEqual({ valid: true, errors: '' });
    expect(JSON.parse(file(result, PROJECT_PATH)).packageDirectories).toEqual([{ path: 'force-app', default: true }]);
  });

  it('every file of a config with queues, least_loaded, an "any" group and an away rep validates too', () => {
    for (const options of [{}, { salesforceQueue: 'Lead_Pool' }] satisfies ExportOptions[]) {
      const result = exportSalesforce(everyBranch(), options);
      for (const f of xmlFiles(result)) expect(xmllint(f.content, undefined, f.path), f.path).toEqual({ valid: true, errors: '' });
    }
  });

  it.each([
    ['a rule entry with assignedToType before assignedTo', ASSIGNMENT_RULES_PATH, /(<assignedTo>[^<]*<\/assignedTo>)(\s*)(<assignedToType>[^<]*<\/assignedToType>)/],
    ['a criteria item with its operation before its field', ASSIGNMENT_RULES_PATH, /(<field>[^<]*<\/field>)(\s*)(<operation>[^<]*<\/operation>)/],
    ['the slot field with formulaTreatBlanksAs before formula', SLOT, /(<formula>[^<]*<\/formula>)(\s*)(<formulaTreatBlanksAs>[^<]*<\/formulaTreatBlanksAs>)/],
    ['a manifest whose type name comes before its members', MANIFEST_PATH, /(<members>Lead<\/members>)(\s*)(<name>AssignmentRules<\/name>)/],
  ])('the validator rejects %s', (_, path, pair) => {
    const original = file(exportSalesforce(sampleRules(), {}), path);
    const swapped = original.replace(pair, '$3$2$1');
    expect(swapped).not.toBe(original);
    const lint = xmllint(swapped, undefined, path);
    expect(lint.valid).toBe(false);
    expect(lint.errors).toMatch(/not expected|Expected is/);
  });

  it('names and values with & < > " \', commas and Chinese become escaped XML that validates and reads back as written', () => {
    const tricky = config({
      name: `Q3 "华东" & <West>, 'pilot'`,
      reps: [rep('a', { name: `O'Brien & <Sons> "王"`, crmUser: `o'brien&co@x.example` }), rep('b', { name: '李伟, 华东' })],
      rules: [{
        id: 'r&d <1>',
        when: { all: [{ field: '所属区域', op: 'in', value: ['华东, 上海', 'A "quoted" one', "it's", 'x<y&z'] }, { field: 'note', op: 'contains', value: '"urgent' }] },
        assign: { method: 'weighted_round_robin', pool: [{ rep: 'a', weight: 0.25 }, { rep: 'b', weight: 0.75 }] },
      }, { id: 'review', when: { field: '所属区域', op: 'eq', value: '西南' }, assign: { method: 'manual_review', queue: '人工审核' } }],
    });
    const result = exportSalesforce(tricky, {});
    for (const f of xmlFiles(result)) expect(xmllint(f.content, undefined, f.path), f.path).toEqual({ valid: true, errors: '' });
    const xml = file(result, ASSIGNMENT_RULES_PATH);
    expect(xml).toContain('<fullName>Q3 &quot;华东&quot; &amp; &lt;West&gt;, &apos;pilot&apos;</fullName>');
    expect(xml).toContain('<assignedTo>o&apos;brien&amp;co@x.example</assignedTo>');
    expect(xml).not.toMatch(/&#x?[0-9a-f]+;/i); // Chinese stays UTF-8 text, not character references
    const parsed = parseAssignmentRules(xml);
    expect(parsed.fullName).toBe(`Q3 "华东" & <West>, 'pilot'`);
    expect(parsed.entries[0]!.items[0]).toEqual({ field: 'Lead.U6240u5c5eu533au57df__c', operation: 'equals', value: `"华东, 上海","A ""quoted"" one",it's,x<y&z` });
    expect(parsed.entries[0]!.items[1]!.value).toBe('"""urgent"');
    expect(parsed.entries.at(-3)).toMatchObject({ assignedTo: 'U4ebau5de5u5ba1u6838', assignedToType: 'Queue' });
    const owner = (lead: Record<string, string>, seq: number) => {
      const entry = firstMatch(parsed.entries, salesforceRecord(lead, seq))!;
      return `${entry.rule} → ${entry.assignedTo}`;
    };
    expect(owner({ 所属区域: '华东, 上海', note: 'very "urgent"' }, 10)).toBe(`r&d <1> → o'brien&co@x.example`);
    expect(owner({ 所属区域: 'x<y&z', note: '"urgent!' }, 60)).toBe('r&d <1> → b@x.example');
    expect(owner({ 所属区域: '华东', note: '"urgent' }, 60)).toBe('fallback → b@x.example'); // "华东" alone is not in the list
    expect(owner({ 所属区域: '西南', note: '' }, 60)).toBe('review → U4ebau5de5u5ba1u6838');
    expect(result.limitations).toContainEqual(expect.objectContaining({ what: expect.stringContaining('"人工审核"') }));
  });
});

describe('what Salesforce cannot express', () => {
  it('every limitation is in the result and in the rule file read-me: caps, maxOpen, least_loaded, away reps, the global counter, SLA, prescreen, fields, queues', () => {
    const result = exportSalesforce(everyBranch(), {});
    const whats = result.limitations.map((l) => `${l.at ?? ''} ${l.what}`).join('\n');
    for (const expected of [/weekly caps/, /maxOpen\) of a/, /^east least_loaded/m, /rep c .* inactive/, /rep d .* absent/, /rotation counter per rule/, /^east the SLA/m, /prescreen .*reject/, /prescreen de-duplication/, /"region" is not a Salesforce field/, /"Industry"/, /queue "VIP_Desk"/])
      expect(whats).toMatch(expected);
    const readme = file(result, ASSIGNMENT_RULES_PATH).split('-->')[0]!;
    for (const l of result.limitations) expect(readme.replace(/\u200b/g, '')).toContain(l.approximation);
  });

  it('a rule whose pool is all away is split like the fallback, as the router hands its leads to the fallback', () => {
    const entries = parseAssignmentRules(file(exportSalesforce(everyBranch(), {}), ASSIGNMENT_RULES_PATH)).entries;
    const gone = entries.filter((e) => e.rule === 'gone');
    const fallback = entries.filter((e) => e.rule === 'fallback');
    expect(gone.map((e) => e.assignedTo)).toEqual(fallback.map((e) => e.assignedTo));
    expect(gone.map((e) => e.assignedTo)).toEqual(['a@x.example', 'b@x.example']);
  });

  it('with salesforceQueue every rule assigns to that queue, and the slot fields are not needed', () => {
    const result = exportSalesforce(everyBranch(), { salesforceQueue: 'Lead_Pool' });
    const entries = parseAssignmentRules(file(result, ASSIGNMENT_RULES_PATH)).entries;
    expect(entries.map((e) => [e.rule, e.assignedTo, e.assignedToType])).toEqual([
      ['vip', 'VIP_Desk', 'Queue'], ['east', 'Lead_Pool', 'Queue'], ['gone', 'Lead_Pool', 'Queue'], ['fallback', 'Lead_Pool', 'Queue'],
    ]);
    expect(result.files.map((f) => f.path)).not.toContain(SLOT);
    expect(file(result, MANIFEST_PATH)).not.toContain('CustomField');
    expect(result.limitations).toContainEqual(expect.objectContaining({ what: 'pools, weights and rotation' }));
  });

  const errorCases: Array<[string, () => RuleConfig, string, RegExp]> = [
    ['a rule needing more criteria items than an entry holds', () => config({
      rules: [{ id: 'too-many', when: { all: Array.from({ length: 25 }, (_, i) => ({ field: `f${i}`, op: 'eq' as const, value: i })) }, assign: { method: 'round_robin', pool: [{ rep: 'a' }, { rep: 'b' }] } }],
    }), 'rules[0].when', /"too-many" needs 26 criteria items in a rule entry \(1 of them for the slot split\); Salesforce allows 25/],
    ['reps without a Salesforce username', () => config({
      reps: [rep('a'), rep('b', { crmUser: ' ' }), rep('c', { crmUser: undefined }), rep('d', { crmUser: undefined, active: false })],
      rules: [{ id: 'east', when: { field: 'region', op: 'eq', value: 'East' }, assign: { method: 'fixed', pool: [{ rep: 'b' }] } }],
      fallback: { method: 'round_robin', pool: [{ rep: 'a' }, { rep: 'c' }, { rep: 'd' }] },
    }), 'reps', /^reps: 2 active reps have no CRM user \(username or email\): b, c; add a crm_user column/],
    ['two lead fields that are one field to Salesforce', () => config({
      rules: [{ id: 'mixed', when: { all: [{ field: 'sub region', op: 'eq', value: 'x' }, { field: 'Sub_Region', op: 'eq', value: 'y' }] }, assign: { method: 'fixed', pool: [{ rep: 'a' }] } }],
    }), 'rules[0].when', /"Sub_Region" and "sub region" would both be Lead\.Sub_Region__c/],
    ['a number Salesforce criteria cannot read', () => config({
      rules: [{ id: 'huge', when: { field: 'value', op: 'gt', value: 1e21 }, assign: { method: 'fixed', pool: [{ rep: 'a' }] } }],
    }), 'rules[0].when.value', /1e\+21 needs an exponent/],
    ['a rule and a fallback with nobody available', () => config({
      reps: [rep('a', { active: false }), rep('b', { absent: true }), rep('c')],
      rules: [{ id: 'east', when: { field: 'region', op: 'eq', value: 'East' }, assign: { method: 'fixed', pool: [{ rep: 'a' }] } }, { id: 'rest', assign: { method: 'fixed', pool: [{ rep: 'c' }] } }],
      fallback: { method: 'fixed', pool: [{ rep: 'b' }] },
    }), 'rules[0]', /nobody in rule "east"'s pool nor in the fallback/],
  ];
  it.each(errorCases)('%s is an ExportError naming the rule', (_, make, path, message) => {
    const run = () => exportSalesforce(make(), {});
    expect(run).toThrow(ExportError);
    try {
      run();
    } catch (error) {
      expect((error as ExportError).path).toBe(path);
      expect((error as ExportError).message).toMatch(message);
    }
  });
});

describe('file snapshots', () => {
  it('the sample scenario\'s optimized rules export to these files (and these limitations)', async () => {
    const result = exportSalesforce(sampleRules(), {});
    for (const f of result.files) await expect(normalise(f.content)).toMatchFileSnapshot(`./__snapshots__/salesforce/${f.path}`);
    await expect(JSON.stringify(result.limitations, null, 2) + '\n').toMatchFileSnapshot('./__snapshots__/salesforce/limitations.json');
  });
});

/** The files hold no dates or machine paths; only line endings could differ between checkouts. */
function normalise(text: string): string {
  return text.replace(/\r\n/g, '\n');
}
