import { describe, expect, it } from 'vitest';
import { verdicts } from '../../src/simulate/verdict';
import { makeI18n } from '../../src/ui/i18n';
import type { Interval } from '../../src/model/comparison';

const policy = (name: string, conversions: Interval, metrics: Record<string, number> = {}) =>
  ({ name, vsBaseline: { conversions }, metrics: Object.fromEntries(Object.entries(metrics).map(([k, mean]) => [k, { mean, lo: mean, hi: mean }])) }) as never;
const zero = { mean: 0, lo: 0, hi: 0 };

describe('the comparison in words a sales leader can repeat', () => {
  it('names the gain with its interval when it is above zero, and the loss when below', () => {
    const said = verdicts({ baseline: 'round_robin', policies: [policy('round_robin', zero), policy('optimized', { mean: 19.46, lo: 1.94, hi: 38.31 }), policy('as_is', { mean: -7.2, lo: -12.5, hi: -1.1 })] }, 13, (p) => ({ round_robin: 'Round robin', optimized: 'Optimized', as_is: 'As is' })[p] ?? p);
    expect(said.map((v) => v.text)).toEqual([
      'Optimized: +19.5 conversions over 13 weeks (90%: +1.9 to +38.3) more than Round robin.',
      'As is: −7.2 conversions over 13 weeks (90%: −12.5 to −1.1), fewer than Round robin.',
    ]);
    expect(makeI18n('zh').engineText(said[0]!)).toBe('Optimized：13 周内比Round robin多成交 19.5 单（90% 区间：1.9 至 38.3）。');
  });

  it('where every interval covers zero, says that no policy reliably beats the baseline', () => {
    const said = verdicts({ baseline: 'round_robin', policies: [policy('round_robin', zero), policy('optimized', { mean: -6.5, lo: -20, hi: 2 })] }, 13);
    expect(said.map((v) => v.code)).toEqual(['verdict_unclear', 'verdict_none_beats']);
    expect(said[1]!.text).toBe('No policy reliably beats round_robin on this data.');
    expect(makeI18n('zh').engineText(said[1]!)).toBe('在这份数据上，没有策略能可靠地胜过round_robin。');
  });

  it('says when a win comes from going over the caps the other policy keeps to, whichever side it is on', () => {
    // Twice the volume: as is replays the owners, caps or not; the rule-based policies queue a third.
    const asIs = policy('as_is', { mean: 157.8, lo: 120.7, hi: 202 }, { maxUtilization: 2.06, unassignedShare: 0 });
    const roundRobin = policy('round_robin', zero, { maxUtilization: 0.99, unassignedShare: 0.345 });
    const said = verdicts({ baseline: 'round_robin', policies: [roundRobin, asIs] }, 13);
    expect(said.map((v) => v.code)).toEqual(['verdict_more', 'verdict_over_capacity']);
    expect(said[1]!.text).toBe('as_is gives its busiest rep 206% of their capacity, where round_robin keeps to the caps and leaves 35% of the leads queued: that part of the difference is capacity the caps do not allow, not better matching.');
    expect(makeI18n('zh').engineText(said[1]!)).toBe('as_is让最忙的销售承担其容量的 206%，而round_robin遵守容量上限，35% 的线索在排队：这部分差异来自超出上限的容量，而不是更好的匹配。');
    const fromAsIs = verdicts({ baseline: 'as_is', policies: [asIs, policy('optimized', { mean: -170, lo: -200, hi: -140 }, { maxUtilization: 1, unassignedShare: 0.345 })] }, 13);
    expect(fromAsIs.map((v) => v.code)).toEqual(['verdict_fewer', 'verdict_over_capacity', 'verdict_none_beats']);
    expect(fromAsIs[1]!.text).toMatch(/^as_is gives its busiest rep 206% .* where optimized keeps to the caps/);
    // Within the caps on both sides: nothing added.
    expect(verdicts({ baseline: 'round_robin', policies: [policy('round_robin', zero, { maxUtilization: 0.86, unassignedShare: 0 }), policy('as_is', zero, { maxUtilization: 1.03, unassignedShare: 0 })] }, 13).map((v) => v.code)).toEqual(['verdict_unclear', 'verdict_none_beats']);
  });
});
