import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPORT_TARGETS, ExportError, exportRules, type ExportOptions, type ExportParams, type ExportTargetName, type Limitation, type LimitationCode, type ExportErrorCode } from '../../src/export';
import { parseRuleConfig, type RuleConfig, type RuleConfigInput } from '../../src/model/rules';
import { makeI18n } from '../../src/ui/i18n';
import { ZH_EXPORT_ERRORS, ZH_LIMITATIONS } from '../../src/ui/i18n/export-zh';

/*
 * The Export step in Chinese words every limitation and refusal from its code and params. These
 * tests run the exporters on the sample rules and on configs crafted to reach every code, and hold
 * each Chinese text to naming every rep, rule, field and number its English text names.
 */
const zh = makeI18n('zh');
const CJK = /[\u4e00-\u9fff]/;

function parse(input: RuleConfigInput): RuleConfig {
  const parsed = parseRuleConfig(input);
  if (!parsed.ok) throw new Error(`${parsed.errors[0]!.path}: ${parsed.errors[0]!.message}`);
  return parsed.config;
}

const sample = parse(JSON.parse(readFileSync('test/export/fixtures/sample.rules.json', 'utf8')));

type Assign = RuleConfigInput['fallback'];
const REPS: RuleConfigInput['reps'] = [
  { id: 'r1', name: '王芳', crmUser: 'wang.fang@x.cn', capacityPerWeek: 10, active: true, maxOpen: 30 },
  { id: 'r2', name: '李伟', crmUser: 'li.wei@x.cn', capacityPerWeek: 4, active: true },
  { id: 'r3', name: 'Emily Chen', crmUser: 'emily@x.cn', capacityPerWeek: 8, active: true, absent: true },
  { id: 'r4', name: '张敏', crmUser: 'zhang.min@x.cn', capacityPerWeek: 8, active: false },
  { id: 'r5', name: '刘洋', crmUser: 'liu.yang@x.cn', capacityPerWeek: 8, active: true },
];
/** r5's weight is below half a percent: no split branch, no slot. */
const WEIGHTED: Assign = { method: 'weighted_round_robin', pool: [{ rep: 'r1', weight: 0.6 }, { rep: 'r2', weight: 0.397 }, { rep: 'r5', weight: 0.003 }] };
const LEAST_LOADED: Assign = { method: 'least_loaded', pool: [{ rep: 'r1' }, { rep: 'r2' }, { rep: 'r3' }] };
const NOBODY: Assign = { method: 'round_robin', pool: [{ rep: 'r3' }, { rep: 'r4' }] };
const FALLBACK: Assign = { method: 'round_robin', pool: [{ rep: 'r1' }, { rep: 'r2' }] };
/** r1 and r2 (who take leads) have no CRM user; r3 (absent) and r4 (inactive) need none yet. */
const WITHOUT_USERS = REPS.map(({ crmUser, ...rep }) => (rep.id === 'r5' ? { ...rep, crmUser: crmUser! } : rep.id === 'r2' ? { ...rep, crmUser: ' ' } : rep));
const MANY_WITHOUT_USERS = Array.from({ length: 12 }, (_, i) => ({ id: `m${i}`, name: `销售${i}`, capacityPerWeek: 5, active: true }));
const one = (rules: RuleConfigInput['rules'], fallback: Assign = FALLBACK, reps = REPS): RuleConfig => parse({ schema: 'allot.rules/v1', name: 'x', reps, rules, fallback });

/** least_loaded pools, caps, absences, weights, an SLA, prescreen; `field` names the compared field. */
function crafted(field: string, extraRules: RuleConfigInput['rules'] = [], withAwayRule = true): RuleConfig {
  return parse({
    schema: 'allot.rules/v1',
    name: '华东  线索分配',
    reps: REPS,
    rules: [
      { id: '华东-旗舰版', when: { field, op: 'eq', value: '华东' }, assign: WEIGHTED, info: { expectedLeadsPerWeek: 200 } },
      { id: 'big-deals', when: { field: 'amount', op: 'gt', value: 50000 }, assign: LEAST_LOADED, sla: { firstTouchHours: 48 } },
      ...(withAwayRule ? [{ id: 'away', when: { field, op: 'eq' as const, value: '华南' }, assign: NOBODY }] : []),
      ...extraRules,
    ],
    fallback: FALLBACK,
    prescreen: { dedupeOn: ['email', 'phone'], reject: [{ field: 'email', op: 'empty' }] },
  });
}

/** An experiment over REPS: FALLBACK against a round robin (or the current process). */
function experiment(unit: 'lead' | 'slot' | 'week', keepCurrent: boolean): RuleConfig {
  const split = { lead: { salt: '实验-1' }, slot: {}, week: { weekStart: '2026-12-07' } }[unit];
  const control = keepCurrent ? { name: '现有流程', keepCurrent: true as const } : { name: '轮流分配', rules: [], fallback: { method: 'round_robin' as const, pool: [{ rep: 'r1' }, { rep: 'r5' }] } };
  return parse({ schema: 'allot.rules/v2', name: '优化策略', reps: REPS, rules: [], fallback: FALLBACK, experiment: { unit, candidateShare: 0.5, ...split, control } });
}

const review = (queue: string): RuleConfigInput['rules'][number] => ({ id: 'review', when: { field: 'amount', op: 'lt', value: 0 }, assign: { method: 'manual_review', queue } });

/** Every target on every config it can export: the sample for all, crafted ones where the target takes them. */
const RUNS: Array<[string, ExportTargetName, ExportOptions, RuleConfig]> = [
  ...EXPORT_TARGETS.map((t): [string, ExportTargetName, ExportOptions, RuleConfig] => ['sample rules', t, { language: 'zh' }, sample]),
  ['Chinese field names and a queue named in Chinese', 'salesforce', {}, crafted('所属区域', [review('人工审核')])],
  ['a queue with a developer name', 'salesforce', {}, crafted('Industry', [review('QA')])],
  ['every rule to one queue', 'salesforce', { salesforceQueue: 'Inside_Sales' }, crafted('所属区域')],
  ['a manual review queue', 'odoo', {}, crafted('region', [review('人工审核')])],
  ['least_loaded and weights', 'hubspot', {}, crafted('region', [], false)],
  ['least_loaded and weights', 'frappe', { frappeVersion: 'v16' }, crafted('region')],
  ['Chinese field names', 'build-sheet', { language: 'zh' }, crafted('所属区域')],
  ['reps without a CRM user', 'build-sheet', { language: 'zh' }, parse({ ...crafted('region'), reps: WITHOUT_USERS })],
  ['more reps without a CRM user than a note lists', 'build-sheet', { language: 'zh' }, one([], { method: 'round_robin', pool: MANY_WITHOUT_USERS.map((r) => ({ rep: r.id })) }, MANY_WITHOUT_USERS)],
  ['nobody in the fallback', 'salesforce', {}, parse({ schema: 'allot.rules/v1', name: 'x', reps: REPS, rules: [{ id: 'q', assign: { method: 'manual_review', queue: 'QA' } }], fallback: NOBODY })],
  ['an experiment kept against the current process', 'salesforce', {}, experiment('slot', true)],
  ['an experiment kept against the current process', 'hubspot', {}, experiment('lead', true)],
  ['an experiment kept against the current process', 'reference-router', {}, experiment('lead', true)],
  ['an experiment by week', 'build-sheet', { language: 'zh' }, experiment('week', false)],
  ['an experiment by week kept against the current process', 'salesforce', {}, experiment('week', true)],
];

function mentions(text: string, params: ExportParams): string[] {
  return Object.entries(params)
    .filter(([, value]) => !text.includes(typeof value === 'number' ? zh.fmt.number(value) : value))
    .map(([name, value]) => `${name}=${value}`);
}

describe('every limitation an exporter reports reads in Chinese and names what the English names', () => {
  const seen = new Set<LimitationCode>();
  it.each(RUNS)('%s → %s', (_, target, options, config) => {
    const { limitations } = exportRules(config, target, options);
    for (const l of limitations) {
      seen.add(l.code);
      const text = zh.limitationText(l);
      const both = `${text.what} ${text.approximation}`;
      expect(both, l.code).toMatch(CJK);
      expect(mentions(both, l.params), `${l.code} drops a param`).toEqual([]);
    }
  });

  it('the runs above reach every limitation code, so no template goes untested', () => {
    expect(Object.keys(ZH_LIMITATIONS).filter((code) => !seen.has(code as LimitationCode))).toEqual([]);
  });

  it('a rep left out is named by id and name; a rounded weight names each rep and its slots', () => {
    const { limitations } = exportRules(crafted('所属区域'), 'salesforce', {});
    const texts = limitations.map((l: Limitation) => zh.limitationText(l));
    expect(texts).toContainEqual({ what: '销售 r3（Emily Chen）请假中', approximation: '已从本条分配规则中移除；返岗后请在 CRM 中重新加入' });
    expect(texts).toContainEqual(expect.objectContaining({ what: '线索字段「所属区域」不是 Salesforce 字段', approximation: expect.stringContaining('Lead.U6240u5c5eu533au57df__c') }));
    expect(texts).toContainEqual(expect.objectContaining({ approximation: expect.stringMatching(/^按 100 个槽位取整：r2 0\.397 → 40\/100$/) }));
  });

  it('in English the workbench shows the exporter\'s own words', () => {
    const [l] = exportRules(sample, 'salesforce', {}).limitations;
    expect(makeI18n('en').limitationText(l!)).toEqual({ what: l!.what, approximation: l!.approximation });
  });
});

const ANY_OF_TWO = (i: number) => ({ any: [{ field: `f${i}`, op: 'eq' as const, value: 'a' }, { field: `f${i}`, op: 'eq' as const, value: 'b' }] });
const MANY_REPS = Array.from({ length: 100 }, (_, i) => ({ id: `m${i}`, name: `销售${i}`, crmUser: `m${i}@x.cn`, capacityPerWeek: 5, active: true }));

/** One config per refusal: each must throw an ExportError of that code. */
const REFUSALS: Array<[ExportErrorCode, ExportTargetName, ExportOptions, () => RuleConfig]> = [
  ['invalid_config', 'json', {}, () => ({ ...sample, reps: [] }) as RuleConfig],
  ['fallback_empty', 'frappe', {}, () => one([], NOBODY)],
  ['control_character', 'salesforce', {}, () => one([], FALLBACK, REPS.map((r) => (r.id === 'r2' ? { ...r, crmUser: 'li.wei\u0007@x.cn' } : r)))],
  ['crm_users_missing', 'hubspot', {}, () => one([], FALLBACK, WITHOUT_USERS)],
  ['crm_users_missing', 'salesforce', {}, () => one([], FALLBACK, WITHOUT_USERS)],
  ['crm_users_missing', 'frappe', {}, () => one([], { method: 'round_robin', pool: MANY_WITHOUT_USERS.map((r) => ({ rep: r.id })) }, MANY_WITHOUT_USERS)],
  ['crm_users_missing', 'odoo', {}, () => one([{ id: 'east', when: { field: 'region', op: 'eq', value: 'East' }, assign: WEIGHTED }], { method: 'fixed', pool: [{ rep: 'r5' }] }, WITHOUT_USERS)],
  ['control_character', 'odoo', {}, () => ({ ...one([]), name: '华东团队\u0007' })],
  ['hubspot_review_queue', 'hubspot', {}, () => one([review('人工审核')])],
  ['hubspot_empty_pool', 'hubspot', {}, () => one([{ id: 'away', assign: NOBODY }])],
  ['hubspot_too_many_groups', 'hubspot', {}, () => one([{ id: 'wide', when: { all: [0, 1, 2, 3, 4, 5].map(ANY_OF_TWO) }, assign: FALLBACK }])],
  ['hubspot_property_name', 'hubspot', {}, () => one([{ id: 'east', when: { field: '所属区域', op: 'eq', value: '华东' }, assign: FALLBACK }])],
  ['hubspot_text_ordering', 'hubspot', {}, () => one([{ id: 'new', when: { field: 'created', op: 'gte', value: '2025-01-01' }, assign: FALLBACK }])],
  ['frappe_v15_weights', 'frappe', { frappeVersion: 'v15' }, () => one([{ id: 'w', assign: WEIGHTED }])],
  ['frappe_review_queue', 'frappe', {}, () => one([review('人工审核')])],
  ['frappe_field_name', 'frappe', {}, () => one([{ id: 'src', when: { field: 'lead source', op: 'eq', value: 'Web' }, assign: FALLBACK }])],
  ['odoo_field_name', 'odoo', {}, () => one([{ id: 'east', when: { field: '所属区域', op: 'eq', value: '华东' }, assign: FALLBACK }])],
  ['odoo_like_wildcard', 'odoo', {}, () => one([{ id: 'pct', when: { field: 'company', op: 'contains', value: '100%' }, assign: FALLBACK }])],
  ['odoo_weight_too_small', 'odoo', {}, () => one([{ id: 'w', assign: WEIGHTED, info: { expectedLeadsPerWeek: 1 } }])],
  ['salesforce_too_many_criteria', 'salesforce', {}, () => one([{ id: 'long', when: { all: Array.from({ length: 25 }, (_, i) => ({ field: `f${i}`, op: 'eq' as const, value: 'a' })) }, assign: WEIGHTED }])],
  ['salesforce_too_many_entries', 'salesforce', {}, () => one(Array.from({ length: 31 }, (_, i) => ({ id: `rule-${i}`, when: { field: 'n', op: 'eq', value: i }, assign: { method: 'round_robin', pool: MANY_REPS.map((r) => ({ rep: r.id })) } })), FALLBACK, [...REPS, ...MANY_REPS])],
  ['salesforce_nobody_available', 'salesforce', {}, () => one([{ id: 'away', when: { field: 'n', op: 'eq', value: 1 }, assign: NOBODY }], NOBODY)],
  ['salesforce_number_exponent', 'salesforce', {}, () => one([{ id: 'huge', when: { field: 'amount', op: 'gt', value: 1e21 }, assign: FALLBACK }])],
  ['salesforce_field_collision', 'salesforce', {}, () => one([{ id: 'a', when: { field: 'Region', op: 'eq', value: 'E' }, assign: FALLBACK }, { id: 'b', when: { field: 'region', op: 'eq', value: 'W' }, assign: FALLBACK }])],
  ['salesforce_field_reserved', 'salesforce', {}, () => one([{ id: 'slot', when: { field: 'Allot_Slot__c', op: 'eq', value: 1 }, assign: FALLBACK }])],
  ['salesforce_experiment_unit', 'salesforce', {}, () => experiment('lead', false)],
  ['salesforce_experiment_week_share', 'salesforce', {}, () => ({ ...experiment('week', false), experiment: { ...experiment('week', false).experiment!, candidateShare: 0.29 } })],
  ['hubspot_experiment_week', 'hubspot', {}, () => experiment('week', false)],
  ['hubspot_experiment_share', 'hubspot', {}, () => ({ ...experiment('lead', false), experiment: { ...experiment('lead', false).experiment!, candidateShare: 0.003 } })],
  ['experiment_not_expressible', 'frappe', {}, () => experiment('slot', false)],
  ['experiment_not_expressible', 'odoo', {}, () => experiment('week', true)],
];

describe('every refusal reads in Chinese, led by the JSON path, and names what the English names', () => {
  it.each(REFUSALS)('%s (%s)', (code, target, options, config) => {
    let error: unknown;
    try {
      exportRules(config(), target, options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExportError);
    const refusal = error as ExportError;
    expect(refusal.code).toBe(code);
    const text = zh.exportErrorText(refusal);
    expect(text.startsWith(`${refusal.path}：`)).toBe(true);
    expect(text.slice(refusal.path.length)).toMatch(CJK);
    expect(mentions(text, refusal.params), `${code} drops a param`).toEqual([]);
    expect(makeI18n('en').exportErrorText(refusal)).toBe(refusal.message);
  });

  it('the cases above cover every refusal code', () => {
    expect(Object.keys(ZH_EXPORT_ERRORS).filter((code) => !REFUSALS.some(([c]) => c === code))).toEqual([]);
  });
});
