import { beforeAll, describe, expect, it } from 'vitest';
import { parseRuleConfig } from '../../src/model/rules';
import { frontier, gini, type Frontier } from '../../src/optimize/frontier';
import type { PolicyContext } from '../../src/optimize/policies';
import { sampleContext } from './sample-context';

let ctx: PolicyContext;
let sweep: Frontier;
beforeAll(async () => {
  ctx = await sampleContext();
  sweep = await frontier(ctx);
}, 120_000);

describe('the conversion-vs-fairness frontier on the sample', () => {
  it('has more than one point: fairness costs something here', () => {
    expect(sweep.points.length).toBeGreaterThan(2);
    expect(sweep.points[0]!.strength).toBe(0);
  });

  it('conversions never rise and the worst-off rep never falls along the sweep', () => {
    const eps = 1e-6;
    for (let i = 1; i < sweep.points.length; i++) {
      const [a, b] = [sweep.points[i - 1]!, sweep.points[i]!];
      expect(b.strength).toBeGreaterThan(a.strength);
      expect(b.conversionsPerWeek).toBeLessThanOrEqual(a.conversionsPerWeek + eps);
      expect(b.minRepConversions).toBeGreaterThanOrEqual(a.minRepConversions - eps);
    }
    const [first, last] = [sweep.points[0]!, sweep.points.at(-1)!];
    expect(last.minRepConversions).toBeGreaterThan(first.minRepConversions + 0.1);
    expect(last.conversionsPerWeek).toBeLessThan(first.conversionsPerWeek);
  });

  it('every point is a valid rule file, and no two neighbours are the same plan', () => {
    for (const point of sweep.points) {
      const parsed = parseRuleConfig(JSON.parse(JSON.stringify(point.config)));
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    }
    const keys = sweep.points.map((p) => `${p.conversionsPerWeek.toFixed(9)} ${p.minRepConversions.toFixed(9)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is deterministic', async () => {
    const again = await frontier(ctx);
    expect(again.points.map((p) => [p.strength, p.conversionsPerWeek, p.minRepConversions])).toEqual(sweep.points.map((p) => [p.strength, p.conversionsPerWeek, p.minRepConversions]));
  });

  it('says where the worst-off rep stops improving', () => {
    expect(sweep.notes[0]!.text).toMatch(/worst-off rep's expected conversions rise from [\d.]+ to [\d.]+\/week/);
  });
});

describe('gini', () => {
  it('is 0 for equal shares and (n−1)/n when one takes all', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([0, 0, 0, 8])).toBeCloseTo(3 / 4, 12);
    // |1−3| + |1−2| + |3−2| = 4, doubled = 8, over 2·n²·mean = 2·9·2 = 36.
    expect(gini([1, 3, 2])).toBeCloseTo(8 / 36, 12);
    expect(gini([])).toBe(0);
  });
});
