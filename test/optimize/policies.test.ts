import { beforeAll, describe, expect, it } from 'vitest';
import { textsOf } from '../../src/model/message';
import { parseRuleConfig, type RuleConfig } from '../../src/model/rules';
import { RULE_POLICIES } from '../../src/model/scenario';
import { buildPolicy, mixWinRates, TIER_WEIGHTS, type PolicyContext } from '../../src/optimize/policies';
import { sampleContext } from './sample-context';

let ctx: PolicyContext;
beforeAll(async () => { ctx = await sampleContext(); }, 60_000);

const activeIds = () => ctx.roster.filter((r) => r.active).map((r) => r.rep_id);
const weightsOf = (config: RuleConfig) => new Map(config.rules[0]!.assign.pool.map((e) => [e.rep, e.weight!]));

describe('every policy a user compares is a valid rule file', () => {
  it.each(RULE_POLICIES)('%s passes the allot.rules/v1 schema and carries the roster', async (name) => {
    const policy = await buildPolicy(name, ctx);
    expect(policy.name).toBe(name);
    const parsed = parseRuleConfig(JSON.parse(JSON.stringify(policy.config)));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(policy.config.reps).toHaveLength(ctx.roster.length);
    expect(policy.config.reps.find((r) => r.id === 'r01')).toEqual({ id: 'r01', name: '王芳', crmUser: 'wang.fang@allot-sample.example', capacityPerWeek: 16, active: true, maxOpen: 80 });
    expect(policy.config.reps.find((r) => r.id === 'r10')?.active).toBe(false);
    expect(policy.config.fallback.pool.map((e) => e.rep).sort()).toEqual(activeIds().sort());
    expect(policy.notes.length).toBeGreaterThan(0);
    for (const rule of policy.config.rules) for (const entry of rule.assign.pool) expect(activeIds()).toContain(entry.rep);
  });
});

describe('the baselines as teams run them', () => {
  it('round robin is the team-wide rotation over the active reps', async () => {
    const { config } = await buildPolicy('round_robin', ctx);
    expect(config.rules).toEqual([]);
    expect(config.fallback.method).toBe('round_robin');
  });

  it('least loaded sends every lead to the least loaded active rep', async () => {
    const { config } = await buildPolicy('least_loaded', ctx);
    expect(config.rules).toEqual([]);
    expect(config.fallback).toMatchObject({ method: 'least_loaded' });
    expect(config.fallback.pool).toHaveLength(activeIds().length);
  });

  it('weighted by win rate: shares follow each rep\'s shrunk win rate on the team\'s mix', async () => {
    const { config, notes } = await buildPolicy('weighted', ctx);
    expect(config.rules[0]!.assign.method).toBe('weighted_round_robin');
    const weights = weightsOf(config);
    const rates = mixWinRates(ctx.estimates, activeIds());
    const totalRate = [...rates.values()].reduce((a, b) => a + b, 0);
    for (const [rep, rate] of rates) expect(Math.abs(weights.get(rep)! - rate / totalRate)).toBeLessThanOrEqual(0.01);
    expect([...weights.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // The planted best rep out-earns the planted worst: the weights must say so.
    const best = [...rates].sort((a, b) => b[1] - a[1])[0]![0];
    const worst = [...rates].sort((a, b) => a[1] - b[1])[0]![0];
    expect(weights.get(best)!).toBeGreaterThan(weights.get(worst)!);
    expect(textsOf(notes).join(' ')).toMatch(/shrunk conversion estimate/);
  });

  it('weighted by tier: a senior gets twice a junior\'s share', async () => {
    const { config, notes } = await buildPolicy('weighted_tier', ctx);
    const weights = weightsOf(config);
    expect(TIER_WEIGHTS.senior! / TIER_WEIGHTS.junior!).toBe(2);
    // r01 senior, r03 junior; whole percents make it 2:1 to within a percent.
    expect(Math.abs(weights.get('r01')! - 2 * weights.get('r03')!)).toBeLessThanOrEqual(0.01);
    expect(weights.get('r02')!).toBeGreaterThan(weights.get('r03')!);
    expect(notes[0]).toMatchObject({ code: 'weighted_tier', params: { senior: 2, mid: 1.5, junior: 1, other: 1.5 } });
    expect(notes[0]!.text).toMatch(/senior 2, mid 1.5, junior 1/);
  });

  it('territory: one round-robin rule per region among the reps holding it', async () => {
    const { config } = await buildPolicy('territory', ctx);
    expect(config.rules.map((r) => r.when)).toEqual(['East', 'North', 'South'].map((value) => ({ field: 'region', op: 'eq', value })));
    const north = config.rules[1]!;
    expect(north.assign.method).toBe('round_robin');
    expect(north.assign.pool.map((e) => e.rep)).toEqual(['r06', 'r07', 'r08', 'r09']);
  });

  it('territory without an eligibility field says so and rotates team-wide', async () => {
    const { eligibility: _, ...scenario } = ctx.scenario;
    const policy = await buildPolicy('territory', { ...ctx, scenario });
    expect(policy.config.rules).toEqual([]);
    expect(policy.notes[0]!.code).toBe('territory_none');
    expect(policy.notes[0]!.text).toMatch(/no eligibility/);
  });

  it('territory names the eligibility field when it is not a segment field', async () => {
    const scenario = { ...ctx.scenario, eligibility: { field: 'industry', skill: 'industry' } };
    await expect(buildPolicy('territory', { ...ctx, scenario })).rejects.toThrow(/eligibility\.field: "industry" is not one of the segment fields \(region, product\)/);
  });

  it('optimized returns its plan with the rules', async () => {
    const policy = await buildPolicy('optimized', ctx);
    expect(policy.plan?.status).toBe('optimal');
    expect(policy.config.rules.length).toBeGreaterThan(0);
  });
});
