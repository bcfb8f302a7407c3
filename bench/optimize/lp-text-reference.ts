/**
 * The yardstick: HiGHS as the optimizer called it before it was fed arrays — the model written as
 * CPLEX LP text (the `--lp` writer), parsed and solved by `highs.solve` with HiGHS's defaults, and
 * the answer read back by column name. The bench times it; the tests check our answers against it.
 */
import highsLoader from 'highs';
import { toCplexLp } from '../../src/optimize/cplex-lp';
import type { LinearModel } from '../../src/optimize/model';
import type { LpSolution, LpSolver } from '../../src/optimize/solvers';

export async function loadHighsLpText(): Promise<LpSolver> {
  const highs = await highsLoader();
  return {
    // Reported as HiGHS: it is HiGHS, on another road in.
    name: 'highs',
    solve(model: LinearModel): LpSolution {
      const started = performance.now();
      const x = new Float64Array(model.colNames.length);
      let result;
      try {
        result = highs.solve(toCplexLp(model));
      } catch (error) {
        return { status: 'error', solver: 'highs', objective: NaN, x, ms: performance.now() - started, message: String(error) };
      }
      model.colNames.forEach((name, j) => { const col = result.Columns[name]; if (col && 'Primal' in col) x[j] = col.Primal; });
      const status = result.Status === 'Optimal' ? 'optimal'
        : result.Status === 'Infeasible' || result.Status === 'Primal infeasible or unbounded' ? 'infeasible'
        : result.Status === 'Unbounded' ? 'unbounded' : 'error';
      return { status, solver: 'highs', objective: result.ObjectiveValue, x, ms: performance.now() - started };
    },
  };
}
