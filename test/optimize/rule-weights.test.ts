import { beforeAll, describe, expect, it } from 'vitest';
import { parseRuleConfig, type RuleConfig } from '../../src/model/rules';
import { buildPolicy } from '../../src/optimize/policies';
import { sampleContext } from './sample-context';

let optimized: RuleConfig;
beforeAll(async () => { optimized = (await buildPolicy('optimized', await sampleContext())).config; }, 60_000);

/** The optimized rule file, edited by hand the way a user might break it. */
function edited(edit: (config: RuleConfig) => void): ReturnType<typeof parseRuleConfig> {
  const copy = JSON.parse(JSON.stringify(optimized)) as RuleConfig;
  edit(copy);
  return parseRuleConfig(copy);
}

describe('an optimized rule file with weights edited out of [0, 1] names the weight', () => {
  const weighted = () => optimized.rules.findIndex((r) => r.assign.method === 'weighted_round_robin');

  it('the optimized file has a weighted rule to break', () => {
    expect(weighted()).toBeGreaterThanOrEqual(0);
  });

  it('a weight above 1', () => {
    const i = weighted();
    const result = edited((c) => { c.rules[i]!.assign.pool[0]!.weight = 1.4; });
    expect(result.ok ? [] : result.errors).toContainEqual({ path: `rules[${i}].assign.pool[0].weight`, message: 'weights must be in [0, 1]' });
  });

  it('a negative weight', () => {
    const i = weighted();
    const result = edited((c) => { c.rules[i]!.assign.pool[1]!.weight = -0.2; });
    expect(result.ok ? [] : result.errors).toContainEqual({ path: `rules[${i}].assign.pool[1].weight`, message: 'weights must be in [0, 1]' });
  });

  it('weights that no longer sum to 1', () => {
    const i = weighted();
    const result = edited((c) => { c.rules[i]!.assign.pool[0]!.weight = c.rules[i]!.assign.pool[0]!.weight! / 2; });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([`rules[${i}].assign.pool`]);
    expect(result.ok ? '' : result.errors[0]!.message).toMatch(/^weights must sum to 1 \(they sum to 0\.\d+\)$/);
  });
});
