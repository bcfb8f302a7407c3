import { describe, expect, it } from 'vitest';
import { ExportError, exportRules, type ExportOptions, type ExportTargetName } from '../../src/export';
import { RepSchema } from '../../src/model/roster';
import { parseRuleConfig, type RuleConfig, type RuleConfigInput } from '../../src/model/rules';
import { ruleReps } from '../../src/optimize/policies';
import { createRouterState, route } from '../../src/route';

/*
 * A CRM assigns a lead to one of its users. A rep the roster names no CRM user for must not reach
 * a CRM's files as their display name or rep id, which the CRM does not know: the targets that
 * assign to users refuse, naming every rep that needs one; the others write what they have.
 */
const REPS: RuleConfigInput['reps'] = [
  { id: 'r01', name: '王芳', capacityPerWeek: 10, active: true },
  { id: 'r02', name: '李伟', crmUser: '  ', capacityPerWeek: 10, active: true },
  { id: 'r03', name: 'Emily Chen', crmUser: 'emily@x.example', capacityPerWeek: 10, active: true },
  { id: 'r04', name: '张敏', capacityPerWeek: 10, active: false },
  { id: 'r05', name: '刘洋', capacityPerWeek: 10, active: true, absent: true },
  { id: 'r06', name: '陈静', capacityPerWeek: 10, active: true },
];

function rules(reps = REPS): RuleConfig {
  const parsed = parseRuleConfig({
    schema: 'allot.rules/v1',
    name: 'East',
    reps,
    rules: [
      { id: 'east', when: { field: 'region', op: 'eq', value: 'East' }, assign: { method: 'weighted_round_robin', pool: [{ rep: 'r01', weight: 0.5 }, { rep: 'r03', weight: 0.3 }, { rep: 'r05', weight: 0.2 }] } },
      // r06 takes no leads: a zero weight.
      { id: 'west', when: { field: 'region', op: 'eq', value: 'West' }, assign: { method: 'weighted_round_robin', pool: [{ rep: 'r02', weight: 1 }, { rep: 'r06', weight: 0 }] } },
    ],
    fallback: { method: 'round_robin', pool: [{ rep: 'r01' }, { rep: 'r03' }, { rep: 'r04' }] },
  });
  if (!parsed.ok) throw new Error(`${parsed.errors[0]!.path}: ${parsed.errors[0]!.message}`);
  return parsed.config;
}

const REFUSING: Array<[ExportTargetName, ExportOptions]> = [['salesforce', {}], ['hubspot', {}], ['frappe', {}], ['odoo', {}]];

describe('exports to a CRM refuse reps without a CRM user, naming them all', () => {
  it.each(REFUSING)('%s refuses, naming the active reps that take leads and have none', (target, options) => {
    let error: unknown;
    try {
      exportRules(rules(), target, options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExportError);
    const refusal = error as ExportError;
    expect(refusal.code).toBe('crm_users_missing');
    expect(refusal.path).toBe('reps');
    // Not r04 (inactive), r05 (absent) or r06 (weight 0): they are not in the exported rules.
    expect(refusal.params).toEqual({ count: 2, reps: 'r01 王芳, r02 李伟' });
    expect(refusal.message).toBe('reps: 2 active reps have no CRM user (username or email): r01 王芳, r02 李伟; add a crm_user column to the roster or set them on the Team step');
  });

  it('past ten reps, the message says how many more', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ id: `m${i}`, name: `Rep ${i}`, capacityPerWeek: 5, active: true }));
    const config = parseRuleConfig({ schema: 'allot.rules/v1', name: 'x', reps: many, rules: [], fallback: { method: 'round_robin', pool: many.map((r) => ({ rep: r.id })) } });
    expect(() => exportRules((config as { config: RuleConfig }).config, 'hubspot')).toThrow(/^reps: 13 active reps have no CRM user \(username or email\): m0 Rep 0, .*, m9 Rep 9 and 3 more; add/);
  });

  it('with every rep given a CRM user, each target names exactly those users', () => {
    const named = rules(REPS.map((r) => ({ ...r, crmUser: `${r.id}@crm.example` })));
    const text = (target: ExportTargetName) => exportRules(named, target).files.map((f) => f.content).join('\n');
    for (const target of ['salesforce', 'hubspot', 'frappe', 'odoo'] as const) {
      expect(text(target), target).toContain('r01@crm.example');
      expect(text(target), target).not.toMatch(/"王芳"|>王芳</);
    }
  });

  it('Salesforce with every lead to one queue needs no users', () => {
    const result = exportRules(rules(), 'salesforce', { salesforceQueue: 'Inside_Sales' });
    expect(result.files.some((f) => f.content.includes('<assignedTo>Inside_Sales</assignedTo>'))).toBe(true);
    expect(result.files.every((f) => !f.content.includes('<assignedToType>User</assignedToType>'))).toBe(true);
  });
});

describe('targets that need no CRM users write what they have', () => {
  it('the build sheet names a rep without one by name and id, and says who still needs one', () => {
    const { files, limitations } = exportRules(rules(), 'build-sheet', { language: 'en' });
    const csv = files.find((f) => f.path.endsWith('.csv'))!.content;
    expect(csv).toContain('王芳 (r01, no CRM user) 50%; Emily Chen <emily@x.example> 30%');
    expect(limitations).toContainEqual(expect.objectContaining({ code: 'crm_users_missing', at: 'reps', params: { count: 2, reps: 'r01 王芳, r02 李伟' } }));
    expect(files.find((f) => f.path.endsWith('.md'))!.content).toContain('the CRM users of 2 active reps (r01 王芳, r02 李伟)');
    const zh = exportRules(rules(), 'build-sheet', { language: 'zh' }).files.find((f) => f.path.endsWith('.csv'))!.content;
    expect(zh).toContain('王芳（r01，无 CRM 账号）50%');
  });

  it('JSON and the reference router keep the rules as they are, with no CRM user made up', () => {
    for (const target of ['json', 'reference-router'] as const) {
      const written = JSON.parse(exportRules(rules(), target).files.find((f) => f.path === 'rules.json')!.content) as RuleConfig;
      expect(written.reps[0], target).not.toHaveProperty('crmUser');
      expect(written.reps[1]!.crmUser, target).toBe('  ');
    }
  });

  it('the router decides with a null CRM user where the rules name none, and the user where they do', () => {
    const config = rules();
    const state = createRouterState(config);
    const [first, second] = [route(config, { region: 'East' }, state).decision, route(config, { region: 'East' }, state).decision];
    expect(first).toMatchObject({ kind: 'assigned', rep: 'r01', crmUser: null });
    expect(second).toMatchObject({ kind: 'assigned', rep: 'r03', crmUser: 'emily@x.example' });
    expect(route(config, { region: 'West' }, state).decision).toMatchObject({ rep: 'r02', crmUser: null });
  });
});

describe('rules made from a roster', () => {
  it('carry a CRM user only where the roster names one; files written with one stay valid', () => {
    const roster = [
      RepSchema.parse({ rep_id: 'r01', name: '王芳', capacity_per_week: 10, crm_user: ' wang@x.example ' }),
      RepSchema.parse({ rep_id: 'r02', name: '李伟', capacity_per_week: 10 }),
    ];
    const reps = ruleReps(roster);
    expect(reps[0]).toMatchObject({ id: 'r01', crmUser: 'wang@x.example' });
    expect(reps[1]).not.toHaveProperty('crmUser');
    expect(parseRuleConfig({ schema: 'allot.rules/v1', name: 'x', reps, rules: [], fallback: { method: 'round_robin', pool: [{ rep: 'r01' }] } }).ok).toBe(true);
  });
});
