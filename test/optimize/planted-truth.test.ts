import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BLANK } from '../../src/data/estimation-inputs';
import type { RuleConfig } from '../../src/model/rules';
import { buildPolicy, type PolicyContext } from '../../src/optimize/policies';
import { compileCondition, type Lead } from '../../src/route';
import { ROOT, sampleContext } from './sample-context';
import { logistic, type Truth } from '../../data/generator/index';

const truth = JSON.parse(readFileSync(path.join(ROOT, 'data/sample/truth.json'), 'utf8')) as Truth;

/** The generator's planted p(won) before response-time decay (the same decay multiplies every policy). */
function plantedP(segment: string, rep: string): number {
  const c = truth.conversion;
  const skill = c.reps.find((r) => r.rep_id === rep)!.skill;
  return logistic(c.segmentBase[segment as keyof typeof c.segmentBase]! + skill + (c.repSegmentEffects[rep]?.[segment as keyof typeof c.segmentBase] ?? 0));
}

/**
 * Expected conversions/week of a rule file on the planted truth, analytically: each segment's
 * leads/week go to the first rule that matches them (else the fallback), and are shared by its
 * pool as the router shares them in the long run (weights; equal shares for round robin among
 * the pool's active reps). Capacity is left out, so a policy that ignores it is not penalised.
 */
function expectedOnTruth(config: RuleConfig, ctx: PolicyContext): number {
  const active = new Set(config.reps.filter((r) => r.active).map((r) => r.id));
  const rules = config.rules.map((rule) => ({ test: compileCondition(rule.when), assign: rule.assign }));
  let total = 0;
  for (const seg of ctx.estimates.segments) {
    const lead: Lead = Object.fromEntries(Object.entries(seg.fields).map(([f, v]) => [f, v === BLANK ? null : v]));
    const assign = rules.find((r) => r.test(lead))?.assign ?? config.fallback;
    const pool = assign.pool.filter((e) => active.has(e.rep));
    expect(pool.length, `segment ${seg.key} has a pool`).toBeGreaterThan(0);
    const weights = assign.method === 'weighted_round_robin' ? pool.map((e) => e.weight!) : pool.map(() => 1);
    const sum = weights.reduce((a, b) => a + b, 0);
    pool.forEach((e, i) => { total += seg.perWeek * (weights[i]! / sum) * plantedP(seg.key, e.rep); });
  }
  return total;
}

let ctx: PolicyContext;
beforeAll(async () => { ctx = await sampleContext(); }, 60_000);

describe('on the sample\'s planted truth', () => {
  it('reads the formula this test implements', () => {
    expect(truth.conversion.formula).toBe('p(won) = logistic(segmentBase[segment] + reps[rep].skill + repSegmentEffects[rep][segment]) * decay(hoursToFirstTouch)');
  });

  it('the optimized rules beat territory round robin by a clear margin', async () => {
    const optimized = expectedOnTruth((await buildPolicy('optimized', ctx)).config, ctx);
    const territory = expectedOnTruth((await buildPolicy('territory', ctx)).config, ctx);
    const roundRobin = expectedOnTruth((await buildPolicy('round_robin', ctx)).config, ctx);
    // Measured: optimized 41.93, territory 33.70, round robin 33.52 conversions/week (+8.22, +24%),
    // before response-time decay. The margin asked for is three quarters of the measured gain.
    expect(optimized - territory).toBeGreaterThan(6);
    expect(optimized / territory).toBeGreaterThan(1.18);
    expect(optimized / roundRobin).toBeGreaterThan(1.18);
  });
});
