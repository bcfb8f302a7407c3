import { describe, expect, it } from 'vitest';
import { toCplexLp } from '../../src/optimize/cplex-lp';
import { buildModel } from '../../src/optimize/model';
import { normalizeProblem } from '../../src/optimize/problem';
import { loadHighs } from '../../src/optimize/solvers';
import { problemOf, rep, seg } from './fixtures';

describe('the model in CPLEX LP format', () => {
  it('writes only eligible pairs, the priced overflow and every switched-on constraint', () => {
    const problem = problemOf([seg('East', 10), seg('West', 5)], [rep('a', 8), rep('j', 8, 'junior')], [[0.5, 0.2], [0.3, 0.4]], {
      eligible: (s, r) => !(s === 1 && r === 0),
      overflowPenalty: 50,
    });
    problem.constraints.loadBand = [0.25, 1];
    problem.constraints.juniorShare = { segments: [0], atLeast: 0.1 };
    problem.constraints.maxMinWeight = 2;
    const lp = toCplexLp(buildModel(normalizeProblem(problem).normalized!));
    expect(lp).toBe([
      '\\ allot assignment LP',
      '\\ 2 segments x 2 reps, 6 columns, 11 rows',
      'Maximize',
      ' obj: 0.5 x0_0 + 0.2 x0_1 + 0.4 x1_1 - 50 o0 - 50 o1 + 2 t',
      'Subject To',
      ' d0: 1 x0_0 + 1 x0_1 + 1 o0 = 10',
      ' d1: 1 x1_1 + 1 o1 = 5',
      ' cap0: 1 x0_0 <= 8',
      ' bmin0: 1 x0_0 >= 2',
      ' bmax0: 1 x0_0 <= 8',
      ' mm0: 1 t - 0.5 x0_0 <= 0',
      ' cap1: 1 x0_1 + 1 x1_1 <= 8',
      ' bmin1: 1 x0_1 + 1 x1_1 >= 2',
      ' bmax1: 1 x0_1 + 1 x1_1 <= 8',
      ' mm1: 1 t - 0.2 x0_1 - 0.4 x1_1 <= 0',
      ' jr: 1 x0_1 >= 1',
      'End',
      '',
    ].join('\n'));
  });

  it('is read by HiGHS, long expressions wrapped', async () => {
    const S = 40;
    const problem = problemOf(Array.from({ length: S }, (_, s) => seg(`s${s}`, 1)), [rep('a', 100)], Array.from({ length: S }, () => [0.5]));
    const model = buildModel(normalizeProblem(problem).normalized!);
    const lp = toCplexLp(model);
    expect(Math.max(...lp.split('\n').map((l) => l.length))).toBeLessThan(255);
    const solution = (await loadHighs()).solve(model);
    expect(solution.status).toBe('optimal');
    expect(solution.objective).toBeCloseTo(20, 9);
  });
});
