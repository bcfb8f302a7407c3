import { describe, expect, it } from 'vitest';
import { verdicts } from '../../src/simulate/verdict';
import { makeI18n } from '../../src/ui/i18n';
import type { Interval } from '../../src/model/comparison';

const policy = (name: string, conversions: Interval) => ({ name, vsBaseline: { conversions } }) as never;
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
});
